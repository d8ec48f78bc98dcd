package cloud.quazzar.partner.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.ClientTotals;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.PartnerRepository;
import cloud.quazzar.partner.spi.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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

  @Test
  @DisplayName("listing counts every match even when the page is full or past the end")
  void listingCounts() {
    for (int i = 0; i < 12; i++) {
      insert(partner(String.format("P%02d", i)));
    }
    assertEquals(12, store.read(tx -> tx.partners().list(PartnerQuery.all().withPage(0, 5))).total());
    assertEquals(List.of("P10", "P11"), store.read(tx -> tx.partners().list(PartnerQuery.all().withPage(10, 5)))
        .items().stream().map(PartnerRecord::companyName).toList());
    assertEquals(12, store.read(tx -> tx.partners().list(PartnerQuery.all().withPage(20, 5))).total());
    assertEquals(12, store.read(tx -> tx.partners().list(PartnerQuery.all().withTiers(Tier.SILVER)
        .withStatuses(PartnerStatus.ACTIVE).withPage(3, 2))).total());
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
