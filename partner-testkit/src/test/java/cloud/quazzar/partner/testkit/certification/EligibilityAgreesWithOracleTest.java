package cloud.quazzar.partner.testkit.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.EligibilityReport;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.EligibilityGenerators;
import cloud.quazzar.partner.testkit.generators.PartnerGenerators;
import cloud.quazzar.partner.testkit.oracle.EligibilityOracle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Rule CERT-9: the program's eligibility report is the oracle's, on generated partners (memory store). */
class EligibilityAgreesWithOracleTest {
  private static final Instant NOW = Instant.parse("2026-01-15T09:30:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

  /** One generated case: five values, one more than qt().forAll takes generators. */
  record Case(EligibilityRequirements requirements, List<NewCertification> certifications,
      List<Long> serversPerClient, Tier tier, LocalDate day) {}

  /**
   * Five generators in one. A generator that needs an earlier value is reached through flatMap;
   * independent ones go into one zip (the receiver and up to four more).
   */
  static Gen<Case> cases() {
    return EligibilityGenerators.requirementSets().flatMap(requirements ->
        EligibilityGenerators.certificationsAround(requirements, TODAY).flatMap(certifications ->
            EligibilityGenerators.clientServerCounts(requirements).zip(
                PartnerGenerators.tiers(),
                EligibilityGenerators.daysAround(certifications, TODAY),
                (serversPerClient, tier, day) -> new Case(requirements, certifications, serversPerClient, tier, day))));
  }

  @Test
  @DisplayName("CERT-9: the eligibility report is what the oracle expects, on every generated case")
  void eligibilityIsTheOracles() {
    qt().withExamples(200).forAll(cases()).checkAssert(c -> {
      try (PartnerProgram program = PartnerProgram.builder().clock(TestClock.at(NOW))
          .eligibilityRequirements(c.requirements()).store(MemoryStorage.create()).build()) {
        PartnerRegistry registry = program.registry();
        CertificationTracker tracker = program.certifications();
        // Platinum may add every level (CERT-2); moving down a tier keeps the certifications (CERT-3)
        Partner partner = registry.add(new NewPartner("Eligible", "eligible@partner.example", Tier.PLATINUM));
        for (int i = 0; i < c.serversPerClient().size(); i++) {
          registry.addClient(partner.id(), new NewClient("client " + i, c.serversPerClient().get(i)));
        }
        c.certifications().forEach(added -> tracker.add(partner.id(), added));
        if (c.tier() != Tier.PLATINUM) {
          registry.changeTier(partner.id(), registry.get(partner.id()).version(),
              new TierChangeRequest(c.tier(), "rule-author", "the generated tier"));
        }

        EligibilityReport report = tracker.eligibility(partner.id(), c.day());
        EligibilityOracle.Expected expected = EligibilityOracle.expected(c.requirements(),
            c.certifications().stream().map(EligibilityOracle.Held::of).toList(),
            c.serversPerClient().stream().mapToLong(Long::longValue).sum(), c.serversPerClient().size(), c.day());
        assertEquals(List.of(), expected.differences(report), c.toString());
        assertEquals(expected.qualifiesFor(c.tier()), report.qualifiesForCurrentTier(), c.toString());
      }
    });
  }
}
