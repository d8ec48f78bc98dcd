package cloud.quazzar.partner.certification;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

import cloud.quazzar.partner.registry.Tier;
import java.util.List;

/**
 * One tier's verdict in an {@link EligibilityReport}.
 *
 * @param tier the tier
 * @param qualified whether the partner meets this tier's requirements and those of every tier
 *     below it
 * @param unmet this tier's own requirements that are not met (empty when they all are); those of
 *     lower tiers are listed under the lower tiers
 */
public record TierAssessment(Tier tier, boolean qualified, List<UnmetRequirement> unmet) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param tier the tier
   * @param qualified whether the partner meets this tier's requirements and those of every tier
   *     below it
   * @param unmet this tier's own requirements that are not met (empty when they all are); those of
   *     lower tiers are listed under the lower tiers
   * @throws ValidationException naming each component that is null or out of range
   */
  public TierAssessment {
    requireNonNull(tier, "tier");
    unmet = List.copyOf(requireNonNull(unmet, "unmet"));
    if (qualified && !unmet.isEmpty()) {
      throw ValidationException.of("unmet", "must be empty for a qualified tier");
    }
  }
}
