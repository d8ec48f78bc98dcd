package cloud.quazzar.partner.review;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the review of one day said and did for one partner. Stored: a second review of the same
 * partner on the same day returns this outcome again and does nothing.
 *
 * @param partnerId the partner
 * @param date the review day
 * @param verdict keep, promote or at risk
 * @param tierBefore the partner's tier when the review started
 * @param tierAfter its tier when the review ended (differs only after {@link ReviewAction#PROMOTED}
 *     or {@link ReviewAction#DEMOTED})
 * @param qualifiedTier the highest tier it qualifies for on {@code date} (certifications, servers,
 *     clients and revenue); empty if even the lowest tier's requirements are unmet
 * @param targetTier the tier a promotion or demotion moved it to or recommends; empty when there is
 *     none. A demotion targets {@code qualifiedTier}, or the lowest tier if that is empty
 * @param actions what the review did, in order; empty when it changed nothing
 * @param graceStartedOn the first day of the grace period that runs after the review, or that this
 *     review ended; empty if neither
 * @param demotionDueOn the first day without grace of that grace period (exclusive end; see {@link
 *     GracePeriod#demotionDueOn()}); present exactly when {@code graceStartedOn} is
 * @param unmet the requirements of {@code tierBefore} and of the tiers below it that the partner
 *     does not meet, in words (empty unless the verdict is {@link ReviewVerdict#AT_RISK}); no line
 *     breaks; each starts with its tier, as in {@code "GOLD: at least 2
 *     certifications at ADVANCED or above: 0 count on 2026-11-28"}, lowest tier first
 */
public record ReviewOutcome(
    PartnerId partnerId,
    LocalDate date,
    ReviewVerdict verdict,
    Tier tierBefore,
    Tier tierAfter,
    Optional<Tier> qualifiedTier,
    Optional<Tier> targetTier,
    List<ReviewAction> actions,
    Optional<LocalDate> graceStartedOn,
    Optional<LocalDate> demotionDueOn,
    List<String> unmet) {

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param partnerId the partner
   * @param date the review day
   * @param verdict keep, promote or at risk
   * @param tierBefore the partner's tier when the review started
   * @param tierAfter its tier when the review ended (differs only after {@link ReviewAction#PROMOTED}
   *     or {@link ReviewAction#DEMOTED})
   * @param qualifiedTier the highest tier it qualifies for on {@code date} (certifications, servers,
   *     clients and revenue); empty if even the lowest tier's requirements are unmet
   * @param targetTier the tier a promotion or demotion moved it to or recommends; empty when there is
   *     none. A demotion targets {@code qualifiedTier}, or the lowest tier if that is empty
   * @param actions what the review did, in order; empty when it changed nothing
   * @param graceStartedOn the first day of the grace period that runs after the review, or that this
   *     review ended; empty if neither
   * @param demotionDueOn the first day without grace of that grace period (exclusive end; see {@link
   *     GracePeriod#demotionDueOn()}); present exactly when {@code graceStartedOn} is
   * @param unmet the requirements of {@code tierBefore} and of the tiers below it that the partner
   *     does not meet, in words (empty unless the verdict is {@link ReviewVerdict#AT_RISK}); no line
   *     breaks; each starts with its tier, as in {@code "GOLD: at least 2
   *     certifications at ADVANCED or above: 0 count on 2026-11-28"}, lowest tier first
   * @throws ValidationException naming each component that is null or out of range
   */
  public ReviewOutcome {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(date, "date");
    requireNonNull(verdict, "verdict");
    requireNonNull(tierBefore, "tierBefore");
    requireNonNull(tierAfter, "tierAfter");
    requireNonNull(qualifiedTier, "qualifiedTier");
    requireNonNull(targetTier, "targetTier");
    requireNonNull(graceStartedOn, "graceStartedOn");
    requireNonNull(demotionDueOn, "demotionDueOn");
    actions = List.copyOf(requireNonNull(actions, "actions"));
    unmet = List.copyOf(requireNonNull(unmet, "unmet"));
    if (graceStartedOn.isPresent() != demotionDueOn.isPresent()) {
      throw ValidationException.of("demotionDueOn", "must be present exactly when graceStartedOn is: " + graceStartedOn
          + ", " + demotionDueOn);
    }
    for (String u : unmet) {
      if (u.indexOf('\n') >= 0 || u.indexOf('\r') >= 0) {
        throw ValidationException.of("unmet", "must hold one line per requirement, got " + u);
      }
    }
  }

  /**
   * Whether the review changed the partner's tier.
   *
   * @return true if the tier changed
   */
  public boolean tierChanged() {
    return tierBefore != tierAfter;
  }
}
