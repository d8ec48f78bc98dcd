/**
 * The in-memory store, for hosts and tests that choose it explicitly ({@link
 * cloud.quazzar.partner.memory.MemoryStorage#create()}); its data does not survive the process.
 */
@NullMarked
package cloud.quazzar.partner.memory;

import org.jspecify.annotations.NullMarked;
