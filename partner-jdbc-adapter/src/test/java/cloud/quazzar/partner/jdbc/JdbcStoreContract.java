package cloud.quazzar.partner.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.ClientTotals;
import cloud.quazzar.partner.spi.PartnerListing;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.PartnerRepository;
import cloud.quazzar.partner.spi.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /**
   * Stores the {@link #LISTED} partners and 30 more, with creation times that tie in groups of
   * about six (one of them below a microsecond apart is impossible: times are stored in
   * microseconds), every tier and status, and emails in mixed case; then changes the tier of some,
   * so that the rank written on update is listed too. Returns the rows as stored.
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
    return rows;
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
    return out;
  }

  private static PartnerListing with(PartnerListing l, Set<Tier> tiers, Set<PartnerStatus> statuses,
      @Nullable String prefix, @Nullable String contains, @Nullable String email) {
    return new PartnerListing(tiers, statuses, Optional.ofNullable(prefix), Optional.ofNullable(contains),
        Optional.ofNullable(email), l.sort(), l.direction(), l.after(), l.limit());
  }

  /** What the listing must return from {@code rows}: PartnerListing's rules, in Java. */
  private static List<String> expected(List<PartnerRecord> rows, PartnerListing listing) {
    return rows.stream().filter(r -> listing.matches(r) && listing.isAfter(r)).sorted(listing.order())
        .limit(listing.limit()).map(PartnerRecord::companyName).toList();
  }

  private List<String> listed(PartnerListing listing) {
    return store.read(tx -> tx.partners().list(listing)).stream().map(PartnerRecord::companyName).toList();
  }

  @Test
  @DisplayName("every order and filter, paged by position, lists exactly the matching partners in order; counts agree")
  void listingPagesByPosition() {
    List<PartnerRecord> rows = listedPartners();
    for (PartnerListing filters : filtered()) {
      for (PartnerSort sort : PartnerSort.values()) {
        for (SortDirection direction : SortDirection.values()) {
          PartnerListing listing = Listings.sorted(filters, sort, direction);
          String what = sort + " " + direction + " " + listing;
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
            after = Optional.of(PartnerListing.Position.of(got.get(got.size() - 1)));
          }
          assertEquals(all, paged, "pages of " + what);
        }
      }
    }
  }

  @Test
  @DisplayName("a page starts strictly after any position: of a row that does not match, of no row, between microseconds")
  void listingAfterAnyPosition() {
    List<PartnerRecord> rows = listedPartners();
    List<PartnerListing.Position> positions = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += 3) {
      positions.add(PartnerListing.Position.of(rows.get(i)));
    }
    PartnerRecord some = rows.get(5);
    positions.add(new PartnerListing.Position("acme c", some.createdAt(), some.tier()));
    positions.add(new PartnerListing.Position("", T0.minusSeconds(1), Tier.SILVER));
    // positions are keys (docs/rules.md TEXT-3: the orders agree on keys, not on any string)
    positions.add(new PartnerListing.Position(Names.key("\uD83D\uDE01"), T0.plusSeconds(60), Tier.PLATINUM));
    positions.add(new PartnerListing.Position(Names.key("\uFFFD z"), T0.plusSeconds(4), Tier.SILVER));
    positions.add(new PartnerListing.Position(some.nameKey(), some.createdAt().plusNanos(500), some.tier()));
    positions.add(new PartnerListing.Position(some.nameKey(), some.createdAt().minusNanos(500), some.tier()));
    positions.add(new PartnerListing.Position("partner", T0.plusSeconds(3).plusNanos(999), Tier.GOLD));
    for (PartnerListing filters : List.of(filtered().get(0), filtered().get(2), filtered().get(4))) {
      for (PartnerSort sort : PartnerSort.values()) {
        for (SortDirection direction : SortDirection.values()) {
          for (PartnerListing.Position position : positions) {
            PartnerListing listing = Listings.page(Listings.sorted(filters, sort, direction), Optional.of(position), 5);
            assertEquals(expected(rows, listing), listed(listing), sort + " " + direction + " after " + position);
          }
        }
      }
    }
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
