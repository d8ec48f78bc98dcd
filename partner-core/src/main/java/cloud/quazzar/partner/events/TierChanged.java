package cloud.quazzar.partner.events;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.TierChange;
import java.time.Instant;

/**
 * A partner's tier changed: by an administrator through the registry, or by a tier review (whose
 * reason then names the review). The initial tier of a new partner is in {@link PartnerCreated},
 * not here, so {@link TierChange#from()} is always present in this event.
 *
 * @param change the entry appended to the partner's tier history
 */
public record TierChanged(TierChange change) implements PartnerEvent {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param change the entry appended to the partner's tier history
   * @throws ValidationException naming each component that is null or out of range
   */
  public TierChanged {
    requireNonNull(change, "change");
    if (change.from().isEmpty()) {
      throw ValidationException.of("change", "must be a change from a tier: the initial tier is announced by "
          + "PartnerCreated, not TierChanged");
    }
  }

  @Override
  public PartnerId partnerId() {
    return change.partnerId();
  }

  @Override
  public Instant at() {
    return change.changedAt();
  }
}
