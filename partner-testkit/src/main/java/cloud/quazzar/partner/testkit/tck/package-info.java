/**
 * The storage conformance kit: abstract JUnit 5 classes that every {@link
 * cloud.quazzar.partner.spi.StorageProvider}'s store must pass. Extend {@link
 * cloud.quazzar.partner.testkit.tck.StoreTck} and supply one factory method. Each capability's
 * contract is its own abstract class mounted there ({@link RegistryContract}, {@link
 * CertificationContract}, {@link RevenueContract}, {@link DiscountContract}, {@link
 * ReviewContract}, {@link EventContract}); {@link BadInputContract} (fed by one case source per
 * capability), {@link VerbatimTextContract}, {@link UnicodeTextContract} and {@link PortalContract}
 * cross all capabilities.
 */
@NullMarked
package cloud.quazzar.partner.testkit.tck;

import org.jspecify.annotations.NullMarked;
