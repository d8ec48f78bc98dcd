/**
 * The in-memory store. Not API.
 */
@NullMarked
package cloud.quazzar.partner.internal.memory;

import org.jspecify.annotations.NullMarked;
