package cloud.quazzar.partner.internal;

import static cloud.quazzar.partner.ConflictException.Reason.DUPLICATE;
import static cloud.quazzar.partner.ConflictException.Reason.STATE;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.DayRange;
import cloud.quazzar.partner.certification.ExpiryThresholds;
import cloud.quazzar.partner.events.PartnerCreated;
import cloud.quazzar.partner.events.PartnerDeactivated;
import cloud.quazzar.partner.events.PartnerReactivated;
import cloud.quazzar.partner.events.TierChanged;
import cloud.quazzar.partner.internal.events.OutboxStore;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.ContactUpdate;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.spi.ClientTotals;
import cloud.quazzar.partner.spi.PartnerListing;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.PartnerRepository;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreTransaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The registry's rules (REG-1 to REG-6, and LIST-1 to LIST-3 and LIST-5 for the lists, of docs/rules.md;
 * input checked by {@link Checks}, BAD-1),
 * once, over any {@link Store}. Every change emits its event in its own transaction (EVT-1).
 */
public final class DefaultPartnerRegistry implements PartnerRegistry {
  static final String PARTNER = "partner";
  static final String CLIENT = "client";
  static final String INITIAL_BY = "registry";
  static final String INITIAL_REASON = "initial tier";
  /** Limits of the request records' free text (docs/rules.md TEXT-1), checked again once cleaned. */
  static final int NAME_LENGTH = 200;
  static final int BY_LENGTH = 100;
  static final int REASON_LENGTH = 500;

  private final OutboxStore store;
  private final PageTokens tokens;
  private final ProgramTime time;
  private final IdGenerator ids;
  private final ExpiryThresholds thresholds;

  /**
   * The registry over {@code store}; {@code thresholds} are the program's certification expiry
   * thresholds, which the list's certification status filter uses (LIST-5).
   */
  public DefaultPartnerRegistry(OutboxStore store, ProgramTime time, IdGenerator ids, ExpiryThresholds thresholds) {
    this.store = store;
    this.tokens = new PageTokens(store);
    this.time = time;
    this.ids = ids;
    this.thresholds = thresholds;
  }

  /** Stores keep microseconds (decision D3), so core never hands them more. */
  private Instant now() {
    return time.now();
  }

  @Override
  public Partner add(NewPartner request) {
    Checks.start().bean("request", request)
        .name("companyName", request == null ? null : request.companyName(), NAME_LENGTH).done();
    String name = Names.clean(Objects.requireNonNull(request.companyName()));
    String email = Objects.requireNonNull(request.contactEmail());
    var tier = Objects.requireNonNull(request.tier());
    return store.write(tx -> {
      PartnerRepository repo = tx.partners();
      rejectTakenName(repo, name, null);
      Instant now = now();
      PartnerRecord rec = new PartnerRecord(
          new PartnerId(ids.next()), name, email, tier, PartnerStatus.ACTIVE, now, now, 1);
      repo.insert(rec);
      repo.appendTierChange(new TierChange(rec.id(), 1, Optional.empty(), tier, now, INITIAL_BY, INITIAL_REASON));
      store.emit(new PartnerCreated(rec.id(), rec.companyName(), tier, now));
      return rec.toPartner(ClientTotals.NONE);
    });
  }

  @Override
  public Optional<Partner> find(PartnerId id) {
    Checks.start().notNull("id", id).done();
    return store.read(tx -> tx.partners().find(id).map(rec -> withTotals(tx.partners(), rec)));
  }

  @Override
  public Partner get(PartnerId id) {
    return find(id).orElseThrow(() -> new NotFoundException(PARTNER, id));
  }

