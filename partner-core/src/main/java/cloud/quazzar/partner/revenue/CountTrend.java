package cloud.quazzar.partner.revenue;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Month-over-month change of a count (servers or clients). Rule REV-4: absolute change and
 * percent change; the percent is absent (never Infinity, never NaN) when the previous month is
 * zero or missing.
 *
 * @param previous the previous calendar month's count, if that month was recorded
 * @param change this month minus the previous one; absent when the previous month is missing
 * @param percent {@code change / previous × 100}, rounded half up to 2 decimals; absent when the
 *     previous month is missing or its count is zero
 */
public record CountTrend(Optional<Long> previous, Optional<Long> change, Optional<BigDecimal> percent) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param previous the previous calendar month's count, if that month was recorded
   * @param change this month minus the previous one; absent when the previous month is missing
   * @param percent {@code change / previous × 100}, rounded half up to 2 decimals; absent when the
   *     previous month is missing or its count is zero
   * @throws ValidationException naming each component that is null or out of range
   */
  public CountTrend {
    requireNonNull(previous, "previous");
    requireNonNull(change, "change");
    requireNonNull(percent, "percent");
    if (previous.isPresent() != change.isPresent() || (change.isEmpty() && percent.isPresent())) {
      throw ValidationException.of(previous.isPresent() != change.isPresent() ? "change" : "percent",
          "a change is present exactly with a previous month, a percent only with a change");
    }
  }

  /**
   * The trend from {@code previous} (absent if that month is missing) to {@code current}.
   *
   * @param previous the previous month's count, if that month was recorded
   * @param current this month's count
   * @return the trend
   */
  public static CountTrend of(Optional<Long> previous, long current) {
    requireNonNull(previous, "previous");
    if (previous.isEmpty()) {
      return new CountTrend(Optional.empty(), Optional.empty(), Optional.empty());
    }
    long prev = previous.get();
    long change = Math.subtractExact(current, prev);
    return new CountTrend(previous, Optional.of(change), Percent.of(change, prev));
  }

  /**
   * Up, down or flat; absent when the previous month is missing.
   *
   * @return the direction, or empty
   */
  public Optional<Direction> direction() {
    return change.map(c -> Direction.ofSign(Long.signum(c)));
  }
}
