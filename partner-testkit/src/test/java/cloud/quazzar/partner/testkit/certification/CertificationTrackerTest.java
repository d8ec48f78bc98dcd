package cloud.quazzar.partner.testkit.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationListener;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.EligibilityReport;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.ExpiryThresholds;
import cloud.quazzar.partner.certification.MinimumCertifications;
import cloud.quazzar.partner.certification.MinimumClients;
import cloud.quazzar.partner.certification.MinimumServers;
import cloud.quazzar.partner.certification.MinimumSkillAreas;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Renewal;
import cloud.quazzar.partner.certification.Revocation;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.StatusChange;
import cloud.quazzar.partner.certification.UnmetRequirement;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.privacy.ErasureRequest;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.certification.CertificationState;
import cloud.quazzar.partner.spi.CertificationRecord;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Tracker behaviour that does not depend on the store (the TCK covers the rest on every store). */
class CertificationTrackerTest {
  private static final Instant START = Instant.parse("2026-01-15T09:30:00Z");
  private final TestClock clock = TestClock.at(START);
  private final LocalDate today = LocalDate.of(2026, 1, 15);

  private PartnerProgram program(PartnerProgram.Builder b) {
    return b.clock(clock).store(MemoryStorage.create()).build();
  }

  private static PartnerId partner(PartnerProgram program, Tier tier) {
    return program.registry().add(new NewPartner("P " + tier, tier.name().toLowerCase() + "@x.example", tier)).id();
  }

  private void add(CertificationTracker t, PartnerId p, long days, CertificationLevel level, SkillArea area) {
    t.add(p, new NewCertification(area + " " + level + " " + days, area, level, Optional.empty(),
        today.plusDays(days).minusYears(2), today.plusDays(days)));
  }

  /** Records what it was offered; throws on the first {@code failures} calls. */
  private static final class Recorder implements CertificationListener {
    final List<StatusChange> got = new ArrayList<>();
    final AtomicInteger failuresLeft;

    Recorder(int failures) {
      failuresLeft = new AtomicInteger(failures);
    }