  @Override
  public Page<Partner> list(PartnerQuery query) {
    PartnerListing listing = listing(query, true);
    String scope = scope(query, listing);
    return store.read(tx -> {
      PartnerRepository repo = tx.partners();
      List<PartnerRecord> rows = repo.list(listing);
      // LIST-1: one row more than the page tells whether a next page exists, without counting
      boolean more = rows.size() > query.limit();
      List<PartnerRecord> page = more ? rows.subList(0, query.limit()) : rows;
      Map<PartnerId, ClientTotals> totals = repo.clientTotals(page.stream().map(PartnerRecord::id).toList());
      Optional<String> next = Optional.empty();
      if (more) {
        PartnerRecord last = page.get(page.size() - 1);
        // LIST-5: the position holds the last row's sort values, read in this transaction
        PartnerListing.Position at = PartnerListing.Position.of(last, totals.getOrDefault(last.id(), ClientTotals.NONE),
            sortMrr(tx, listing, last));
        next = Optional.of(tokens.sign(scope, position(at)));
      }
      return new Page<>(page.stream().map(r -> r.toPartner(totals.getOrDefault(r.id(), ClientTotals.NONE))).toList(), next);
    });
  }

  /** The MRR the MRR order compares for {@code row}: its current entry of the listing's month, in its currency. */
  private static Optional<Money> sortMrr(StoreTransaction tx, PartnerListing listing, PartnerRecord row) {
    if (listing.sortMrr().isEmpty()) {
      return Optional.empty();
    }
    PartnerListing.MrrMonth of = listing.sortMrr().get();
    Optional<Money> mrr = tx.revenue().current(row.id(), of.month(), of.month()).stream().findFirst()
        .map(RevenueEntry::mrr).filter(m -> m.hasCurrency(of.currency()));
    if (mrr.isEmpty()) {
      throw new IllegalStateException("the store listed partner " + row.id() + " by the MRR of " + of.month() + " in "
          + of.currency() + ", but it has no current entry of that month in that currency");
    }
    return mrr;
  }

  @Override
  public long count(PartnerQuery query) {
    PartnerListing listing = listing(query, false);
    return store.read(tx -> tx.partners().count(listing));
  }

  /**
   * The store's listing for {@code query} (LIST-1 to LIST-3 and LIST-5 of docs/rules.md): its
   * search texts as keys, its certification statuses as expiry-date ranges (the program's
   * thresholds on today's date, CERT-4, CERT-5), its token verified and read into a position.
   */
  private PartnerListing listing(PartnerQuery query, boolean page) {
    // BAD-1: every problem of the query in one exception
    Checks checks = Checks.start().bean("query", query);
    if (query != null) {
      visibleKey(checks, "namePrefix", query.namePrefix());
      visibleKey(checks, "nameContains", query.nameContains());
      checkAggregates(checks, query);
    }
    checks.done();
    int limit = page ? query.limit() + 1 : 1;
    Optional<String> prefix = query.namePrefix().map(Names::key);
    Optional<String> contains = query.nameContains().map(Names::key);
    List<PartnerListing.ExpiryRange> expiries = expiryRanges(query.certificationStatuses(), thresholds, time.today());
    Optional<PartnerListing.MrrRange> mrr = query.mrrMonth().map(month -> new PartnerListing.MrrRange(month,
        query.minMrr().or(query::maxMrr).orElseThrow().currency(), query.minMrr(), query.maxMrr()));
    Optional<PartnerListing.MrrMonth> sortMrr = query.sort() == PartnerSort.MRR
        ? Optional.of(new PartnerListing.MrrMonth(query.sortMonth().orElseThrow(), query.sortCurrency().orElseThrow()))
        : Optional.empty();
    PartnerListing first = new PartnerListing(query.tiers(), query.statuses(), prefix, contains,
        query.emailContains().map(PartnerListing::asciiLowerCase), expiries,
        new PartnerListing.CountRange(query.minServerCount(), query.maxServerCount()),
        new PartnerListing.CountRange(query.minClientCount(), query.maxClientCount()), mrr, query.sort(),
        query.direction(), sortMrr, Optional.empty(), limit);
    String scope = scope(query, first);
    Optional<PartnerListing.Position> after = query.pageToken().map(t -> position(tokens.verify(scope, t), sortMrr));
    return new PartnerListing(first.tiers(), first.statuses(), first.nameKeyPrefix(), first.nameKeyContains(),
        first.emailContains(), first.certificationExpiries(), first.serverCounts(), first.clientCounts(), first.mrr(),
        first.sort(), first.direction(), first.sortMrr(), after, limit);
  }

