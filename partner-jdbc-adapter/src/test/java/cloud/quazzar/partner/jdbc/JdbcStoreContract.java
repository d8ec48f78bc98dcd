package cloud.quazzar.partner.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationState;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.EntryKind;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueEntryId;
import cloud.quazzar.partner.spi.CertificationRecord;
import cloud.quazzar.partner.spi.ClientTotals;
import cloud.quazzar.partner.spi.PartnerListing;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.PartnerRepository;
import cloud.quazzar.partner.spi.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC store guarantees beyond the TCK: transaction boundaries, retries, and how it
 * treats work that misuses a transaction. Each database's test class supplies the store.
 */
abstract class JdbcStoreContract {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.654321Z");

  protected Store store;

  /** A new, empty store; closed after each test. */
  protected abstract Store newStore();

  @BeforeEach
  void open() {
    store = newStore();
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private static PartnerRecord partner(String name) {
    return new PartnerRecord(new PartnerId(UUID.randomUUID()), name, "x@y.example", Tier.SILVER,
        PartnerStatus.ACTIVE, T0, T0, 1);
  }

  private static PartnerRecord next(PartnerRecord p) {
    return new PartnerRecord(p.id(), p.companyName(), p.contactEmail(), p.tier() == Tier.GOLD ? Tier.SILVER : Tier.GOLD,
        p.status(), p.createdAt(), p.updatedAt(), p.version() + 1);
  }

  private void insert(PartnerRecord... partners) {
    store.write(tx -> {
      for (PartnerRecord p : partners) {
        tx.partners().insert(p);
      }
      return null;
    });
  }

  @Test
  @DisplayName("a write cannot start inside a read, and a repository refuses writes in a read")
  void readOnly() {
    PartnerRecord p = partner("Reader");
    assertThrows(IllegalStateException.class, () -> store.read(tx -> store.write(tx2 -> null)));
    assertThrows(IllegalStateException.class, () -> store.read(tx -> {
      tx.partners().insert(p);
      return null;
    }));
    assertTrue(store.read(tx -> tx.partners().find(p.id())).isEmpty());
  }

  @Test
  @DisplayName("a transaction started inside another on the same thread joins it and rolls back with it")
  void nestedJoins() {
    PartnerRecord inner = partner("Inner");
    RuntimeException boom = new RuntimeException("boom");
    assertEquals(boom, assertThrows(RuntimeException.class, () -> store.write(tx -> {
      store.write(tx2 -> {
        tx2.partners().insert(inner);
        return null;
      });
      assertTrue(store.read(tx3 -> tx3.partners().find(inner.id())).isPresent(), "a nested read sees the outer work");
      throw boom;
    })));
    assertTrue(store.read(tx -> tx.partners().find(inner.id())).isEmpty());
  }

  @Test
  @DisplayName("work that swallows a database error does not commit: the transaction is rolled back")
  void swallowedError() {
    PartnerRecord first = partner("First");
    PartnerRecord clash = partner("FIRST");
    PartnerRecord other = partner("Other");
    insert(first);
    StorageException e = assertThrows(StorageException.class, () -> store.write(tx -> {
      tx.partners().insert(other);
      try {
        tx.partners().insert(clash);
      } catch (ConflictException expected) {
        // carrying on after a failed statement: PostgreSQL has aborted the transaction by now
      }
      return null;
    }));
    assertInstanceOf(ConflictException.class, e.getCause());
    assertTrue(store.read(tx -> tx.partners().find(other.id())).isEmpty());
  }

  @Test
  @DisplayName("a repository used after its work returned refuses to run")
  void escapedRepository() {
    PartnerRepository escaped = store.read(tx -> tx.partners());
    assertThrows(IllegalStateException.class, () -> escaped.find(new PartnerId(UUID.randomUUID())));
  }

  @Test
  @DisplayName("a closed store refuses work with a StorageException; closing twice is fine")
  void closed() {
    store.close();
    store.close();
    assertThrows(StorageException.class, () -> store.read(tx -> null));
  }

  @Test
  @DisplayName("a deadlock victim is retried, so both crossing transactions complete and no update is lost")
  void deadlockRetried() throws Exception {
    PartnerRecord a = partner("Deadlock A");
    PartnerRecord b = partner("Deadlock B");
    insert(a, b);
    CyclicBarrier bothLocked = new CyclicBarrier(2);
    AtomicInteger runs = new AtomicInteger();
    Map<PartnerId, AtomicInteger> committedUpdates = Map.of(a.id(), new AtomicInteger(), b.id(), new AtomicInteger());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<PartnerId>>> results = new ArrayList<>();
      for (PartnerRecord[] order : new PartnerRecord[][] {{a, b}, {b, a}}) {
        AtomicReference<Boolean> firstRun = new AtomicReference<>(true);
        results.add(pool.submit(() -> store.write(tx -> {
          runs.incrementAndGet();
          List<PartnerId> updated = new ArrayList<>();
          for (int i = 0; i < 2; i++) {
            PartnerRecord cur = tx.partners().find(order[i].id()).orElseThrow();
            if (tx.partners().update(next(cur), cur.version())) {
              updated.add(cur.id());
            }
            if (i == 0 && firstRun.getAndSet(false)) {
              await(bothLocked); // each holds one row lock and now wants the other's
            }
          }
          return updated; // what this transaction changed, if it commits
        })));
      }
      for (Future<List<PartnerId>> f : results) {
        f.get(60, TimeUnit.SECONDS).forEach(id -> committedUpdates.get(id).incrementAndGet());
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(runs.get() >= 3, "the victim ran again: " + runs.get() + " runs");
    for (PartnerRecord p : List.of(a, b)) {
      assertEquals(1 + committedUpdates.get(p.id()).get(),
          store.read(tx -> tx.partners().find(p.id())).orElseThrow().version(),
          "the version counts exactly the committed updates");
    }
  }

  @Test
  @DisplayName("client totals cover any number of partners in one call, NONE for those without clients")
  void manyTotals() {
    PartnerRecord p = partner("Busy");
    insert(p);
    store.write(tx -> {
      tx.partners().insertClient(new Client(new ClientId(UUID.randomUUID()), p.id(), "c1", 7, T0, T0, 1));
      tx.partners().insertClient(new Client(new ClientId(UUID.randomUUID()), p.id(), "c2", 0, T0, T0, 1));
      return null;
    });
    List<PartnerId> ids = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      ids.add(new PartnerId(UUID.randomUUID()));
    }
    ids.add(1234, p.id());
    Map<PartnerId, ClientTotals> totals = store.read(tx -> tx.partners().clientTotals(ids));
    assertEquals(ids.size(), totals.size());
    assertEquals(new ClientTotals(7, 2), totals.get(p.id()));
    assertEquals(ClientTotals.NONE, totals.get(ids.get(0)));
    assertEquals(new ClientTotals(7, 2), store.read(tx -> tx.partners().clientTotals(p.id())));
    assertEquals(ClientTotals.NONE, store.read(tx -> tx.partners().clientTotals(ids.get(0))));
  }

  /**
   * Names whose keys probe the listing's SQL: LIKE's special characters, the last character before
   * the surrogates and the first after them, U+FFFE, characters beyond U+FFFF (their keys carry a
   * U+FFFF mark), and plain ones.
   */
  private static final List<String> LISTED = List.of("Acme", "Acme Cloud", "Acme_Cloud", "Acme%Cloud",
      "Acme\\Cloud", "AcmeXCloud", "Acme Ltd", "Beta", "Beta%", "x_y", "x%y", "x\\y", "xay", "xy", "Zeta",
      "\u03A9mega", "\u00D6ko", "Stra\u00DFe", "\uD7FF Edge", "\uD7FF", "\uE000 Private", "\uFFFD Replacement",
      "\uFFFE x", "\uD83D\uDE00 Smile", "\uD83D\uDE00\uD83D\uDE00 Double", "\uD840\uDC00 Han", "\u65E5\u672C",
      "\u65E5\u672C\u8A9E");

  /** The program's date the certification filters are made for, and the months of the ledger. */
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
  private static final YearMonth MONTH = YearMonth.of(2026, 2);
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency EUR = Currency.getInstance("EUR");

  /** The clients, certification records and ledger entries {@link #listedPartners} stored, as stored. */
  private final Map<ClientId, Client> listedClients = new LinkedHashMap<>();
  private final List<CertificationRecord> listedCertifications = new ArrayList<>();
  private final List<RevenueEntry> listedEntries = new ArrayList<>();

  /**
   * Stores the {@link #LISTED} partners and 30 more, with creation times that tie in groups of
   * about six (one of them below a microsecond apart is impossible: times are stored in
   * microseconds), every tier and status, and emails in mixed case; then changes the tier of some,
   * so that the rank written on update is listed too. Gives them the aggregates the lists filter
   * and sort by (LIST-5): 0 to 3 clients with server counts that tie, some then changed or removed
   * (so the running totals have been added to and taken from); current, renewed and revoked
   * certifications around {@link #TODAY}; ledger entries of {@link #MONTH} and the month before in
   * USD and EUR, some corrected, with MRRs that tie. Returns the partner rows as stored.
   */
  private List<PartnerRecord> listedPartners() {
    List<String> names = new ArrayList<>(LISTED);
    for (int i = 0; i < 30; i++) {
      names.add(String.format("Partner %03d", i * 7 % 30));
    }
    List<PartnerRecord> rows = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      rows.add(new PartnerRecord(new PartnerId(UUID.randomUUID()), names.get(i),
          (i % 3 == 0 ? "Ops" : i % 3 == 1 ? "\u00C4RGER." : "sales.") + i + (i % 2 == 0 ? "@Example.COM" : "@x.example"),
          Tier.values()[i * 5 % 3], i % 4 == 0 ? PartnerStatus.INACTIVE : PartnerStatus.ACTIVE,
          T0.plusSeconds(i % 11).plusNanos(i % 11 == 3 ? 1_000 : 0), T0, 1));
    }
    assertEquals(rows.size(), rows.stream().map(PartnerRecord::nameKey).distinct().count(), "distinct keys");
    insert(rows.toArray(PartnerRecord[]::new));
    for (int i = 0; i < rows.size(); i += 4) {
      PartnerRecord changed = next(rows.get(i));
      boolean updated = store.write(tx -> tx.partners().update(changed, changed.version() - 1));
      assertTrue(updated);
      rows.set(i, changed);
    }
    store.write(tx -> {
      for (int i = 0; i < rows.size(); i++) {
        PartnerRecord p = rows.get(i);
        for (int k = 0; k < i % 4; k++) {
          Client c = new Client(new ClientId(UUID.randomUUID()), p.id(), "client " + k, (i * 3L + k) % 5, T0, T0, 1);
          tx.partners().insertClient(c);
          listedClients.put(c.id(), c);
        }
        certifications(p, i).forEach(r -> {
          tx.certifications().insert(r);
          listedCertifications.add(r);
        });
        for (RevenueEntry e : entries(p, i)) {
          assertEquals(List.of(), tx.revenue().appendAbsent(List.of(e)));
          listedEntries.add(e);
        }
      }
      return null;
    });
    // changes after the inserts: a server count raised, a client moved to another partner, one removed
    List<Client> stored = List.copyOf(listedClients.values());
    for (int j = 0; j < stored.size(); j += 5) {
      Client c = stored.get(j);
      PartnerId to = j % 2 == 0 ? c.partnerId() : rows.get(j % rows.size()).id();
      Client changed = new Client(c.id(), to, c.name() + " " + j, c.serverCount() + 2, T0, T0, 2);
      assertTrue((boolean) store.write(tx -> tx.partners().updateClient(changed, 1)));
      listedClients.put(c.id(), changed);
    }
    for (int j = 3; j < stored.size(); j += 7) {
      Client c = listedClients.get(stored.get(j).id());
      assertTrue((boolean) store.write(tx -> tx.partners().deleteClient(c.id(), c.version())));
      listedClients.remove(c.id());
    }
    Map<PartnerId, ClientTotals> totals = store.read(tx -> tx.partners().clientTotals(rows.stream()
        .map(PartnerRecord::id).toList()));
    for (PartnerRecord p : rows) {
      assertEquals(row(p).totals(), totals.get(p.id()), "the totals of " + p.companyName() + " are its clients' sums");
    }
    return rows;
  }

