package cloud.quazzar.partner.revenue;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The months from {@code from} to {@code to}, both included.
 *
 * @param from the first month
 * @param to the last month, not before {@code from}
 * @throws IllegalArgumentException if {@code to} is before {@code from}
 */
public record MonthRange(YearMonth from, YearMonth to) {
  public MonthRange {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("a month range ends (" + to + ") before it starts (" + from + ")");
    }
  }

  /** One month. */
  public static MonthRange of(YearMonth month) {
    return new MonthRange(month, month);
  }

  /** The {@code count} months ending with {@code last}: {@code lastMonths(2026-06, 6)} is 2026-01..2026-06. */
  public static MonthRange lastMonths(YearMonth last, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be 1 or more: " + count);
    }
    return new MonthRange(last.minusMonths(count - 1L), last);
  }

  /** Whether {@code month} is in the range. */
  public boolean contains(YearMonth month) {
    return !month.isBefore(from) && !month.isAfter(to);
  }

  /** How many months the range holds. */
  public long size() {
    return ChronoUnit.MONTHS.between(from, to) + 1;
  }

  /** Every month of the range, in order. */
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
