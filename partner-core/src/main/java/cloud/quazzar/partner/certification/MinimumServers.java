package cloud.quazzar.partner.certification;

import cloud.quazzar.partner.ValidationException;

/**
 * At least {@code servers} managed servers (the partner's server count: the sum over its clients).
 * Evaluated on the current count, also for a future date.
 *
 * <p>Throws {@link ValidationException} if {@code servers} is below 1.
 *
 * @param servers 1 or more
 */
public record MinimumServers(long servers) implements Requirement {
  public MinimumServers {
    if (servers < 1) {
      throw ValidationException.of("servers", "must be 1 or more (leave the requirement out for none), got " + servers);
    }
  }

  @Override
  public String describe() {
    return "at least " + servers + " managed server" + (servers == 1 ? "" : "s");
  }
}
