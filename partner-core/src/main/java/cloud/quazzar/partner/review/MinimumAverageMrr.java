package cloud.quazzar.partner.review;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A minimum average monthly recurring revenue over the last {@code months} complete months before
 * the month of the review. For a review on 2026-11-28 with {@code months = 3} those are 2026-08,
 * 2026-09 and 2026-10; the review month itself is never counted (it is not complete, and a month is
 * usually recorded after it ends).
 *
 * <p>Each month counts with its current ledger entry (after corrections). A month without an entry
 * counts as zero: a partner that reported nothing earned nothing we can verify, and a missing month
 * cannot make the average easier to reach. A month whose entry is in another currency than {@link
 * #amount()} also counts as zero, because amounts are never converted; the explanation says how many
 * months that was.
 *
 * <p>Exact arithmetic: the requirement is met when {@code total >= amount × months} (no division, no
 * rounding). The average shown in words is the total divided by {@code months} rounded <b>down</b>
 * to the currency's minor unit: since {@code amount} is itself a whole number of minor units, the
 * shown average is below {@code amount} exactly when the real average is, so words and verdict
 * never disagree (99.996 is shown as 99.99, never as 100.00).
 *
 * <p>Throws {@link ValidationException} listing every violation ({@code amount}, {@code months}).
 *
 * @param amount the minimum average, 0 or more, in the currency the partner's MRR is recorded in
 * @param months how many complete months before the review month, 1 to {@value #MAX_MONTHS}
 */
public record MinimumAverageMrr(Money amount, long months) implements RevenueRequirement {
  /** The longest window: three years. */
  public static final long MAX_MONTHS = 36;

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param amount the minimum average, 0 or more, in the currency the partner's MRR is recorded in
   * @param months how many complete months before the review month, 1 to {@value #MAX_MONTHS}
   * @throws ValidationException naming each component that is null or out of range
   */
  public MinimumAverageMrr {
    List<Violation> v = new ArrayList<>();
    if (amount == null) {
      v.add(new Violation("amount", "must not be null"));
    } else if (amount.isNegative()) {
      v.add(new Violation("amount", "must be 0 or more, got " + amount));
    }
    if (months < 1 || months > MAX_MONTHS) {
      v.add(new Violation("months", "must be from 1 to " + MAX_MONTHS + ", got " + months));
    }
    if (!v.isEmpty()) {
      throw new ValidationException(v);
    }
  }

  /**
   * Shorthand: {@code MinimumAverageMrr.of("1000.00", "USD", 3)}.
   *
   * @param amount the least average MRR, as a decimal number
   * @param currencyCode the MRR's currency code
   * @param months how many complete months the average covers
   * @return the requirement
   */
  public static MinimumAverageMrr of(String amount, String currencyCode, long months) {
    return new MinimumAverageMrr(Money.of(amount, currencyCode), months);
  }

  @Override
  public String describe() {
    return "an average MRR of at least " + plain(amount) + " over the last " + months + " complete month"
        + (months == 1 ? "" : "s");
  }

  /**
   * Evaluates the requirement for a review in {@code reviewMonth}.
   *
   * @param reviewMonth the month of the review day; the window ends the month before
   * @param mrrByMonth the current MRR of each recorded month of the partner (months outside the
   *     window are ignored; months missing from the map count as zero)
   * @return the window, the exact total, the shown average and whether the requirement is met
   * @throws ValidationException if an argument is null or the map holds null
   */
  public MrrAssessment assess(YearMonth reviewMonth, Map<YearMonth, Money> mrrByMonth) {
    List<Violation> v = new ArrayList<>();
    if (reviewMonth == null) {
      v.add(new Violation("reviewMonth", "must not be null"));
    }
    if (mrrByMonth == null || holdsNull(mrrByMonth)) {
      v.add(new Violation("mrrByMonth", "must be a map without null keys or values"));
    }
    if (!v.isEmpty()) {
      throw new ValidationException(v);
    }
    YearMonth to = reviewMonth.minusMonths(1);
    YearMonth from = reviewMonth.minusMonths(months);
    BigDecimal total = BigDecimal.ZERO.setScale(amount.scale());
    long missing = 0;
    long otherCurrency = 0;
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      Money mrr = mrrByMonth.get(m);
      if (mrr == null) {
        missing++;
      } else if (!mrr.hasCurrency(amount.currency())) {
        otherCurrency++;
      } else {
        total = total.add(mrr.toBigDecimal());
      }
    }
    BigDecimal needTotal = amount.toBigDecimal().multiply(BigDecimal.valueOf(months));
    boolean met = total.compareTo(needTotal) >= 0;
    BigDecimal average = total.divide(BigDecimal.valueOf(months), amount.scale(), RoundingMode.DOWN);
    return new MrrAssessment(this, from, to, total, average, met, missing, otherCurrency);
  }

  private static boolean holdsNull(Map<?, ?> map) {
    try {
      return map.containsKey(null) || map.containsValue(null);
    } catch (NullPointerException e) {
      return false; // a map that cannot hold null (Map.of) refuses the question
    }
  }

  private static String plain(Money m) {
    return m.toBigDecimal().toPlainString() + " " + m.currency().getCurrencyCode();
  }
}
