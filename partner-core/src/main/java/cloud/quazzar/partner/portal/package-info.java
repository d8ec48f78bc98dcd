/**
 * The partner portal: a view of the program scoped to one authenticated partner ({@link
 * cloud.quazzar.partner.portal.PartnerPortal}, from {@link
 * cloud.quazzar.partner.PartnerProgram#portal(cloud.quazzar.partner.registry.PartnerId)}) and its
 * monthly {@link cloud.quazzar.partner.portal.BillingStatement billing statements}.
 *
 * <p>Rules PORTAL-1 and PORTAL-2: nothing reachable through a portal belongs to another partner, and asking for
 * another partner's item looks exactly like asking for one that does not exist (same exception
 * type, same message).
 */
@NullMarked
package cloud.quazzar.partner.portal;

import org.jspecify.annotations.NullMarked;
