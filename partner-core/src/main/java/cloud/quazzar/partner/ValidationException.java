package cloud.quazzar.partner;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The input of an operation broke one or more rules. {@link #violations()} lists every one of them
 * (not only the first), sorted by field; nothing was stored.
 */
public final class ValidationException extends PartnerProgramException {
  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  /**
   * @param violations at least one violation
   * @throws IllegalArgumentException if {@code violations} is empty
   */
  public ValidationException(List<Violation> violations) {
    super(describe(violations));
    this.violations = violations.stream().sorted().distinct().toList();
  }

  /** Shorthand for a single violation. */
  public static ValidationException of(String field, String message) {
    return new ValidationException(List.of(new Violation(field, message)));
  }

  /** Every violation, sorted by field then message, without duplicates; unmodifiable. */
  public List<Violation> violations() {
    return violations;
  }

  /** The distinct fields that were rejected, in order. */
  public List<String> fields() {
    return violations.stream().map(Violation::field).distinct().toList();
  }

  private static String describe(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one violation");
    }
    return violations.stream()
        .sorted()
        .distinct()
        .map(Violation::toString)
        .collect(Collectors.joining("; ", "invalid input (" + violations.stream().distinct().count() + "): ", ""));
  }
}
