package cloud.quazzar.partner.events;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.registry.PartnerId;
import java.time.Instant;

/**
 * A partner's personal data was erased (docs/rules.md PRIV-3): a host that keeps copies of it
 * (listener output, search indexes, mail lists) should erase them too. Carries neither the erased
 * values nor the erasure's reason; {@link cloud.quazzar.partner.privacy.PersonalData#erasures}
 * has the audit entry.
 *
 * @param partnerId the partner
 * @param at when it was erased
 */
public record PartnerDataErased(PartnerId partnerId, Instant at) implements PartnerEvent {
  /**
   * Checks the components.
   *
   * @param partnerId the partner
   * @param at when it was erased
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null
   */
  public PartnerDataErased {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(at, "at");
  }
}
