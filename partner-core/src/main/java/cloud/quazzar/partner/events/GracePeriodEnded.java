package cloud.quazzar.partner.events;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A partner's grace period ended.
 *
 * @param partnerId the partner
 * @param tier the tier it kept during the grace period
 * @param startedOn the day the grace period started (its first day of grace)
 * @param endedOn the date of the review that ended it (requalified, demoted or tier changed)
 * @param outcome why it ended
 * @param at when the review stored it
 */
public record GracePeriodEnded(
    PartnerId partnerId, Tier tier, LocalDate startedOn, LocalDate endedOn, GracePeriodOutcome outcome, Instant at)
    implements PartnerEvent {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param partnerId the partner
   * @param tier the tier it kept during the grace period
   * @param startedOn the day the grace period started (its first day of grace)
   * @param endedOn the date of the review that ended it (requalified, demoted or tier changed)
   * @param outcome why it ended
   * @param at when the review stored it
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null or out of range
   */
  public GracePeriodEnded {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(tier, "tier");
    requireNonNull(startedOn, "startedOn");
    requireNonNull(endedOn, "endedOn");
    requireNonNull(outcome, "outcome");
    requireNonNull(at, "at");
  }
}