  /**
   * LIST-3: a name search that is not blank (a blank one is refused by its constraint) may still
   * have an empty key (only invisible characters): it would match every name.
   */
  private static void visibleKey(Checks c, String field, Optional<String> text) {
    if (text.filter(t -> !t.isBlank() && Names.key(t).isEmpty()).isPresent()) {
      c.add(field, "must hold a letter, digit or other visible character (its key, Names.key, is empty)");
    }
  }

  /**
   * LIST-5: the count ranges, the MRR filter and the MRR sort of {@code q}, every problem at once:
   * negative counts and a minimum above its maximum; an MRR bound without a month or a month
   * without a bound, a month out of range, negative bounds, bounds in two currencies, a minimum
   * above the maximum; the MRR sort without its month or currency (or a currency without a minor
   * unit), and a sort month or currency with another sort.
   */
  private static void checkAggregates(Checks c, PartnerQuery q) {
    counts(c, "ServerCount", q.minServerCount(), q.maxServerCount());
    counts(c, "ClientCount", q.minClientCount(), q.maxClientCount());
    boolean bounded = q.minMrr().isPresent() || q.maxMrr().isPresent();
    if (bounded && q.mrrMonth().isEmpty()) {
      c.add("mrrMonth", "must be present with minMrr or maxMrr: the month whose current ledger entries are filtered");
    }
    if (!bounded && q.mrrMonth().isPresent()) {
      c.add("mrrMonth", "must come with minMrr or maxMrr (an MRR filter); leave it empty for no MRR filter, got "
          + q.mrrMonth().get());
    }
    q.mrrMonth().ifPresent(m -> month(c, "mrrMonth", m));
    q.minMrr().filter(Money::isNegative).ifPresent(m -> c.add("minMrr", "must be 0 or more, got " + m));
    q.maxMrr().filter(Money::isNegative).ifPresent(m -> c.add("maxMrr", "must be 0 or more, got " + m));
    if (q.minMrr().isPresent() && q.maxMrr().isPresent()) {
      Money min = q.minMrr().get();
      Money max = q.maxMrr().get();
      if (!max.hasCurrency(min.currency())) {
        c.add("maxMrr", "must be in minMrr's currency (" + min.currency() + "): one currency per filter, got " + max);
      } else if (max.compareTo(min) < 0) {
        c.add("maxMrr", "must not be below minMrr (" + min + "), got " + max);
      }
    }
    if (q.sort() == PartnerSort.MRR) {
      String how = "must be present to sort by MRR: use sortedByMrr(month, currency, direction)";
      c.check(q.sortMonth().isPresent(), "sortMonth", how).check(q.sortCurrency().isPresent(), "sortCurrency", how);
      q.sortMonth().ifPresent(m -> month(c, "sortMonth", m));
      q.sortCurrency().filter(cur -> cur.getDefaultFractionDigits() < 0).ifPresent(cur -> c.add("sortCurrency",
          "must have a minor unit, as the currency of every ledger entry does, got " + cur));
    } else {
      String only = "must be empty unless sorting by MRR (sortedByMrr); the sort is " + q.sort();
      c.check(q.sortMonth().isEmpty(), "sortMonth", only).check(q.sortCurrency().isEmpty(), "sortCurrency", only);
    }
  }

  private static void counts(Checks c, String what, OptionalLong min, OptionalLong max) {
    if (min.isPresent() && min.getAsLong() < 0) {
      c.add("min" + what, "must be 0 or more, got " + min.getAsLong());
    }
    if (max.isPresent() && max.getAsLong() < 0) {
      c.add("max" + what, "must be 0 or more, got " + max.getAsLong());
    } else if (min.isPresent() && max.isPresent() && min.getAsLong() >= 0 && max.getAsLong() < min.getAsLong()) {
      c.add("max" + what, "must not be below min" + what + " (" + min.getAsLong() + "), got " + max.getAsLong());
    }
  }

