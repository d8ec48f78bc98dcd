/**
 * The storage conformance kit: abstract JUnit 5 classes that every {@link
 * cloud.quazzar.partner.spi.StorageProvider}'s store must pass. Extend {@link
 * cloud.quazzar.partner.testkit.tck.StoreTck} and supply one factory method. Each capability's
 * contract is its own abstract class mounted there; {@link BadInputContract}, {@link
 * VerbatimTextContract} and {@link PortalContract} cross all capabilities.
 */
@NullMarked
package cloud.quazzar.partner.testkit.tck;

import org.jspecify.annotations.NullMarked;
