package cloud.quazzar.partner.metrics;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.internal.metrics.ProgramMeters;
import cloud.quazzar.partner.spi.Store;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer metrics of one {@link PartnerProgram}: a {@link MeterBinder}, so that a host binds it
 * to its registry ({@code PartnerProgramMetrics.of(program).bindTo(registry)}) and a Spring Boot
 * application declares it as a bean, which Boot binds to its registry.
 *
 * <pre>{@code
 * PartnerProgramMetrics metrics = PartnerProgramMetrics.of(program);
 * metrics.bindTo(registry);      // from now on every service call is timed
 * ...
 * metrics.close();               // or program.close(): the meters are removed from the registry
 * }</pre>
 *
 * <p>What it measures (docs/operations.md, "Metrics", lists every meter with its unit and tags):
 *
 * <ul>
 *   <li>{@code partner.operations}, a count of every call of the program's services ({@code
 *       registry()}, {@code discounts()}, {@code certifications()}, {@code revenue()}, {@code
 *       reviews()}, {@code personalData()}, {@code events()} and each {@code portal(id)}) by service,
 *       operation and outcome ({@code ok}, {@code validation}, {@code conflict}, {@code not_found},
 *       {@code storage_error}, {@code other}), from the moment of the first {@link #bindTo} on, and
 *       {@code partner.operations.duration}, a timer of every write and bulk call (an export, a
 *       batch, the review run) and of a random one in {@linkplain Builder#timedOneIn 64} of the
 *       reads;
 *   <li>{@code partner.store.retries}: transactions the store ran again on its own ({@link
 *       Store#retries()}) and writes core ran again after a conflict;
 *   <li>{@code partner.revenue.entries}: ledger recordings and corrections, new or replayed;
 *   <li>per durable listener of the program: its lag, the age of its oldest undelivered event, its
 *       deliveries, failures and whether it is failing, read from {@code events().listeners()} at
 *       most once per {@linkplain Builder#listenerRefresh listener refresh} (default 10 s) by the
 *       program's clock, however often the registry is scraped (OPS-12);
 *   <li>{@code partner.certifications} by status, read from {@code certifications().counts()} at most
 *       once per {@linkplain Builder#certificationRefresh certification refresh} (default and least:
 *       1 minute).
 * </ul>
 *
 * <p>Tag values come from fixed sets, or are listener names (chosen by the host, bounded) or the
 * common tags given to the {@link Builder}: never a partner id or other value of the data (OPS-11).
 * Unbound, the program's calls cost one volatile read each; bound, a random draw and a counter
 * increment, and for the calls drawn to be timed two {@link System#nanoTime()} readings and one
 * timer update per registry (OPS-14).
 *
 * <p>One instance per program: two instances bound to one registry would count each call twice.
 * Thread-safe. It holds the objects its gauges read, and the program holds it while it is bound,
 * so a host need not keep a reference to it (a Micrometer gauge keeps only a weak reference to
 * what it reads). It never keeps a closed program: {@link PartnerProgram#close()} removes its
 * meters from every registry, as {@link #close()} does (OPS-16).
 */
@SuppressWarnings("exports") // Micrometer's types in the signatures: core requires it static, not transitive (module-info)
public final class PartnerProgramMetrics implements MeterBinder, AutoCloseable {
  /** The count of every service call. */
  public static final String OPERATIONS = "partner.operations";
  /** The duration of a random sample of the service calls. */
  public static final String OPERATION_DURATION = "partner.operations.duration";
  /** Transactions run again, by layer ({@code store}, {@code core}). */
  public static final String STORE_RETRIES = "partner.store.retries";
  /** Ledger entries recorded or corrected, by kind and result. */
  public static final String REVENUE_ENTRIES = "partner.revenue.entries";
  /** Current certifications by status. */
  public static final String CERTIFICATIONS = "partner.certifications";
  /** A listener's lag: events committed after its cursor. */
  public static final String LISTENER_LAG = "partner.events.listener.lag";
  /** The age of a listener's oldest undelivered event, in seconds. */
  public static final String LISTENER_UNDELIVERED_AGE = "partner.events.listener.undelivered.age";
  /** Events a listener accepted. */
  public static final String LISTENER_DELIVERIES = "partner.events.listener.deliveries";
  /** Times a listener threw. */
  public static final String LISTENER_FAILURES = "partner.events.listener.failures";
  /** Whether a listener's last delivery attempt threw: 1 or 0. */
  public static final String LISTENER_FAILING = "partner.events.listener.failing";

  /** The default of {@link Builder#timedOneIn}. */
  public static final int DEFAULT_TIMED_ONE_IN = 64;

  private final ProgramMeters meters;

  private PartnerProgramMetrics(Builder b) {
    this.meters = new ProgramMeters(b.program, b.tags, b.listenerRefresh, b.certificationRefresh, b.timedOneIn);
  }

  /**
   * Metrics of {@code program} with the defaults: no common tags, listener status read at most
   * every 10 s, certification counts at most once a minute.
   *
   * @param program the program
   * @return its metrics, bound to no registry yet
   * @throws ValidationException ({@code program}) if it is null
   */
  public static PartnerProgramMetrics of(PartnerProgram program) {
    return builder(program).build();
  }

  /**
   * A builder of metrics of {@code program}; every option may be set once ({@code
   * ConfigurationException} otherwise), a bad value is a {@link ValidationException}.
   *
   * @param program the program
   * @return a new builder
   * @throws ValidationException ({@code program}) if it is null
   */
  public static Builder builder(PartnerProgram program) {
    return new Builder(given(program, "program"));
  }

  /**
   * Registers the program's meters in {@code registry} and, on the first call, starts observing
   * the program's calls. Binding one registry again does nothing; binding several records every
   * call in each. After {@link #close()} or the program's close it registers nothing.
   *
   * @param registry the registry
   * @throws ValidationException ({@code registry}) if it is null
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    meters.bindTo(given(registry, "registry"));
  }

  /**
   * Removes this object's meters from {@code registry} and stops recording into it; when no
   * registry is left bound, the program's calls are no longer observed. Does nothing for a
   * registry not bound.
   *
   * @param registry the registry
   * @throws ValidationException ({@code registry}) if it is null
   */
  public void unbind(MeterRegistry registry) {
    meters.unbind(given(registry, "registry"));
  }

  /**
   * Removes every meter this object registered from every registry and stops observing the
   * program; binding afterwards registers nothing. Idempotent. {@link PartnerProgram#close()}
   * does the same.
   */
  @Override
  public void close() {
    meters.close();
  }

  /** Reads of the store the cached gauges made so far (for tests: OPS-12). */
  long storeReads() {
    return meters.storeReads();
  }

  private static <T> T given(@Nullable T value, String name) {
    if (value == null) {
      throw ValidationException.of(name, "must not be null");
    }
    return value;
  }

  /**
   * Configures {@link PartnerProgramMetrics}; each option may be set once. Not thread-safe.
   */
  public static final class Builder {
    private final PartnerProgram program;
    private Tags tags = Tags.empty();
    private Duration listenerRefresh = Duration.ofSeconds(10);
    private Duration certificationRefresh = Duration.ofMinutes(1);
    private int timedOneIn = DEFAULT_TIMED_ONE_IN;
    private final Set<String> set = new LinkedHashSet<>();

    private Builder(PartnerProgram program) {
      this.program = program;
    }

    private void once(String option) {
      if (!set.add(option)) {
        throw new ConfigurationException("builder option '" + option + "' is already set: each option may be set once");
      }
    }

    /**
     * Tags added to every meter, e.g. {@code program=eu} when several programs share a registry
     * (their meters would merge otherwise). Their values must be bounded: never a partner id.
     *
     * @param common the tags
     * @return this builder
     * @throws ValidationException ({@code tags}) if null or if a tag's key is one the meters use
     *     ({@code service}, {@code operation}, {@code outcome}, {@code layer}, {@code kind}, {@code
     *     result}, {@code status}, {@code listener})
     * @throws ConfigurationException if set already
     */
    public Builder tags(Iterable<Tag> common) {
      given(common, "tags");
      Tags t = Tags.of(common);
      List<String> taken = List.of("service", "operation", "outcome", "layer", "kind", "result", "status", "listener");
      for (Tag tag : t) {
        if (taken.contains(tag.getKey())) {
          throw ValidationException.of("tags", "must not use the key '" + tag.getKey() + "', which the meters use");
        }
      }
      once("tags");
      this.tags = t;
      return this;
    }

    /**
     * How often at most the listener status is read from the store for the listener gauges, by
     * the program's clock (default 10 s).
     *
     * @param interval 1 s to 1 hour
     * @return this builder
     * @throws ValidationException ({@code listenerRefresh}) if null or out of range
     * @throws ConfigurationException if set already
     */
    public Builder listenerRefresh(Duration interval) {
      given(interval, "listenerRefresh");
      if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
        throw ValidationException.of("listenerRefresh", "must be within 1 s..1 hour, got " + interval);
      }
      once("listenerRefresh");
      this.listenerRefresh = interval;
      return this;
    }

    /**
     * How often at most the certification counts are read from the store, by the program's clock
     * (default and least: 1 minute).
     *
     * @param interval 1 minute to 1 day
     * @return this builder
     * @throws ValidationException ({@code certificationRefresh}) if null or out of range
     * @throws ConfigurationException if set already
     */
    public Builder certificationRefresh(Duration interval) {
      given(interval, "certificationRefresh");
      if (interval.compareTo(Duration.ofMinutes(1)) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
        throw ValidationException.of("certificationRefresh", "must be within 1 minute..1 day, got " + interval);
      }
      once("certificationRefresh");
      this.certificationRefresh = interval;
      return this;
    }

    /**
     * How many calls, on average, per call timed (default {@value PartnerProgramMetrics#DEFAULT_TIMED_ONE_IN}):
     * every call is counted ({@code partner.operations}); every write and bulk call is timed
     * ({@code partner.operations.duration}), and a random one in {@code n} of the calls of each
     * read, so that two readings of the clock and a timer update do not land on every call of the
     * cheap ones (a quote, a read of the memory store: OPS-14). 1 times every call.
     *
     * @param n a power of two, 1 to 1024
     * @return this builder
     * @throws ValidationException ({@code timedOneIn}) if {@code n} is not a power of two within 1..1024
     * @throws ConfigurationException if set already
     */
    public Builder timedOneIn(int n) {
      if (n < 1 || n > 1024 || Integer.bitCount(n) != 1) {
        throw ValidationException.of("timedOneIn", "must be a power of two within 1..1024, got " + n);
      }
      once("timedOneIn");
      this.timedOneIn = n;
      return this;
    }

    /**
     * The metrics, bound to no registry yet.
     *
     * @return the metrics
     */
    public PartnerProgramMetrics build() {
      return new PartnerProgramMetrics(this);
    }
  }
}
