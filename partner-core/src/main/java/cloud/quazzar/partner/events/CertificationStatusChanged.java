package cloud.quazzar.partner.events;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.certification.StatusChange;
import cloud.quazzar.partner.registry.PartnerId;
import java.time.Instant;

/**
 * The certification status sweep ({@code CertificationTracker.reportStatusChanges()}) found that a
 * certification's status differs from the one last reported for it.
 *
 * @param change the change as the sweep reported it
 * @param at when the sweep stored it
 */
public record CertificationStatusChanged(StatusChange change, Instant at) implements PartnerEvent {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param change the change as the sweep reported it
   * @param at when the sweep stored it
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null or out of range
   */
  public CertificationStatusChanged {
    requireNonNull(change, "change");
    requireNonNull(at, "at");
  }

  @Override
  public PartnerId partnerId() {
    return change.certification().partnerId();
  }
}
