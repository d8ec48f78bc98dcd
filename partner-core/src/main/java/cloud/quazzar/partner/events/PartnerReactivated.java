package cloud.quazzar.partner.events;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.registry.PartnerId;
import java.time.Instant;

/**
 * A deactivated partner was made active again.
 *
 * @param partnerId the partner
 * @param version the partner's version after the change
 * @param at when it was reactivated
 */
public record PartnerReactivated(PartnerId partnerId, long version, Instant at) implements PartnerEvent {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param partnerId the partner
   * @param version the partner's version after the change
   * @param at when it was reactivated
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null or out of range
   */
  public PartnerReactivated {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(at, "at");
  }
}