  /** Partner {@code i}'s certification records: none, or current, renewed and revoked ones around TODAY. */
  private static List<CertificationRecord> certifications(PartnerRecord p, int i) {
    List<CertificationRecord> out = new ArrayList<>();
    switch (i % 6) {
      case 1 -> out.add(certification(p, CertificationState.CURRENT, TODAY.minusDays(10)));
      case 2 -> out.add(certification(p, CertificationState.CURRENT, TODAY.plusDays(i % 30)));
      case 3 -> {
        out.add(certification(p, CertificationState.CURRENT, TODAY.plusDays(60)));
        out.add(certification(p, CertificationState.REVOKED, TODAY.minusDays(5)));
      }
      case 4 -> {
        out.add(certification(p, CertificationState.RENEWED, TODAY.minusDays(3)));
        out.add(certification(p, CertificationState.CURRENT, TODAY.plusDays(200)));
      }
      case 5 -> {
        out.add(certification(p, CertificationState.CURRENT, TODAY.plusDays(30)));
        out.add(certification(p, CertificationState.CURRENT, TODAY.minusDays(1)));
      }
      default -> { }
    }
    return out;
  }

  private static CertificationRecord certification(PartnerRecord p, CertificationState state, LocalDate expiry) {
    boolean revoked = state == CertificationState.REVOKED;
    Certification c = new Certification(new CertificationId(UUID.randomUUID()), p.id(), "cert", SkillArea.FLEET_MANAGEMENT,
        CertificationLevel.BASIC, Optional.empty(), expiry.minusYears(2), expiry, state, Optional.empty(),
        revoked ? Optional.of("ops") : Optional.empty(), revoked ? Optional.of("why") : Optional.empty(), T0, T0,
        state == CertificationState.CURRENT ? 1 : 2);
    return new CertificationRecord(c, state == CertificationState.CURRENT
        ? Optional.of(CertificationStatus.ACTIVE) : Optional.empty());
  }

