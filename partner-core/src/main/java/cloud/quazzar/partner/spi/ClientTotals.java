package cloud.quazzar.partner.spi;

import cloud.quazzar.partner.ValidationException;

/**
 * A partner's client aggregates, as a store computes them.
 *
 * <p>Throws {@link ValidationException} ({@code serverCount}, {@code clientCount}) if one is
 * negative.
 *
 * @param serverCount sum of the clients' server counts
 * @param clientCount number of clients
 */
public record ClientTotals(long serverCount, long clientCount) {
  /** No clients. */
  public static final ClientTotals NONE = new ClientTotals(0, 0);

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param serverCount sum of the clients' server counts
   * @param clientCount number of clients
   * @throws ValidationException naming each component that is null or out of range
   */
  public ClientTotals {
    if (serverCount < 0 || clientCount < 0) {
      throw ValidationException.of(serverCount < 0 ? "serverCount" : "clientCount",
          "must be 0 or more, got " + (serverCount < 0 ? serverCount : clientCount));
    }
  }
}
