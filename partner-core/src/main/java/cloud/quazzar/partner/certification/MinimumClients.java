package cloud.quazzar.partner.certification;

import cloud.quazzar.partner.ValidationException;

/**
 * At least {@code count} clients. Evaluated on the current count, also for a future date.
 *
 * <p>Throws {@link ValidationException} if {@code count} is below 1.
 *
 * @param count 1 or more
 */
public record MinimumClients(long count) implements Requirement {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param count 1 or more
   * @throws ValidationException naming each component that is null or out of range
   */
  public MinimumClients {
    if (count < 1) {
      throw ValidationException.of("count", "must be 1 or more (leave the requirement out for none), got " + count);
    }
  }

  @Override
  public String describe() {
    return "at least " + count + " client" + (count == 1 ? "" : "s");
  }
}
