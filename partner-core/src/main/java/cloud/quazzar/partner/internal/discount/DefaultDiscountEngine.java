package cloud.quazzar.partner.internal.discount;

import static cloud.quazzar.partner.ConflictException.Reason.STATE;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.discount.AdjustmentKind;
import cloud.quazzar.partner.discount.AdjustmentRequest;
import cloud.quazzar.partner.discount.BatchQuote;
import cloud.quazzar.partner.discount.CancelRequest;
import cloud.quazzar.partner.discount.Cancellation;
import cloud.quazzar.partner.discount.DiscountCalculator;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.events.DiscountPolicyVersionCreated;
import cloud.quazzar.partner.internal.PageTokens;
import cloud.quazzar.partner.internal.events.OutboxStore;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PartnerAdjustment;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.discount.QuoteBasis;
import cloud.quazzar.partner.discount.QuoteItem;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.internal.Checks;
import cloud.quazzar.partner.internal.ProgramTime;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.ClientTotals;
import cloud.quazzar.partner.spi.DiscountRepository;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreTransaction;
import cloud.quazzar.partner.spi.StoreWork;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The discount rules, once, over any {@link Store}, with the history cached in memory.
 *
 * <p>Cache freshness (documented on {@link DiscountEngine}; rule DISC-11 of {@code docs/rules.md}): a
 * {@link State} read at revision R when today was D holds every change committed before it was
 * read; any change committed later takes effect on its own today or later, which is D or later (no
 * change reaches back before today). So for dates before D the state is final and is used without
 * touching the store. For D and later:
 *
 * <ul>
 *   <li>with a staleness of zero (the default), every call reads the store's revision first
 *       (memory store: a field under the read lock; JDBC: one indexed row) and reloads when it
 *       moved, so another node's change is seen by the next call;
 *   <li>with a staleness N, a state is used without reading the store while less than N has passed
 *       on the program's clock since the clock reading taken before its revision was read, so a
 *       change another node commits at clock time t is seen by every call that starts at t + N or
 *       later. A clock that reads earlier than that reading (it went back) ends the window at once:
 *       going back never lengthens it.
 * </ul>
 *
 * <p>Local writes drop the state when they return and again when the outermost write of the thread
 * ends ({@link OutboxStore#whenWriteEnds}), and end the window of every state read before: a write
 * joined to a host's transaction is committed (or rolled back) only then, and a state read in
 * between, inside that transaction or on another thread, must not outlive it.
 */
public final class DefaultDiscountEngine implements DiscountEngine {
  static final String POLICY = "discount policy";
  static final String POLICY_VERSION = "discount policy version";
  static final String PARTNER = "partner";
  static final String ADJUSTMENT = "discount adjustment version";
  /** The most violations one batch lists before summing up the rest. */
  static final int MAX_LISTED = 100;
  /** Limits of the audit fields' free text (docs/rules.md TEXT-1), checked again once cleaned. */
  private static final int BY_LENGTH = 100;
  private static final int REASON_LENGTH = 500;

  private final OutboxStore store;
  private final PageTokens tokens;
  private final ProgramTime time;
  /** How long a state confirmed against the store may serve today and later dates; 0: not at all. */
  private final long stalenessMillis;
  /** Whether a state may serve today and later dates without reading the revision: a staleness above zero. */
  private final boolean windowed;
  /** Local writes ended so far: a state read before the latest one ended has no window. */
  private final AtomicLong localWrites = new AtomicLong();
  private volatile @Nullable State state;
  /** {@link #refresh} as store work, made once rather than per call. */
  private final StoreWork<State> refresher = this::refresh;

  /**
   * @param staleness how late other nodes' changes may be seen: zero (by the next call), or whole
   *     milliseconds up to an hour (the program's builder validates it)
   */
  public DefaultDiscountEngine(OutboxStore store, ProgramTime time, Duration staleness) {
    this.store = store;
    this.tokens = new PageTokens(store);
    this.time = time;
    this.stalenessMillis = staleness.toMillis();
    this.windowed = !staleness.isZero();
  }

  /**
   * The cached history: every version (compiled on first use) and every partner's adjustments,
   * as of store revision {@code revision}; final for days before {@code finalBefore}; confirmed
   * against the store at {@code checkedAt} (epoch milliseconds of the clock, read before the
   * revision) when {@code writes} local writes had ended.
   */
  private record State(long revision, PolicyTimeline policies, Map<PartnerId, PartnerAdjustment[]> adjustments,
      long finalBefore, long checkedAt, long writes) {

    State confirmed(long today, long at, long writesEnded) {
      return new State(revision, policies, adjustments, today, at, writesEnded);
    }

    /** The adjustment in force, or null if none (a NONE version in force also means none). */
    @Nullable PartnerAdjustment adjustmentOn(PartnerId partner, LocalDate date) {
      PartnerAdjustment[] mine = adjustments.get(partner);
      if (mine == null) {
        return null;
      }
      for (PartnerAdjustment a : mine) { // latest start first, then higher number
        if (a.covers(date)) {
          return a.kind() == AdjustmentKind.NONE ? null : a;
        }
      }
      return null;
    }
  }

  private LocalDate today() {
    return time.today();
  }

  /** Stores keep microseconds (PostgreSQL's precision), so core never hands them more. */
  private Instant now() {
    return time.now();
  }

  // ---- the cache --------------------------------------------------------------------------------

  /** The state to quote {@code epochDay} with, checking the store only when the day may change. */
  private State stateFor(long epochDay) {
    State s = state;
    if (s != null && (epochDay < s.finalBefore || (windowed && withinWindow(s)))) {
      return s;
    }
    return store.read(refresher);
  }

  /** The state to quote {@code epochDay} with, inside a transaction the caller already holds. */
  private State stateFor(StoreTransaction tx, long epochDay) {
    State s = state;
    if (s != null && (epochDay < s.finalBefore || (windowed && withinWindow(s)))) {
      return s;
    }
    return refresh(tx);
  }

  /**
   * Whether {@code s} may still serve today and later dates: less than the staleness has passed on
   * the clock since it was confirmed (a clock that went back ends the window), and no local write
   * has ended since.
   */
  private boolean withinWindow(State s) {
    long elapsed = time.millis() - s.checkedAt;
    return elapsed >= 0 && elapsed < stalenessMillis && s.writes == localWrites.get();
  }

  private State refresh(StoreTransaction tx) {
    // The clock and the count of local writes before the revision: a change committed after the
    // revision read takes effect on a day >= today, and is at most as old as this reading.
    Instant now = time.instant();
    long today = time.dateOf(now).toEpochDay();
    long at = now.toEpochMilli();
    long writes = localWrites.get();
    DiscountRepository repo = tx.discounts();
    long revision = repo.revision();
    State s = state;
    if (s != null && s.revision == revision) {
      // with no staleness, the check time is never read: keep the state, allocate nothing unless the
      // day moved; with a staleness, a refresh means the window ended, so it restarts from now
      if (s.finalBefore != today || windowed) {
        s = s.confirmed(today, at, writes);
        state = s;
      }
      return s;
    }
    List<PolicyVersion> versions = repo.policyVersions();
    PolicyTimeline timeline = s != null && s.policies.history().equals(versions) ? s.policies : new PolicyTimeline(versions);
    State fresh = new State(revision, timeline, index(repo.allAdjustments()), today, at, writes);
    state = fresh;
    return fresh;
  }

  private static Map<PartnerId, PartnerAdjustment[]> index(List<PartnerAdjustment> all) {
    Map<PartnerId, List<PartnerAdjustment>> grouped = new HashMap<>();
    for (PartnerAdjustment a : all) {
      if (!a.isCancelled()) {
        grouped.computeIfAbsent(a.partnerId(), k -> new ArrayList<>()).add(a);
      }
    }
    Comparator<PartnerAdjustment> latestFirst = Comparator.comparing(PartnerAdjustment::effectiveFrom)
        .thenComparingInt(PartnerAdjustment::version).reversed();
    Map<PartnerId, PartnerAdjustment[]> out = new HashMap<>();
    grouped.forEach((id, list) -> {
      list.sort(latestFirst);
      out.put(id, list.toArray(new PartnerAdjustment[0]));
    });
    return out;
  }

  /**
   * Local writes make the cache stale at once (other nodes' writes are caught by the revision):
   * when the write returns, and again when the outermost write of the thread ends, since a write
   * joined to a host's transaction commits or rolls back only then.
   */
  private <T> T write(StoreWork<T> work) {
    try {
      return store.write(work);
    } finally {
      dropCache();
      store.whenWriteEnds(this::dropCache);
    }
  }

  /**
   * Drops the cached history now and when the outermost write running on this thread ends: a
   * write outside this engine (an erasure, docs/rules.md PRIV-1) changed stored adjustments. Other
   * programs see the store's revision change.
   */
  public void historyChanged() {
    dropCache();
    store.whenWriteEnds(this::dropCache);
  }

  private void dropCache() {
    localWrites.incrementAndGet();
    state = null;
  }

  private static CompiledPolicy compiledOn(State s, LocalDate date) {
    CompiledPolicy c = s.policies.compiledOn(date.toEpochDay());
    if (c == null) {
      throw noPolicy(s, date);
    }
    return c;
  }

  /** Rule DISC-9 ({@code docs/rules.md}): with no policy configured, quoting is a clear error, not a zero discount. */
  private static NotFoundException noPolicy(State s, LocalDate date) {
    Long first = s.policies.firstDay();
    return new NotFoundException(POLICY, "in force on " + date + (first == null
        ? " (none is set: set one with DiscountEngine.setPolicy)"
        : " (the first version in force starts on " + LocalDate.ofEpochDay(first) + ")"));
  }

  // ---- policy versions ------------------------------------------------------------------------

  @Override
  public PolicyVersion setPolicy(DiscountPolicy policy, PolicyChange change) {
    LocalDate today = today();
    Checks checks = Checks.start().notNull("policy", policy).bean("change", change)
        .text("createdBy", change == null ? null : change.createdBy(), BY_LENGTH)
        .text("reason", change == null ? null : change.reason(), REASON_LENGTH);
    // an empty date is today; a null Optional is reported by the bean check (@NotNull)
    LocalDate from = change == null || change.effectiveFrom() == null ? today : change.effectiveFrom().orElse(today);
    // rule DISC-5 (docs/rules.md): past quotes stay reproducible, so no version takes effect before today.
    checks.check(!from.isBefore(today), "effectiveFrom",
        "must be today (" + today + ") or later: a new version never changes a past date").done();
    String by = Names.clean(Objects.requireNonNull(change.createdBy()));
    String reason = Names.clean(Objects.requireNonNull(change.reason()));
    return write(tx -> {
      DiscountRepository repo = tx.discounts();
      List<PolicyVersion> versions = repo.policyVersions();
      int next = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
      PolicyVersion v = new PolicyVersion(next, from, policy, now(), by, reason, Optional.empty());
      repo.appendPolicyVersion(v);
      store.emit(new DiscountPolicyVersionCreated(v.version(), v.effectiveFrom(), by, reason, v.createdAt()));
      return v;
    });
  }

  @Override
  public PolicyVersion cancelPolicy(int version, CancelRequest request) {
    Checks.start().check(version >= 1, "version", "must be a version number (1 or more), got " + version)
        .bean("request", request).text("cancelledBy", request == null ? null : request.cancelledBy(), BY_LENGTH)
        .text("reason", request == null ? null : request.reason(), REASON_LENGTH).done();
    Cancellation cancellation = cancellation(request);
    LocalDate today = today();
    return write(tx -> {
      DiscountRepository repo = tx.discounts();
      PolicyVersion v = repo.policyVersions().stream().filter(p -> p.version() == version).findFirst()
          .orElseThrow(() -> new NotFoundException(POLICY_VERSION, version));
      requireCancellable(v.cancellation(), v.effectiveFrom(), today, POLICY_VERSION + " " + version);
      repo.appendPolicyCancellation(version, cancellation);
      return v.withCancellation(cancellation);
    });
  }

  private Cancellation cancellation(CancelRequest request) {
    return new Cancellation(now(), Names.clean(Objects.requireNonNull(request.cancelledBy())),
        Names.clean(Objects.requireNonNull(request.reason())));
  }

  /** Only a version still in the future may be cancelled: one in force may have been quoted. */
  private static void requireCancellable(Optional<Cancellation> done, LocalDate from, LocalDate today, String what) {
    if (done.isPresent()) {
      throw new ConflictException(STATE, what + " was cancelled already, on " + done.get().cancelledAt() + " by "
          + done.get().cancelledBy());
    }
    if (!from.isAfter(today)) {
      throw new ConflictException(STATE, what + " took effect on " + from + " (today is " + today
          + "); only a version still in the future can be cancelled: set a new version instead");
    }
  }

  @Override
  public List<PolicyVersion> policyHistory() {
    return store.read(tx -> tx.discounts().policyVersions());
  }

  @Override
  public Optional<PolicyVersion> policyOn(LocalDate date) {
    Checks.start().notNull("date", date).done();
    return Optional.ofNullable(stateFor(date.toEpochDay()).policies.versionOn(date.toEpochDay()));
  }

  @Override
  public DiscountCalculator calculatorOn(LocalDate date) {
    Checks.start().notNull("date", date).done();
    return new DateCalculator(date, compiledOn(stateFor(date.toEpochDay()), date));
  }

  /**
   * The calculator of {@code policy} alone, quoting for {@code date}: what {@link
   * DiscountCalculator#of(DiscountPolicy, LocalDate)} returns.
   *
   * @param policy the policy
   * @param date the date
   * @return the calculator
   * @throws ValidationException listing a null policy and a null date
   */
  public static DiscountCalculator standalone(DiscountPolicy policy, LocalDate date) {
    Checks.start().notNull("policy", policy).notNull("date", date).done();
    PolicyVersion version = new PolicyVersion(1, date, policy, date.atStartOfDay(ZoneOffset.UTC).toInstant(),
        STANDALONE_AUTHOR, STANDALONE_REASON, Optional.empty());
    return new DateCalculator(date, new CompiledPolicy(version));
  }

  /** The author of the version a standalone calculator quotes with. */
  private static final String STANDALONE_AUTHOR = "DiscountCalculator.of";

  /** The reason of the version a standalone calculator quotes with. */
  private static final String STANDALONE_REASON = "a policy alone, outside any program";

  // ---- adjustments -----------------------------------------------------------------------------

  @Override
  public PartnerAdjustment adjust(PartnerId partnerId, AdjustmentRequest request) {
    LocalDate today = today();
    Checks checks = Checks.start().notNull("partnerId", partnerId).bean("request", request)
        .text("createdBy", request == null ? null : request.createdBy(), BY_LENGTH)
        .text("reason", request == null ? null : request.reason(), REASON_LENGTH);
    if (request != null) {
      // empty dates are today and open-ended; null Optionals are reported by the bean check (@NotNull)
      LocalDate from = request.effectiveFrom() == null ? today : request.effectiveFrom().orElse(today);
      checks.check(!from.isBefore(today), "effectiveFrom",
          "must be today (" + today + ") or later: an adjustment never changes a past date");
      LocalDate until = request.effectiveUntil() == null ? null : request.effectiveUntil().orElse(null);
      checks.check(until == null || !until.isBefore(from), "effectiveUntil",
          "must be on or after the first day, " + from + " (both days are inclusive), got " + until);
      checks.check(request.kind() != AdjustmentKind.NONE || request.rate() == null || request.rate().isZero(), "rate",
          "must be 0% for a NONE adjustment, got " + request.rate());
    }
    checks.done();
    LocalDate from = request.effectiveFrom().orElse(today);
    return write(tx -> {
      requirePartner(tx, partnerId);
      DiscountRepository repo = tx.discounts();
      List<PartnerAdjustment> mine = repo.adjustments(partnerId);
      int next = mine.isEmpty() ? 1 : mine.get(mine.size() - 1).version() + 1;
      PartnerAdjustment a = new PartnerAdjustment(partnerId, next, Objects.requireNonNull(request.kind()),
          Objects.requireNonNull(request.rate()), from, request.effectiveUntil(), now(),
          Names.clean(Objects.requireNonNull(request.createdBy())), Names.clean(Objects.requireNonNull(request.reason())),
          Optional.empty());
      repo.appendAdjustment(a);
      return a;
    });
  }

  @Override
  public PartnerAdjustment cancelAdjustment(PartnerId partnerId, int version, CancelRequest request) {
    Checks.start().notNull("partnerId", partnerId)
        .check(version >= 1, "version", "must be a version number (1 or more), got " + version)
        .bean("request", request).text("cancelledBy", request == null ? null : request.cancelledBy(), BY_LENGTH)
        .text("reason", request == null ? null : request.reason(), REASON_LENGTH).done();
    Cancellation cancellation = cancellation(request);
    LocalDate today = today();
    return write(tx -> {
      requirePartner(tx, partnerId);
      DiscountRepository repo = tx.discounts();
      PartnerAdjustment a = repo.adjustments(partnerId).stream().filter(x -> x.version() == version).findFirst()
          .orElseThrow(() -> new NotFoundException(ADJUSTMENT, partnerId + "/" + version));
      requireCancellable(a.cancellation(), a.effectiveFrom(), today, ADJUSTMENT + " " + version + " of partner " + partnerId);
      repo.appendAdjustmentCancellation(partnerId, version, cancellation);
      return a.withCancellation(cancellation);
    });
  }

  @Override
  public Page<PartnerAdjustment> adjustmentHistory(PartnerId partnerId, PageRequest page) {
    Checks.start().notNull("partnerId", partnerId).bean("page", page).done();
    String scope = "adjustmentHistory\n" + partnerId;
    int after = page.pageToken().map(t -> tokens.verify(scope, t).getInt()).orElse(0);
    return store.read(tx -> {
      requirePartner(tx, partnerId);
      return tokens.page(scope, tx.discounts().adjustments(partnerId, after, page.limit() + 1), page.limit(),
          a -> PageTokens.number(a.version()));
    });
  }

  @Override
  public Optional<PartnerAdjustment> adjustmentOn(PartnerId partnerId, LocalDate date) {
    Checks.start().notNull("partnerId", partnerId).notNull("date", date).done();
    return store.read(tx -> {
      requirePartner(tx, partnerId);
      return Optional.ofNullable(stateFor(tx, date.toEpochDay()).adjustmentOn(partnerId, date));
    });
  }

  private static PartnerRecord requirePartner(StoreTransaction tx, PartnerId id) {
    return tx.partners().find(id).orElseThrow(() -> new NotFoundException(PARTNER, id));
  }

  // ---- quotes ---------------------------------------------------------------------------------

  @Override
  public DiscountQuote quote(PartnerId partnerId, Money gross) {
    return quote(partnerId, today(), gross);
  }

  @Override
  public DiscountQuote quote(PartnerId partnerId, LocalDate date, Money gross) {
    Checks.start().notNull("partnerId", partnerId).notNull("date", date).notNull("gross", gross)
        .check(gross == null || !gross.isNegative(), "gross", "must not be negative, got " + gross).done();
    return store.read(tx -> {
      PartnerRecord partner = requirePartner(tx, partnerId);
      ClientTotals totals = tx.partners().clientTotals(partnerId);
      State s = stateFor(tx, date.toEpochDay());
      CompiledPolicy policy = compiledOn(s, date);
      PartnerAdjustment adjustment = s.adjustmentOn(partnerId, date);
      return policy.quote(basis(policy, date, adjustment), adjustment, partner.tier(), totals.serverCount(), gross);
    });
  }

  @Override
  public DiscountQuote quote(Tier tier, long serverCount, LocalDate date, Money gross) {
    if (tier == null || date == null || gross == null || serverCount < 0 || gross.isNegative()) {
      throw invalidQuote(tier, serverCount, date, gross);
    }
    CompiledPolicy policy = compiledOn(stateFor(date.toEpochDay()), date);
    return policy.quote(policy.basisOn(date), null, tier, serverCount, gross);
  }

  /** Rule BAD-1: every violation listed by field. */
  static ValidationException invalidRate(@Nullable Tier tier, long serverCount) {
    List<Violation> violations = new ArrayList<>(2);
    if (tier == null) {
      violations.add(new Violation("tier", "must not be null"));
    }
    if (serverCount < 0) {
      violations.add(new Violation("serverCount", "must be greater than or equal to 0, got " + serverCount));
    }
    return new ValidationException(violations);
  }

  /** Rule BAD-1: every violation listed by field. */
  static ValidationException invalidQuote(@Nullable Tier tier, long serverCount, @Nullable LocalDate date, @Nullable Money gross) {
    Checks checks = Checks.start().notNull("tier", tier)
        .check(serverCount >= 0, "serverCount", "must be greater than or equal to 0, got " + serverCount)
        .notNull("gross", gross)
        .check(gross == null || !gross.isNegative(), "gross", "must not be negative, got " + gross);
    if (date == null) {
      checks.add("date", "must not be null");
    }
    try {
      checks.done();
    } catch (ValidationException e) {
      return e;
    }
    throw new IllegalStateException("no violation found");
  }

  @Override
  public BatchQuote quoteAll(LocalDate date, Currency currency, List<QuoteItem> items) {
    Checks.start().notNull("date", date).notNull("currency", currency).notNull("items", items).done();
    if (currency.getDefaultFractionDigits() < 0) {
      throw ValidationException.of("currency", currency.getCurrencyCode() + " has no minor unit");
    }
    long day = date.toEpochDay();
    State s = stateFor(day);
    CompiledPolicy policy = compiledOn(s, date); // once for the whole run
    boolean anyAdjustments = !s.adjustments.isEmpty();
    QuoteBasis shared = policy.basisOn(date);
    int n = items.size();
    DiscountQuote[] quotes = new DiscountQuote[n];
    List<Violation> violations = null;
    int invalid = 0;
    long gross = 0;
    long discount = 0;
    try {
      for (int i = 0; i < n; i++) {
        QuoteItem item = items.get(i);
        if (item == null || !item.gross().hasCurrency(currency)) {
          if (violations == null) {
            violations = new ArrayList<>();
          }
          if (++invalid <= MAX_LISTED) {
            violations.add(item == null
                ? new Violation("items[" + i + "]", "must not be null")
                : new Violation("items[" + i + "].gross", "must be in the run's currency " + currency.getCurrencyCode()
                    + ", got " + item.gross()));
          }
          continue;
        }
        PartnerAdjustment adjustment = anyAdjustments && item.partnerId().isPresent()
            ? s.adjustmentOn(item.partnerId().get(), date) : null;
        DiscountQuote q = policy.quote(adjustment == null ? shared : basis(policy, date, adjustment), adjustment,
            item.tier(), item.serverCount(), item.gross());
        quotes[i] = q;
        gross = Math.addExact(gross, item.gross().minorUnits());
        discount += q.discount().minorUnits(); // never more than gross, so it cannot overflow first
      }
    } catch (ArithmeticException e) {
      throw ValidationException.of("items", "the run's total gross does not fit in an amount of "
          + currency.getCurrencyCode() + " (2^63 - 1 minor units); split the run");
    }
    if (violations != null) {
      if (invalid > MAX_LISTED) {
        violations.add(new Violation("items", (invalid - MAX_LISTED) + " more invalid items not listed"));
      }
      throw new ValidationException(violations);
    }
    return new BatchQuote(date, policy.version, Collections.unmodifiableList(Arrays.asList(quotes)),
        Money.ofMinor(gross, currency), Money.ofMinor(discount, currency), Money.ofMinor(gross - discount, currency));
  }

  private static QuoteBasis basis(CompiledPolicy policy, LocalDate date, @Nullable PartnerAdjustment adjustment) {
    return adjustment == null ? policy.basisOn(date) : new QuoteBasis(date, policy.version, Optional.of(adjustment));
  }

  /** A compiled version bound to the date it quotes for. */
  private static final class DateCalculator implements DiscountCalculator {
    private final LocalDate date;
    private final CompiledPolicy policy;
    private final QuoteBasis basis;
    /** The policy's direct tables of shared rates, one hop closer. */
    private final Rate[][] directRates;

    DateCalculator(LocalDate date, CompiledPolicy policy) {
      this.date = date;
      this.policy = policy;
      this.basis = new QuoteBasis(date, policy.version, Optional.empty());
      this.directRates = policy.directRates;
    }

    @Override
    public LocalDate date() {
      return date;
    }

    @Override
    public PolicyVersion policyVersion() {
      return policy.version;
    }

    @Override
    @SuppressWarnings("EnumOrdinal") // tables by rank, as EnumMap does it, without its checks on the quote's path
    public Rate rate(Tier tier, long serverCount) {
      if (tier == null || serverCount < 0) {
        throw invalidRate(tier, serverCount);
      }
      // shared instances (Rate keeps all 10,001), looked up as an int entry would be: nothing allocated
      Rate[] d = directRates[tier.ordinal()];
      Rate r = d[(int) Math.min(serverCount, d.length - 1)];
      return r != null ? r : Rate.ofBasisPoints(CompiledPolicy.rate(policy.far(tier, serverCount)));
    }

    @Override
    public DiscountQuote quote(Tier tier, long serverCount, Money gross) {
      if (tier == null || gross == null || (serverCount | gross.minorUnits()) < 0) {
        throw invalidQuote(tier, serverCount, date, gross);
      }
      return policy.quote(basis, null, tier, serverCount, gross);
    }

    @Override
    public String toString() {
      return "DiscountCalculator[" + date + ", " + policy.version.label() + "]";
    }
  }
}