  private static void month(Checks c, String field, YearMonth month) {
    if (month.isBefore(PartnerQuery.EARLIEST_MONTH) || month.isAfter(PartnerQuery.LATEST_MONTH)) {
      c.add(field, "must be from " + PartnerQuery.EARLIEST_MONTH + " to " + PartnerQuery.LATEST_MONTH + ", got " + month);
    }
  }

  /**
   * The expiry dates that give one of {@code statuses} on {@code today} (CERT-4, CERT-5: the days
   * from today to the expiry date fall in the status's band), as few inclusive ranges: adjacent
   * bands merge, so CRITICAL and EXPIRED are one range open below.
   */
  static List<PartnerListing.ExpiryRange> expiryRanges(Set<CertificationStatus> statuses, ExpiryThresholds thresholds,
      LocalDate today) {
    List<DayRange> bands = new ArrayList<>();
    statuses.stream().map(thresholds::band).sorted(Comparator.comparingLong(DayRange::min)).forEach(b -> {
      DayRange last = bands.isEmpty() ? null : bands.get(bands.size() - 1);
      if (last != null && !last.openAbove() && last.max() + 1 == b.min()) {
        bands.set(bands.size() - 1, new DayRange(last.min(), b.max()));
      } else {
        bands.add(b);
      }
    });
    return bands.stream().map(b -> new PartnerListing.ExpiryRange(
        b.openBelow() ? Optional.empty() : Optional.of(today.plusDays(b.min())),
        b.openAbove() ? Optional.empty() : Optional.of(today.plusDays(b.max())))).toList();
  }

  /**
   * What a partners token belongs to: the listing's filters and order, never its page or size. The
   * certification filter by its statuses (not today's dates), so that a token outlives midnight.
   */
  private static String scope(PartnerQuery q, PartnerListing l) {
    return "partners 2\n" + new TreeSet<>(l.tiers()) + "\n" + new TreeSet<>(l.statuses()) + "\n" + l.nameKeyPrefix()
        + "\n" + l.nameKeyContains() + "\n" + l.emailContains() + "\n" + new TreeSet<>(q.certificationStatuses())
        + "\n" + l.serverCounts() + "\n" + l.clientCounts() + "\n" + l.mrr() + "\n" + l.sort() + "\n" + l.direction()
        + "\n" + l.sortMrr();
  }

  /**
   * A position as a token's body (LIST-2, LIST-5): the created instant (seconds and nanosecond),
   * the tier's rank, the server and client counts, whether an MRR follows and its minor units (its
   * currency is the listing's), the partner id, then the name key in UTF-8.
   */
  @SuppressWarnings({"JavaInstantGetSecondsGetNano", "EnumOrdinal"})
  private static byte[] position(PartnerListing.Position p) {
    byte[] key = p.nameKey().getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(8 + 4 + 1 + 8 + 8 + 1 + 8 + 16 + key.length);
    out.putLong(p.createdAt().getEpochSecond()).putInt(p.createdAt().getNano()).put((byte) p.tier().ordinal())
        .putLong(p.serverCount()).putLong(p.clientCount()).put((byte) (p.mrr().isPresent() ? 1 : 0))
        .putLong(p.mrr().map(Money::minorUnits).orElse(0L))
        .putLong(p.partnerId().value().getMostSignificantBits()).putLong(p.partnerId().value().getLeastSignificantBits());
    return out.put(key).array();
  }

