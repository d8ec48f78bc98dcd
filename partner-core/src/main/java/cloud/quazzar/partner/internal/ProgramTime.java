package cloud.quazzar.partner.internal;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The program's time: the one class of core that reads the clock the host gave the program
 * ({@code ArchitectureTest} holds every other class to it). Every service takes "now", "today" and
 * "this month" from here:
 *
 * <ul>
 *   <li>{@link #now()}: the instant every stored record and event carries, truncated to
 *       microseconds (decision D3 in docs/decisions.md: PostgreSQL's precision, so a record reads
 *       back equal on every store);
 *   <li>{@link #today()}: the clock's calendar date in the program's zone (rule CERT-5:
 *       today is the clock's date in the program's zone), remembered until the
 *       next local midnight or zone offset change, so that asking again and again (a status per
 *       certification, a quote for today) costs a clock read and two comparisons, and allocates
 *       nothing;
 *   <li>{@link #thisMonth()}: the month of {@link #today()};
 *   <li>{@link #millis()}, {@link #instant()} and {@link #dateOf(Instant)}: the clock's reading as
 *       is, for elapsed-time windows (the discount engine's staleness, which needs one reading for
 *       both its day and its milliseconds); never stored.
 * </ul>
 *
 * <p>Thread-safe: the remembered day is an immutable object published through a field whose reads
 * may race harmlessly (final fields, so never seen half-built; a thread that misses the latest one
 * computes its own). A clock that goes back (a test clock, a corrected system clock) is taken as it
 * reads: the remembered day covers only instants from the one it was computed for onwards.
 */
public final class ProgramTime {
  private static final long SECONDS_PER_DAY = 86_400;

  /** The date of every instant whose epoch second is in {@code [from, until)}. */
  private static final class Day {
    final long from;
    final long until;
    final LocalDate date;

    Day(long from, long until, LocalDate date) {
      this.from = from;
      this.until = until;
      this.date = date;
    }
  }

  private final Clock clock;
  private final ZoneId zone;
  private final ZoneRules rules;
  private Day day = new Day(0, 0, LocalDate.EPOCH);

  /** The time of a program whose clock is {@code clock} and whose calendar is taken in {@code zone}. */
  public ProgramTime(Clock clock, ZoneId zone) {
    this.clock = requireNonNull(clock, "clock");
    this.zone = requireNonNull(zone, "zone");
    this.rules = zone.getRules();
  }

  /** The zone in which dates and months are taken. */
  public ZoneId zone() {
    return zone;
  }

  /** Now, by the clock, truncated to microseconds: the instant a stored record or event carries (D3). */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Today: the clock's calendar date in the program's zone. */
  public LocalDate today() {
    return dateOf(clock.instant());
  }

  /** The month of {@link #today()} in the program's zone. */
  public YearMonth thisMonth() {
    return YearMonth.from(today());
  }

  /** The clock's reading as is (not truncated): for windows of elapsed time, never stored. */
  public Instant instant() {
    return clock.instant();
  }

  /** The clock's reading in epoch milliseconds: for windows of elapsed time, never stored. */
  public long millis() {
    return clock.millis();
  }

  /**
   * The calendar date of {@code instant} in the program's zone: {@link #today()} for a reading of
   * {@link #instant()}; allocates nothing while the instant is on the day last asked for.
   */
  public LocalDate dateOf(Instant instant) {
    long second = instant.getEpochSecond();
    Day d = day;
    if (second >= d.from && second < d.until) {
      return d.date;
    }
    d = around(instant);
    day = d;
    return d.date;
  }

  /**
   * The day from {@code instant} to the earlier of the next local midnight and the next offset
   * transition: the offset is constant in it, so the local date is too.
   */
  private Day around(Instant instant) {
    ZoneOffset offset = rules.getOffset(instant);
    long second = instant.getEpochSecond();
    long local = second + offset.getTotalSeconds();
    long epochDay = Math.floorDiv(local, SECONDS_PER_DAY);
    long until = (epochDay + 1) * SECONDS_PER_DAY - offset.getTotalSeconds();
    ZoneOffsetTransition next = rules.nextTransition(instant);
    if (next != null && next.toEpochSecond() < until) {
      until = next.toEpochSecond();
    }
    return new Day(second, until, LocalDate.ofEpochDay(epochDay));
  }

  @Override
  public String toString() {
    return "program time (" + clock + ", zone " + zone + ")";
  }
}
