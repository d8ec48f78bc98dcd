package cloud.quazzar.partner.revenue;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import java.time.DateTimeException;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The months from {@code from} to {@code to}, both included.
 *
 * <p>Throws {@link ValidationException} listing each problem: {@code from} or {@code to} null, {@code to}
 * before {@code from} (rule BAD-2: ranges out of order are refused like any bad
 * input, with the typed error).
 *
 * @param from the first month
 * @param to the last month, not before {@code from}
 */
public record MonthRange(YearMonth from, YearMonth to) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param from the first month
   * @param to the last month, not before {@code from}
   * @throws ValidationException naming each component that is null or out of range
   */
  public MonthRange {
    List<Violation> violations = new ArrayList<>(0);
    if (from == null) {
      violations.add(new Violation("from", "must not be null"));
    }
    if (to == null) {
      violations.add(new Violation("to", "must not be null"));
    }
    if (from != null && to != null && to.isBefore(from)) {
      violations.add(new Violation("to", "must not be before from (" + from + "), got " + to));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  /**
   * One month.
   *
   * @param month the month
   * @return the range of that month alone
   */
  public static MonthRange of(YearMonth month) {
    return new MonthRange(month, month);
  }

  /**
   * The {@code count} months ending with {@code last}: {@code lastMonths(2026-06, 6)} is 2026-01..2026-06.
   *
   * @param last the last month
   * @param count how many months, 1 or more
   * @return the range
   * @throws ValidationException ({@code count}) if {@code count} is below 1 or reaches before the
   *     first month a {@link YearMonth} holds, ({@code last}) if it is null
   */
  public static MonthRange lastMonths(YearMonth last, long count) {
    if (count < 1 || last == null) {
      List<Violation> violations = new ArrayList<>(2);
      if (last == null) {
        violations.add(new Violation("last", "must not be null"));
      }
      if (count < 1) {
        violations.add(new Violation("count", "must be 1 or more, got " + count));
      }
      throw new ValidationException(violations);
    }
    try {
      return new MonthRange(last.minusMonths(count - 1), last);
    } catch (DateTimeException | ArithmeticException e) {
      throw ValidationException.of("count", "must reach no further back than year " + Year.MIN_VALUE + ", got " + count);
    }
  }

  /**
   * Whether {@code month} is in the range.
   *
   * @param month a month
   * @return true if it is in the range
   */
  public boolean contains(YearMonth month) {
    return !month.isBefore(from) && !month.isAfter(to);
  }

  /**
   * How many months the range holds.
   *
   * @return the number of months
   */
  public long size() {
    return ChronoUnit.MONTHS.between(from, to) + 1;
  }

  /**
   * Every month of the range, in order.
   *
   * @return the months, oldest first
   */
  public List<YearMonth> months() {
    List<YearMonth> out = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      out.add(m);
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return from + ".." + to;
  }
}
