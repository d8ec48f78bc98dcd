package cloud.quazzar.partner.testkit.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationState;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Renewal;
import cloud.quazzar.partner.certification.Revocation;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.certification.UnmetRequirement;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.LostUpdateStore;
import cloud.quazzar.partner.testkit.NullRefusingStore;
import cloud.quazzar.partner.testkit.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What the tracker checks before it stores a change (docs/certifications.md, "A certification",
 * "Renewal, revocation, history"; rules CERT-1, CERT-6, CERT-9 of docs/rules.md): the dates of a
 * renewal, the version read (optimistic locking), a blank holder at the longest length, the words of
 * an unmet requirement, and a store never asked about a null id.
 */
class CertificationChecksTest {
  private static final Instant NOW = Instant.parse("2026-01-15T09:30:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
  private static final String RANGE = "must be from 1900-01-01 to 9999-12-31, got ";

  private static PartnerProgram program(Store store) {
    return PartnerProgram.builder().clock(TestClock.at(NOW)).store(store).build();
  }

  private static PartnerId platinum(PartnerProgram program) {
    return program.registry().add(new NewPartner("Platinum One", "p@x.example", Tier.PLATINUM)).id();
  }

  private static NewCertification basic(String name, Optional<String> holder, LocalDate issue, LocalDate expiry) {
    return new NewCertification(name, SkillArea.MSP_OPERATIONS, CertificationLevel.BASIC, holder, issue, expiry);
  }

  private static List<Violation> violations(Executable call) {
    return assertThrows(ValidationException.class, call).violations();
  }

  @Nested
  @DisplayName("renewal dates (CERT-1, CERT-6)")
  class RenewalDates {
    @Test
    @DisplayName("a renewal's dates obey the ranges of a new certification, even when its expiry is after the renewed one's;"
        + " nothing is stored")
    void renewalDatesInRange() {
      try (PartnerProgram program = program(MemoryStorage.create())) {
        CertificationTracker tracker = program.certifications();
        PartnerId p = platinum(program);
        TrackedCertification c = tracker.add(p, basic("renew me", Optional.empty(), TODAY.minusYears(1), TODAY.plusDays(10)));

        assertEquals(List.of(new Violation("issueDate", RANGE + "1899-12-31")),
            violations(() -> tracker.renew(c.id(), 1, new Renewal(LocalDate.of(1899, 12, 31), TODAY.plusYears(1)))));
        assertEquals(List.of(new Violation("expiryDate", RANGE + "+10000-01-01")),
            violations(() -> tracker.renew(c.id(), 1, new Renewal(TODAY, LocalDate.of(10000, 1, 1)))));
        assertEquals(List.of(new Violation("expiryDate", "must be after the date of issue (2027-03-01), got 2027-02-28")),
            violations(() -> tracker.renew(c.id(), 1, new Renewal(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 2, 28)))),
            "the expiry date is after the renewed one's (2026-01-25) but before its own date of issue");

        assertEquals(List.of(c.certification()), tracker.history(p, PageRequest.first(PageRequest.MAX_LIMIT)).items(), "the refused renewals stored nothing");
      }
    }
  }

  @Nested
  @DisplayName("optimistic locking (docs/certifications.md: a stale version is ConflictException(STALE_VERSION))")
  class Versions {
    @Test
    @DisplayName("two clerks read version 1: after the first one renews, the second one's renewal and revocation are"
        + " STALE_VERSION, not STATE: the record changed since it was read")
    void staleAfterRenewal() {
      try (PartnerProgram program = program(MemoryStorage.create())) {
        CertificationTracker tracker = program.certifications();
        TrackedCertification c = tracker.add(platinum(program),
            basic("twice", Optional.empty(), TODAY.minusYears(1), TODAY.plusDays(10)));
        tracker.renew(c.id(), 1, new Renewal(TODAY, TODAY.plusYears(2)));

        ConflictException renew = assertThrows(ConflictException.class,
            () -> tracker.renew(c.id(), 1, new Renewal(TODAY, TODAY.plusYears(3))));
        assertEquals(ConflictException.Reason.STALE_VERSION, renew.reason(), renew.getMessage());
        assertEquals("certification " + c.id() + " was changed by someone else: expected version 1 but the stored"
            + " version is 2; read it again and retry", renew.getMessage());
        ConflictException revoke = assertThrows(ConflictException.class,
            () -> tracker.revoke(c.id(), 1, new Revocation("auditor", "voided")));
        assertEquals(ConflictException.Reason.STALE_VERSION, revoke.reason(), revoke.getMessage());
        assertEquals(CertificationState.RENEWED, tracker.get(c.id()).state());
        assertEquals(2, tracker.get(c.id()).version());
      }
    }

