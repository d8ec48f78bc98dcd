package cloud.quazzar.partner.review;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.time.LocalDate;

/**
 * A running grace period: the partner stopped qualifying for {@code tier} at the review of {@code
 * startedOn} and keeps that tier, with its benefits and discount, on every day from {@code
 * startedOn} (inclusive) to {@code demotionDueOn} (exclusive), unless it requalifies first; a review
 * on or after {@code demotionDueOn} demotes it (or recommends it). With the policy's {@code
 * gracePeriodDays} = n the grace covers n days: {@code startedOn} to {@code demotionDueOn - 1}. At
 * most one per partner.
 *
 * <p>Throws {@link cloud.quazzar.partner.ValidationException} naming a null component, or ({@code
 * demotionDueOn}) if it is not after {@code startedOn}.
 *
 * @param partnerId the partner
 * @param tier the tier it keeps during the grace period (its tier when the period started)
 * @param startedOn the day of the review that started it: the first day of grace
 * @param demotionDueOn the first day without grace (exclusive end): {@code startedOn} plus the
 *     policy's grace period days; the last day of grace is the day before
 */
public record GracePeriod(PartnerId partnerId, Tier tier, LocalDate startedOn, LocalDate demotionDueOn) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param partnerId the partner
   * @param tier the tier it keeps during the grace period (its tier when the period started)
   * @param startedOn the day of the review that started it: the first day of grace
   * @param demotionDueOn the first day without grace (exclusive end): {@code startedOn} plus the
   *     policy's grace period days; the last day of grace is the day before
   * @throws ValidationException naming each component that is null or out of range
   */
  public GracePeriod {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(tier, "tier");
    requireNonNull(startedOn, "startedOn");
    requireNonNull(demotionDueOn, "demotionDueOn");
    if (!demotionDueOn.isAfter(startedOn)) {
      throw ValidationException.of("demotionDueOn", "must be after startedOn (" + startedOn + "), got " + demotionDueOn);
    }
  }

  /**
   * Whether the grace period is over on {@code date}, so that a review that day demotes (or
   * recommends it): {@code date >= demotionDueOn}. False on the last day of grace, the day before.
   *
   * @param date a day
   * @return true if the grace period is over on it
   */
  public boolean isOverOn(LocalDate date) {
    return !date.isBefore(demotionDueOn);
  }
}
