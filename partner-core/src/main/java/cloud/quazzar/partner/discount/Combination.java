package cloud.quazzar.partner.discount;

import java.math.RoundingMode;

/**
 * How a tier's base rate and its volume bonus make one rate (rule DISC-2 of {@code docs/rules.md}: by
 * default base and bonus add up; a policy may instead compound them).
 */
public enum Combination {
  /**
   * The default (rule DISC-2): base + bonus (Gold 15% + 5% for 50+ servers = 20%). The
   * sum may pass 100%; the cap (100% at most) then limits it.
   */
  ADDITIVE,

  /**
   * Successive discounts: 1 - (1 - base)(1 - bonus). 15% and 5% make 19.25%. The exact result can
   * have four decimals of a percent (15.01% and 5.03% make 19.284997%); it is rounded to a whole
   * basis point with the policy's rounding mode, so every total rate is a {@link Rate}. Never more
   * than 100%.
   */
  COMPOUND;

  /**
   * The combined rate of {@code base} and {@code bonus} in basis points, before any cap: up to
   * 20,000 for {@link #ADDITIVE}, at most 10,000 for {@link #COMPOUND}. Non-decreasing in both
   * arguments, which keeps a monotone policy monotone.
   *
   * @param base the tier's base rate
   * @param bonus the volume bonus
   * @param rounding how {@link #COMPOUND} rounds to a basis point; {@link RoundingMode#UNNECESSARY}
   *     throws {@link ArithmeticException} when rounding is needed
   * @return the combined rate, in basis points
   */
  public int combine(Rate base, Rate bonus, RoundingMode rounding) {
    int b = base.basisPoints();
    int v = bonus.basisPoints();
    if (this == ADDITIVE) {
      return b + v;
    }
    // 1 - (1 - b/10^4)(1 - v/10^4) = (10^4 b + 10^4 v - b v) / 10^8: exact in a long, then one division.
    long numerator = 10_000L * b + 10_000L * v - (long) b * v;
    return (int) divide(numerator, 10_000, rounding);
  }

  /** {@code numerator / divisor} for {@code numerator >= 0, divisor > 0}, rounded by {@code mode}. */
  static long divide(long numerator, long divisor, RoundingMode mode) {
    long q = numerator / divisor;
    long r = numerator % divisor;
    if (r == 0) {
      return q;
    }
    long twice = 2 * r; // r < divisor <= 10^4 here, so no overflow
    boolean up = switch (mode) {
      case UP, CEILING -> true;
      case DOWN, FLOOR -> false;
      case HALF_UP -> twice >= divisor;
      case HALF_DOWN -> twice > divisor;
      case HALF_EVEN -> twice > divisor || (twice == divisor && (q & 1) == 1);
      case UNNECESSARY -> throw new ArithmeticException("rounding needed: " + numerator + " / " + divisor);
    };
    return up ? q + 1 : q;
  }
}
