package cloud.quazzar.partner.discount;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The null checks of this package's records: one {@link ValidationException} listing every violation. */
final class ComponentChecks {
  private ComponentChecks() {}

  /**
   * Adds a violation for every null value of {@code namesAndValues} (name, value, name, value, ...)
   * to {@code violations}, then throws them all if there are any.
   *
   * @throws ValidationException if {@code violations} is not empty in the end
   */
  static void requireAll(List<Violation> violations, @Nullable Object... namesAndValues) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] == null) {
        violations.add(new Violation(String.valueOf(namesAndValues[i]), "must not be null"));
      }
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }
}
