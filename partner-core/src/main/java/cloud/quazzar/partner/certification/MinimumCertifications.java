package cloud.quazzar.partner.certification;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * At least {@code count} counting certifications at {@code minimumLevel} or above, in any of
 * {@code areas} (empty: any area). Example (the default, rule CERT-10): Gold needs 2 at Advanced or above in any area.
 *
 * <p>Throws {@link ValidationException} listing every broken field.
 *
 * @param count 1 to {@value #MAX}
 * @param minimumLevel the lowest level that counts
 * @param areas the skill areas that count; empty for any area; unmodifiable copy
 */
public record MinimumCertifications(long count, CertificationLevel minimumLevel, Set<SkillArea> areas)
    implements Requirement {
  /** The largest count accepted. */
  public static final long MAX = 10_000;

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param count 1 to {@value #MAX}
   * @param minimumLevel the lowest level that counts
   * @param areas the skill areas that count; empty for any area; unmodifiable copy
   * @throws ValidationException naming each component that is null or out of range
   */
  public MinimumCertifications {
    List<Violation> v = new ArrayList<>(3);
    if (count < 1 || count > MAX) {
      v.add(new Violation("count", "must be from 1 to " + MAX + ", got " + count));
    }
    if (minimumLevel == null) {
      v.add(new Violation("minimumLevel", "must not be null"));
    }
    if (areas == null || areas.stream().anyMatch(Objects::isNull)) {
      v.add(new Violation("areas", "must be a set of skill areas without null (empty for any area)"));
    }
    if (!v.isEmpty()) {
      throw new ValidationException(v);
    }
    areas = areas.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(areas));
  }

  /**
   * {@code count} certifications at {@code minimumLevel} or above in any area.
   *
   * @param count how many certifications, 1 or more
   * @param minimumLevel the lowest level that counts
   * @return the requirement
   */
  public static MinimumCertifications atLevel(long count, CertificationLevel minimumLevel) {
    return new MinimumCertifications(count, minimumLevel, Set.of());
  }

  /**
   * Whether a certification of this area and level counts towards this requirement.
   *
   * @param area the certification's skill area
   * @param level the certification's level
   * @return true if it counts
   */
  public boolean counts(SkillArea area, CertificationLevel level) {
    return level.isAtLeast(minimumLevel) && (areas.isEmpty() || areas.contains(area));
  }

  @Override
  public String describe() {
    String where = areas.isEmpty() ? "" : " in " + EnumSet.copyOf(areas).stream()
        .map(SkillArea::displayName).collect(Collectors.joining(" or "));
    return "at least " + count + " certification" + (count == 1 ? "" : "s") + " at " + minimumLevel
        + " or above" + where;
  }
}
