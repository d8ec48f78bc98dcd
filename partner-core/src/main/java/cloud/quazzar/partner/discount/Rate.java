package cloud.quazzar.partner.discount;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A discount rate: a percentage from 0% to 100% with at most two decimals, held exactly as whole
 * basis points (1 bp = 0.01%, so 15% is 1500 bp), as {@code docs/discounts.md} ("Money and rates")
 * describes.
 *
 * <p>The factories ({@link #ofBasisPoints}, {@link #percent}) return shared instances: every one of
 * the 10,001 rates is made once, when this class is initialised (about 200 KB), so that a quote's
 * {@link DiscountQuote#totalRate()} and a calculator's {@link DiscountCalculator#rate} allocate
 * nothing (decision A2 in {@code docs/decisions.md}: one accessor per fact, no second one in basis
 * points for speed). The constructor, which a record must have, makes a new instance; rates are
 * values, so compare them with {@link #equals} or {@link #compareTo}, never with {@code ==}.
 *
 * @param basisPoints 0 to {@value #MAX_BASIS_POINTS}
 */
public record Rate(int basisPoints) implements Comparable<Rate> {
  /** Basis points in 100%. */
  public static final int MAX_BASIS_POINTS = 10_000;

  /** Every rate, by basis points: made once, so that the factories allocate nothing. */
  private static final Rate[] RATES = new Rate[MAX_BASIS_POINTS + 1];

  static {
    for (int bp = 0; bp <= MAX_BASIS_POINTS; bp++) {
      RATES[bp] = new Rate(bp);
    }
  }

  /** 0%. */
  public static final Rate ZERO = RATES[0];

  /** 100%. */
  public static final Rate FULL = RATES[MAX_BASIS_POINTS];

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * @param basisPoints 0 to {@value #MAX_BASIS_POINTS}
   * @throws ValidationException ({@code rate}) if outside 0 to 10,000 basis points
   */
  public Rate {
    if (basisPoints < 0 || basisPoints > MAX_BASIS_POINTS) {
      throw ValidationException.of("rate", rangeMessage(BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros()));
    }
  }

  /**
   * The rate of {@code basisPoints} hundredths of a percent: {@code ofBasisPoints(1525)} is 15.25%.
   * A shared instance: allocates nothing.
   *
   * @param basisPoints the rate in hundredths of a percent, 0 to 10,000
   * @return the rate
   * @throws ValidationException ({@code rate}) if outside 0 to 10,000 basis points
   */
  public static Rate ofBasisPoints(int basisPoints) {
    if (basisPoints < 0 || basisPoints > MAX_BASIS_POINTS) {
      throw outOfRange(basisPoints);
    }
    return RATES[basisPoints];
  }

  /** Out of line, so that {@link #ofBasisPoints} stays small enough to inline. */
  private static ValidationException outOfRange(int basisPoints) {
    return ValidationException.of("rate", rangeMessage(BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros()));
  }

  /**
   * The shared rate of {@code basisPoints}, for callers in this package that hold a rate already
   * checked to be within 0 to 10,000 (an index out of bounds otherwise).
   */
  static Rate shared(int basisPoints) {
    return RATES[basisPoints];
  }

  /**
   * A whole percentage: {@code percent(15)} is 15%.
   *
   * @param wholePercent the percentage, 0 to 100
   * @return the rate
   * @throws ValidationException ({@code rate}) if outside 0 to 100
   */
  public static Rate percent(int wholePercent) {
    if (wholePercent < 0 || wholePercent > 100) {
      throw ValidationException.of("rate", rangeMessage(BigDecimal.valueOf(wholePercent)));
    }
    return RATES[wholePercent * 100];
  }

  /**
   * Parses a percentage such as {@code "15"}, {@code "15.25"} or {@code "0.5"} (a trailing
   * {@code %} is allowed).
   *
   * @param percent the percentage as text
   * @return the rate
   * @throws ValidationException ({@code rate}) if it is not a number, outside 0 to 100, or has
   *     more than two decimals
   */
  public static Rate percent(String percent) {
    return checked("rate", percent);
  }

  /**
   * The rate {@code percent} percent.
   *
   * @param percent the percentage, 0 to 100, at most two decimals
   * @return the rate
   * @throws ValidationException ({@code rate}) if outside 0 to 100 or with more than two decimals
   */
  public static Rate percent(BigDecimal percent) {
    return checked("rate", percent);
  }

  /**
   * This rate in percent with two decimals: {@code 15.00}, {@code 15.25}.
   *
   * @return the percentage
   */
  public BigDecimal toPercent() {
    return BigDecimal.valueOf(basisPoints, 2);
  }

  /**
   * This rate as a fraction of one with four decimals: {@code 0.1525} for 15.25%.
   *
   * @return the fraction
   */
  public BigDecimal toFraction() {
    return BigDecimal.valueOf(basisPoints, 4);
  }

  /**
   * Whether this rate is 0%.
   *
   * @return true if the rate is 0%
   */
  public boolean isZero() {
    return basisPoints == 0;
  }

  @Override
  public int compareTo(Rate o) {
    return Integer.compare(basisPoints, o.basisPoints);
  }

  /** The percentage without needless zeros: {@code 15%}, {@code 15.25%}, {@code 0.5%}. */
  @Override
  public String toString() {
    return toPercent().stripTrailingZeros().toPlainString() + "%";
  }

  /** Parses {@code raw} (a percent String or BigDecimal) or throws a violation of {@code field}. */
  static Rate checked(String field, @Nullable Object raw) {
    Violation v = problem(field, raw);
    if (v != null) {
      throw new ValidationException(List.of(v));
    }
    return toRate(raw);
  }

  /**
   * What is wrong with {@code raw} as a rate for {@code field}, or null if it is a valid percent
   * given as a {@link Rate}, a {@link BigDecimal} or a String.
   */
  static @Nullable Violation problem(String field, @Nullable Object raw) {
    if (raw == null) {
      return new Violation(field, "must not be null");
    }
    if (raw instanceof Rate) {
      return null;
    }
    BigDecimal value;
    if (raw instanceof BigDecimal d) {
      value = d;
    } else {
      String text = raw.toString().strip();
      if (text.endsWith("%")) {
        text = text.substring(0, text.length() - 1).strip();
      }
      try {
        value = new BigDecimal(text);
      } catch (NumberFormatException e) {
        return new Violation(field, "must be a percentage such as 15 or 15.25, got '" + raw + "'");
      }
    }
    if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
      return new Violation(field, rangeMessage(value));
    }
    if (value.stripTrailingZeros().scale() > 2) { // 0.000 strips to 0, scale 0
      return new Violation(field, "must have at most two decimals (whole basis points), got "
          + value.toPlainString() + "%");
    }
    return null;
  }

  /** {@code raw} as a rate; only for values {@link #problem} accepted. */
  static Rate toRate(@Nullable Object raw) {
    if (raw instanceof Rate r) {
      return r;
    }
    BigDecimal value = raw instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(raw).strip().replace("%", "").strip());
    return ofBasisPoints(value.movePointRight(2).intValueExact());
  }

  private static String rangeMessage(BigDecimal percent) {
    return "must be from 0% to 100%, got " + percent.toPlainString() + "%";
  }
}
