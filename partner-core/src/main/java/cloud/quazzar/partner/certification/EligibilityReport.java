package cloud.quazzar.partner.certification;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Which tiers a partner qualifies for on a day, and what is missing for the others (rule
 * CERT-9). For a future day it projects the partner's current certifications (those that
 * will have expired by then no longer count) and its current server and client counts.
 *
 * @param partnerId the partner
 * @param date the evaluation day
 * @param currentTier the partner's tier now
 * @param qualifiedTier the highest tier it qualifies for on {@code date} (tiers form a ladder, so it
 *     qualifies for every tier below it too); empty if even the lowest tier's requirements are not
 *     met
 * @param tiers one assessment per tier, lowest first
 * @param losesQualifiedTierOn the first day after {@code date} on which, without renewals, it no
 *     longer qualifies for {@code qualifiedTier} because certifications expire (it still qualifies
 *     on the day before); empty if no expiry costs it that tier
 * @param countedCertifications how many certifications count on {@code date}
 * @param serverCount the partner's server count used
 * @param clientCount the partner's client count used
 */
public record EligibilityReport(
    PartnerId partnerId,
    LocalDate date,
    Tier currentTier,
    Optional<Tier> qualifiedTier,
    List<TierAssessment> tiers,
    Optional<LocalDate> losesQualifiedTierOn,
    long countedCertifications,
    long serverCount,
    long clientCount) {

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param partnerId the partner
   * @param date the evaluation day
   * @param currentTier the partner's tier now
   * @param qualifiedTier the highest tier it qualifies for on {@code date} (tiers form a ladder, so it
   *     qualifies for every tier below it too); empty if even the lowest tier's requirements are not
   *     met
   * @param tiers one assessment per tier, lowest first
   * @param losesQualifiedTierOn the first day after {@code date} on which, without renewals, it no
   *     longer qualifies for {@code qualifiedTier} because certifications expire (it still qualifies
   *     on the day before); empty if no expiry costs it that tier
   * @param countedCertifications how many certifications count on {@code date}
   * @param serverCount the partner's server count used
   * @param clientCount the partner's client count used
   * @throws ValidationException naming each component that is null or out of range
   */
  public EligibilityReport {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(date, "date");
    requireNonNull(currentTier, "currentTier");
    requireNonNull(qualifiedTier, "qualifiedTier");
    requireNonNull(losesQualifiedTierOn, "losesQualifiedTierOn");
    tiers = List.copyOf(requireNonNull(tiers, "tiers"));
    if (tiers.size() != Tier.values().length) {
      throw ValidationException.of("tiers", "must hold one assessment per tier, got " + tiers.size());
    }
  }

  /**
   * The assessment of {@code tier}.
   *
   * @param tier a tier
   * @return its assessment
   */
  @SuppressWarnings("EnumOrdinal") // one assessment per tier in rank order, checked on construction
  public TierAssessment assessment(Tier tier) {
    return tiers.get(tier.ordinal());
  }

  /**
   * Whether the partner qualifies for {@code tier} (and so for every tier below it).
   *
   * @param tier a tier
   * @return true if the partner qualifies for it
   */
  public boolean qualifiesFor(Tier tier) {
    return assessment(tier).qualified();
  }

  /**
   * Whether the partner qualifies for the tier it is in now.
   *
   * @return true if the partner qualifies for its current tier
   */
  public boolean qualifiesForCurrentTier() {
    return qualifiesFor(currentTier);
  }
}