  /**
   * Partner {@code i}'s ledger entries: none; MONTH in USD (MRRs that tie across partners); MONTH
   * in USD corrected twice (the last revision counts); MONTH in EUR; the month before only; both.
   */
  private static List<RevenueEntry> entries(PartnerRecord p, int i) {
    long mrr = i * 100L % 700;
    List<RevenueEntry> out = new ArrayList<>();
    switch (i % 6) {
      case 1 -> out.add(entry(p, MONTH, 1, Optional.empty(), mrr, USD));
      case 2 -> {
        RevenueEntry first = entry(p, MONTH, 1, Optional.empty(), 650, USD);
        RevenueEntry second = entry(p, MONTH, 2, Optional.of(first), 50, USD);
        out.addAll(List.of(first, second, entry(p, MONTH, 3, Optional.of(second), mrr, USD)));
      }
      case 3 -> out.add(entry(p, MONTH, 1, Optional.empty(), mrr, EUR));
      case 4 -> out.add(entry(p, MONTH.minusMonths(1), 1, Optional.empty(), mrr, USD));
      case 5 -> {
        out.add(entry(p, MONTH.minusMonths(1), 1, Optional.empty(), 700 - mrr, USD));
        out.add(entry(p, MONTH, 1, Optional.empty(), mrr, USD));
      }
      default -> { }
    }
    return out;
  }

