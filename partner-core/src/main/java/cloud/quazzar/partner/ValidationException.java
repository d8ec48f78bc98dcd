package cloud.quazzar.partner;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The input of an operation broke one or more rules. {@link #violations()} lists every one of them
 * (not only the first), sorted by field; nothing was stored.
 *
 * <p>It is also what every public constructor and factory of the API throws for a value it refuses
 * (a null component, a number out of range, components that contradict each other), naming the
 * component: never {@link NullPointerException} or {@link IllegalArgumentException}.
 */
public final class ValidationException extends PartnerProgramException {
  private static final long serialVersionUID = 1L;

  /** The violations, sorted by field (part of the serialized form). */
  private final List<Violation> violations;

  /**
   * An exception listing the violations, sorted by field, each once.
   *
   * @param violations at least one violation
   * @throws ValidationException ({@code violations}) if {@code violations} is null or empty
   */
  public ValidationException(List<Violation> violations) {
    super(describe(violations));
    this.violations = violations.stream().sorted().distinct().toList();
  }

  /**
   * Shorthand for a single violation.
   *
   * @param field the field rejected
   * @param message what is wrong with it
   * @return the exception
   */
  public static ValidationException of(String field, String message) {
    return new ValidationException(List.of(new Violation(field, message)));
  }

  /**
   * {@code value}, if it is not null: the typed counterpart of {@link
   * java.util.Objects#requireNonNull(Object, String)} for the constructors of value types.
   *
   * @param <T> the value's type
   * @param value the value
   * @param field the field it is the value of
   * @return {@code value}
   * @throws ValidationException ({@code field}: "must not be null") if {@code value} is null
   */
  public static <T> T requireNonNull(@Nullable T value, String field) {
    if (value == null) {
      throw of(field, "must not be null");
    }
    return value;
  }

  /**
   * Every violation, sorted by field then message, without duplicates; unmodifiable.
   *
   * @return the violations
   */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * The distinct fields that were rejected, in order.
   *
   * @return the fields rejected
   */
  public List<String> fields() {
    return violations.stream().map(Violation::field).distinct().toList();
  }

  private static String describe(@Nullable List<Violation> violations) {
    if (violations == null || violations.isEmpty()) {
      throw of("violations", "must hold at least one violation");
    }
    return violations.stream()
        .sorted()
        .distinct()
        .map(Violation::toString)
        .collect(Collectors.joining("; ", "invalid input (" + violations.stream().distinct().count() + "): ", ""));
  }
}
