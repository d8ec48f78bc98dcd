/**
 * Test support for hosts, plugin authors and rule authors: a mutable {@link
 * cloud.quazzar.partner.testkit.TestClock}, predictable ids, and (in subpackages) the storage TCK
 * and property-test generators.
 */
@NullMarked
package cloud.quazzar.partner.testkit;

import org.jspecify.annotations.NullMarked;
