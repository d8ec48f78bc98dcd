package cloud.quazzar.partner.internal.health;

import cloud.quazzar.partner.events.DomainEvents;
import cloud.quazzar.partner.health.HealthStatus;
import cloud.quazzar.partner.health.ListenersCheck;
import cloud.quazzar.partner.health.ProgramHealth;
import cloud.quazzar.partner.health.SchemaCheck;
import cloud.quazzar.partner.health.StoreCheck;
import cloud.quazzar.partner.internal.Checks;
import cloud.quazzar.partner.internal.ProgramTime;
import cloud.quazzar.partner.spi.SchemaVersion;
import cloud.quazzar.partner.spi.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the program's health (rules OPS-1 to OPS-4). The probe (a small read, the schema version,
 * the listeners' statuses, in that order) runs on a daemon thread of its own; the caller waits at
 * most the time limit and reports what the probe finished by then, each unfinished part DOWN with
 * "no answer within ...". Never throws for a store failure: it becomes a DOWN part. Checks from
 * several threads run their probes side by side; but while a probe that did not answer in time is
 * still blocked (interrupted, and waiting on a hung store), a new check starts no thread and
 * reports the store DOWN at once, so a hung store never piles up threads.
 * Response times are measured with {@link System#nanoTime()}, an elapsed-time counter (the time of
 * day comes from the program's clock).
 */
public final class HealthProbe {
  private static final Logger LOG = LoggerFactory.getLogger(HealthProbe.class);
  /** The longest time limit a check accepts. */
  public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
  /** The shortest time limit a check accepts. */
  public static final Duration MIN_TIMEOUT = Duration.ofMillis(10);

  private final Store store;
  private final DomainEvents events;
  private final ProgramTime time;
  private final Duration defaultTimeout;
  private final OptionalLong lagThreshold;
  /** The probe threads running, with the {@link System#nanoTime()} by which each should have ended. */
  private final ConcurrentHashMap<Thread, Long> running = new ConcurrentHashMap<>();

  public HealthProbe(Store store, DomainEvents events, ProgramTime time, Duration defaultTimeout,
      OptionalLong lagThreshold) {
    this.store = store;
    this.events = events;
    this.time = time;
    this.defaultTimeout = defaultTimeout;
    this.lagThreshold = lagThreshold;
  }

  /** Adds the violations of a time limit to {@code c}. */
  public static Checks checkTimeout(Checks c, String field, @Nullable Duration timeout) {
    if (timeout == null) {
      return c.add(field, "must not be null");
    }
    return c.check(timeout.compareTo(MIN_TIMEOUT) >= 0 && timeout.compareTo(MAX_TIMEOUT) <= 0, field,
        "must be within " + MIN_TIMEOUT.toMillis() + " ms.." + MAX_TIMEOUT.toMinutes() + " min, got " + timeout);
  }

  public ProgramHealth check() {
    return check(defaultTimeout);
  }

  /** The parts the probe finished; null: not (yet) finished. */
  private static final class Parts {
    volatile @Nullable StoreCheck store;
    volatile @Nullable SchemaCheck schema;
    volatile @Nullable ListenersCheck listeners;
  }

  public ProgramHealth check(Duration timeout) {
    checkTimeout(Checks.start(), "timeout", timeout).done();
    Instant checkedAt = time.now();
    Parts parts = new Parts();
    CountDownLatch done = new CountDownLatch(1);
    long start = System.nanoTime();
    Thread probe = new Thread(() -> {
      try {
        probe(parts, start);
      } finally {
        running.remove(Thread.currentThread());
        done.countDown();
      }
    }, "partner-health-probe");
    probe.setDaemon(true);
    if (running.values().stream().anyMatch(deadline -> start - deadline >= 0)) {
      String error = "the store has not answered an earlier health check, which ran out of time, yet";
      return ProgramHealth.of(new StoreCheck(HealthStatus.DOWN, Duration.ZERO, Optional.of(error)),
          SchemaCheck.unknown(error), ListenersCheck.unknown(error, lagThreshold), checkedAt, timeout);
    }
    running.put(probe, start + timeout.toNanos());
    probe.start();
    try {
      if (!done.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        LOG.warn("health check: the store did not answer within {}", timeout);
        probe.interrupt();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String late = "no answer within " + timeout.toMillis() + " ms";
    StoreCheck s = parts.store;
    SchemaCheck schema = parts.schema;
    ListenersCheck listeners = parts.listeners;
    return ProgramHealth.of(
        s != null ? s : new StoreCheck(HealthStatus.DOWN, Duration.ofNanos(System.nanoTime() - start), Optional.of(late)),
        schema != null ? schema : SchemaCheck.unknown(s != null && s.status() == HealthStatus.DOWN ? "not checked: the store is down" : late),
        listeners != null ? listeners : ListenersCheck.unknown(s != null && s.status() == HealthStatus.DOWN
            ? "not checked: the store is down" : late, lagThreshold),
        checkedAt, timeout);
  }

  private void probe(Parts parts, long start) {
    try {
      store.read(tx -> tx.events().lastSequence());
      parts.store = new StoreCheck(HealthStatus.UP, Duration.ofNanos(System.nanoTime() - start), Optional.empty());
    } catch (RuntimeException e) {
      parts.store = new StoreCheck(HealthStatus.DOWN, Duration.ofNanos(System.nanoTime() - start), Optional.of(message(e)));
      return;
    }
    try {
      Optional<SchemaVersion> v = store.schemaVersion();
      parts.schema = v.isEmpty() ? SchemaCheck.notApplicable() : SchemaCheck.of(v.get().found(), v.get().expected());
    } catch (RuntimeException e) {
      parts.schema = SchemaCheck.unknown(message(e));
    }
    try {
      parts.listeners = ListenersCheck.of(events.listeners(), lagThreshold);
    } catch (RuntimeException e) {
      parts.listeners = ListenersCheck.unknown(message(e), lagThreshold);
    }
  }

  private static String message(RuntimeException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
