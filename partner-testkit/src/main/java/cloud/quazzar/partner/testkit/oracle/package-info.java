/**
 * Reference oracles: the library's rules written again in the plainest way, independent of the
 * implementation, for property tests to compare against. Plain Java, usable from any property
 * library.
 */
@NullMarked
package cloud.quazzar.partner.testkit.oracle;

import org.jspecify.annotations.NullMarked;
