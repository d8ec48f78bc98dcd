package cloud.quazzar.partner.events;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.time.Instant;

/**
 * A partner was added to the registry.
 *
 * @param partnerId the new partner
 * @param companyName its company name as stored
 * @param tier its initial tier
 * @param at when it was added
 */
public record PartnerCreated(PartnerId partnerId, String companyName, Tier tier, Instant at) implements PartnerEvent {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param partnerId the new partner
   * @param companyName its company name as stored
   * @param tier its initial tier
   * @param at when it was added
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null or out of range
   */
  public PartnerCreated {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(companyName, "companyName");
    requireNonNull(tier, "tier");
    requireNonNull(at, "at");
  }
}
