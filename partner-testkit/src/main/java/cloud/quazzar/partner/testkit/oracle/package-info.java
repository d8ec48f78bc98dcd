/**
 * Reference oracles for rule authors: straightforward, obviously correct implementations of the
 * library's rules, to compare the engines against in property tests with any property library.
 */
@NullMarked
package cloud.quazzar.partner.testkit.oracle;

import org.jspecify.annotations.NullMarked;
