package cloud.quazzar.partner.revenue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** The percent-change rule shared by the trends. */
final class Percent {
  /** Decimals of a percent change. */
  static final int SCALE = 2;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Percent() {}

  /**
   * {@code change / previous × 100}, rounded half up to {@value #SCALE} decimals. Rule REV-4:
   * absent (never Infinity or NaN) when the previous value is zero.
   */
  static Optional<BigDecimal> of(long change, long previous) {
    if (previous == 0) {
      return Optional.empty();
    }
    return Optional.of(BigDecimal.valueOf(change).multiply(HUNDRED)
        .divide(BigDecimal.valueOf(previous), SCALE, RoundingMode.HALF_UP));
  }
}
