/**
 * Partner management: partners, their clients, tiers, the benefits matrix and the append-only tier history.
 */
@NullMarked
package cloud.quazzar.partner.registry;

import org.jspecify.annotations.NullMarked;
