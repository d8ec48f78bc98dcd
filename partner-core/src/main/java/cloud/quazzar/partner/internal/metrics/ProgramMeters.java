package cloud.quazzar.partner.internal.metrics;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.StatusCounts;
import cloud.quazzar.partner.events.ListenerStatus;
import cloud.quazzar.partner.internal.ProgramTime;
import cloud.quazzar.partner.metrics.PartnerProgramMetrics;
import cloud.quazzar.partner.internal.events.OutboxStore;
import cloud.quazzar.partner.internal.observe.Observation;
import cloud.quazzar.partner.internal.observe.Observer;
import cloud.quazzar.partner.internal.observe.Operation;
import cloud.quazzar.partner.internal.observe.Outcome;
import cloud.quazzar.partner.spi.Store;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters of one program, behind {@link PartnerProgramMetrics} (whose javadoc states what they
 * promise): installed as the program's {@link Observer} while bound, it registers the counter of
 * each operation and outcome (counted by the {@link Observation}) in every registry bound, records
 * each timed call into each registry's timer, and holds the caches its gauges read (a gauge holds
 * what it reads only weakly; the program holds this object through its observation while bound).
 */
public final class ProgramMeters implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProgramMeters.class);

  private final OutboxStore store;
  private final Observation observation;
  private final Tags tags;
  /** Held here because a gauge holds what it reads only weakly (and the program holds this). */
  private final Cached<Map<String, ListenerStatus>> listeners;
  private final Cached<StatusCounts> certifications;
  private final Observer observer = new ProgramObserver();
  /** One call in this many is timed (a power of two); every call is counted. */
  private final int timedOneIn;

  /** The registries bound, with their meters; copied on write, read by every observed call. */
  private volatile Bound[] bound = new Bound[0];
  private boolean observing;
  private boolean closed;

  /** Meters of {@code program}; see {@code PartnerProgramMetrics.Builder} for the options. */
  public ProgramMeters(PartnerProgram program, Tags tags, Duration listenerRefresh, Duration certificationRefresh,
      int timedOneIn) {
    this.timedOneIn = timedOneIn;
    this.store = program.store().unwrap(OutboxStore.class).orElseThrow(
        () -> new IllegalStateException("a program's store is its outbox"));
    this.observation = store.observation();
    this.tags = tags;
    ProgramTime time = new ProgramTime(program.clock(), program.zone());
    this.listeners = new Cached<>(time, listenerRefresh, "listener status", () -> {
      Map<String, ListenerStatus> byName = new HashMap<>();
      for (ListenerStatus s : program.events().listeners()) {
        byName.put(s.name(), s);
      }
      return byName;
    });
    this.certifications = new Cached<>(time, certificationRefresh, "certification counts",
        () -> program.certifications().counts());
  }

  /** See {@code PartnerProgramMetrics.bindTo} (the registry is checked there). */
  public synchronized void bindTo(MeterRegistry registry) {
    if (closed) {
      LOG.debug("partner program metrics are closed: nothing bound to {}", registry);
      return;
    }
    for (Bound b : bound) {
      if (b.registry == registry) {
        return;
      }
    }
    if (!observing) {
      if (!observation.install(observer)) {
        closed = true; // the program is closed
        return;
      }
      observing = true;
    }
    Bound b = new Bound(registry);
    b.registerFixed();
    for (int i = 0; i < Operation.count() * Outcome.count(); i++) {
      if (observation.calls(i) != null) {
        b.counter(i);
      }
    }
    Map<String, ListenerStatus> known = listeners.value();
    if (known != null) {
      known.keySet().forEach(b::listener);
    }
    Bound[] more = java.util.Arrays.copyOf(bound, bound.length + 1);
    more[bound.length] = b;
    bound = more;
  }

  /** See {@code PartnerProgramMetrics.unbind} (the registry is checked there). */
  public synchronized void unbind(MeterRegistry registry) {
    List<Bound> left = new ArrayList<>(List.of(bound));
    for (Bound b : bound) {
      if (b.registry == registry) {
        left.remove(b);
        b.removeAll();
      }
    }
    bound = left.toArray(new Bound[0]);
    if (bound.length == 0 && observing) {
      observation.uninstall(observer);
      observing = false;
    }
  }

  /**
   * Removes every meter this object registered from every registry and stops observing the
   * program; binding afterwards registers nothing. Idempotent. {@link PartnerProgram#close()}
   * calls it.
   */
  /** See {@code PartnerProgramMetrics.close}. */
  @Override
  public synchronized void close() {
    closed = true;
    for (Bound b : bound) {
      b.removeAll();
    }
    bound = new Bound[0];
    if (observing) {
      observation.uninstall(observer);
      observing = false;
    }
  }

  /** The index of an operation and outcome in the tables of counts ({@link Observation#calls}) and timers. */
  @SuppressWarnings("EnumOrdinal") // an index into the fixed tables of counts and timers, never stored
  private static int index(Operation op, Outcome outcome) {
    return op.ordinal() * Outcome.count() + outcome.ordinal();
  }

  /** What the program's observation reports, recorded into every registry bound. */
  private final class ProgramObserver implements Observer {
    @Override
    public int timedOneIn() {
      return timedOneIn;
    }

    @Override
    public void timed(Operation operation, Outcome outcome, long nanos) {
      int i = index(operation, outcome);
      for (Bound b : bound) {
        b.timer(i).record(nanos, TimeUnit.NANOSECONDS);
      }
    }

    @Override
    public void firstCall(int index) {
      synchronized (ProgramMeters.this) {
        for (Bound b : bound) {
          b.counter(index);
        }
      }
    }

    @Override
    public void ledger(boolean correction, long created, long replayed) {
      for (Bound b : bound) {
        b.ledger(correction, created, replayed);
      }
    }

    @Override
    public void listener(String name, boolean subscribed) {
      synchronized (ProgramMeters.this) {
        for (Bound b : bound) {
          if (subscribed) {
            b.listener(name);
          } else {
            b.removeListener(name);
          }
        }
      }
    }

    @Override
    public void programClosed() {
      close();
    }
  }

  /** One registry's meters. */
  private final class Bound {
    final MeterRegistry registry;
    /** The timers by operation and outcome, registered on first use. */
    final AtomicReferenceArray<@Nullable Timer> timers =
        new AtomicReferenceArray<>(Operation.count() * Outcome.count());
    /** The call counters by operation and outcome, registered once the count has moved. */
    final AtomicReferenceArray<@Nullable FunctionCounter> counters =
        new AtomicReferenceArray<>(Operation.count() * Outcome.count());
    /** recording created, recording replayed, correction created, correction replayed. */
    final Counter[] ledger = new Counter[4];
    final List<Meter> fixed = new ArrayList<>();
    final Map<String, List<Meter>> byListener = new java.util.concurrent.ConcurrentHashMap<>();

    Bound(MeterRegistry registry) {
      this.registry = registry;
    }

    Tags tagsOf(int i) {
      Operation op = Operation.of(i / Outcome.count());
      Outcome outcome = Outcome.of(i % Outcome.count());
      return tags.and("service", op.service(), "operation", op.operation(), "outcome", outcome.tag());
    }

    /** The timer of the calls at {@code i}, registered on first use. */
    Timer timer(int i) {
      Timer t = timers.get(i);
      if (t == null) {
        // a registry answers the same timer for the same name and tags, so a race registers it once
        t = Timer.builder(PartnerProgramMetrics.OPERATION_DURATION)
            .description("Duration of the calls of the partner program's services: every write and bulk call, one in "
                + timedOneIn + " of the reads, at random; by service, operation and outcome")
            .tags(tagsOf(i))
            .register(registry);
        timers.set(i, t);
      }
      return t;
    }

    /** Registers the counter of the calls at {@code i} unless registered. */
    void counter(int i) {
      LongAdder calls = observation.calls(i);
      if (calls != null && counters.get(i) == null) {
        // the observation holds the adder as long as the program lives (a function counter holds it weakly)
        counters.set(i, FunctionCounter.builder(PartnerProgramMetrics.OPERATIONS, calls, LongAdder::doubleValue)
            .description("Calls of the partner program's services, by service, operation and outcome")
            .baseUnit("calls").tags(tagsOf(i)).register(registry));
      }
    }

    void ledger(boolean correction, long created, long replayed) {
      int base = correction ? 2 : 0;
      if (created > 0) {
        ledger[base].increment((double) created);
      }
      if (replayed > 0) {
        ledger[base + 1].increment((double) replayed);
      }
    }

    void registerFixed() {
      fixed.add(FunctionCounter.builder(PartnerProgramMetrics.STORE_RETRIES, store, Store::retries)
          .description("Transactions the store ran again on its own (serialization failure, deadlock, fail-over)")
          .tags(tags).tag("layer", "store").register(registry));
      fixed.add(FunctionCounter.builder(PartnerProgramMetrics.STORE_RETRIES, observation, Observation::conflictRetries)
          .description("Writes the partner program ran again after losing to a concurrent write (a conflict)")
          .tags(tags).tag("layer", "core").register(registry));
      String[] kinds = {"recording", "recording", "correction", "correction"};
      String[] results = {"created", "replayed", "created", "replayed"};
      for (int i = 0; i < 4; i++) {
        ledger[i] = Counter.builder(PartnerProgramMetrics.REVENUE_ENTRIES)
            .description("Revenue ledger entries recorded or corrected: created, or answered as a replay of their key")
            .baseUnit("entries").tags(tags).tag("kind", kinds[i]).tag("result", results[i]).register(registry);
        fixed.add(ledger[i]);
      }
      for (CertificationStatus status : CertificationStatus.values()) {
        fixed.add(Gauge.builder(PartnerProgramMetrics.CERTIFICATIONS, certifications, c -> certificationCount(c, status))
            .description("Current certifications by expiry status, read at most once a minute")
            .baseUnit("certifications").tags(tags).tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
            .register(registry));
      }
    }

    /** Registers the gauges of the listener {@code name} unless registered. */
    void listener(String name) {
      if (byListener.containsKey(name)) {
        return;
      }
      Tags t = tags.and(Tag.of("listener", name));
      List<Meter> meters = new ArrayList<>(5);
      meters.add(Gauge.builder(PartnerProgramMetrics.LISTENER_LAG, listeners, c -> listenerValue(c, name, s -> (double) s.lag()))
          .description("Events committed after the listener's cursor").baseUnit("events").tags(t).register(registry));
      meters.add(Gauge.builder(PartnerProgramMetrics.LISTENER_UNDELIVERED_AGE, listeners, c -> undeliveredAge(c, name))
          .description("Age of the oldest event the listener has not accepted; 0 when it is up to date")
          .baseUnit("seconds").tags(t).register(registry));
      meters.add(FunctionCounter.builder(PartnerProgramMetrics.LISTENER_DELIVERIES, listeners, c -> listenerValue(c, name, s -> (double) s.delivered()))
          .description("Events the listener accepted in this program since it was subscribed")
          .baseUnit("events").tags(t).register(registry));
      meters.add(FunctionCounter.builder(PartnerProgramMetrics.LISTENER_FAILURES, listeners, c -> listenerValue(c, name, s -> (double) s.failures()))
          .description("Times the listener threw in this program since it was subscribed").tags(t).register(registry));
      meters.add(Gauge.builder(PartnerProgramMetrics.LISTENER_FAILING, listeners, c -> listenerValue(c, name, s -> s.failing() ? 1 : 0))
          .description("1 if the listener's last delivery attempt threw (it is retried), else 0").tags(t)
          .register(registry));
      byListener.put(name, meters);
    }

    void removeListener(String name) {
      List<Meter> meters = byListener.remove(name);
      if (meters != null) {
        meters.forEach(registry::remove);
      }
    }

    void removeAll() {
      fixed.forEach(registry::remove);
      fixed.clear();
      for (String name : List.copyOf(byListener.keySet())) {
        removeListener(name);
      }
      for (int i = 0; i < timers.length(); i++) {
        Timer t = timers.getAndSet(i, null);
        if (t != null) {
          registry.remove(t);
        }
        FunctionCounter c = counters.getAndSet(i, null);
        if (c != null) {
          registry.remove(c);
        }
      }
    }
  }

  private static double certificationCount(Cached<StatusCounts> cache, CertificationStatus status) {
    StatusCounts counts = cache.get();
    return counts == null ? Double.NaN : (double) counts.count(status);
  }

  private double listenerValue(Cached<Map<String, ListenerStatus>> cache, String name,
      java.util.function.ToDoubleFunction<ListenerStatus> value) {
    Map<String, ListenerStatus> all = cache.get();
    registerNew(all);
    ListenerStatus s = all == null ? null : all.get(name);
    return s == null ? Double.NaN : value.applyAsDouble(s);
  }

  private double undeliveredAge(Cached<Map<String, ListenerStatus>> cache, String name) {
    Map<String, ListenerStatus> all = cache.get();
    registerNew(all);
    ListenerStatus s = all == null ? null : all.get(name);
    if (s == null) {
      return Double.NaN;
    }
    Instant oldest = s.oldestUndelivered().orElse(null);
    Instant readAt = cache.readAt();
    if (oldest == null || readAt == null) {
      return 0;
    }
    return Math.max(0, Duration.between(oldest, readAt).toNanos() / 1e9);
  }

  /**
   * Registers the gauges of listeners the status read found but none is registered for (for
   * example one subscribed through the certification tracker before binding).
   */
  private void registerNew(@Nullable Map<String, ListenerStatus> all) {
    if (all == null) {
      return;
    }
    Bound[] now = bound;
    Set<String> missing = new LinkedHashSet<>();
    for (Bound b : now) {
      for (String name : all.keySet()) {
        if (!b.byListener.containsKey(name)) {
          missing.add(name);
        }
      }
    }
    if (!missing.isEmpty()) {
      synchronized (this) {
        for (Bound b : bound) {
          missing.forEach(b::listener);
        }
      }
    }
  }

  /**
   * A value read from the store at most once per interval of the program's clock (OPS-12). A read
   * that fails keeps the last value (or none) until the next interval, and is logged.
   */
  private static final class Cached<T> {
    private final ProgramTime time;
    private final Duration interval;
    private final String what;
    private final Supplier<T> read;
    private @Nullable T value;
    private @Nullable Instant readAt;
    private @Nullable Instant triedAt;
    private long reads;

    Cached(ProgramTime time, Duration interval, String what, Supplier<T> read) {
      this.time = time;
      this.interval = interval;
      this.what = what;
      this.read = read;
    }

    /** The value, read now if the last try is an interval old or more. */
    synchronized @Nullable T get() {
      Instant now = time.now();
      if (triedAt == null || !now.isBefore(triedAt.plus(interval)) || now.isBefore(triedAt)) {
        triedAt = now;
        try {
          value = read.get();
          readAt = now;
          reads++;
        } catch (RuntimeException e) {
          LOG.warn("partner program metrics: reading the {} failed; the last value is kept until the next try in {}",
              what, interval, e);
        }
      }
      return value;
    }

    /** The last value read, without reading. */
    synchronized @Nullable T value() {
      return value == null ? get() : value;
    }

    synchronized @Nullable Instant readAt() {
      return readAt;
    }

    synchronized long reads() {
      return reads;
    }
  }

  /** Reads of the store the cached gauges made so far (for tests: OPS-12). */
  public long storeReads() {
    return listeners.reads() + certifications.reads();
  }
}
