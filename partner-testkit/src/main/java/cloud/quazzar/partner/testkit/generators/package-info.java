/**
 * QuickTheories generators of valid domain input, and scripts of registry operations with a model
 * to check them against, for property tests of the library's rules.
 */
@NullMarked
package cloud.quazzar.partner.testkit.generators;

import org.jspecify.annotations.NullMarked;
