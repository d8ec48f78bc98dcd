package cloud.quazzar.partner.testkit.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.EligibilityReport;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Renewal;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The tracker's reads that go on past a first page of {@link PageRequest#MAX_LIMIT} (1,000)
 * records (docs/rules.md LIST-4): eligibility counts every current certification (CERT-9), and the
 * conflict of renewing a renewed record names its renewal (CERT-6, docs/certifications.md) also when
 * the renewal is not among the first 1,000 records of the history it searches.
 */
class ManyCertificationsTest {
  private static final int PAGE = PageRequest.MAX_LIMIT;

  private final TestClock clock = TestClock.at(Instant.parse("2026-01-15T09:30:00Z"));
  private final LocalDate today = LocalDate.of(2026, 1, 15);

  private NewCertification certification(String name, CertificationLevel level, long days) {
    return new NewCertification(name, SkillArea.FLEET_MANAGEMENT, level, Optional.empty(), today.minusYears(1),
        today.plusDays(days));
  }

  @Test
  @DisplayName("CERT-9: eligibility counts the current certifications beyond the first 1,000")
  void eligibilityBeyondOnePage() {
    try (PartnerProgram program = PartnerProgram.builder().clock(clock).store(MemoryStorage.create()).build()) {
      CertificationTracker t = program.certifications();
      PartnerId p = program.registry().add(new NewPartner("Many Ltd", "ops@many.example", Tier.GOLD)).id();
      for (int i = 0; i < PAGE; i++) {
        t.add(p, certification("Basic " + i, CertificationLevel.BASIC, 100 + i % 50));
      }
      // the default requirements: Gold needs 2 at Advanced or above; these two expire last, so they
      // are on the second page of the partner's current certifications
      t.add(p, certification("Advanced 1", CertificationLevel.ADVANCED, 400));
      t.add(p, certification("Advanced 2", CertificationLevel.ADVANCED, 401));

      EligibilityReport report = t.eligibility(p);

      assertEquals(PAGE + 2, report.countedCertifications());
      assertEquals(Optional.of(Tier.GOLD), report.qualifiedTier());
    }
  }

  @Test
  @DisplayName("CERT-6: renewing a renewed record names its renewal, also when 1,000 records created at the renewal's"
      + " instant sort before it")
  void renewalNamedBeyondOnePage() {
    // ids count down, so each record sorts before the ones added earlier; the clock stands still,
    // so every record is created at one instant and the history orders them by id
    AtomicLong next = new AtomicLong(1_000_000);
    try (PartnerProgram program = PartnerProgram.builder().clock(clock).store(MemoryStorage.create())
        .idGenerator(() -> new UUID(0x7E, next.decrementAndGet())).build()) {
      CertificationTracker t = program.certifications();
      PartnerId p = program.registry().add(new NewPartner("Renewals Ltd", "ops@renewals.example", Tier.GOLD)).id();
      Certification renewed = t.add(p, certification("Renewed", CertificationLevel.BASIC, 100)).certification();
      TrackedCertification renewal =
          t.renew(renewed.id(), renewed.version(), new Renewal(today, today.plusDays(500)));
      for (int i = 0; i < PAGE; i++) {
        t.add(p, certification("Later " + i, CertificationLevel.BASIC, 200));
      }
      Certification now = t.get(renewed.id());

      ConflictException e = assertThrows(ConflictException.class,
          () -> t.renew(renewed.id(), now.version(), new Renewal(today, today.plusDays(600))));

      assertEquals(ConflictException.Reason.STATE, e.reason());
      assertEquals("certification " + renewed.id() + " is RENEWED, only a CURRENT one can be renewed; its renewal is "
          + renewal.id(), e.getMessage());
    }
  }
}
