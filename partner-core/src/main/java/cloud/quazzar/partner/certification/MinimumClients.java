package cloud.quazzar.partner.certification;

import cloud.quazzar.partner.ValidationException;

/**
 * At least {@code clients} clients. Evaluated on the current count, also for a future date.
 *
 * <p>Throws {@link ValidationException} if {@code clients} is below 1.
 *
 * @param clients 1 or more
 */
public record MinimumClients(int clients) implements Requirement {
  public MinimumClients {
    if (clients < 1) {
      throw ValidationException.of("clients", "must be 1 or more (leave the requirement out for none), got " + clients);
    }
  }

  @Override
  public String describe() {
    return "at least " + clients + " client" + (clients == 1 ? "" : "s");
  }
}