    @Test
    @DisplayName("two clerks read version 1: after the first one revokes, the second one's revocation and renewal are"
        + " STALE_VERSION")
    void staleAfterRevocation() {
      try (PartnerProgram program = program(MemoryStorage.create())) {
        CertificationTracker tracker = program.certifications();
        TrackedCertification c = tracker.add(platinum(program),
            basic("voided", Optional.empty(), TODAY.minusYears(1), TODAY.plusDays(10)));
        Certification revoked = tracker.revoke(c.id(), 1, new Revocation("auditor", "exam voided"));

        ConflictException revoke = assertThrows(ConflictException.class,
            () -> tracker.revoke(c.id(), 1, new Revocation("another auditor", "also voided")));
        assertEquals(ConflictException.Reason.STALE_VERSION, revoke.reason(), revoke.getMessage());
        ConflictException renew = assertThrows(ConflictException.class,
            () -> tracker.renew(c.id(), 1, new Renewal(TODAY, TODAY.plusYears(2))));
        assertEquals(ConflictException.Reason.STALE_VERSION, renew.reason(), renew.getMessage());
        assertEquals(revoked, tracker.get(c.id()), "the first revocation stands");
      }
    }

    @Test
    @DisplayName("a renewal whose write loses to a concurrent renewal committed after its read is STALE_VERSION and"
        + " stores nothing: the winner's renewal is the only one")
    void renewalLosesTheCompareAndSet() {
      Store shared = MemoryStorage.create();
      LostUpdateStore losing = new LostUpdateStore(shared);
      try (PartnerProgram loser = program(losing); PartnerProgram winner = program(shared)) {
        PartnerId p = platinum(winner);
        TrackedCertification c = winner.certifications().add(p,
            basic("raced", Optional.empty(), TODAY.minusYears(1), TODAY.plusDays(10)));
        losing.lose("update", () -> winner.certifications().renew(c.id(), 1, new Renewal(TODAY, TODAY.plusYears(2))));

        ConflictException e = assertThrows(ConflictException.class,
            () -> loser.certifications().renew(c.id(), 1, new Renewal(TODAY, TODAY.plusYears(3))));
        assertEquals(ConflictException.Reason.STALE_VERSION, e.reason(), e.getMessage());
        assertEquals(0, losing.lossesLeft());
        List<TrackedCertification> current = winner.certifications().certifications(p, PageRequest.first(PageRequest.MAX_LIMIT)).items();
        assertEquals(1, current.size(), current.toString());
        assertEquals(TODAY.plusYears(2), current.get(0).certification().expiryDate(), "the winner's renewal");
        assertEquals(2, winner.certifications().history(p, PageRequest.first(PageRequest.MAX_LIMIT)).items().size(), "the renewed record and the winner's renewal");
      }
    }

    @Test
    @DisplayName("a revocation whose write loses to a concurrent revocation committed after its read is STALE_VERSION:"
        + " the winner's reason stands")
    void revocationLosesTheCompareAndSet() {
      Store shared = MemoryStorage.create();
      LostUpdateStore losing = new LostUpdateStore(shared);
      try (PartnerProgram loser = program(losing); PartnerProgram winner = program(shared)) {
        PartnerId p = platinum(winner);
        TrackedCertification c = winner.certifications().add(p,
            basic("raced", Optional.empty(), TODAY.minusYears(1), TODAY.plusDays(10)));
        losing.lose("update", () -> winner.certifications().revoke(c.id(), 1, new Revocation("winner", "first")));

        ConflictException e = assertThrows(ConflictException.class,
            () -> loser.certifications().revoke(c.id(), 1, new Revocation("loser", "second")));
        assertEquals(ConflictException.Reason.STALE_VERSION, e.reason(), e.getMessage());
        assertEquals(0, losing.lossesLeft());
        Certification stored = winner.certifications().get(c.id());
        assertEquals(CertificationState.REVOKED, stored.state());
        assertEquals(Optional.of("winner"), stored.revokedBy());
        assertEquals(Optional.of("first"), stored.revocationReason());
      }
    }
  }