  private static RevenueEntry entry(PartnerRecord p, YearMonth month, int revision, Optional<RevenueEntry> supersedes,
      long mrrMinor, Currency currency) {
    return new RevenueEntry(new RevenueEntryId(UUID.randomUUID()), p.id(), month, revision,
        revision == 1 ? EntryKind.RECORDED : EntryKind.CORRECTION, Money.ofMinor(mrrMinor, currency), 1, 1,
        UUID.randomUUID().toString(), revision == 1 ? Optional.empty() : Optional.of("fix"), T0,
        supersedes.map(RevenueEntry::id));
  }

  /** {@code p} with its aggregates, summed from what {@link #listedPartners} stored (never from the store). */
  private PartnerListing.Row row(PartnerRecord p) {
    return PartnerListing.rowOf(p, listedClients.values(), listedCertifications, listedEntries);
  }

  private static PartnerListing.ExpiryRange expiring(@Nullable LocalDate from, @Nullable LocalDate to) {
    return new PartnerListing.ExpiryRange(Optional.ofNullable(from), Optional.ofNullable(to));
  }

  private static PartnerListing.CountRange counts(@Nullable Long min, @Nullable Long max) {
    return new PartnerListing.CountRange(min == null ? OptionalLong.empty() : OptionalLong.of(min),
        max == null ? OptionalLong.empty() : OptionalLong.of(max));
  }