  @SuppressWarnings("EnumOrdinal") // the tier's rank, as position(Position) wrote it
  private static PartnerListing.Position position(ByteBuffer body, Optional<PartnerListing.MrrMonth> sortMrr) {
    // the body was signed by this store's key for this scope, so it is one that position(Position)
    // wrote for a listing with this sortMrr
    Instant createdAt = Instant.ofEpochSecond(body.getLong(), body.getInt());
    Tier tier = Tier.values()[body.get()];
    long servers = body.getLong();
    long clients = body.getLong();
    boolean hasMrr = body.get() == 1;
    long mrrMinor = body.getLong();
    PartnerId id = new PartnerId(new UUID(body.getLong(), body.getLong()));
    byte[] key = new byte[body.remaining()];
    body.get(key);
    Optional<Money> mrr = hasMrr ? sortMrr.map(s -> Money.ofMinor(mrrMinor, s.currency())) : Optional.empty();
    return new PartnerListing.Position(new String(key, StandardCharsets.UTF_8), createdAt, tier, servers, clients, mrr,
        id);
  }

  @Override
  public Partner changeTier(PartnerId id, long expectedVersion, TierChangeRequest request) {
    Checks.start().notNull("id", id).version("expectedVersion", expectedVersion).bean("request", request)
        .text("changedBy", request == null ? null : request.changedBy(), BY_LENGTH)
        .text("reason", request == null ? null : request.reason(), REASON_LENGTH).done();
    var to = Objects.requireNonNull(request.tier());
    return store.write(tx -> {
      PartnerRepository repo = tx.partners();
      PartnerRecord cur = loadForUpdate(repo, id, expectedVersion);
      requireActive(cur, "change its tier");
      if (cur.tier() == to) {
        throw cloud.quazzar.partner.ValidationException.of("tier", "is already " + to + "; choose another tier");
      }
      Instant now = now();
      PartnerRecord next = new PartnerRecord(
          id, cur.companyName(), cur.contactEmail(), to, cur.status(), cur.createdAt(), now, cur.version() + 1);
      update(repo, next, expectedVersion);
      int seq = repo.lastTierSequence(id) + 1;
      TierChange change = new TierChange(
          id, seq, Optional.of(cur.tier()), to, now,
          Names.clean(Objects.requireNonNull(request.changedBy())),
          Names.clean(Objects.requireNonNull(request.reason())));
      repo.appendTierChange(change); // REG-4: the history is appended to, never rewritten
      store.emit(new TierChanged(change));
      return withTotals(repo, next);
    });
  }

  @Override
  public Page<TierChange> tierHistory(PartnerId id, PageRequest page) {
    Checks.start().notNull("id", id).bean("page", page).done();
    String scope = "tierHistory\n" + id;
    int after = page.pageToken().map(t -> tokens.verify(scope, t).getInt()).orElse(0);
    return store.read(tx -> {
      List<TierChange> rows = tx.partners().tierHistory(id, after, page.limit() + 1);
      if (rows.isEmpty() && tx.partners().find(id).isEmpty()) {
        throw new NotFoundException(PARTNER, id);
      }
      return tokens.page(scope, rows, page.limit(), c -> PageTokens.number(c.sequence()));
    });
  }

  @Override
  public Partner updateContact(PartnerId id, long expectedVersion, ContactUpdate update) {
    Checks.start().notNull("id", id).version("expectedVersion", expectedVersion).bean("update", update)
        .name("companyName", update == null ? null : update.companyName(), NAME_LENGTH).done();
    String name = Names.clean(Objects.requireNonNull(update.companyName()));
    String email = Objects.requireNonNull(update.contactEmail());
    return store.write(tx -> {
      PartnerRepository repo = tx.partners();
      PartnerRecord cur = loadForUpdate(repo, id, expectedVersion);
      rejectTakenName(repo, name, id);
      PartnerRecord next = new PartnerRecord(
          id, name, email, cur.tier(), cur.status(), cur.createdAt(), now(), cur.version() + 1);
      update(repo, next, expectedVersion);
      return withTotals(repo, next);
    });
  }

  @Override
  public Partner deactivate(PartnerId id, long expectedVersion) {
    return setStatus(id, expectedVersion, PartnerStatus.INACTIVE);
  }

  @Override
  public Partner reactivate(PartnerId id, long expectedVersion) {
    return setStatus(id, expectedVersion, PartnerStatus.ACTIVE);
  }

