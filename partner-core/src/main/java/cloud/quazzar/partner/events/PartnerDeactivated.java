package cloud.quazzar.partner.events;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.registry.PartnerId;
import java.time.Instant;

/**
 * A partner was deactivated: it keeps its data but gets no discount and cannot be changed until
 * it is reactivated.
 *
 * @param partnerId the partner
 * @param version the partner's version after the change
 * @param at when it was deactivated
 */
public record PartnerDeactivated(PartnerId partnerId, long version, Instant at) implements PartnerEvent {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param partnerId the partner
   * @param version the partner's version after the change
   * @param at when it was deactivated
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null or out of range
   */
  public PartnerDeactivated {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(at, "at");
  }
}
