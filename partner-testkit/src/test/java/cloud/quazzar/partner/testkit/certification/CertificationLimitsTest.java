package cloud.quazzar.partner.testkit.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.ExpiryThresholds;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Renewal;
import cloud.quazzar.partner.certification.Revocation;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The tracker's limits on both sides of each boundary (docs/certifications.md, "A certification",
 * "Renewal, revocation, history", "Queries"; docs/rules.md, "Certifications" and "Bad input"):
 * every refusal a {@link ValidationException} naming the field (and, where the library words it,
 * the allowed range), nothing stored.
 */
class CertificationLimitsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
  private static final LocalDate EARLIEST = NewCertification.EARLIEST_DATE;
  private static final LocalDate LATEST = NewCertification.LATEST_DATE;

  private static void withTracker(Consumer<Fixture> test) {
    try (PartnerProgram program = PartnerProgram.builder().clock(TestClock.at(Instant.parse("2026-01-15T09:30:00Z")))
        .store(MemoryStorage.create()).build()) {
      PartnerId silver = program.registry().add(new NewPartner("Silver One", "s@x.example", Tier.SILVER)).id();
      PartnerId platinum = program.registry().add(new NewPartner("Platinum One", "p@x.example", Tier.PLATINUM)).id();
      test.accept(new Fixture(program.certifications(), silver, platinum));
    }
  }

  private record Fixture(CertificationTracker tracker, PartnerId silver, PartnerId platinum) {
    TrackedCertification add(String name, Optional<String> holder, LocalDate issue, LocalDate expiry) {
      return tracker.add(platinum, new NewCertification(name, SkillArea.MSP_OPERATIONS, CertificationLevel.BASIC, holder,
          issue, expiry));
    }
  }

  private static List<Violation> violations(Executable call) {
    return assertThrows(ValidationException.class, call).violations();
  }

  private static List<String> fields(Executable call) {
    return assertThrows(ValidationException.class, call).fields();
  }

  @Test
  @DisplayName("names and holders of 1 to 200 characters once cleaned; longer or blank refused; a blank holder is told to be empty instead")
  void names() {
    withTracker(f -> {
      String longest = "n".repeat(200);
      assertEquals(longest, f.add(longest, Optional.of(longest), TODAY, TODAY.plusYears(1)).certification().name());
      assertEquals("n", f.add("  n  ", Optional.empty(), TODAY, TODAY.plusYears(1)).certification().name());
      assertEquals(List.of("name"), fields(() -> f.add(longest + "n", Optional.empty(), TODAY, TODAY.plusYears(1))));
      assertEquals(List.of("holder"), fields(() -> f.add("x", Optional.of(longest + "h"), TODAY, TODAY.plusYears(1))));
      assertEquals(List.of(new Violation("name", "must not be blank")),
          violations(() -> f.add("\u200b \u00a0", Optional.empty(), TODAY, TODAY.plusYears(1))).stream()
              .filter(v -> v.message().equals("must not be blank")).toList());
      assertEquals(List.of(new Violation("holder",
          "must not be blank; leave it empty (Optional.empty()) if there is no holder")),
          violations(() -> f.add("x", Optional.of(" \u200b "), TODAY, TODAY.plusYears(1))));
      assertEquals(List.of("holder"), fields(() -> f.add("x", null, TODAY, TODAY.plusYears(1))));
      assertEquals(2, f.tracker().history(f.platinum(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size(), "only the two valid ones stored");
    });
  }

  @Test
  @DisplayName("dates from 1900-01-01 to 9999-12-31, the expiry date after the date of issue; each bound refused just outside it")
  void dates() {
    withTracker(f -> {
      String range = "must be from 1900-01-01 to 9999-12-31, got ";
      assertEquals(LATEST, f.add("widest", Optional.empty(), EARLIEST, LATEST).certification().expiryDate());
      assertEquals(TODAY.plusDays(1), f.add("one day", Optional.empty(), TODAY, TODAY.plusDays(1)).certification().expiryDate());
      assertEquals(List.of(new Violation("issueDate", range + "1899-12-31")),
          violations(() -> f.add("x", Optional.empty(), EARLIEST.minusDays(1), TODAY)));
      assertEquals(List.of(new Violation("expiryDate", range + "+10000-01-01")),
          violations(() -> f.add("x", Optional.empty(), TODAY, LATEST.plusDays(1))));
      assertEquals(List.of(new Violation("expiryDate", "must be after the date of issue (2026-01-15), got 2026-01-15")),
          violations(() -> f.add("x", Optional.empty(), TODAY, TODAY)));
      assertEquals(List.of(new Violation("expiryDate", "must be after the date of issue (2026-01-15), got 2026-01-14")),
          violations(() -> f.add("x", Optional.empty(), TODAY, TODAY.minusDays(1))));
      assertEquals(List.of(new Violation("issueDate", range + "+10000-01-01")),
          violations(() -> f.add("x", Optional.empty(), LATEST.plusDays(1), LATEST)).stream()
              .filter(v -> v.field().equals("issueDate")).toList());
      assertEquals(2, f.tracker().history(f.platinum(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
    });
  }

  @Test
  @DisplayName("a level above the tier is refused on level, naming the highest level allowed and the tier the level needs")
  void levelAboveTier() {
    withTracker(f -> {
      NewCertification expert = new NewCertification("x", SkillArea.FLEET_MANAGEMENT, CertificationLevel.EXPERT, Optional.empty(),
          TODAY, TODAY.plusYears(1));
      assertEquals(List.of(new Violation("level", "a SILVER partner may add or renew certifications up to BASIC "
          + "(certification access BASIC); EXPERT needs PLATINUM or above")), violations(() -> f.tracker().add(f.silver(), expert)));
      assertEquals(CertificationLevel.EXPERT, f.tracker().add(f.platinum(), expert).certification().level());
    });
  }

  @Test
  @DisplayName("a renewal must end after the renewed record, have valid dates and a read version; unknown, stale and not current are told apart")
  void renewals() {
    withTracker(f -> {
      TrackedCertification c = f.add("renew me", Optional.empty(), TODAY.minusYears(1), TODAY.plusDays(10));
      LocalDate old = c.certification().expiryDate();
      assertEquals(List.of(new Violation("expiryDate",
          "must be after the renewed certification's expiry date (2026-01-25), got 2026-01-25")),
          violations(() -> f.tracker().renew(c.id(), 1, new Renewal(TODAY, old))));
      assertEquals(List.of(new Violation("expectedVersion", "must be a version read from the store (1 or more), got 0")),
          violations(() -> f.tracker().renew(c.id(), 0, new Renewal(TODAY, old.plusDays(1)))));
      assertEquals(List.of("expiryDate", "issueDate"), fields(() -> f.tracker().renew(c.id(), 1, new Renewal(null, null))));
      assertEquals(List.of("renewal"), fields(() -> f.tracker().renew(c.id(), 1, null)));
      assertEquals(List.of("id"), fields(() -> f.tracker().renew(null, 1, new Renewal(TODAY, old.plusDays(1)))));
      CertificationId ghost = new CertificationId(IdGenerator.random().next());
      assertThrows(NotFoundException.class, () -> f.tracker().renew(ghost, 1, new Renewal(TODAY, old.plusDays(1))));
      ConflictException stale = assertThrows(ConflictException.class,
          () -> f.tracker().renew(c.id(), 2, new Renewal(TODAY, old.plusDays(1))));
      assertEquals(ConflictException.Reason.STALE_VERSION, stale.reason());
      assertEquals(old.plusDays(1), f.tracker().renew(c.id(), 1, new Renewal(TODAY, old.plusDays(1))).certification().expiryDate(),
          "one day longer is a renewal");
      TrackedCertification r = f.add("revoke me", Optional.empty(), TODAY, TODAY.plusYears(1));
      f.tracker().revoke(r.id(), 1, new Revocation("auditor", "voided"));
      ConflictException notCurrent = assertThrows(ConflictException.class,
          () -> f.tracker().renew(r.id(), 2, new Renewal(TODAY, TODAY.plusYears(2))));
      assertEquals(ConflictException.Reason.STATE, notCurrent.reason());
      assertEquals("certification " + r.id() + " is REVOKED, only a CURRENT one can be renewed", notCurrent.getMessage());
    });
  }

  @Test
  @DisplayName("a revocation names who (1 to 100 characters) and why (1 to 500); unknown and stale are told apart")
  void revocations() {
    withTracker(f -> {
      TrackedCertification c = f.add("revoke me", Optional.empty(), TODAY, TODAY.plusYears(1));
      assertEquals(List.of("revokedBy"), fields(() -> f.tracker().revoke(c.id(), 1, new Revocation("a".repeat(101), "why"))));
      assertEquals(List.of("reason"), fields(() -> f.tracker().revoke(c.id(), 1, new Revocation("who", "r".repeat(501)))));
      assertEquals(List.of("reason", "revokedBy"), fields(() -> f.tracker().revoke(c.id(), 1, new Revocation(" ", "\u200b"))));
      assertEquals(List.of("revocation"), fields(() -> f.tracker().revoke(c.id(), 1, null)));
      assertEquals(List.of("expectedVersion", "id"), fields(() -> f.tracker().revoke(null, 0, new Revocation("who", "why"))));
      assertThrows(NotFoundException.class,
          () -> f.tracker().revoke(new CertificationId(IdGenerator.random().next()), 1, new Revocation("who", "why")));
      assertEquals(ConflictException.Reason.STALE_VERSION, assertThrows(ConflictException.class,
          () -> f.tracker().revoke(c.id(), 2, new Revocation("who", "why"))).reason());
      assertEquals(Optional.of("r".repeat(500)),
          f.tracker().revoke(c.id(), 1, new Revocation("a".repeat(100), "r".repeat(500))).revocationReason());
    });
  }

  @Test
  @DisplayName("the warning board takes 0 to 36,500 days; -1 and 36,501 are refused on days with the range")
  void boardDays() {
    withTracker(f -> {
      f.add("today", Optional.empty(), TODAY.minusYears(1), TODAY);
      f.add("far", Optional.empty(), TODAY, TODAY.plusDays(ExpiryThresholds.MAX_DAYS));
      assertEquals(1, f.tracker().expiringWithin(0, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
      assertEquals(2, f.tracker().expiringWithin(ExpiryThresholds.MAX_DAYS, PageRequest.first(PageRequest.MAX_LIMIT)).items().size(), "both ends included");
      assertEquals(1, f.tracker().expiringWithin(ExpiryThresholds.MAX_DAYS - 1, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
      assertEquals(List.of(new Violation("days", "must be from 0 to 36500, got -1")), violations(() -> f.tracker().expiringWithin(-1, PageRequest.first(PageRequest.MAX_LIMIT)).items()));
      assertEquals(List.of(new Violation("days", "must be from 0 to 36500, got 36501")),
          violations(() -> f.tracker().expiringWithin(ExpiryThresholds.MAX_DAYS + 1, PageRequest.first(PageRequest.MAX_LIMIT)).items()));
    });
  }

  @Test
  @DisplayName("null arguments of the queries are validation errors naming them; an unknown partner is not found")
  void queries() {
    withTracker(f -> {
      assertEquals(List.of(new Violation("expiryDate", "must not be null")), violations(() -> f.tracker().statusOf(null)));
      assertEquals(CertificationStatus.CRITICAL, f.tracker().statusOf(TODAY));
      assertEquals(List.of("partnerId"), fields(() -> f.tracker().certifications(null, PageRequest.first(PageRequest.MAX_LIMIT)).items()));
      assertEquals(List.of("partnerId"), fields(() -> f.tracker().history(null, PageRequest.first(PageRequest.MAX_LIMIT)).items()));
      assertEquals(List.of("partnerId"), fields(() -> f.tracker().counts(null)));
      assertEquals(List.of("date", "partnerId"), fields(() -> f.tracker().eligibility(null, null)));
      assertEquals(List.of("id"), fields(() -> f.tracker().find(null)));
      PartnerId ghost = new PartnerId(IdGenerator.random().next());
      assertThrows(NotFoundException.class, () -> f.tracker().history(ghost, PageRequest.first(PageRequest.MAX_LIMIT)).items());
      assertThrows(NotFoundException.class, () -> f.tracker().eligibility(ghost, TODAY));
      assertTrue(f.tracker().find(new CertificationId(IdGenerator.random().next())).isEmpty());
    });
  }

  @Test
  @DisplayName("thresholds up to 36,500 days are accepted, one more refused on warningDays")
  void thresholds() {
    assertEquals(ExpiryThresholds.MAX_DAYS, new ExpiryThresholds(ExpiryThresholds.MAX_DAYS - 1, ExpiryThresholds.MAX_DAYS).warningDays());
    assertEquals(List.of(new Violation("warningDays", "must be at most 36500, got 36501")),
        violations(() -> new ExpiryThresholds(30, ExpiryThresholds.MAX_DAYS + 1)));
    assertEquals(List.of(new Violation("criticalDays", "must be greater than 0, got 0"),
        new Violation("warningDays", "must be greater than criticalDays (0), got 0")), violations(() -> new ExpiryThresholds(0, 0)));
    ExpiryThresholds t = new ExpiryThresholds(1, 2);
    assertEquals(CertificationStatus.CRITICAL, t.statusOn(TODAY, TODAY));
    assertEquals(CertificationStatus.EXPIRING_SOON, t.statusOn(TODAY.plusDays(1), TODAY));
    assertEquals(CertificationStatus.EXPIRING_SOON, t.statusOn(TODAY.plusDays(2), TODAY));
    assertEquals(CertificationStatus.ACTIVE, t.statusOn(TODAY.plusDays(3), TODAY));
    assertEquals(CertificationStatus.EXPIRED, t.statusOn(TODAY.minusDays(1), TODAY));
  }
}
