package cloud.quazzar.partner.revenue;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

import cloud.quazzar.partner.Money;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Month-over-month change of MRR. Rule REV-4: absolute change and percent change; the percent
 * is absent (never Infinity, never NaN) when the previous month is zero or missing.
 *
 * <p>The change is absent when the previous month is missing, and also when the two months are in
 * different currencies (no conversion is ever done); the percent is then absent too.
 *
 * @param previous the previous calendar month's MRR, if that month was recorded
 * @param change this month minus the previous one, in their common currency
 * @param percent {@code change / previous × 100}, rounded half up to 2 decimals; absent when the
 *     change is absent or the previous MRR is zero
 */
public record MoneyTrend(Optional<Money> previous, Optional<Money> change, Optional<BigDecimal> percent) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param previous the previous calendar month's MRR, if that month was recorded
   * @param change this month minus the previous one, in their common currency
   * @param percent {@code change / previous × 100}, rounded half up to 2 decimals; absent when the
   *     change is absent or the previous MRR is zero
   * @throws ValidationException naming each component that is null or out of range
   */
  public MoneyTrend {
    requireNonNull(previous, "previous");
    requireNonNull(change, "change");
    requireNonNull(percent, "percent");
    if ((previous.isEmpty() && change.isPresent()) || (change.isEmpty() && percent.isPresent())) {
      throw ValidationException.of(previous.isEmpty() && change.isPresent() ? "change" : "percent",
          "a change needs a previous month, a percent needs a change");
    }
  }

  /**
   * The trend from {@code previous} (absent if that month is missing) to {@code current}.
   *
   * @param previous the previous month's MRR, if that month was recorded
   * @param current this month's MRR
   * @return the trend
   */
  public static MoneyTrend of(Optional<Money> previous, Money current) {
    requireNonNull(previous, "previous");
    requireNonNull(current, "current");
    if (previous.isEmpty() || !previous.get().hasCurrency(current.currency())) {
      return new MoneyTrend(previous, Optional.empty(), Optional.empty());
    }
    Money prev = previous.get();
    Money change = current.minus(prev);
    return new MoneyTrend(previous, Optional.of(change), Percent.of(change.minorUnits(), prev.minorUnits()));
  }

  /**
   * Up, down or flat; absent when the change is.
   *
   * @return the direction, or empty
   */
  public Optional<Direction> direction() {
    return change.map(c -> Direction.ofSign(Long.signum(c.minorUnits())));
  }
}
