package cloud.quazzar.partner;

import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.ExpiryThresholds;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.events.DomainEvents;
import cloud.quazzar.partner.internal.events.DefaultDomainEvents;
import cloud.quazzar.partner.internal.events.OutboxStore;
import cloud.quazzar.partner.internal.DefaultPartnerRegistry;
import cloud.quazzar.partner.internal.certification.DefaultCertificationTracker;
import cloud.quazzar.partner.internal.StorageDiscovery;
import cloud.quazzar.partner.internal.revenue.DefaultRevenueLedger;
import cloud.quazzar.partner.internal.discount.DefaultDiscountEngine;
import cloud.quazzar.partner.internal.portal.DefaultPartnerPortal;
import cloud.quazzar.partner.internal.review.DefaultTierReviews;
import cloud.quazzar.partner.portal.PartnerPortal;
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
 * <p>Storage, in order of precedence: a {@link Store} given to {@link Builder#store} (the host owns
 * it and closes it); a {@link StorageProvider} given to {@link Builder#storageProvider} with
 * settings; otherwise discovery with {@link java.util.ServiceLoader} as {@link StorageProvider}
 * documents, using the settings given to {@link Builder#storage} (none by default). A store the
 * program opened is closed by {@link #close()}.
 */
public final class PartnerProgram implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PartnerProgram.class);

  private final Clock clock;
  private final ZoneId zone;
  private final OutboxStore store;
  private final boolean ownsStore;
  private final DefaultDomainEvents events;
  private final PartnerRegistry registry;
  private final DiscountEngine discounts;
  private final CertificationTracker certifications;
  private final RevenueLedger revenue;
  private final TierReviews reviews;

  private PartnerProgram(Builder b, Store store, boolean ownsStore) {
    this.clock = b.clock;
    this.zone = b.zone;
    OutboxStore outbox = new OutboxStore(store);
    this.store = outbox;
    this.ownsStore = ownsStore;
    ExecutorService owned = null;
    Executor executor = b.eventExecutor;
    if (executor == null) {
      owned = DefaultDomainEvents.defaultExecutor();
      executor = owned;
    }
    this.events = new DefaultDomainEvents(outbox, clock, executor, owned, b.eventRetryDelay, b.eventLease);
    this.registry = new DefaultPartnerRegistry(outbox, clock, b.ids);
    this.discounts = new DefaultDiscountEngine(outbox, clock, zone);
    this.certifications = new DefaultCertificationTracker(
        outbox, clock, zone, b.ids, b.expiryThresholds, b.eligibilityRequirements, events);
    this.revenue = new DefaultRevenueLedger(outbox, clock, zone, b.ids);
    this.reviews = new DefaultTierReviews(outbox, clock, zone, registry, certifications);
  }

  /** A new builder; every option may be set at most once. */
  public static Builder builder() {
    return new Builder();
  }

  /** Partners, clients, tiers and tier history. */
  public PartnerRegistry registry() {
    return registry;
  }

  /**
   * Discount policy versions, partner adjustments and quotes; "today" is {@link #today()}.
   */
  public DiscountEngine discounts() {
    return discounts;
  }

  /** Certifications: expiry status, renewal, the warning board, the status sweep, eligibility. */
  public CertificationTracker certifications() {
    return certifications;
  }

  /** The append-only monthly revenue ledger: recording, corrections, trends, reports, CSV export. */
  public RevenueLedger revenue() {
    return revenue;
  }

  /**
   * Tier reviews with grace periods: the review the host schedules (daily), its policy (stored, so
   * shared by every node), running grace periods and each partner's review history.
   */
  public TierReviews reviews() {
    return reviews;
  }

  /**
   * Domain events: the durable event log written with every change (partner created or
   * deactivated, tier changed, grace period started or ended, discount policy version, certification
   * status change, revenue recorded or corrected) and its delivery to subscribed listeners after
   * commit, at least once, in order, with a cursor per listener in the store.
   */
  public DomainEvents events() {
    return events;
  }

  /**
   * The portal of one partner: a view that reaches only that partner's record, clients,
   * certifications, revenue and billing statements ({@link PartnerPortal} lists its promises). The
   * host calls this after it has authenticated the partner.
   *
   * @throws NotFoundException ({@code "partner <id> not found"}) if there is no such partner
   * @throws ValidationException if {@code partnerId} is null
   */
  public PartnerPortal portal(PartnerId partnerId) {
    Partner partner = registry.get(partnerId);
    return new DefaultPartnerPortal(partner.id(), registry, discounts, certifications, revenue, zone);
  }

  /** The clock every time-dependent rule reads. */
  public Clock clock() {
    return clock;
  }

  /** The zone in which calendar dates (today, months) are taken. */
  public ZoneId zone() {
    return zone;
  }

  /** Today's date in the program's zone, by its clock. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  /**
   * The store the program works on, e.g. for a health check's description. Writes through it carry
   * the program's outbox: a host that wants its own work and program calls in one transaction runs
   * them in {@code program.store().write(...)}, and the events of the calls are delivered after that
   * transaction commits.
   */
  public Store store() {
    return store;
  }

  /**
   * Stops event delivery (waiting up to 5 s for a listener that is running) and closes the store
   * if the program opened it. Idempotent.
   */
  @Override
  public void close() {
    events.close();
    if (ownsStore) {
      store.close();
    }
  }

  /**
   * Configures a {@link PartnerProgram}. Not thread-safe; each option may be set once (a second
   * call throws {@link IllegalStateException}), and {@link #build()} may be called once. A null
   * option is a {@link ValidationException} naming it.
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
    private final java.util.Set<String> set = new java.util.HashSet<>();

    private Builder() {}

    /** A null option is bad input like any other (DESIGN.md "Bad input"), not a NullPointerException. */
    private static <T> T given(@Nullable T value, String option) {
      if (value == null) {
        throw ValidationException.of(option, "must not be null");
      }
      return value;
    }

    private void once(String option) {
      if (!set.add(option)) {
        throw new IllegalStateException(option + " was already set");
      }
    }

    /** The clock all rules read (default: {@link Clock#systemUTC()}). Tests pass a test clock. */
    public Builder clock(Clock clock) {
      given(clock, "clock");
      once("clock");
      this.clock = clock;
      return this;
    }

    /** The zone in which dates are taken (default: UTC). */
    public Builder zone(ZoneId zone) {
      given(zone, "zone");
      once("zone");
      this.zone = zone;
      return this;
    }

    /** The source of new ids (default: {@link IdGenerator#random()}). */
    public Builder idGenerator(IdGenerator ids) {
      given(ids, "ids");
      once("idGenerator");
      this.ids = ids;
      return this;
    }

    /** An open store to use; the host keeps ownership and closes it. */
    public Builder store(Store store) {
      given(store, "store");
      once("storage");
      this.store = store;
      return this;
    }

    /** A provider to open the store with, bypassing discovery; the program closes the store. */
    public Builder storageProvider(StorageProvider provider, StorageSettings settings) {
      given(provider, "provider");
      given(settings, "settings");
      once("storage");
      this.provider = provider;
      this.settings = settings;
      return this;
    }

    /**
     * Settings for a discovered provider (the one named by {@link StorageSettings#PROVIDER}, else
     * the highest priority); the program closes the store.
     */
    public Builder storage(StorageSettings settings) {
      given(settings, "settings");
      once("storage");
      this.settings = settings;
      return this;
    }

    /**
     * The day limits of the certification statuses (default: {@link ExpiryThresholds#DEFAULT},
     * critical below 30 days, expiring soon up to 90).
     */
    public Builder expiryThresholds(ExpiryThresholds thresholds) {
      given(thresholds, "thresholds");
      once("expiryThresholds");
      this.expiryThresholds = thresholds;
      return this;
    }

    /** What each tier requires (default: {@link EligibilityRequirements#DEFAULT}). */
    public Builder eligibilityRequirements(EligibilityRequirements requirements) {
      given(requirements, "requirements");
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
     * @throws ValidationException if the delay is null or out of range
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
     * @throws ValidationException if the lease is null or out of range
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

    /** The class loader discovery searches (default: this library's). */
    public Builder classLoader(ClassLoader loader) {
      given(loader, "loader");
      once("classLoader");
      this.classLoader = loader;
      return this;
    }

    /**
     * Opens the store if needed and builds the program.
     *
     * @throws ConfigurationException if no provider fits or the store cannot be opened
     */
    public PartnerProgram build() {
      once("build");
      if (store != null) {
        return new PartnerProgram(this, store, false);
      }
      StorageProvider chosen = provider;
      if (chosen == null) {
        ClassLoader loader = classLoader != null ? classLoader : PartnerProgram.class.getClassLoader();
        chosen = StorageDiscovery.select(StorageDiscovery.discover(loader), settings);
      }
      Store opened = chosen.open(settings);
      LOG.info("partner program storage: provider '{}' ({})", chosen.name(), opened.description());
      return new PartnerProgram(this, opened, true);
    }
  }
}
