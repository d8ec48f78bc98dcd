package cloud.quazzar.partner;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

/**
 * One broken input rule: the field (a property path such as {@code contactEmail} or
 * {@code request.companyName}) and a message saying what is allowed.
 *
 * <p>Throws {@link ValidationException} if either is null.
 *
 * @param field the offending field's path, never blank
 * @param message what is wrong and what would be accepted
 */
public record Violation(String field, String message) implements Comparable<Violation> {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param field the offending field's path, never blank
   * @param message what is wrong and what would be accepted
   * @throws ValidationException naming each component that is null or out of range
   */
  public Violation {
    requireNonNull(field, "field");
    requireNonNull(message, "message");
  }

  /** Orders by field, then message, so that error messages are stable. */
  @Override
  public int compareTo(Violation o) {
    int c = field.compareTo(o.field);
    return c != 0 ? c : message.compareTo(o.message);
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
