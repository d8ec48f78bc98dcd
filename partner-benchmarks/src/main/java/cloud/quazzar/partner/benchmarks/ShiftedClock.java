package cloud.quazzar.partner.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, ticking in real time, moved to a chosen instant: a benchmark sets a policy on
 * one day and then quotes on a later day while the staleness window runs out in real time, as it
 * would for a host. {@link #millis()} allocates nothing (the engine's window check reads it).
 */
final class ShiftedClock extends Clock {
  private final Clock system = Clock.systemUTC();
  private volatile long offsetMillis;

  /** Moves the clock so that it reads {@code instant} now, and ticks on from there. */
  ShiftedClock readingNow(Instant instant) {
    offsetMillis = instant.toEpochMilli() - system.millis();
    return this;
  }

  @Override
  public long millis() {
    return system.millis() + offsetMillis;
  }

  @Override
  public Instant instant() {
    return system.instant().plus(Duration.ofMillis(offsetMillis));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the benchmarks work in UTC");
  }
}