    @Override
    public void statusChanged(StatusChange change) {
      got.add(change);
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("listener down");
      }
    }
  }

  /** Delivers events on the committing thread, so listeners have run when a sweep returns. */
  private PartnerProgram synchronous() {
    return program(PartnerProgram.builder().eventExecutor(Runnable::run).eventRetryDelay(Duration.ofDays(1)));
  }

  @Test
  @DisplayName("a throwing listener holds up neither the others nor the sweep, and gets the change again, in order, at the next delivery")
  void throwingListener() {
    try (PartnerProgram program = synchronous()) {
      CertificationTracker t = program.certifications();
      PartnerId p = partner(program, Tier.SILVER);
      add(t, p, 91, CertificationLevel.BASIC, SkillArea.FLEET_MANAGEMENT);
      add(t, p, 30, CertificationLevel.BASIC, SkillArea.MSP_OPERATIONS);
      Recorder before = new Recorder(0);
      Recorder failing = new Recorder(1);
      Recorder after = new Recorder(0);
      t.subscribe("before", before);
      t.subscribe("failing", failing);
      t.subscribe("after", after);
      ConflictException twice = assertThrows(ConflictException.class, () -> t.subscribe("after", after));
      assertEquals(ConflictException.Reason.DUPLICATE, twice.reason());
      clock.advanceDays(1);
      List<StatusChange> changes = t.reportStatusChanges();
      assertEquals(2, changes.size(), "91 -> 90 days: EXPIRING_SOON; 30 -> 29 days: CRITICAL");
      assertEquals(changes, before.got);
      assertEquals(changes, after.got, "the listener after the failing one got both changes");
      assertEquals(List.of(changes.get(0)), failing.got, "the failing listener stops at the change it threw on");
      assertTrue(t.reportStatusChanges().isEmpty(), "the sweep itself reported both changes, once");
      assertEquals(2, program.events().deliverPending(), "the failing listener accepts both now");
      assertEquals(changes, before.got, "the others are not offered anything again");
      assertEquals(List.of(changes.get(0), changes.get(0), changes.get(1)), failing.got,
          "the change the listener threw on is offered to it again, before the next one");
      assertEquals(0, program.events().deliverPending());
      assertEquals(3, failing.got.size(), "once accepted, it is not offered again");
      assertTrue(t.unsubscribe("failing"));
      assertFalse(t.unsubscribe("failing"));
    }
  }

  @Test
  @DisplayName("a listener that threw gets its change again after the retry delay, with no further call")
  void retriedAfterDelay() throws InterruptedException {
    try (PartnerProgram program = program(PartnerProgram.builder().eventRetryDelay(Duration.ofMillis(50)))) {
      CertificationTracker t = program.certifications();
      PartnerId p = partner(program, Tier.SILVER);
      add(t, p, 91, CertificationLevel.BASIC, SkillArea.FLEET_MANAGEMENT);
      List<StatusChange> got = new java.util.concurrent.CopyOnWriteArrayList<>();
      AtomicInteger failures = new AtomicInteger(2);
      t.subscribe("flaky", change -> {
        got.add(change);
        if (failures.getAndDecrement() > 0) {
          throw new IllegalStateException("listener down");
        }
      });
      clock.advanceDays(1);
      List<StatusChange> changes = t.reportStatusChanges();
      assertEquals(1, changes.size());
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
      while (program.events().cursor("flaky") < program.events().lastSequence() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(List.of(changes.get(0), changes.get(0), changes.get(0)), got,
          "offered three times: two failures, then accepted");
      assertEquals(program.events().lastSequence(), program.events().cursor("flaky"));
    }
  }

  @Test
  @DisplayName("a removed listener is not called, and a listener added later only hears later changes")
  void removedListener() {
    try (PartnerProgram program = synchronous()) {
      CertificationTracker t = program.certifications();
      PartnerId p = partner(program, Tier.SILVER);
      add(t, p, 91, CertificationLevel.BASIC, SkillArea.FLEET_MANAGEMENT);
      Recorder removed = new Recorder(0);
      t.subscribe("removed", removed);
      assertTrue(t.unsubscribe("removed"));
      clock.advanceDays(1);
      Recorder late = new Recorder(0);
      t.reportStatusChanges();
      t.subscribe("late", late);
      clock.advanceDays(61);
      List<StatusChange> critical = t.reportStatusChanges();
      assertTrue(removed.got.isEmpty());
      assertEquals(critical, late.got);
      assertEquals(CertificationStatus.CRITICAL, late.got.get(0).to());
    }
  }

  @Test
  @DisplayName("thresholds configured on the builder move the statuses, the board's counts and the sweep; each builder option is set once")
  void configuredThresholds() {
    PartnerProgram.Builder b = PartnerProgram.builder().expiryThresholds(new ExpiryThresholds(7, 14));
    assertThrows(ConfigurationException.class, () -> b.expiryThresholds(ExpiryThresholds.DEFAULT));
    b.eligibilityRequirements(EligibilityRequirements.NONE);
    assertThrows(ConfigurationException.class, () -> b.eligibilityRequirements(EligibilityRequirements.DEFAULT));
    try (PartnerProgram program = program(b)) {
      CertificationTracker t = program.certifications();
      assertEquals(new ExpiryThresholds(7, 14), t.thresholds());
      assertEquals(EligibilityRequirements.NONE, t.requirements());
      assertEquals(CertificationStatus.ACTIVE, t.statusOf(today.plusDays(15)));
      assertEquals(CertificationStatus.EXPIRING_SOON, t.statusOf(today.plusDays(14)));
      assertEquals(CertificationStatus.CRITICAL, t.statusOf(today.plusDays(6)));
      PartnerId p = partner(program, Tier.GOLD);
      add(t, p, 15, CertificationLevel.BASIC, SkillArea.FLEET_MANAGEMENT);
      add(t, p, 7, CertificationLevel.BASIC, SkillArea.FLEET_MANAGEMENT);
      assertEquals(1, t.counts(p).active());
      assertEquals(1, t.counts().expiringSoon());
      clock.advanceDays(1);
      assertEquals(List.of(CertificationStatus.CRITICAL, CertificationStatus.EXPIRING_SOON),
          t.reportStatusChanges().stream().map(StatusChange::to).toList());
      assertEquals(Tier.PLATINUM, t.eligibility(p).qualifiedTier().orElseThrow(), "no requirements: every tier open");
    }
  }

  @Test
  @DisplayName("CERT-8: the sweep reports its changes soonest expiry first, and the changes of one expiry day by id"
      + " (in the ids' text order), whatever order the store finds them in")
  void sweepOrder() {
    // ids drawn in this order: the partner's, then the certifications' as they are added; the memory
    // store finds one day's certifications in the order they were added
    List<UUID> ids = List.of(new UUID(0x5E, 1), new UUID(0xC0, 3), new UUID(0xC0, 1), new UUID(0x0B, 9),
        new UUID(0xC0, 2));
    Iterator<UUID> next = ids.iterator();
    try (PartnerProgram program = program(PartnerProgram.builder().idGenerator(next::next))) {
      CertificationTracker t = program.certifications();
      PartnerId p = partner(program, Tier.GOLD);
      List<UUID> added = new ArrayList<>();
      for (long days : List.of(100L, 100L, 100L, 95L)) {
        added.add(t.add(p, new NewCertification("Cert " + added.size(), SkillArea.FLEET_MANAGEMENT,
            CertificationLevel.BASIC, Optional.empty(), today.minusYears(1), today.plusDays(days))).id().value());
      }
      assertEquals(ids.subList(1, 5), added);
      clock.advanceDays(20); // 80 and 75 days left: all four turn EXPIRING_SOON
      assertEquals(List.of(new UUID(0xC0, 2), new UUID(0x0B, 9), new UUID(0xC0, 1), new UUID(0xC0, 3)),
          t.reportStatusChanges().stream().map(c -> c.certification().id().value()).toList(),
          "the one expiring first, then the three of one day by id");
    }
  }

  @Test
  @DisplayName("CERT-6: a renewed record is still refused with STATE, for renewal and revocation, after its partner's"
      + " personal data was erased (an erasure updates the renewed record too)")
  void renewedRecordAfterErasure() {
    try (PartnerProgram program = program(PartnerProgram.builder())) {
      CertificationTracker t = program.certifications();
      PartnerId p = partner(program, Tier.GOLD);
      Certification old = t.add(p, new NewCertification("Held", SkillArea.FLEET_MANAGEMENT, CertificationLevel.BASIC,
          Optional.of("Ada Holder"), today.minusYears(1), today.plusDays(100))).certification();
      t.renew(old.id(), old.version(), new Renewal(today, today.plusDays(400)));
      clock.advanceDays(1);
      program.personalData().erase(p, new ErasureRequest("dpo", "R-1"));
      Certification erased = t.get(old.id());
      assertEquals(Optional.empty(), erased.holder());

      ConflictException renew = assertThrows(ConflictException.class,
          () -> t.renew(old.id(), erased.version(), new Renewal(today, today.plusDays(500))));
      assertEquals(ConflictException.Reason.STATE, renew.reason());
      assertTrue(renew.getMessage().startsWith("certification " + old.id() + " is RENEWED, only a CURRENT one can be renewed"),
          renew.getMessage());
      ConflictException revoke = assertThrows(ConflictException.class,
          () -> t.revoke(old.id(), erased.version(), new Revocation("ops", "left")));
      assertEquals(ConflictException.Reason.STATE, revoke.reason());
      assertTrue(revoke.getMessage().startsWith("certification " + old.id() + " is RENEWED, only a CURRENT one can be revoked"),
          revoke.getMessage());
    }
  }

  @Test
  @DisplayName("CERT-6: a record marked RENEWED whose renewal the store does not hold (written around core) is still a STATE conflict, naming no renewal")
  void renewedWithoutItsRenewal() {
    Store store = MemoryStorage.create();
    try (PartnerProgram program = PartnerProgram.builder().clock(clock).store(store).build()) {
      CertificationTracker t = program.certifications();
      PartnerId p = partner(program, Tier.GOLD);
      Certification held = t.add(p, new NewCertification("Held", SkillArea.FLEET_MANAGEMENT, CertificationLevel.BASIC,
          Optional.empty(), today.minusYears(1), today.plusDays(100))).certification();
      Certification renewed = held.with(CertificationState.RENEWED, Optional.empty(), Optional.empty(),
          held.updatedAt().plusSeconds(1), held.version() + 1);
      boolean marked = store.write(tx -> tx.certifications().update(new CertificationRecord(renewed, Optional.empty()),
          held.version()));
      assertTrue(marked, "marked renewed through the SPI, without a renewal record");

      ConflictException renew = assertThrows(ConflictException.class,
          () -> t.renew(held.id(), renewed.version(), new Renewal(today, today.plusDays(400))));
      assertEquals(ConflictException.Reason.STATE, renew.reason());
      assertEquals("certification " + held.id() + " is RENEWED, only a CURRENT one can be renewed", renew.getMessage());
    }
  }

  @Test
  @DisplayName("an eligibility report lists, per tier, every unmet requirement with what the partner has and needs")
  void eligibilityReport() {
    EligibilityRequirements req = EligibilityRequirements.NONE
        .with(Tier.SILVER, new MinimumClients(1))
        .with(Tier.GOLD, MinimumCertifications.atLevel(2, CertificationLevel.ADVANCED))
        .with(Tier.PLATINUM, new MinimumCertifications(1, CertificationLevel.EXPERT, Set.of(SkillArea.KUBERNETES_OPERATIONS)),
            new MinimumSkillAreas(3, CertificationLevel.BASIC), new MinimumServers(100));
    try (PartnerProgram program = program(PartnerProgram.builder().eligibilityRequirements(req))) {
      CertificationTracker t = program.certifications();
      PartnerId p = partner(program, Tier.PLATINUM);
      assertTrue(t.eligibility(p).qualifiedTier().isEmpty(), "without a client not even Silver");
      assertEquals(List.of(0L, 1L), List.of(t.eligibility(p).assessment(Tier.SILVER).unmet().get(0).have(),
          t.eligibility(p).assessment(Tier.SILVER).unmet().get(0).need()));
      program.registry().addClient(p, new NewClient("c", 40));
      add(t, p, 200, CertificationLevel.ADVANCED, SkillArea.FLEET_MANAGEMENT);
      add(t, p, -1, CertificationLevel.EXPERT, SkillArea.KUBERNETES_OPERATIONS);
      add(t, p, 10, CertificationLevel.EXPERT, SkillArea.MSP_OPERATIONS);
      EligibilityReport r = t.eligibility(p);
      assertEquals(Tier.GOLD, r.qualifiedTier().orElseThrow());
      assertEquals(2, r.countedCertifications(), "the expired one does not count; the critical one does");
      assertTrue(r.assessment(Tier.GOLD).unmet().isEmpty());
      List<UnmetRequirement> platinum = r.assessment(Tier.PLATINUM).unmet();
      assertEquals(3, platinum.size(), platinum.toString());
      assertEquals(List.of(0L, 2L, 40L), platinum.stream().map(UnmetRequirement::have).toList());
      assertEquals(List.of(1L, 3L, 100L), platinum.stream().map(UnmetRequirement::need).toList());
      assertEquals("at least 100 managed servers: the partner manages 40", platinum.get(2).explanation());
      assertEquals(today.plusDays(11), r.losesQualifiedTierOn().orElseThrow(), "Gold needs the critical one");
      assertTrue(r.qualifiesForCurrentTier() == false);
      assertThrows(ValidationException.class, () -> t.eligibility(p, null));
    }
  }
}
