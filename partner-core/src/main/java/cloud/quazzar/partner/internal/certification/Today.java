package cloud.quazzar.partner.internal.certification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Today's date in the program's zone, by its clock (DESIGN.md: today is {@code
 * LocalDate.now(clock)} in the program's zone), remembered until the next local midnight or zone
 * offset change, so that asking for it again and again (one status at a time) costs a clock read
 * and two comparisons instead of a time-zone calculation and a new {@code LocalDate}.
 *
 * <p>Thread-safe: the remembered window is an immutable object published through a field whose
 * reads may race harmlessly (final fields, so never seen half-built).
 */
final class Today {
  private static final long SECONDS_PER_DAY = 86_400;

  /** The date of every instant whose epoch second is in {@code [from, until)}. */
  private static final class Window {
    final long from;
    final long until;
    final LocalDate date;

    Window(long from, long until, LocalDate date) {
      this.from = from;
      this.until = until;
      this.date = date;
    }
  }

  private final Clock clock;
  private final ZoneRules rules;
  private Window window = new Window(0, 0, LocalDate.EPOCH);

  Today(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.rules = zone.getRules();
  }

  LocalDate get() {
    Instant now = clock.instant();
    long second = now.getEpochSecond();
    Window w = window;
    if (second >= w.from && second < w.until) {
      return w.date;
    }
    w = around(now);
    window = w;
    return w.date;
  }

  /**
   * The window from {@code now} to the earlier of the next local midnight and the next offset
   * transition: the offset is constant in it, so the local date is too.
   */
  private Window around(Instant now) {
    ZoneOffset offset = rules.getOffset(now);
    long second = now.getEpochSecond();
    long local = second + offset.getTotalSeconds();
    long day = Math.floorDiv(local, SECONDS_PER_DAY);
    long until = (day + 1) * SECONDS_PER_DAY - offset.getTotalSeconds();
    ZoneOffsetTransition next = rules.nextTransition(now);
    if (next != null && next.toEpochSecond() < until) {
      until = next.toEpochSecond();
    }
    return new Window(second, until, LocalDate.ofEpochDay(day));
  }
}
