package cloud.quazzar.partner.spi;

/**
 * A partner's client aggregates, as a store computes them.
 *
 * @param serverCount sum of the clients' server counts
 * @param clientCount number of clients
 */
public record ClientTotals(long serverCount, long clientCount) {
  /** No clients. */
  public static final ClientTotals NONE = new ClientTotals(0, 0);

  public ClientTotals {
    if (serverCount < 0 || clientCount < 0) {
      throw new IllegalArgumentException("totals must be >= 0: " + serverCount + ", " + clientCount);
    }
  }
}
