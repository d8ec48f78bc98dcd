package cloud.quazzar.partner.review;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A {@link MinimumAverageMrr} evaluated for one partner and review month.
 *
 * @param requirement the requirement
 * @param from the first month of the window (inclusive)
 * @param to the last month of the window (inclusive: the month before the review month)
 * @param total the exact sum of the window's MRR in the requirement's currency (missing months and
 *     months in other currencies add zero)
 * @param average {@code total / months} rounded down to the currency's minor unit, for display
 * @param met whether {@code total >= amount × months}, compared exactly
 * @param missingMonths months of the window without an entry
 * @param otherCurrencyMonths months of the window whose entry is in another currency
 */
public record MrrAssessment(
    MinimumAverageMrr requirement,
    YearMonth from,
    YearMonth to,
    BigDecimal total,
    BigDecimal average,
    boolean met,
    long missingMonths,
    long otherCurrencyMonths) {

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param requirement the requirement
   * @param from the first month of the window (inclusive)
   * @param to the last month of the window (inclusive: the month before the review month)
   * @param total the exact sum of the window's MRR in the requirement's currency (missing months and
   *     months in other currencies add zero)
   * @param average {@code total / months} rounded down to the currency's minor unit, for display
   * @param met whether {@code total >= amount × months}, compared exactly
   * @param missingMonths months of the window without an entry
   * @param otherCurrencyMonths months of the window whose entry is in another currency
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null or out of range
   */
  public MrrAssessment {
    requireNonNull(requirement, "requirement");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(total, "total");
    requireNonNull(average, "average");
  }

  /**
   * The shortfall (or the figure) in words, e.g. {@code "an average MRR of at least 1000.00 USD over
   * the last 3 complete months: 999.99 USD from 2026-08 to 2026-10 (total 2999.99 USD; 1 month
   * without an entry counted as 0)"}.
   *
   * @return the explanation
   */
  public String explanation() {
    String code = requirement.amount().currency().getCurrencyCode();
    StringBuilder s = new StringBuilder(requirement.describe()).append(": ")
        .append(average.toPlainString()).append(' ').append(code)
        .append(" from ").append(from).append(" to ").append(to)
        .append(" (total ").append(total.toPlainString()).append(' ').append(code);
    if (missingMonths > 0) {
      s.append("; ").append(missingMonths).append(missingMonths == 1 ? " month" : " months")
          .append(" without an entry counted as 0");
    }
    if (otherCurrencyMonths > 0) {
      s.append("; ").append(otherCurrencyMonths).append(otherCurrencyMonths == 1 ? " month" : " months")
          .append(" in another currency counted as 0");
    }
    return s.append(')').toString();
  }
}
