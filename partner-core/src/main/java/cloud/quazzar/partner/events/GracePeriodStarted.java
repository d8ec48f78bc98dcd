package cloud.quazzar.partner.events;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A tier review found that a partner no longer qualifies for its tier: it keeps the tier and its
 * benefits from {@code startedOn} (inclusive) to {@code demotionDueOn} (exclusive), unless it
 * requalifies first (see {@link cloud.quazzar.partner.review.GracePeriod}).
 *
 * @param partnerId the partner
 * @param tier the tier it keeps during the grace period
 * @param startedOn the review date that started it: the first day of grace
 * @param demotionDueOn the first day without grace: a review on or after it demotes (or recommends
 *     it); the last day of grace is the day before
 * @param at when the review stored it
 */
public record GracePeriodStarted(PartnerId partnerId, Tier tier, LocalDate startedOn, LocalDate demotionDueOn, Instant at)
    implements PartnerEvent {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param partnerId the partner
   * @param tier the tier it keeps during the grace period
   * @param startedOn the review date that started it: the first day of grace
   * @param demotionDueOn the first day without grace: a review on or after it demotes (or recommends
   *     it); the last day of grace is the day before
   * @param at when the review stored it
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null or out of range
   */
  public GracePeriodStarted {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(tier, "tier");
    requireNonNull(startedOn, "startedOn");
    requireNonNull(demotionDueOn, "demotionDueOn");
    requireNonNull(at, "at");
  }
}