  /** REG-5: a partner is deactivated or reactivated, never deleted; its history stays. */
  private Partner setStatus(PartnerId id, long expectedVersion, PartnerStatus status) {
    Checks.start().notNull("id", id).version("expectedVersion", expectedVersion).done();
    return store.write(tx -> {
      PartnerRepository repo = tx.partners();
      PartnerRecord cur = loadForUpdate(repo, id, expectedVersion);
      if (cur.status() == status) {
        throw new ConflictException(STATE, "partner " + id + " is already " + status);
      }
      Instant now = now();
      PartnerRecord next = new PartnerRecord(
          id, cur.companyName(), cur.contactEmail(), cur.tier(), status, cur.createdAt(), now, cur.version() + 1);
      update(repo, next, expectedVersion);
      store.emit(status == PartnerStatus.ACTIVE
          ? new PartnerReactivated(id, next.version(), now)
          : new PartnerDeactivated(id, next.version(), now));
      return withTotals(repo, next);
    });
  }

  @Override
  public Client addClient(PartnerId partnerId, NewClient request) {
    Checks.start().notNull("partnerId", partnerId).bean("request", request)
        .name("name", request == null ? null : request.name(), NAME_LENGTH).done();
    String name = Names.clean(Objects.requireNonNull(request.name()));
    return store.write(tx -> {
      PartnerRepository repo = tx.partners();
      PartnerRecord partner = repo.find(partnerId).orElseThrow(() -> new NotFoundException(PARTNER, partnerId));
      requireActive(partner, "add a client");
      Instant now = now();
      Client client = new Client(new ClientId(ids.next()), partnerId, name, request.serverCount(), now, now, 1);
      rejectTakenClientName(repo, client, null);
      repo.insertClient(client);
      return client;
    });
  }

  @Override
  public Optional<Client> findClient(ClientId id) {
    Checks.start().notNull("id", id).done();
    return store.read(tx -> tx.partners().findClient(id));
  }

  @Override
  public Page<Client> clients(PartnerId partnerId, PageRequest page) {
    Checks.start().notNull("partnerId", partnerId).bean("page", page).done();
    // LIST-2: a token belongs to one partner's clients, so it never reads another partner's
    String scope = "clients\n" + partnerId;
    Optional<String> after = page.pageToken()
        .map(t -> StandardCharsets.UTF_8.decode(tokens.verify(scope, t)).toString());
    return store.read(tx -> {
      if (tx.partners().find(partnerId).isEmpty()) {
        throw new NotFoundException(PARTNER, partnerId);
      }
      return tokens.page(scope, tx.partners().clients(partnerId, after, page.limit() + 1), page.limit(),
          c -> c.nameKey().getBytes(StandardCharsets.UTF_8));
    });
  }

  @Override
  public Client renameClient(ClientId id, long expectedVersion, String name) {
    Checks.start().notNull("id", id).version("expectedVersion", expectedVersion)
        .bean("name", name == null ? null : new NewClient(name, 0)).name("name", name, NAME_LENGTH).done();
    String clean = Names.clean(name);
    return changeClient(id, expectedVersion, cur -> new Client(
        id, cur.partnerId(), clean, cur.serverCount(), cur.createdAt(), now(), cur.version() + 1));
  }

  @Override
  public Client setServerCount(ClientId id, long expectedVersion, long serverCount) {
    Checks.start().notNull("id", id).version("expectedVersion", expectedVersion)
        .check(serverCount >= 0, "serverCount", "must be greater than or equal to 0")
        .check(serverCount <= Client.MAX_SERVER_COUNT, "serverCount",
            "must be less than or equal to " + Client.MAX_SERVER_COUNT).done();
    return changeClient(id, expectedVersion, cur -> new Client(
        id, cur.partnerId(), cur.name(), serverCount, cur.createdAt(), now(), cur.version() + 1));
  }

  @Override
  public void removeClient(ClientId id, long expectedVersion) {
    Checks.start().notNull("id", id).version("expectedVersion", expectedVersion).done();
    store.write(tx -> {
      PartnerRepository repo = tx.partners();
      Client cur = loadClientForUpdate(repo, id, expectedVersion);
      if (!repo.deleteClient(id, expectedVersion)) {
        throw stale(repo.findClient(id).map(Client::version), CLIENT, id, expectedVersion);
      }
      return cur;
    });
  }

