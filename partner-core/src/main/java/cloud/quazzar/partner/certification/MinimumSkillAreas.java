package cloud.quazzar.partner.certification;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Counting certifications at {@code minimumLevel} or above in at least {@code count} different
 * skill areas. Example (the default, rule CERT-10): Platinum needs its certifications across at least 3 areas.
 *
 * <p>Throws {@link ValidationException} listing every broken field.
 *
 * @param count how many skill areas, 1 to the number of skill areas (4)
 * @param minimumLevel the lowest level that counts
 */
public record MinimumSkillAreas(long count, CertificationLevel minimumLevel) implements Requirement {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param count how many skill areas, 1 to the number of skill areas (4)
   * @param minimumLevel the lowest level that counts
   * @throws ValidationException naming each component that is null or out of range
   */
  public MinimumSkillAreas {
    List<Violation> v = new ArrayList<>(2);
    int max = SkillArea.values().length;
    if (count < 1 || count > max) {
      v.add(new Violation("count", "must be from 1 to " + max + " (the number of skill areas), got " + count));
    }
    if (minimumLevel == null) {
      v.add(new Violation("minimumLevel", "must not be null"));
    }
    if (!v.isEmpty()) {
      throw new ValidationException(v);
    }
  }

  @Override
  public String describe() {
    return "certifications at " + minimumLevel + " or above in at least " + count + " skill area"
        + (count == 1 ? "" : "s");
  }
}
