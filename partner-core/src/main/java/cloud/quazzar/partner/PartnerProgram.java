package cloud.quazzar.partner;

import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.ExpiryThresholds;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.events.DomainEvents;
import cloud.quazzar.partner.events.EventRetention;
import cloud.quazzar.partner.internal.DefaultPartnerRegistry;
import cloud.quazzar.partner.internal.ProgramTime;
import cloud.quazzar.partner.internal.StorageDiscovery;
import cloud.quazzar.partner.internal.certification.DefaultCertificationTracker;
import cloud.quazzar.partner.internal.discount.DefaultDiscountEngine;
import cloud.quazzar.partner.internal.events.DefaultDomainEvents;
import cloud.quazzar.partner.internal.events.OutboxStore;
import cloud.quazzar.partner.internal.health.HealthProbe;
import cloud.quazzar.partner.health.ProgramHealth;
import cloud.quazzar.partner.internal.observe.Observation;
import cloud.quazzar.partner.internal.observe.ObservedPartnerPortal;
import cloud.quazzar.partner.internal.observe.ObservedServices;
import cloud.quazzar.partner.internal.observe.Operation;
import cloud.quazzar.partner.internal.portal.DefaultPartnerPortal;
import cloud.quazzar.partner.internal.privacy.DefaultPersonalData;
import cloud.quazzar.partner.internal.revenue.DefaultRevenueLedger;
import cloud.quazzar.partner.internal.review.DefaultTierReviews;
import cloud.quazzar.partner.portal.PartnerPortal;
import cloud.quazzar.partner.privacy.PersonalData;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.review.TierReviews;
import cloud.quazzar.partner.spi.StorageProvider;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point: a configured partner program handing out its services. Build it once per
 * host, share it between threads, close it at shutdown.
 *
 * <pre>{@code
 * try (PartnerProgram program = PartnerProgram.builder()
 *         .clock(Clock.systemUTC())
 *         .zone(ZoneId.of("Europe/Berlin"))
 *         .storage(JdbcStorage.h2File(Path.of("data/partners")))
 *         .build()) {
 *   Partner acme = program.registry().add(new NewPartner("Acme Cloud", "ops@acme.example", Tier.GOLD));
 * }
 * }</pre>
 *
 * <p>Storage: a {@link Store} given to {@link Builder#store} (the host owns it and closes it; for
 * example the volatile {@code MemoryStorage.create()}); a {@link StorageProvider} given to {@link
 * Builder#storageProvider} with settings; or the settings given to {@link Builder#storage}, which
 * name a provider ({@code JdbcStorage.h2File(..)}, {@code .url(..)}, {@code .dataSource(..)}) or
 * leave it to discovery with {@link java.util.ServiceLoader}. Discovery never chooses a volatile
 * store: with no store chosen and no durable store available, {@link Builder#build()} fails with a
 * {@link ConfigurationException} that says what it found and how to choose. A store the program
 * opened is closed by {@link #close()}.
 */
public final class PartnerProgram implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PartnerProgram.class);

  private final Clock clock;
  private final ProgramTime time;
  private final OutboxStore store;
  private final boolean ownsStore;
  private final DefaultDomainEvents events;
  private final PartnerRegistry registry;
  private final DiscountEngine discounts;
  private final CertificationTracker certifications;
  private final RevenueLedger revenue;
  private final TierReviews reviews;
  private final PersonalData personalData;
  private final HealthProbe health;
  /**
   * The services as handed out: each observed through the store's {@link Observation} (decision
   * O1); the fields above are the implementations, which call each other unobserved.
   */
  private final ObservedServices observed;

  private PartnerProgram(Builder b, Store store, boolean ownsStore) {
    this.clock = b.clock;
    ProgramTime time = new ProgramTime(b.clock, b.zone);
    this.time = time;
    OutboxStore outbox = new OutboxStore(store);
    this.store = outbox;
    this.ownsStore = ownsStore;
    ExecutorService owned = null;
    Executor executor = b.eventExecutor;
    if (executor == null) {
      owned = DefaultDomainEvents.defaultExecutor();
      executor = owned;
    }
    this.events = new DefaultDomainEvents(outbox, time, b.ids, executor, owned, b.eventRetryDelay, b.eventLease,
        b.eventRetention);
    this.registry = new DefaultPartnerRegistry(outbox, time, b.ids, b.expiryThresholds);
    DefaultDiscountEngine discounts = new DefaultDiscountEngine(outbox, time, b.discountStaleness);
    this.discounts = discounts;
    this.certifications = new DefaultCertificationTracker(
        outbox, time, b.ids, b.expiryThresholds, b.eligibilityRequirements, events);
    this.revenue = new DefaultRevenueLedger(outbox, time, b.ids);
    this.reviews = new DefaultTierReviews(outbox, time, registry, certifications);
    this.personalData = new DefaultPersonalData(outbox, time, discounts::historyChanged);
    this.health = new HealthProbe(outbox, events, time, b.healthTimeout, b.healthLagThreshold);
    this.observed = ObservedServices.of(outbox.observation(), registry, discounts, certifications, revenue, reviews,
        events, personalData);
  }

  /**
   * A new builder; every option may be set at most once, and the storage must be chosen (or a
   * durable store found by discovery): see {@link Builder}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Partners, clients, tiers and tier history.
   *
   * @return the partner registry
   */
  public PartnerRegistry registry() {
    return observed.registry();
  }

  /**
   * Discount policy versions, partner adjustments and quotes; "today" is {@link #today()}.
   *
   * @return the discount engine
   */
  public DiscountEngine discounts() {
    return observed.discounts();
  }

  /**
   * Certifications: expiry status, renewal, the warning board, the status sweep, eligibility.
   *
   * @return the certification tracker
   */
  public CertificationTracker certifications() {
    return observed.certifications();
  }

  /**
   * The append-only monthly revenue ledger: recording, corrections, trends, reports, CSV export.
   *
   * @return the revenue ledger
   */
  public RevenueLedger revenue() {
    return observed.revenue();
  }

  /**
   * Tier reviews with grace periods: the review the host schedules (daily), its policy (stored, so
   * shared by every node), running grace periods and each partner's review history.
   *
   * @return the tier reviews
   */
  public TierReviews reviews() {
    return observed.reviews();
  }

  /**
   * Domain events: the durable event log written with every change (partner created or
   * deactivated, tier changed, grace period started or ended, discount policy version, certification
   * status change, revenue recorded or corrected) and its delivery to subscribed listeners after
   * commit, at least once, in order, with a cursor per listener in the store.
   *
   * @return the program's domain events
   */
  public DomainEvents events() {
    return observed.events();
  }

  /**
   * A partner's personal data: erasure (GDPR Art. 17) with an audit entry, and export of all data
   * held about a partner as one JSON document (Art. 15 and 20); docs/privacy.md.
   *
   * @return the personal data service
   */
  public PersonalData personalData() {
    return observed.personalData();
  }

  /**
   * The portal of one partner: a view that reaches only that partner's record, clients,
   * certifications, revenue and billing statements ({@link PartnerPortal} lists its promises). The
   * host calls this after it has authenticated the partner.
   *
   * @param partnerId the authenticated partner's id
   * @return the partner's portal
   * @throws NotFoundException ({@code "partner <id> not found"}) if there is no such partner
   * @throws ValidationException if {@code partnerId} is null
   */
  public PartnerPortal portal(PartnerId partnerId) {
    Observation o = observed.observation();
    long t = o.start(Operation.PORTAL_OPEN);
    try {
      Partner partner = registry.get(partnerId);
      return o.ok(Operation.PORTAL_OPEN, t, new ObservedPartnerPortal(new DefaultPartnerPortal(partner.id(), registry,
          discounts, certifications, revenue, personalData, time.zone()), o));
    } catch (RuntimeException e) {
      throw o.failed(Operation.PORTAL_OPEN, t, e);
    }
  }

  /**
   * The clock every time-dependent rule reads.
   *
   * @return the program's clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * The zone in which calendar dates (today, months) are taken.
   *
   * @return the program's zone
   */
  public ZoneId zone() {
    return time.zone();
  }

  /**
   * Today's date in the program's zone, by its clock: the "today" every service uses.
   *
   * @return today's date
   */
  public LocalDate today() {
    return time.today();
  }

  /**
   * The store the program works on, e.g. for a health check's description. Writes through it carry
   * the program's outbox: a host that wants its own work and program calls in one transaction runs
   * them in {@code program.store().write(...)}, and the events of the calls are delivered after that
   * transaction commits.
   *
   * @return the program's store, with its outbox
   */
  public Store store() {
    return store;
  }

  /**
   * The program's health within the default time limit ({@link Builder#healthTimeout}, 5 s): see
   * {@link #health(Duration)}.
   *
   * @return the program's health now
   */
  public ProgramHealth health() {
    return health.check();
  }

  /**
   * The program's health now (docs/operations.md, "Health"; rules OPS-1 to OPS-4): whether the store
   * answers a small read, whether its schema is the version this library expects, and whether the
   * event listeners subscribed in this program are failing or lagging. Runs the probe on a thread of
   * its own and returns within about {@code timeout}, whatever the store does: a store that fails or
   * does not answer in time is reported {@code DOWN}, never thrown.
   *
   * @param timeout how long to wait for the store, 10 ms to 5 min
   * @return the program's health
   * @throws ValidationException ({@code timeout}) if the timeout is null or out of range
   */
  public ProgramHealth health(Duration timeout) {
    return health.check(timeout);
  }

  /**
   * Stops event delivery (waiting up to 5 s for a listener that is running) and closes the store
   * if the program opened it. Idempotent.
   */
  @Override
  public void close() {
    observed.observation().closed(); // bound metrics release their meters (OPS-16)
    events.close();
    if (ownsStore) {
      store.close();
    }
  }

  /**
   * Configures a {@link PartnerProgram}. Not thread-safe. The builder follows the library's one
   * convention for builders, <b>set-once</b>:
   *
   * <ul>
   *   <li>each option may be set at most once; setting it again is a {@link
   *       ConfigurationException} naming the option (never a silent replacement);
   *   <li>a null or out-of-range value is a {@link ValidationException} naming the option (for
   *       example {@code eventLease}); the call changes nothing, so the option can still be set;
   *   <li>options that contradict each other are a {@link ConfigurationException} naming both, from
   *       the call that makes the contradiction: at most one of {@link #store}, {@link
   *       #storageProvider} and {@link #storage} (one storage choice), and {@link #classLoader}
   *       (which only steers discovery) not together with {@link #store} or {@link
   *       #storageProvider};
   *   <li>{@link #build()} builds one program: calling it after it returned a program is a {@link
   *       ConfigurationException}; a {@code build()} that threw built nothing and may be called
   *       again (for example once the database is up).
   * </ul>
   *
   * <p>The storage must be chosen or durable: {@link #build()} never runs on a volatile store that
   * the host did not choose (see {@link #build()}).
   */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneOffset.UTC;
    private IdGenerator ids = IdGenerator.random();
    private @Nullable Store store;
    private @Nullable StorageProvider provider;
    private StorageSettings settings = StorageSettings.empty();
    private @Nullable ClassLoader classLoader;
    private ExpiryThresholds expiryThresholds = ExpiryThresholds.DEFAULT;
    private EligibilityRequirements eligibilityRequirements = EligibilityRequirements.DEFAULT;
    private @Nullable Executor eventExecutor;
    private Duration eventRetryDelay = Duration.ofSeconds(5);
    private Duration eventLease = Duration.ofSeconds(30);
    private Duration discountStaleness = Duration.ZERO;
    private EventRetention eventRetention = EventRetention.keepAll();
    private Duration healthTimeout = Duration.ofSeconds(5);
    private java.util.OptionalLong healthLagThreshold = java.util.OptionalLong.empty();
    /** The options set so far, in order. */
    private final java.util.Set<String> set = new java.util.LinkedHashSet<>();
    private boolean built;

    private Builder() {}

    /** A null option is bad input like any other (rule BAD-1), not a NullPointerException. */
    private static <T> T given(@Nullable T value, String option) {
      if (value == null) {
        throw ValidationException.of(option, "must not be null");
      }
      return value;
    }

    /**
     * Marks {@code option} as set, after its value was checked.
     *
     * @param excludes options that contradict this one
     */
    private void once(String option, String... excludes) {
      if (set.contains(option)) {
        throw new ConfigurationException("builder option '" + option + "' is already set: each option may be set once");
      }
      for (String other : excludes) {
        if (set.contains(other)) {
          throw new ConfigurationException("builder options '" + other + "' and '" + option
              + "' contradict each other: " + why(other, option));
        }
      }
      set.add(option);
    }

    private static String why(String a, String b) {
      if (a.equals("classLoader") || b.equals("classLoader")) {
        return "classLoader only steers storage discovery, and '" + (a.equals("classLoader") ? b : a)
            + "' chooses the storage without discovery";
      }
      return "choose the storage once: store(...) for an open store, storageProvider(...) for a provider and its"
          + " settings, or storage(...) for settings given to discovery";
    }

    /**
     * The clock all rules read (default: {@link Clock#systemUTC()}). Tests pass a test clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      given(clock, "clock");
      once("clock");
      this.clock = clock;
      return this;
    }

    /**
     * The zone in which dates are taken (default: UTC).
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      given(zone, "zone");
      once("zone");
      this.zone = zone;
      return this;
    }

    /**
     * The source of new ids (default: {@link IdGenerator#random()}).
     *
     * @param ids the id generator
     * @return this builder
     */
    public Builder idGenerator(IdGenerator ids) {
      given(ids, "idGenerator");
      once("idGenerator");
      this.ids = ids;
      return this;
    }

    /**
     * An open store to use, as is: an explicit choice, so a volatile one such as {@code
     * cloud.quazzar.partner.memory.MemoryStorage.create()} is allowed. The host keeps ownership and
     * closes it; several programs may share one store.
     *
     * @param store an open store, left open by the program
     * @return this builder
     * @throws ValidationException ({@code store}) if it is null
     * @throws ConfigurationException if a storage choice or {@code classLoader} is already set, or
     *     {@code store} is
     */
    public Builder store(Store store) {
      given(store, "store");
      once("store", "storageProvider", "storage", "classLoader");
      this.store = store;
      return this;
    }

    /**
     * A provider to open the store with, bypassing discovery: an explicit choice, so its store may
     * be volatile. The program closes the store.
     *
     * @param provider the provider
     * @param settings the settings it opens the store with
     * @return this builder
     * @throws ValidationException ({@code storageProvider.provider}, {@code
     *     storageProvider.settings}) if either is null
     * @throws ConfigurationException if a storage choice or {@code classLoader} is already set
     */
    public Builder storageProvider(StorageProvider provider, StorageSettings settings) {
      java.util.List<Violation> nulls = new java.util.ArrayList<>(2);
      if (provider == null) {
        nulls.add(new Violation("storageProvider.provider", "must not be null"));
      }
      if (settings == null) {
        nulls.add(new Violation("storageProvider.settings", "must not be null"));
      }
      if (!nulls.isEmpty()) {
        throw new ValidationException(nulls);
      }
      once("storageProvider", "store", "storage", "classLoader");
      this.provider = provider;
      this.settings = settings;
      return this;
    }

    /**
     * Settings for a provider found by discovery. Settings that name a provider ({@link
     * StorageSettings#provider}, as every {@code JdbcStorage} factory does) choose it explicitly,
     * even if its store is volatile ({@code JdbcStorage.h2InMemory(name)}); settings that name none
     * leave the choice to discovery, which keeps only a durable store. The program closes the store.
     *
     * @param settings the storage settings
     * @return this builder
     * @throws ValidationException ({@code storage}) if it is null
     * @throws ConfigurationException if another storage choice is already set
     */
    public Builder storage(StorageSettings settings) {
      given(settings, "storage");
      once("storage", "store", "storageProvider");
      this.settings = settings;
      return this;
    }

    /**
     * The day limits of the certification statuses (default: {@link ExpiryThresholds#DEFAULT},
     * critical below 30 days, expiring soon up to 90).
     *
     * @param thresholds the thresholds
     * @return this builder
     */
    public Builder expiryThresholds(ExpiryThresholds thresholds) {
      given(thresholds, "expiryThresholds");
      once("expiryThresholds");
      this.expiryThresholds = thresholds;
      return this;
    }

    /**
     * What each tier requires (default: {@link EligibilityRequirements#DEFAULT}).
     *
     * @param requirements the requirements of each tier
     * @return this builder
     */
    public Builder eligibilityRequirements(EligibilityRequirements requirements) {
      given(requirements, "eligibilityRequirements");
      once("eligibilityRequirements");
      this.eligibilityRequirements = requirements;
      return this;
    }

    /**
     * Where event listeners run after a commit (default: one daemon thread of the program, stopped
     * by {@link PartnerProgram#close()}). {@code Runnable::run} delivers on the thread whose write
     * committed, before the call returns: deterministic for tests, but then a host must not call
     * the program inside its own transaction on a store other than {@link PartnerProgram#store()}.
     * The host keeps ownership of an executor it gives.
     *
     * @param executor the executor that runs deliveries
     * @return this builder
     */
    public Builder eventExecutor(Executor executor) {
      given(executor, "eventExecutor");
      once("eventExecutor");
      this.eventExecutor = executor;
      return this;
    }

    /**
     * How long after a listener threw its event is offered again (default 5 s; 10 ms to 1 day). The
     * next commit or {@link DomainEvents#deliverPending()} offers it sooner.
     *
     * @param delay the delay, 10 ms to 1 day
     * @return this builder
     * @throws ValidationException ({@code eventRetryDelay}) if the delay is null or out of range
     */
    public Builder eventRetryDelay(Duration delay) {
      given(delay, "eventRetryDelay");
      if (delay.compareTo(Duration.ofMillis(10)) < 0 || delay.compareTo(Duration.ofDays(1)) > 0) {
        throw ValidationException.of("eventRetryDelay", "must be within 10 ms..1 day, got " + delay);
      }
      once("eventRetryDelay");
      this.eventRetryDelay = delay;
      return this;
    }

    /**
     * How long a program may deliver one listener name before another program (node) may take it
     * over (default 30 s; 1 s to 1 hour). The lease is renewed with every stored cursor and given
     * back after each delivery, so it only matters when a node dies while delivering.
     *
     * @param lease the lease, 1 s to 1 hour
     * @return this builder
     * @throws ValidationException ({@code eventLease}) if the lease is null or out of range
     */
    public Builder eventLease(Duration lease) {
      given(lease, "eventLease");
      if (lease.compareTo(Duration.ofSeconds(1)) < 0 || lease.compareTo(Duration.ofHours(1)) > 0) {
        throw ValidationException.of("eventLease", "must be within 1 s..1 hour, got " + lease);
      }
      once("eventLease");
      this.eventLease = lease;
      return this;
    }

    /**
     * How late the discount engine may see discount changes made by other programs (nodes) sharing
     * the store: policy versions, adjustments and their cancellations made elsewhere are used by
     * every quote that starts at least {@code staleness} after they committed, by this program's
     * clock, and possibly sooner. Default {@link Duration#ZERO}: seen by the next call, at the
     * price of one read of the store's discount revision per call for today or a later date. A
     * staleness above zero saves that read for quotes within the window. Changes made through this
     * program are always seen at once, and quotes for past dates never touch the store either way.
     * {@link DiscountEngine} has the details.
     *
     * @param staleness zero, or whole milliseconds up to 1 hour
     * @return this builder
     * @throws ValidationException ({@code discountStaleness}) if null, negative, longer than 1
     *     hour, or not whole milliseconds
     * @throws ConfigurationException if set already
     */
    public Builder discountStaleness(Duration staleness) {
      given(staleness, "discountStaleness");
      if (staleness.isNegative() || staleness.compareTo(Duration.ofHours(1)) > 0 || !staleness.equals(Duration.ofMillis(staleness.toMillis()))) {
        throw ValidationException.of("discountStaleness", "must be zero or whole milliseconds up to 1 hour, got "
            + staleness);
      }
      once("discountStaleness");
      this.discountStaleness = staleness;
      return this;
    }

    /**
     * How much of the event log {@link DomainEvents#prune()} may delete (default {@link
     * EventRetention#keepAll()}: nothing; retention is opt-in). Pruning never deletes an event a
     * stored listener cursor has not passed (rule EVT-9). A policy with {@link
     * EventRetention#pruneEvery(Duration)} also makes the program prune on its own timer.
     *
     * @param retention the retention policy
     * @return this builder
     * @throws ValidationException ({@code eventRetention}) if it is null
     * @throws ConfigurationException if set already
     */
    public Builder eventRetention(EventRetention retention) {
      given(retention, "eventRetention");
      once("eventRetention");
      this.eventRetention = retention;
      return this;
    }

    /**
     * How long {@link PartnerProgram#health()} waits for the store (default 5 s; 10 ms to 5 min).
     *
     * @param timeout the time limit
     * @return this builder
     * @throws ValidationException ({@code healthTimeout}) if it is null or out of range
     * @throws ConfigurationException if set already
     */
    public Builder healthTimeout(Duration timeout) {
      HealthProbe.checkTimeout(cloud.quazzar.partner.internal.Checks.start(), "healthTimeout", timeout).done();
      once("healthTimeout");
      this.healthTimeout = timeout;
      return this;
    }

    /**
     * From how many events behind a subscribed listener makes {@link PartnerProgram#health()}
     * {@code DEGRADED} (default: none, only a failing listener does). A listener exactly {@code
     * events} behind is still healthy.
     *
     * @param events the most events a listener may be behind while healthy, 0 or more
     * @return this builder
     * @throws ValidationException ({@code healthLagThreshold}) if it is negative
     * @throws ConfigurationException if set already
     */
    public Builder healthLagThreshold(long events) {
      if (events < 0) {
        throw ValidationException.of("healthLagThreshold", "must be 0 or more, got " + events);
      }
      once("healthLagThreshold");
      this.healthLagThreshold = java.util.OptionalLong.of(events);
      return this;
    }

    /**
     * The class loader storage discovery searches (default: this library's). Only for discovery:
     * together with {@link #store} or {@link #storageProvider} it is a contradiction.
     *
     * @param loader the class loader
     * @return this builder
     * @throws ValidationException ({@code classLoader}) if it is null
     * @throws ConfigurationException if {@code store} or {@code storageProvider} is already set
     */
    public Builder classLoader(ClassLoader loader) {
      given(loader, "classLoader");
      once("classLoader", "store", "storageProvider");
      this.classLoader = loader;
      return this;
    }

    /**
     * Opens the store if needed and builds the program. The storage, in order:
     *
     * <ol>
     *   <li>the {@link #store} given, as is (the host closes it);
     *   <li>the {@link #storageProvider} given, opened with its settings;
     *   <li>the provider that the {@link #storage} settings name, found with {@link
     *       java.util.ServiceLoader} (missing: a {@link ConfigurationException} listing every
     *       provider found);
     *   <li>otherwise discovery: the highest-priority provider found, opened with the settings
     *       (none by default), kept only if its store is {@linkplain Store#durable() durable}.
     *       Discovery never chooses a volatile store: with no provider on the class path, a
     *       provider that cannot open without settings (the JDBC store needs a database), or one
     *       that opens a volatile store, the build fails with a {@link ConfigurationException}
     *       that lists what discovery found and how to choose ({@code JdbcStorage.h2File(..)},
     *       {@code .url(..)}, {@code .dataSource(..)} with partner-jdbc-adapter, or {@code
     *       MemoryStorage.create()} explicitly).
     * </ol>
     *
     * <p>Logs one INFO line naming the store and whether it is durable, e.g. {@code partner program
     * storage: jdbc (jdbc:h2:file:/srv/partners;LOCK_TIMEOUT=10000;TRACE_LEVEL_FILE=0, durable), named in
     * the storage settings} or {@code
     * partner program storage: memory (volatile: data is lost when the process exits), given with
     * store(...)}. A volatile store is only ever there by the host's explicit choice, so the line is
     * not a warning; it says "volatile" so that an operator reading the log sees it.
     *
     * @return the program, ready to use; close it when done
     * @throws ConfigurationException if no store is chosen and no durable store is available, the
     *     store cannot be opened, or this builder already built a program
     */
    public PartnerProgram build() {
      if (built) {
        throw new ConfigurationException(
            "build() was already called: a builder builds one program; use a new PartnerProgram.builder() for another");
      }
      PartnerProgram program;
      if (store != null) {
        logStorage(store.description(), null, store, "given with store(...)");
        program = new PartnerProgram(this, store, false);
      } else {
        String name;
        String how;
        Store opened;
        if (provider != null) {
          name = provider.name();
          opened = provider.open(settings);
          how = "given with storageProvider(...)";
        } else {
          ClassLoader loader = classLoader != null ? classLoader : PartnerProgram.class.getClassLoader();
          StorageDiscovery.Opened found = StorageDiscovery.open(StorageDiscovery.discover(loader), settings);
          name = found.provider();
          opened = found.store();
          how = found.how();
        }
        try {
          logStorage(name, opened.description(), opened, how);
          program = new PartnerProgram(this, opened, true);
        } catch (RuntimeException | Error e) {
          opened.close();
          throw e;
        }
      }
      built = true;
      return program;
    }

    /** The start-up line: which store, whether durable, how it was chosen. */
    private static void logStorage(String name, @Nullable String description, Store store, String how) {
      LOG.info("partner program storage: {} ({}{}), {}", name, description == null ? "" : description + ", ",
          store.durable() ? "durable" : "volatile: data is lost when the process exits", how);
    }
  }
}
