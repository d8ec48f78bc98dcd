package cloud.quazzar.partner.testkit.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Renewal;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.privacy.ErasureRequest;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A renewed certification names its renewal in the conflict of a second renewal (CERT-6), also after
 * its partner's personal data was erased (PRIV-1), which changes the renewed record again.
 */
@org.junit.jupiter.api.DisplayName("The renewal is named after an erasure")
class RenewalAfterErasureTest {
  @Test
  @org.junit.jupiter.api.DisplayName("renewing a RENEWED record whose partner was erased names its renewal (CERT-6)")
  void renewalNamedAfterErasure() {
    TestClock clock = TestClock.at(Instant.parse("2026-01-15T09:30:00Z"));
    LocalDate today = LocalDate.of(2026, 1, 15);
    try (PartnerProgram program = PartnerProgram.builder().clock(clock).store(MemoryStorage.create()).build()) {
      PartnerId p = program.registry().add(new NewPartner("E Ltd", "ops@e.example", Tier.GOLD)).id();
      Certification c = program.certifications().add(p, new NewCertification("C", SkillArea.FLEET_MANAGEMENT,
          CertificationLevel.BASIC, Optional.of("Ada"), today.minusYears(1), today.plusDays(100))).certification();
      TrackedCertification r = program.certifications().renew(c.id(), c.version(), new Renewal(today, today.plusDays(400)));
      clock.advanceDays(1);
      program.personalData().erase(p, new ErasureRequest("dpo", "R"));
      Certification now = program.certifications().get(c.id());
      ConflictException e = assertThrows(ConflictException.class,
          () -> program.certifications().renew(c.id(), now.version(), new Renewal(today, today.plusDays(500))));
      assertEquals("certification " + c.id() + " is RENEWED, only a CURRENT one can be renewed; its renewal is " + r.id(),
          e.getMessage());
    }
  }
}