  private static PartnerListing.MrrRange mrr(YearMonth month, Currency currency, @Nullable Long min, @Nullable Long max) {
    return new PartnerListing.MrrRange(month, currency, Optional.ofNullable(min).map(m -> Money.ofMinor(m, currency)),
        Optional.ofNullable(max).map(m -> Money.ofMinor(m, currency)));
  }

  /** Listings with every kind of filter, alone and together, each in name order. */
  private static List<PartnerListing> filtered() {
    PartnerListing all = Listings.all(1000);
    List<PartnerListing> out = new ArrayList<>();
    out.add(all);
    out.add(with(all, Set.of(Tier.GOLD), Set.of(), null, null, null));
    out.add(with(all, Set.of(Tier.SILVER, Tier.PLATINUM), Set.of(PartnerStatus.ACTIVE), null, null, null));
    out.add(with(all, Set.of(), Set.of(PartnerStatus.INACTIVE), null, null, null));
    for (String prefix : List.of("acme", "Acme_", "acme%", "Acme\\", "x_", "x%", "x\\", "x", "\uD7FF", "\uFFFE",
        "\uD83D\uDE00", "\u65E5\u672C", "partner 01", "zz")) {
      out.add(with(all, Set.of(), Set.of(), Names.key(prefix), null, null));
    }
    for (String part : List.of("cloud", "_", "%", "\\", "\uD83D\uDE00", "e c", "tner 0")) {
      out.add(with(all, Set.of(), Set.of(), null, Names.key(part), null));
    }
    for (String email : List.of("example.com", "EXAMPLE.com", "\u00C4rger", "\u00E4rger", "@", "_", "%")) {
      out.add(with(all, Set.of(), Set.of(), null, null, PartnerListing.asciiLowerCase(email)));
    }
    out.add(with(all, Set.of(Tier.GOLD, Tier.SILVER), Set.of(PartnerStatus.ACTIVE), Names.key("acme"),
        Names.key("c"), "example"));
    out.add(with(all, Set.of(), Set.of(), Names.key("partner"), Names.key("1"), "sales"));
    // LIST-5: certification expiry ranges (expired; critical; expiring soon or expired; any current one)
    List<List<PartnerListing.ExpiryRange>> expiries = List.of(List.of(expiring(null, TODAY.minusDays(1))),
        List.of(expiring(TODAY, TODAY.plusDays(29))),
        List.of(expiring(null, TODAY.minusDays(1)), expiring(TODAY.plusDays(30), TODAY.plusDays(90))),
        List.of(expiring(null, null)), List.of(expiring(TODAY.plusDays(91), null)));
    for (List<PartnerListing.ExpiryRange> e : expiries) {
      out.add(aggregates(all, e, PartnerListing.CountRange.ANY, PartnerListing.CountRange.ANY, null));
    }
    for (PartnerListing.CountRange r : List.of(counts(0L, 0L), counts(2L, 5L), counts(3L, null), counts(null, 4L))) {
      out.add(aggregates(all, List.of(), r, PartnerListing.CountRange.ANY, null));
      out.add(aggregates(all, List.of(), PartnerListing.CountRange.ANY, r, null));
    }
    for (PartnerListing.MrrRange m : List.of(mrr(MONTH, USD, 200L, 400L), mrr(MONTH, USD, null, null),
        mrr(MONTH, USD, 300L, null), mrr(MONTH.minusMonths(1), USD, 0L, null), mrr(MONTH, EUR, null, 300L))) {
      out.add(aggregates(all, List.of(), PartnerListing.CountRange.ANY, PartnerListing.CountRange.ANY, m));
    }
    PartnerListing mixed = aggregates(with(all, Set.of(Tier.GOLD, Tier.SILVER), Set.of(), null, null, null),
        List.of(expiring(null, TODAY.plusDays(90))), counts(1L, null), counts(null, 2L), mrr(MONTH, USD, 0L, 600L));
    out.add(mixed);
    return out;
  }

