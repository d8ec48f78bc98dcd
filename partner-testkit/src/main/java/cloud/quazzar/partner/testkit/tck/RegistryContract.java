package cloud.quazzar.partner.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.ValidationException;
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
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.PartnerGenerators;
import cloud.quazzar.partner.testkit.generators.RegistryScript;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The partner registry's storage contract (rules REG-1 to REG-6 of docs/rules.md), mounted in {@link
 * StoreTck} as the nested group "Partner registry". Drives the store through {@link
 * PartnerRegistry} (so the registry's rules hold on it) and through {@link
 * cloud.quazzar.partner.spi.PartnerRepository} directly (so the guarantees core relies on come from
 * the store itself: a unique name key also under concurrent inserts, compare-and-set on the version,
 * rollback of a multi-record write). Its groups:
 *
 * <ul>
 *   <li>"Partners round-trip": every field reads back exactly; tier history; contact and status;
 *       the SPI's direct look-ups;
 *   <li>"Uniqueness": company names across partners, client names within one, in the store itself
 *       and under 8 concurrent adds;
 *   <li>"Optimistic locking": a stale version is a {@code STALE_VERSION} conflict that changes
 *       nothing; 8 concurrent writers lose no update;
 *   <li>"Atomicity": a write that throws, or whose second record fails, leaves nothing behind;
 *       invalid input stores nothing;
 *   <li>"Clients": server and client counts derived from the clients; an inactive partner's
 *       clients are frozen; unknown ids;
 *   <li>"Registry properties": generated scripts of registry operations agree with a model.
 * </ul>
 *
 * <p>The test clock starts at {@link StoreTck#START}.
 */
@ExtendWith(PromiseMessages.class)
public abstract class RegistryContract {
  private static final Instant START = StoreTck.START;

  /**
   * The store, clock and program of the running test, from {@link StoreTck#context()}.
   *
   * @return the running test's context
   */
  protected abstract TckContext context();

  /**
   * How many generated scripts the property tries; {@link StoreTck} passes its {@code propertyExamples()}.
   *
   * @return the number of scripts, 1 or more
   */
  protected int examples() {
    return 30;
  }

  private PartnerRegistry registry() {
    return context().program().registry();
  }

  private Store store() {
    return context().store();
  }

  private TestClock clock() {
    return context().clock();
  }

  /** Adds a partner with a default email. */
  private Partner addPartner(String name, Tier tier) {
    return registry().add(new NewPartner(name, name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT) + "@partner.example", tier));
  }

  @Nested
  @DisplayName("Partners round-trip")
  class RoundTrips {
    @Test
    @DisplayName("an added partner reads back with every field, exactly")
    void addedPartnerReadsBack() {
      Partner added = registry().add(new NewPartner("  Acme   Cloud ", "ops@acme.example", Tier.GOLD));
      assertEquals("Acme Cloud", added.companyName(), "names are stored white-space cleaned");
      assertEquals(1, added.version());
      assertEquals(START, added.createdAt());
      assertEquals(PartnerStatus.ACTIVE, added.status());
      assertEquals(added, registry().get(added.id()));
      assertEquals(added, registry().find(added.id()).orElseThrow());
    }

    @Test
    @DisplayName("an unknown id is absent, and get names it in a NotFoundException")
    void unknownId() {
      PartnerId missing = new PartnerId(IdGenerator.random().next());
      assertEquals(Optional.empty(), registry().find(missing), "find of an unknown id is empty");
      NotFoundException e = assertThrows(NotFoundException.class, () -> registry().get(missing));
      assertEquals("partner " + missing + " not found", e.getMessage());
      assertThrows(NotFoundException.class, () -> registry().tierHistory(missing, PageRequest.first(PageRequest.MAX_LIMIT)).items());
      assertThrows(NotFoundException.class, () -> registry().clients(missing, PageRequest.first(PageRequest.MAX_LIMIT)).items());
    }

    @Test
    @DisplayName("text in any script, quotes and SQL-looking text is stored cleaned (docs/rules.md TEXT-1)")
    void textVerbatim() {
      for (String name : PartnerGenerators.TRICKY_NAMES) {
        Partner p = registry().add(new NewPartner(name, "x@y.example", Tier.SILVER));
        assertEquals(Names.clean(name), registry().get(p.id()).companyName());
      }
    }

    @Test
    @DisplayName("the initial tier is the first entry of the tier history")
    void initialTierHistory() {
      Partner p = addPartner("Initial Tier", Tier.PLATINUM);
      List<TierChange> history = registry().tierHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items();
      assertEquals(1, history.size());
      assertTrue(history.get(0).isInitial(), "the first entry has no from-tier: " + history.get(0));
      assertEquals(Tier.PLATINUM, history.get(0).to());
      assertEquals(START, history.get(0).changedAt());
    }

    @Test
    @DisplayName("tier changes append to the history with who, why and when, and bump the version")
    void tierChangesAppend() {
      Partner p = addPartner("Climber", Tier.SILVER);
      clock().advance(Duration.ofDays(30));
      Partner gold = registry().changeTier(p.id(), 1, new TierChangeRequest(Tier.GOLD, "alice", "50 servers reached"));
      clock().advance(Duration.ofDays(30));
      Partner silver = registry().changeTier(p.id(), 2, new TierChangeRequest(Tier.SILVER, "bob", "certification lapsed"));
      assertEquals(Tier.GOLD, gold.tier());
      assertEquals(3, silver.version());
      assertEquals(START.plus(Duration.ofDays(60)), silver.updatedAt());
      assertEquals(START, silver.createdAt());
      List<TierChange> history = registry().tierHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items();
      assertEquals(List.of(1, 2, 3), history.stream().map(TierChange::sequence).toList());
      TierChange second = history.get(1);
      assertEquals(Optional.of(Tier.SILVER), second.from());
      assertEquals(Tier.GOLD, second.to());
      assertEquals("alice", second.changedBy());
      assertEquals("50 servers reached", second.reason());
      assertEquals(START.plus(Duration.ofDays(30)), second.changedAt());
      assertEquals(Tier.SILVER, registry().get(p.id()).tier());
    }

    @Test
    @DisplayName("the store answers the last tier sequence and a client by name key directly")
    void spiLookups() {
      Partner p = addPartner("Lookups", Tier.SILVER);
      registry().changeTier(p.id(), 1, new TierChangeRequest(Tier.GOLD, "a", "b"));
      Partner other = addPartner("Other Lookups", Tier.SILVER);
      Client shop = registry().addClient(p.id(), new NewClient("Big Shop", 3));
      registry().addClient(other.id(), new NewClient("big shop", 4));
      int last = store().read(tx -> tx.partners().lastTierSequence(p.id()));
      int none = store().read(tx -> tx.partners().lastTierSequence(new PartnerId(IdGenerator.random().next())));
      assertEquals(2, last);
      assertEquals(0, none);
      assertEquals(shop, store().read(tx -> tx.partners().findClientByNameKey(p.id(), "big shop")).orElseThrow());
      assertTrue(store().read(tx -> tx.partners().findClientByNameKey(p.id(), "Big Shop")).isEmpty(),
          "the argument is a key, already folded");
    }

    @Test
    @DisplayName("contact updates, deactivation and reactivation are stored")
    void contactAndStatus() {
      Partner p = addPartner("Old Name", Tier.GOLD);
      Partner renamed = registry().updateContact(p.id(), 1, new ContactUpdate("New Name", "new@x.example"));
      assertEquals("New Name", registry().get(p.id()).companyName());
      assertEquals("new@x.example", registry().get(p.id()).contactEmail());
      Partner off = registry().deactivate(p.id(), renamed.version());
      assertEquals(PartnerStatus.INACTIVE, registry().get(p.id()).status());
      assertEquals(PartnerStatus.ACTIVE, registry().reactivate(p.id(), off.version()).status());
      assertEquals(4, registry().get(p.id()).version());
    }
  }

  @Nested
  @DisplayName("Uniqueness")
  class Uniqueness {
    @Test
    @DisplayName("company names are unique ignoring case and extra spaces")
    void companyNames() {
      addPartner("Acme Cloud", Tier.SILVER);
      ConflictException e = assertThrows(ConflictException.class,
          () -> registry().add(new NewPartner("  ACME    cloud ", "x@y.example", Tier.GOLD)));
      assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
      assertEquals(1, registry().count(PartnerQuery.all()));
    }

    @Test
    @DisplayName("renaming onto another partner's name is a duplicate; onto its own name in other case is fine")
    void renames() {
      addPartner("Taken", Tier.SILVER);
      Partner p = addPartner("Mine", Tier.SILVER);
      ConflictException e = assertThrows(ConflictException.class,
          () -> registry().updateContact(p.id(), 1, new ContactUpdate("TAKEN", "a@b.example")));
      assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
      assertEquals("MINE", registry().updateContact(p.id(), 1, new ContactUpdate("MINE", "a@b.example")).companyName());
    }

    @Test
    @DisplayName("client names are unique within a partner, and free across partners")
    void clientNames() {
      Partner a = addPartner("A", Tier.SILVER);
      Partner b = addPartner("B", Tier.SILVER);
      registry().addClient(a.id(), new NewClient("Shop", 1));
      registry().addClient(b.id(), new NewClient("shop", 1));
      ConflictException e = assertThrows(ConflictException.class,
          () -> registry().addClient(a.id(), new NewClient(" SHOP ", 2)));
      assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
      Client other = registry().addClient(a.id(), new NewClient("Other", 1));
      assertThrows(ConflictException.class, () -> registry().renameClient(other.id(), 1, "shop"));
      assertEquals(2, registry().get(a.id()).serverCount());
    }

    @Test
    @DisplayName("the store itself rejects a duplicate name key, even when core's check is bypassed")
    void storeEnforcesUniqueness() {
      Partner p = addPartner("Enforced", Tier.SILVER);
      PartnerRecord clash = new PartnerRecord(new PartnerId(IdGenerator.random().next()), "ENFORCED", "x@y.example",
          Tier.GOLD, PartnerStatus.ACTIVE, START, START, 1);
      ConflictException e = assertThrows(ConflictException.class, () -> store().write(tx -> {
        tx.partners().insert(clash);
        return true; // no result: a StoreWork must return non-null
      }));
      assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
      assertEquals(List.of(p.id()), registry().list(PartnerQuery.all()).items().stream().map(Partner::id).toList());
    }

    @Test
    @DisplayName("of many concurrent adds of one name, exactly one succeeds")
    void concurrentAdds() throws Exception {
      int threads = 8;
      AtomicInteger ok = new AtomicInteger();
      AtomicInteger dup = new AtomicInteger();
      Concurrently.run(threads, i -> {
        try {
          registry().add(new NewPartner("Race Cloud", "r" + i + "@race.example", Tier.SILVER));
          ok.incrementAndGet();
        } catch (ConflictException e) {
          assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
          dup.incrementAndGet();
        }
      });
      assertEquals(1, ok.get());
      assertEquals(threads - 1, dup.get());
      assertEquals(1, registry().count(PartnerQuery.all()));
    }
  }

  @Nested
  @DisplayName("Optimistic locking")
  class OptimisticLocking {
    @Test
    @DisplayName("every update against a stale version is a STALE_VERSION conflict and changes nothing")
    void staleVersions() {
      Partner p = addPartner("Locked", Tier.SILVER);
      registry().changeTier(p.id(), 1, new TierChangeRequest(Tier.GOLD, "a", "first"));
      Partner before = registry().get(p.id());
      List<Runnable> staleCalls = List.of(
          () -> registry().changeTier(p.id(), 1, new TierChangeRequest(Tier.PLATINUM, "b", "stale")),
          () -> registry().updateContact(p.id(), 1, new ContactUpdate("Other", "o@x.example")),
          () -> registry().deactivate(p.id(), 1),
          () -> registry().changeTier(p.id(), 7, new TierChangeRequest(Tier.PLATINUM, "b", "future version")));
      for (Runnable call : staleCalls) {
        ConflictException e = assertThrows(ConflictException.class, call::run);
        assertEquals(ConflictException.Reason.STALE_VERSION, e.reason());
      }
      assertEquals(before, registry().get(p.id()));
      assertEquals(2, registry().tierHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
    }

    @Test
    @DisplayName("client updates check the client's version")
    void staleClient() {
      Partner p = addPartner("Client Lock", Tier.SILVER);
      Client c = registry().addClient(p.id(), new NewClient("c", 5));
      registry().setServerCount(c.id(), 1, 6);
      assertEquals(ConflictException.Reason.STALE_VERSION,
          assertThrows(ConflictException.class, () -> registry().setServerCount(c.id(), 1, 7)).reason());
      assertEquals(ConflictException.Reason.STALE_VERSION,
          assertThrows(ConflictException.class, () -> registry().renameClient(c.id(), 1, "d")).reason());
      assertEquals(ConflictException.Reason.STALE_VERSION,
          assertThrows(ConflictException.class, () -> registry().removeClient(c.id(), 1)).reason());
      assertEquals(6, registry().findClient(c.id()).orElseThrow().serverCount());
    }

    @Test
    @DisplayName("the store's compare-and-set refuses a wrong version itself")
    void storeCompareAndSet() {
      Partner p = addPartner("CAS", Tier.SILVER);
      PartnerRecord next = new PartnerRecord(p.id(), "CAS", p.contactEmail(), Tier.GOLD, PartnerStatus.ACTIVE,
          p.createdAt(), START, 3);
      boolean stale = store().write(tx -> tx.partners().update(next, 2));
      assertFalse(stale, "update with expected version 2 of a partner stored at version 1 returns false");
      assertEquals(Tier.SILVER, registry().get(p.id()).tier());
      PartnerRecord good = new PartnerRecord(p.id(), "CAS", p.contactEmail(), Tier.GOLD, PartnerStatus.ACTIVE,
          p.createdAt(), START, 2);
      boolean fresh = store().write(tx -> tx.partners().update(good, 1));
      assertTrue(fresh, "update with the stored version 1 returns true");
      assertEquals(Tier.GOLD, registry().get(p.id()).tier());
    }

    @Test
    @DisplayName("concurrent writers lose no update: the version counts the successful updates exactly")
    void concurrentWriters() throws Exception {
      Partner p = addPartner("Contended", Tier.SILVER);
      Client c = registry().addClient(p.id(), new NewClient("busy", 0));
      int threads = 8;
      int perThread = 25;
      AtomicInteger successes = new AtomicInteger();
      AtomicInteger conflicts = new AtomicInteger();
      AtomicLong serverIncrements = new AtomicLong();
      Concurrently.run(threads, t -> {
        int done = 0;
        while (done < perThread) {
          Partner cur = registry().get(p.id());
          Tier next = cur.tier() == Tier.GOLD ? Tier.SILVER : Tier.GOLD;
          try {
            registry().changeTier(p.id(), cur.version(), new TierChangeRequest(next, "t" + t, "load"));
            successes.incrementAndGet();
            done++;
          } catch (ConflictException e) {
            assertEquals(ConflictException.Reason.STALE_VERSION, e.reason());
            conflicts.incrementAndGet();
          }
          Client cc = registry().findClient(c.id()).orElseThrow();
          try {
            registry().setServerCount(cc.id(), cc.version(), cc.serverCount() + 1);
            serverIncrements.incrementAndGet();
          } catch (ConflictException e) {
            assertEquals(ConflictException.Reason.STALE_VERSION, e.reason());
          }
        }
      });
      Partner after = registry().get(p.id());
      assertEquals(threads * perThread, successes.get());
      assertEquals(1 + successes.get(), after.version());
      assertEquals(1 + successes.get(), registry().tierHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
      Client cAfter = registry().findClient(c.id()).orElseThrow();
      assertEquals(serverIncrements.get(), cAfter.serverCount());
      assertEquals(1 + serverIncrements.get(), cAfter.version());
      assertEquals(serverIncrements.get(), after.serverCount());
    }
  }

  @Nested
  @DisplayName("Atomicity")
  class Atomicity {
    @Test
    @DisplayName("a write that throws leaves nothing behind")
    void rollbackOnThrow() {
      Partner kept = addPartner("Kept", Tier.SILVER);
      IllegalStateException boom = new IllegalStateException("boom");
      IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store().write(tx -> {
        PartnerRecord rec = new PartnerRecord(new PartnerId(IdGenerator.random().next()), "Ghost", "g@x.example",
            Tier.GOLD, PartnerStatus.ACTIVE, START, START, 1);
        tx.partners().insert(rec);
        tx.partners().appendTierChange(new TierChange(rec.id(), 1, Optional.empty(), Tier.GOLD, START, "t", "t"));
        PartnerRecord changed = new PartnerRecord(kept.id(), "Kept Changed", kept.contactEmail(), Tier.PLATINUM,
            PartnerStatus.INACTIVE, kept.createdAt(), START, 2);
        assertTrue(tx.partners().update(changed, 1), "update with the stored version 1 returns true");
        throw boom;
      }));
      assertEquals(boom, thrown, "the work's own exception is rethrown unchanged");
      assertEquals(List.of(kept), registry().list(PartnerQuery.all()).items());
      assertEquals(1, registry().tierHistory(kept.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
    }

    @Test
    @DisplayName("a tier change whose history append fails leaves the partner unchanged")
    void multiRecordOperation() {
      Partner p = addPartner("Half", Tier.SILVER);
      ConflictException e = assertThrows(ConflictException.class, () -> store().write(tx -> {
        PartnerRecord next = new PartnerRecord(p.id(), p.companyName(), p.contactEmail(), Tier.GOLD,
            PartnerStatus.ACTIVE, p.createdAt(), START, 2);
        tx.partners().update(next, 1);
        // sequence 1 exists already: the store must refuse it, and the update above must roll back
        tx.partners().appendTierChange(new TierChange(p.id(), 1, Optional.empty(), Tier.GOLD, START, "t", "dup"));
        return true; // no result: a StoreWork must return non-null
      }));
      assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
      assertEquals(p, registry().get(p.id()));
      assertEquals(1, registry().tierHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
    }

    @Test
    @DisplayName("invalid input is refused with every violation listed, and nothing is stored")
    void validationStoresNothing() {
      ValidationException e = assertThrows(ValidationException.class,
          () -> registry().add(new NewPartner(" ", "not-an-email", null)));
      assertEquals(List.of("companyName", "contactEmail", "tier"), e.fields());
      assertEquals(0, registry().count(PartnerQuery.all()));
      Partner p = addPartner("Valid", Tier.SILVER);
      ValidationException e2 = assertThrows(ValidationException.class,
          () -> registry().changeTier(p.id(), 0, new TierChangeRequest(null, "", "")));
      assertEquals(List.of("changedBy", "expectedVersion", "reason", "tier"), e2.fields());
      assertEquals(p, registry().get(p.id()));
    }
  }

  @Nested
  @DisplayName("Clients")
  class Clients {
    @Test
    @DisplayName("a partner's server count is the sum over its clients, its client count their number")
    void derivedCounts() {
      Partner p = addPartner("Sum", Tier.GOLD);
      Client a = registry().addClient(p.id(), new NewClient("a", 30));
      Client b = registry().addClient(p.id(), new NewClient("b", 15));
      registry().addClient(p.id(), new NewClient("c", 5));
      assertEquals(50, registry().get(p.id()).serverCount());
      assertEquals(3, registry().get(p.id()).clientCount());
      registry().setServerCount(a.id(), 1, 0);
      registry().removeClient(b.id(), 1);
      Partner after = registry().get(p.id());
      assertEquals(5, after.serverCount());
      assertEquals(2, after.clientCount());
      assertEquals(1, after.version(), "client changes do not change the partner's own version");
      assertEquals(List.of("a", "c"), registry().clients(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(Client::name).toList());
      assertEquals(Optional.empty(), registry().findClient(b.id()), "a removed client is gone");
    }

    @Test
    @DisplayName("an inactive partner's clients cannot change until it is reactivated")
    void inactivePartner() {
      Partner p = addPartner("Sleeping", Tier.GOLD);
      Client c = registry().addClient(p.id(), new NewClient("c", 1));
      registry().deactivate(p.id(), 1);
      assertEquals(ConflictException.Reason.STATE, assertThrows(ConflictException.class,
          () -> registry().addClient(p.id(), new NewClient("d", 1))).reason());
      assertEquals(ConflictException.Reason.STATE, assertThrows(ConflictException.class,
          () -> registry().setServerCount(c.id(), 1, 9)).reason());
      assertEquals(ConflictException.Reason.STATE, assertThrows(ConflictException.class,
          () -> registry().changeTier(p.id(), 2, new TierChangeRequest(Tier.SILVER, "a", "b"))).reason());
      assertEquals(1, registry().get(p.id()).serverCount());
      registry().reactivate(p.id(), 2);
      assertEquals(9, registry().setServerCount(c.id(), 1, 9).serverCount());
    }

    @Test
    @DisplayName("an unknown client id is a NotFoundException")
    void unknownClient() {
      ClientId missing = new ClientId(IdGenerator.random().next());
      assertThrows(NotFoundException.class, () -> registry().setServerCount(missing, 1, 1));
      assertThrows(NotFoundException.class, () -> registry().removeClient(missing, 1));
      assertThrows(NotFoundException.class,
          () -> registry().addClient(new PartnerId(IdGenerator.random().next()), new NewClient("x", 1)));
    }
  }

  @Nested
  @DisplayName("Registry properties")
  class Properties {
    @Test
    @DisplayName("any script of registry operations keeps counts = client sums and history replaying to the tier")
    void scriptsMatchTheModel() {
      AtomicInteger run = new AtomicInteger();
      qt().withExamples(examples()).withShrinkCycles(50)
          .forAll(PartnerGenerators.registryScripts(25))
          .checkAssert(ops -> RegistryScript.run(registry(), "run" + run.incrementAndGet(), ops).verify());
    }
  }
}
