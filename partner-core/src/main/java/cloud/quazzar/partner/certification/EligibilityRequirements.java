package cloud.quazzar.partner.certification;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.registry.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What each tier requires (rule CERT-9: configurable requirements per tier). A tier
 * with no requirements is open to every partner. Tiers form a ladder: a partner qualifies for a
 * tier when it meets that tier's requirements and those of every tier below it, so a higher tier
 * never ends up easier to reach than a lower one by configuration. Immutable.
 *
 * <p>{@link #DEFAULT} is rule CERT-10: Silver open; Gold 2 certifications at Advanced
 * or above in any area; Platinum 4 at Advanced or above across at least 3 skill areas and 100
 * managed servers.
 *
 * <p>Throws {@link ValidationException} if the map or a list holds {@code null}.
 *
 * @param byTier each tier's requirements; tiers left out have none; unmodifiable copy holding
 *     every tier
 */
public record EligibilityRequirements(Map<Tier, List<Requirement>> byTier) {
  /** Every tier open: every partner qualifies for Platinum. */
  public static final EligibilityRequirements NONE = new EligibilityRequirements(Map.of());

  /** The default requirements (rule CERT-10), used when the host configures nothing. */
  public static final EligibilityRequirements DEFAULT = NONE
      .with(Tier.GOLD, MinimumCertifications.atLevel(2, CertificationLevel.ADVANCED))
      .with(Tier.PLATINUM,
          MinimumCertifications.atLevel(4, CertificationLevel.ADVANCED),
          new MinimumSkillAreas(3, CertificationLevel.ADVANCED),
          new MinimumServers(100));

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param byTier each tier's requirements; tiers left out have none; unmodifiable copy holding
   *     every tier
   * @throws ValidationException naming each component that is null or out of range
   */
  public EligibilityRequirements {
    List<Violation> v = new ArrayList<>();
    if (byTier == null) {
      throw ValidationException.of("byTier", "must not be null (use NONE for no requirements)");
    }
    EnumMap<Tier, List<Requirement>> copy = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      copy.put(tier, List.of());
    }
    for (Map.Entry<Tier, List<Requirement>> e : byTier.entrySet()) {
      Tier tier = e.getKey();
      List<Requirement> list = e.getValue();
      if (tier == null) {
        v.add(new Violation("byTier", "must not have a null tier"));
      } else if (list == null || list.stream().anyMatch(r -> r == null)) {
        v.add(new Violation("byTier." + tier, "must be a list of requirements without null"));
      } else {
        copy.put(tier, List.copyOf(list));
      }
    }
    if (!v.isEmpty()) {
      throw new ValidationException(v);
    }
    byTier = Collections.unmodifiableMap(copy);
  }

  /**
   * A copy in which {@code tier} requires exactly {@code requirements} (none: open).
   *
   * @param tier the tier
   * @param requirements what it requires, none for no requirement
   * @return the changed copy
   * @throws ValidationException ({@code tier}) if it is null, ({@code byTier.<tier>}) if a
   *     requirement is null
   */
  public EligibilityRequirements with(Tier tier, Requirement... requirements) {
    EnumMap<Tier, List<Requirement>> copy = new EnumMap<>(byTier);
    copy.put(ValidationException.requireNonNull(tier, "tier"),
        Arrays.asList(ValidationException.requireNonNull(requirements, "requirements")));
    return new EligibilityRequirements(copy);
  }

  /**
   * The requirements of {@code tier} (its own, not those of the tiers below).
   *
   * @param tier a tier
   * @return its own requirements
   */
  public List<Requirement> requirementsOf(Tier tier) {
    return byTier.getOrDefault(tier, List.of());
  }
}