  private Client changeClient(ClientId id, long expectedVersion, java.util.function.UnaryOperator<Client> change) {
    return store.write(tx -> {
      PartnerRepository repo = tx.partners();
      Client cur = loadClientForUpdate(repo, id, expectedVersion);
      Client next = change.apply(cur);
      if (!next.nameKey().equals(cur.nameKey())) {
        rejectTakenClientName(repo, next, id);
      }
      if (!repo.updateClient(next, expectedVersion)) {
        throw stale(repo.findClient(id).map(Client::version), CLIENT, id, expectedVersion);
      }
      return next;
    });
  }

  private Client loadClientForUpdate(PartnerRepository repo, ClientId id, long expectedVersion) {
    Client cur = repo.findClient(id).orElseThrow(() -> new NotFoundException(CLIENT, id));
    if (cur.version() != expectedVersion) {
      throw ConflictException.staleVersion(CLIENT, id, expectedVersion, cur.version());
    }
    PartnerRecord partner = repo.find(cur.partnerId())
        .orElseThrow(() -> new IllegalStateException("client " + id + " has no partner " + cur.partnerId()));
    requireActive(partner, "change its clients");
    return cur;
  }

  /** REG-6: an update carries the version read; a stale one is a typed conflict. */
  private static PartnerRecord loadForUpdate(PartnerRepository repo, PartnerId id, long expectedVersion) {
    PartnerRecord cur = repo.find(id).orElseThrow(() -> new NotFoundException(PARTNER, id));
    if (cur.version() != expectedVersion) {
      throw ConflictException.staleVersion(PARTNER, id, expectedVersion, cur.version());
    }
    return cur;
  }

  /** The store's compare-and-set failed after our read: someone committed in between. */
  private static void update(PartnerRepository repo, PartnerRecord next, long expectedVersion) {
    if (!repo.update(next, expectedVersion)) {
      throw stale(repo.find(next.id()).map(PartnerRecord::version), PARTNER, next.id(), expectedVersion);
    }
  }

  private static RuntimeException stale(Optional<Long> actual, String entity, Object id, long expected) {
    return actual.<RuntimeException>map(v -> ConflictException.staleVersion(entity, id, expected, v))
        .orElseGet(() -> new NotFoundException(entity, id));
  }

  private static void requireActive(PartnerRecord partner, String action) {
    if (partner.status() != PartnerStatus.ACTIVE) {
      throw new ConflictException(STATE,
          "partner " + partner.id() + " is " + partner.status() + "; reactivate it to " + action);
    }
  }

  /** REG-2: company names are unique by their name key (TEXT-2). */
  private static void rejectTakenName(PartnerRepository repo, String name, @Nullable PartnerId self) {
    repo.findByNameKey(Names.key(name))
        .filter(other -> !other.id().equals(self))
        .ifPresent(other -> {
          throw new ConflictException(DUPLICATE,
              "company name '" + name + "' is already used by partner " + other.id()
                  + " (names are compared by their key: case, white space, invisible characters and"
                  + " compatibility forms aside)");
        });
  }

  private static void rejectTakenClientName(PartnerRepository repo, Client client, @Nullable ClientId self) {
    repo.findClientByNameKey(client.partnerId(), client.nameKey())
        .filter(other -> !other.id().equals(self))
        .ifPresent(other -> {
          throw new ConflictException(DUPLICATE,
              "partner " + client.partnerId() + " already has a client named '" + other.name()
                  + "' (names are compared by their key: case, white space, invisible characters and"
                  + " compatibility forms aside)");
        });
  }

  /** REG-3: the server and client counts are derived from the clients (decision D5). */
  private static Partner withTotals(PartnerRepository repo, PartnerRecord rec) {
    return rec.toPartner(repo.clientTotals(rec.id()));
  }
}
