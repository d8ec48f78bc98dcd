/**
 * What storage plugin authors implement: a {@link cloud.quazzar.partner.spi.StorageProvider} found by {@link java.util.ServiceLoader}, and the {@link cloud.quazzar.partner.spi.Store} it opens. Not for host code. Rules live in core; a store only persists.
 */
@NullMarked
package cloud.quazzar.partner.spi;

import org.jspecify.annotations.NullMarked;
