package cloud.quazzar.partner.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link ProgramTime}: the one reading of the clock, checked against the JDK's own date arithmetic. */
class ProgramTimeTest {
  /** A clock the test moves, in any direction. */
  private static final class MovingClock extends Clock {
    Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("ProgramTime never needs the clock's own zone");
    }
  }

  /** Zones with daylight saving at midnight (Santiago), half-hour DST (Lord Howe), a skipped day (Apia, 2011). */
  private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/Santiago", "Australia/Lord_Howe",
      "Pacific/Apia", "Asia/Kathmandu", "America/St_Johns");

  @Test
  @DisplayName("today is LocalDate.ofInstant(clock, zone) at every step of two years, forwards and backwards, in zones with odd offsets and transitions")
  void todayAgreesWithTheJdk() {
    for (String id : ZONES) {
      ZoneId zone = ZoneId.of(id);
      MovingClock clock = new MovingClock(Instant.parse("2010-12-25T00:00:00Z"));
      ProgramTime time = new ProgramTime(clock, zone);
      Duration step = Duration.ofMinutes(37).plusSeconds(11).plusNanos(123_456_789);
      Instant end = Instant.parse("2012-03-01T00:00:00Z");
      for (Instant t = clock.now; t.isBefore(end); t = t.plus(step)) {
        clock.now = t;
        assertEquals(LocalDate.ofInstant(t, zone), time.today(), () -> id + " at " + clock.now);
        assertEquals(YearMonth.from(LocalDate.ofInstant(t, zone)), time.thisMonth(), () -> id + " at " + clock.now);
      }
      for (Instant t = end; t.isAfter(Instant.parse("2010-12-25T00:00:00Z")); t = t.minus(step.multipliedBy(3))) {
        clock.now = t;
        assertEquals(LocalDate.ofInstant(t, zone), time.today(), () -> id + " going back, at " + clock.now);
      }
    }
  }

  @Test
  @DisplayName("today changes exactly at local midnight and at an offset change, not a nanosecond earlier")
  void dayBoundaries() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    MovingClock clock = new MovingClock(Instant.parse("2026-03-28T22:59:59.999999999Z")); // 23:59:59.999999999 CET
    ProgramTime time = new ProgramTime(clock, berlin);
    assertEquals(LocalDate.of(2026, 3, 28), time.today());
    clock.now = Instant.parse("2026-03-28T23:00:00Z");
    assertEquals(LocalDate.of(2026, 3, 29), time.today());
    // the clocks go forward at 01:00 UTC that day; the last second of the day is 21:59:59 UTC (CEST)
    clock.now = Instant.parse("2026-03-29T21:59:59.999999999Z");
    assertEquals(LocalDate.of(2026, 3, 29), time.today());
    clock.now = Instant.parse("2026-03-29T22:00:00Z");
    assertEquals(LocalDate.of(2026, 3, 30), time.today());
    // Santiago: at 2026-04-05 00:00 local (03:00 UTC) the clocks go back to 23:00 of the 4th
    ZoneId santiago = ZoneId.of("America/Santiago");
    MovingClock c2 = new MovingClock(Instant.parse("2026-04-05T02:59:59Z"));
    ProgramTime t2 = new ProgramTime(c2, santiago);
    assertEquals(LocalDate.ofInstant(c2.now, santiago), t2.today());
    c2.now = Instant.parse("2026-04-05T03:00:00Z");
    assertEquals(LocalDate.ofInstant(c2.now, santiago), t2.today());
    c2.now = Instant.parse("2026-04-05T03:59:59Z");
    assertEquals(LocalDate.ofInstant(c2.now, santiago), t2.today());
    c2.now = Instant.parse("2026-04-05T04:00:00Z");
    assertEquals(LocalDate.ofInstant(c2.now, santiago), t2.today());
  }

  @Test
  @DisplayName("the same day is one LocalDate, not a new one per call")
  void todayIsRemembered() {
    MovingClock clock = new MovingClock(Instant.parse("2026-06-01T08:00:00Z"));
    ProgramTime time = new ProgramTime(clock, ZoneId.of("Europe/Berlin"));
    LocalDate first = time.today();
    clock.now = Instant.parse("2026-06-01T20:00:00Z");
    assertSame(first, time.today());
  }

  @Test
  @DisplayName("now is the clock's instant truncated to microseconds (decision D3); millis and instant are the clock's as is")
  void nowInMicroseconds() {
    MovingClock clock = new MovingClock(Instant.parse("2026-06-01T08:00:00.123456789Z"));
    ProgramTime time = new ProgramTime(clock, ZoneOffset.UTC);
    assertEquals(Instant.parse("2026-06-01T08:00:00.123456Z"), time.now());
    assertEquals(Instant.parse("2026-06-01T08:00:00.123456789Z"), time.instant());
    assertEquals(Instant.parse("2026-06-01T08:00:00.123Z").toEpochMilli(), time.millis());
    assertEquals(LocalDate.of(2026, 6, 1), time.dateOf(time.instant()));
  }
}
