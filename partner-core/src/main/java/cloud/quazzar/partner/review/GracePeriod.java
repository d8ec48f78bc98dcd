package cloud.quazzar.partner.review;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.time.LocalDate;

/**
 * A running grace period: the partner stopped qualifying for {@code tier} at the review of {@code
 * startedOn} and keeps that tier, with its benefits and discount, until a review on or after {@code
 * endsOn} demotes it (or recommends it), unless it requalifies first. At most one per partner.
 *
 * <p>Throws {@link IllegalArgumentException} if {@code endsOn} is not after {@code startedOn}.
 *
 * @param partnerId the partner
 * @param tier the tier it keeps during the grace period (its tier when the period started)
 * @param startedOn the day of the review that started it
 * @param endsOn the last day of grace: {@code startedOn} plus the policy's grace period days
 */
public record GracePeriod(PartnerId partnerId, Tier tier, LocalDate startedOn, LocalDate endsOn) {
  public GracePeriod {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(tier, "tier");
    requireNonNull(startedOn, "startedOn");
    requireNonNull(endsOn, "endsOn");
    if (!endsOn.isAfter(startedOn)) {
      throw new IllegalArgumentException("a grace period ends after it starts: " + startedOn + " .. " + endsOn);
    }
  }

  /** Whether the grace period is over on {@code date} (the demotion is due): {@code date >= endsOn}. */
  public boolean isOverOn(LocalDate date) {
    return !date.isBefore(endsOn);
  }
}
