package cloud.quazzar.partner.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that tests move by hand. Thread-safe; {@link #withZone} returns a clock that
 * shares this one's time, so moving either moves both.
 */
public final class TestClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * A clock standing at {@code instant}, in UTC.
   *
   * @param instant where the clock stands
   * @return the clock
   */
  public static TestClock at(Instant instant) {
    return new TestClock(new AtomicReference<>(requireNonNull(instant)), ZoneOffset.UTC);
  }

  /**
   * A clock standing at noon of {@code date} in {@code zone}.
   *
   * @param date the day
   * @param zone the clock's zone
   * @return the clock
   */
  public static TestClock at(LocalDate date, ZoneId zone) {
    return new TestClock(new AtomicReference<>(date.atTime(LocalTime.NOON).atZone(zone).toInstant()), zone);
  }

  /**
   * Moves the clock to {@code instant} (backwards too).
   *
   * @param instant where the clock stands from now on
   * @return this clock
   */
  public TestClock set(Instant instant) {
    now.set(requireNonNull(instant));
    return this;
  }

  /**
   * Moves the clock to noon of {@code date} in this clock's zone.
   *
   * @param date the day
   * @return this clock
   */
  public TestClock setDate(LocalDate date) {
    return set(date.atTime(LocalTime.NOON).atZone(zone).toInstant());
  }

  /**
   * Moves the clock by {@code amount} (negative moves it back).
   *
   * @param amount how far to move the clock
   * @return this clock
   */
  public TestClock advance(Duration amount) {
    now.updateAndGet(i -> i.plus(amount));
    return this;
  }

  /**
   * Moves the clock by whole calendar days in its zone, keeping the local time of day.
   *
   * @param days how many days to move the clock, negative to move it back
   * @return this clock
   */
  public TestClock advanceDays(long days) {
    now.updateAndGet(i -> i.atZone(zone).plusDays(days).toInstant());
    return this;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new TestClock(now, zone);
  }

  @Override
  public Instant instant() {
    return requireNonNull(now.get(), "only set to an instant");
  }

  @Override
  public String toString() {
    return "TestClock[" + now.get() + ", " + zone + "]";
  }
}