  private static PartnerListing with(PartnerListing l, Set<Tier> tiers, Set<PartnerStatus> statuses,
      @Nullable String prefix, @Nullable String contains, @Nullable String email) {
    return new PartnerListing(tiers, statuses, Optional.ofNullable(prefix), Optional.ofNullable(contains),
        Optional.ofNullable(email), l.certificationExpiries(), l.serverCounts(), l.clientCounts(), l.mrr(), l.sort(),
        l.direction(), l.sortMrr(), l.after(), l.limit());
  }

  private static PartnerListing aggregates(PartnerListing l, List<PartnerListing.ExpiryRange> expiries,
      PartnerListing.CountRange servers, PartnerListing.CountRange clients, PartnerListing.@Nullable MrrRange mrr) {
    return new PartnerListing(l.tiers(), l.statuses(), l.nameKeyPrefix(), l.nameKeyContains(), l.emailContains(),
        expiries, servers, clients, Optional.ofNullable(mrr), l.sort(), l.direction(), l.sortMrr(), l.after(),
        l.limit());
  }

  /** Every order, both ways: MRR of the month in USD, in EUR, and of the month before. */
  private static List<PartnerListing> orders(PartnerListing filters) {
    List<PartnerListing> out = new ArrayList<>();
    for (SortDirection direction : SortDirection.values()) {
      for (PartnerSort sort : PartnerSort.values()) {
        if (sort != PartnerSort.MRR) {
          out.add(Listings.sorted(filters, sort, direction));
        }
      }
      for (PartnerListing.MrrMonth m : List.of(new PartnerListing.MrrMonth(MONTH, USD),
          new PartnerListing.MrrMonth(MONTH, EUR), new PartnerListing.MrrMonth(MONTH.minusMonths(1), USD))) {
        out.add(Listings.sorted(filters, PartnerSort.MRR, direction, Optional.of(m)));
      }
    }
    return out;
  }

  /** What the listing must return from {@code rows}: PartnerListing's rules, in Java. */
  private List<String> expected(List<PartnerRecord> rows, PartnerListing listing) {
    return rows.stream().map(this::row).filter(r -> listing.matches(r) && listing.isAfter(r)).sorted(listing.order())
        .limit(listing.limit()).map(r -> r.partner().companyName()).toList();
  }

  private List<String> listed(PartnerListing listing) {
    return store.read(tx -> tx.partners().list(listing)).stream().map(PartnerRecord::companyName).toList();
  }

  @Test
  @DisplayName("every order and filter, paged by position, lists exactly the matching partners in order; counts agree")
  void listingPagesByPosition() {
    List<PartnerRecord> rows = listedPartners();
    for (PartnerListing filters : filtered()) {
      for (PartnerListing listing : orders(filters)) {
        String what = listing.sort() + " " + listing.direction() + " " + listing;
        List<String> all = expected(rows, listing);
        assertEquals(all.size(), (long) store.read(tx -> tx.partners().count(listing)), "count of " + what);
        assertEquals(all, listed(listing), "one page of " + what);
        List<String> paged = new ArrayList<>();
        Optional<PartnerListing.Position> after = Optional.empty();
        for (int pages = 0; pages <= rows.size(); pages++) {
          PartnerListing page = Listings.page(listing, after, 4);
          List<PartnerRecord> got = store.read(tx -> tx.partners().list(page));
          assertEquals(expected(rows, page), got.stream().map(PartnerRecord::companyName).toList(), "a page of " + what);
          got.forEach(r -> paged.add(r.companyName()));
          if (got.size() < 4) {
            break;
          }
          after = Optional.of(listing.positionOf(row(got.get(got.size() - 1))));
        }
        assertEquals(all, paged, "pages of " + what);
      }
    }
  }