  @Test
  @DisplayName("a holder of exactly 200 blank characters is told to be empty instead; 201 are refused for their length"
      + " (docs/certifications.md: a holder is 1 to 200 characters once cleaned, so not blank)")
  void blankHolderAtTheLimit() {
    try (PartnerProgram program = program(MemoryStorage.create())) {
      PartnerId p = platinum(program);
      Function<String, NewCertification> withHolder =
          h -> basic("x", Optional.of(h), TODAY, TODAY.plusYears(1));
      assertEquals(List.of(new Violation("holder", "must not be blank; leave it empty (Optional.empty()) if there is no holder")),
          violations(() -> program.certifications().add(p, withHolder.apply(" ".repeat(200)))));
      assertEquals(List.of("holder"), assertThrows(ValidationException.class,
          () -> program.certifications().add(p, withHolder.apply(" ".repeat(201)))).fields());
      assertEquals(List.of(), program.certifications().history(p, PageRequest.first(PageRequest.MAX_LIMIT)).items());
    }
  }

  @Test
  @DisplayName("CERT-9: an unmet skill-area requirement counts its areas in words, '1 area' and '2 areas'")
  void areasInWords() {
    try (PartnerProgram program = PartnerProgram.builder().clock(TestClock.at(NOW))
        .eligibilityRequirements(EligibilityRequirements.DEFAULT).store(MemoryStorage.create()).build()) {
      PartnerId p = platinum(program);
      program.certifications().add(p, new NewCertification("fleet", SkillArea.FLEET_MANAGEMENT, CertificationLevel.ADVANCED,
          Optional.empty(), TODAY, TODAY.plusYears(2)));
      assertEquals("certifications at ADVANCED or above in at least 3 skill areas: 1 area on 2026-01-15",
          skillAreas(program, p));
      program.certifications().add(p, new NewCertification("k8s", SkillArea.KUBERNETES_OPERATIONS, CertificationLevel.EXPERT,
          Optional.empty(), TODAY, TODAY.plusYears(2)));
      assertEquals("certifications at ADVANCED or above in at least 3 skill areas: 2 areas on 2026-01-15",
          skillAreas(program, p));
    }
  }

  private static String skillAreas(PartnerProgram program, PartnerId p) {
    List<String> words = program.certifications().eligibility(p).assessment(Tier.PLATINUM).unmet().stream()
        .map(UnmetRequirement::explanation).filter(s -> s.contains("skill area")).toList();
    assertEquals(1, words.size(), words.toString());
    return words.get(0);
  }

  @Test
  @DisplayName("a null id is refused with ValidationException before the store is asked: the SPI is null-marked")
  void nullIdsNeverReachTheStore() {
    try (PartnerProgram program = program(new NullRefusingStore(MemoryStorage.create()))) {
      CertificationTracker tracker = program.certifications();
      PartnerId p = platinum(program);
      TrackedCertification c = tracker.add(p, basic("held", Optional.empty(), TODAY, TODAY.plusYears(1)));
      assertEquals(List.of(new Violation("partnerId", "must not be null")),
          violations(() -> tracker.add(null, basic("x", Optional.empty(), TODAY, TODAY.plusYears(1)))));
      assertEquals(List.of(new Violation("id", "must not be null")),
          violations(() -> tracker.renew(null, 1, new Renewal(TODAY, TODAY.plusYears(2)))));
      assertEquals(List.of("id"), assertThrows(ValidationException.class,
          () -> tracker.revoke(null, 1, new Revocation("who", "why"))).fields());
      assertEquals(List.of(c.certification()), tracker.history(p, PageRequest.first(PageRequest.MAX_LIMIT)).items());
    }
  }
}