  @Test
  @DisplayName("a page starts strictly after any position: of a row that does not match, of no row, between microseconds")
  void listingAfterAnyPosition() {
    List<PartnerRecord> rows = listedPartners();
    List<PartnerListing.Position> positions = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += 3) {
      positions.add(PartnerListing.Position.of(rows.get(i), row(rows.get(i)).totals(), Optional.empty()));
    }
    PartnerRecord some = rows.get(5);
    PartnerId id = some.id();
    positions.add(new PartnerListing.Position("acme c", some.createdAt(), some.tier(), 3, 1, Optional.empty(), id));
    positions.add(new PartnerListing.Position("", T0.minusSeconds(1), Tier.SILVER, 0, 0, Optional.empty(), id));
    // positions are keys (docs/rules.md TEXT-3: the orders agree on keys, not on any string)
    positions.add(new PartnerListing.Position(Names.key("\uD83D\uDE01"), T0.plusSeconds(60), Tier.PLATINUM, 99, 9,
        Optional.empty(), id));
    positions.add(new PartnerListing.Position(Names.key("\uFFFD z"), T0.plusSeconds(4), Tier.SILVER, 2, 2,
        Optional.empty(), id));
    positions.add(new PartnerListing.Position(some.nameKey(), some.createdAt().plusNanos(500), some.tier(), 4, 3,
        Optional.empty(), id));
    positions.add(new PartnerListing.Position(some.nameKey(), some.createdAt().minusNanos(500), some.tier(), 1, 1,
        Optional.empty(), id));
    positions.add(new PartnerListing.Position("partner", T0.plusSeconds(3).plusNanos(999), Tier.GOLD, Long.MAX_VALUE,
        Long.MAX_VALUE, Optional.empty(), id));
    for (PartnerListing filters : List.of(filtered().get(0), filtered().get(2), filtered().get(4),
        filtered().get(filtered().size() - 1))) {
      for (PartnerListing order : orders(filters)) {
        List<PartnerListing.Position> at = order.sortMrr().isEmpty() ? positions : mrrPositions(rows, order);
        for (PartnerListing.Position position : at) {
          PartnerListing listing = Listings.page(order, Optional.of(position), 5);
          assertEquals(expected(rows, listing), listed(listing), order.sort() + " " + order.direction() + " after "
              + position);
        }
      }
    }
  }

  /**
   * Positions of an MRR listing: of listed rows, of MRRs no entry has, and of partner ids at both
   * ends of the id order and with the top bit of either half set (ids compare unsigned).
   */
  private List<PartnerListing.Position> mrrPositions(List<PartnerRecord> rows, PartnerListing listing) {
    Currency currency = listing.sortMrr().orElseThrow().currency();
    List<PartnerListing.Position> out = new ArrayList<>();
    for (PartnerRecord p : rows) {
      listing.sortMrrOf(row(p)).ifPresent(m -> out.add(listing.positionOf(row(p))));
    }
    PartnerRecord some = rows.get(7);
    for (long minor : new long[] {0, 250, 300, 600, 10_000}) {
      for (UUID id : List.of(new UUID(0, 0), new UUID(-1, -1), new UUID(Long.MIN_VALUE, 0), new UUID(0, Long.MIN_VALUE),
          some.id().value())) {
        out.add(new PartnerListing.Position(some.nameKey(), some.createdAt(), some.tier(), 0, 0,
            Optional.of(Money.ofMinor(minor, currency)), new PartnerId(id)));
      }
    }
    return out;
  }

  @Test
  @DisplayName("the page token key is at least 32 bytes, the same on every call, and a copy")
  void pageTokenKey() {
    byte[] key = store.pageTokenKey();
    assertTrue(key.length >= 32, "length " + key.length);
    key[0]++;
    assertFalse(Arrays.equals(key, store.pageTokenKey()), "a copy");
    key[0]--;
    assertArrayEquals(key, store.pageTokenKey());
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
