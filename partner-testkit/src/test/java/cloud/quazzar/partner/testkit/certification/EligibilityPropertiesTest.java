package cloud.quazzar.partner.testkit.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.EligibilityReport;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.MinimumCertifications;
import cloud.quazzar.partner.certification.MinimumSkillAreas;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Renewal;
import cloud.quazzar.partner.certification.Requirement;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.certification.UnmetRequirement;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.Examples;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.CertificationGenerators;
import cloud.quazzar.partner.testkit.oracle.EligibilityOracle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Eligibility invariants (rule CERT-9), over generated requirement sets and certifications, and the
 * program against {@code EligibilityOracle}.
 */
class EligibilityPropertiesTest {
  private static final Instant START = Instant.parse("2026-01-15T09:30:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

  /** A Platinum partner (so any level may be added) with generated certifications and counts. */
  private record Scenario(PartnerProgram program, PartnerId partner) {}

  private static Scenario scenario(EligibilityRequirements requirements, List<NewCertification> certs, int servers, int clients) {
    PartnerProgram program = PartnerProgram.builder().clock(TestClock.at(START)).eligibilityRequirements(requirements)
        .store(MemoryStorage.create()).build();
    PartnerId p = program.registry().add(new NewPartner("Eligible", "e@x.example", Tier.PLATINUM)).id();
    for (int i = 0; i < clients; i++) {
      program.registry().addClient(p, new NewClient("client " + i, i == 0 ? servers : 0));
    }
    certs.forEach(c -> program.certifications().add(p, c));
    return new Scenario(program, p);
  }

  private static Gen<List<NewCertification>> certificationLists() {
    return lists().of(CertificationGenerators.newCertifications(TODAY, Tier.PLATINUM)).ofSizeBetween(0, 8);
  }

  /** Rank of the highest qualified tier: -1 for none. */
  private static int rank(EligibilityReport r) {
    return r.qualifiedTier().map(Enum::ordinal).orElse(-1);
  }

  /** Days worth checking: today, the days around each expiry, and some later days. */
  private static TreeSet<LocalDate> interestingDays(CertificationTracker tracker, PartnerId p) {
    TreeSet<LocalDate> days = new TreeSet<>(List.of(TODAY, TODAY.plusDays(30), TODAY.plusDays(400), TODAY.plusYears(6)));
    for (TrackedCertification t : tracker.certifications(p, PageRequest.first(PageRequest.MAX_LIMIT)).items()) {
      LocalDate e = t.certification().expiryDate();
      days.addAll(List.of(e.minusDays(1), e, e.plusDays(1)));
    }
    return days;
  }

  /** Whether {@code later} is no more eligible than {@code earlier}, tier by tier. */
  private static void assertNotMoreEligible(EligibilityReport earlier, EligibilityReport later, String what) {
    assertTrue(rank(later) <= rank(earlier), what + ": " + earlier.qualifiedTier() + " then " + later.qualifiedTier());
    for (Tier tier : Tier.values()) {
      assertTrue(!later.qualifiesFor(tier) || earlier.qualifiesFor(tier), what + ": " + tier);
    }
  }

  @Test
  @DisplayName("eligibility never rises when a certification expires: a later day is never more eligible than an earlier one")
  void neverRisesAsCertificationsExpire() {
    AtomicInteger drops = new AtomicInteger();
    qt().withExamples(Examples.scaled(250)).withShrinkCycles(100)
        .forAll(CertificationGenerators.requirementSets(), certificationLists(), integers().between(0, 300), integers().between(0, 4))
        .checkAssert((requirements, certs, servers, clients) -> {
          Scenario s = scenario(requirements, certs, servers, clients);
          try (PartnerProgram program = s.program()) {
            CertificationTracker tracker = program.certifications();
            EligibilityReport previous = null;
            for (LocalDate day : interestingDays(tracker, s.partner())) {
              EligibilityReport report = tracker.eligibility(s.partner(), day);
              if (previous != null) {
                assertNotMoreEligible(previous, report, previous.date() + " -> " + day);
                if (rank(report) < rank(previous)) {
                  drops.incrementAndGet();
                }
              }
              report.losesQualifiedTierOn().ifPresent(loss -> assertTrue(
                  rank(tracker.eligibility(s.partner(), loss)) < rank(report), "the forecast loss happens on " + loss));
              previous = report;
            }
          }
        });
    assertTrue(drops.get() > 0, "the examples include expiries that cost a tier: " + drops.get());
  }

  @Test
  @DisplayName("renewal never makes a partner less eligible, on any day")
  void renewalNeverLowersEligibility() {
    AtomicInteger gains = new AtomicInteger();
    qt().withExamples(Examples.scaled(250)).withShrinkCycles(100)
        .forAll(CertificationGenerators.requirementSets(), certificationLists(), integers().between(0, 100),
            integers().between(1, 1095))
        .assuming((requirements, certs, pick, extra) -> !certs.isEmpty())
        .checkAssert((requirements, certs, pick, extra) -> {
          Scenario s = scenario(requirements, certs, 50, 1);
          try (PartnerProgram program = s.program()) {
            CertificationTracker tracker = program.certifications();
            TreeSet<LocalDate> days = interestingDays(tracker, s.partner());
            List<EligibilityReport> before = days.stream().map(d -> tracker.eligibility(s.partner(), d)).toList();
            List<TrackedCertification> held = tracker.certifications(s.partner(), PageRequest.first(PageRequest.MAX_LIMIT)).items();
            TrackedCertification renewed = held.get(pick % held.size());
            LocalDate base = renewed.certification().expiryDate().isAfter(TODAY) ? renewed.certification().expiryDate() : TODAY;
            tracker.renew(renewed.id(), 1, new Renewal(TODAY, base.plusDays(extra)));
            List<EligibilityReport> after = days.stream().map(d -> tracker.eligibility(s.partner(), d)).toList();
            List<Certification> history = tracker.history(s.partner(), PageRequest.first(PageRequest.MAX_LIMIT)).items();
            for (EligibilityReport report : after) {
              // the renewed record is history: only the renewal counts (EligibilityOracle.expectedFromRecords)
              assertEquals(List.of(), EligibilityOracle.expectedFromRecords(requirements, history, 50, 1, report.date())
                  .differences(report), "after renewing " + renewed.id() + " on " + report.date());
            }
            for (int i = 0; i < before.size(); i++) {
              assertNotMoreEligible(after.get(i), before.get(i), "renewal on " + before.get(i).date());
              if (rank(after.get(i)) > rank(before.get(i))) {
                gains.incrementAndGet();
              }
            }
          }
        });
    assertTrue(gains.get() > 0, "the examples include renewals that keep a tier: " + gains.get());
  }

  @Test
  @DisplayName("eligibility agrees with the oracle (EligibilityOracle): per requirement what the partner has and needs, "
      + "the qualified tier of the ladder, the counted certifications, the counts and the day the tier is lost")
  void agreesWithOracle() {
    AtomicInteger levelMatters = new AtomicInteger();
    AtomicInteger losses = new AtomicInteger();
    qt().withExamples(Examples.scaled(300)).withShrinkCycles(100)
        .forAll(CertificationGenerators.requirementSets(), certificationLists(), integers().between(0, 300), integers().between(0, 4))
        .checkAssert((requirements, certs, servers, clients) -> {
          Scenario s = scenario(requirements, certs, servers, clients);
          try (PartnerProgram program = s.program()) {
            CertificationTracker tracker = program.certifications();
            List<Certification> records = tracker.history(s.partner(), PageRequest.first(PageRequest.MAX_LIMIT)).items();
            long managed = clients == 0 ? 0 : servers; // the scenario gives the servers to its first client
            for (LocalDate day : interestingDays(tracker, s.partner())) {
              EligibilityReport report = tracker.eligibility(s.partner(), day);
              EligibilityOracle.Expected expected = EligibilityOracle.expectedFromRecords(requirements, records, managed, clients, day);
              String what = "on " + day + " with " + requirements + " and " + records;
              assertEquals(List.of(), expected.differences(report), what);
              // what was added is what the store holds: the oracle gives the same from the requests
              assertEquals(expected, EligibilityOracle.expected(requirements, certs.stream().map(EligibilityOracle.Held::of).toList(),
                  managed, clients, day), what);
              for (Tier t : Tier.values()) {
                for (Requirement r : requirements.requirementsOf(t)) {
                  if (r instanceof MinimumSkillAreas m && m.minimumLevel() != CertificationLevel.BASIC
                      && records.stream().anyMatch(c -> !c.level().isAtLeast(m.minimumLevel()) && !day.isAfter(c.expiryDate()))) {
                    levelMatters.incrementAndGet();
                  }
                }
              }
              if (report.losesQualifiedTierOn().isPresent()) {
                // on the day before the loss the partner still holds the tier
                LocalDate loss = report.losesQualifiedTierOn().get();
                assertEquals(report.qualifiedTier(), tracker.eligibility(s.partner(), loss.minusDays(1)).qualifiedTier(), what);
                losses.incrementAndGet();
              }
            }
          }
        });
    assertTrue(levelMatters.get() > 0, "the examples include certifications below an area requirement's level: " + levelMatters.get());
    assertTrue(losses.get() > 0, "the examples include forecast losses: " + losses.get());
  }

  @Test
  @DisplayName("MinimumSkillAreas at ADVANCED counts only areas with a certification at ADVANCED or above: "
      + "a BASIC one in a third area does not make three")
  void areasCountOnlyAtTheLevel() {
    EligibilityRequirements requirements = EligibilityRequirements.NONE
        .with(Tier.PLATINUM, new MinimumSkillAreas(3, CertificationLevel.ADVANCED));
    Scenario s = scenario(requirements, List.of(
        certification(SkillArea.FLEET_MANAGEMENT, CertificationLevel.ADVANCED),
        certification(SkillArea.KUBERNETES_OPERATIONS, CertificationLevel.EXPERT),
        certification(SkillArea.MSP_OPERATIONS, CertificationLevel.BASIC),
        certification(SkillArea.MSP_OPERATIONS, CertificationLevel.BASIC)), 0, 0);
    try (PartnerProgram program = s.program()) {
      CertificationTracker tracker = program.certifications();
      EligibilityReport report = tracker.eligibility(s.partner());
      assertEquals(Optional.of(Tier.GOLD), report.qualifiedTier(), "Silver and Gold have no requirements; Platinum is unmet");
      List<UnmetRequirement> unmet = report.assessment(Tier.PLATINUM).unmet();
      assertEquals(List.of(List.of(2L, 3L)), unmet.stream().map(u -> List.of(u.have(), u.need())).toList());
      assertEquals("certifications at ADVANCED or above in at least 3 skill areas: 2 areas on " + TODAY,
          unmet.get(0).explanation());
      assertEquals(4, report.countedCertifications(), "the BASIC ones count as certifications, only not at ADVANCED");
      assertEquals(List.of(), EligibilityOracle.expectedFromRecords(requirements, tracker.history(s.partner(), PageRequest.first(PageRequest.MAX_LIMIT)).items(), 0, 0, TODAY)
          .differences(report));
      tracker.add(s.partner(), certification(SkillArea.CLOUD_OS_ADMINISTRATION, CertificationLevel.ADVANCED));
      assertEquals(Optional.of(Tier.PLATINUM), tracker.eligibility(s.partner()).qualifiedTier(), "a third area at ADVANCED");
    }
  }

  @Test
  @DisplayName("MinimumCertifications counts certifications at its level or above, in its areas only")
  void certificationsCountOnlyAtTheLevelAndInTheAreas() {
    EligibilityRequirements requirements = EligibilityRequirements.NONE
        .with(Tier.GOLD, MinimumCertifications.atLevel(2, CertificationLevel.ADVANCED))
        .with(Tier.PLATINUM, new MinimumCertifications(2, CertificationLevel.BASIC, Set.of(SkillArea.FLEET_MANAGEMENT)));
    Scenario s = scenario(requirements, List.of(
        certification(SkillArea.FLEET_MANAGEMENT, CertificationLevel.ADVANCED),
        certification(SkillArea.MSP_OPERATIONS, CertificationLevel.BASIC),
        certification(SkillArea.KUBERNETES_OPERATIONS, CertificationLevel.EXPERT)), 0, 0);
    try (PartnerProgram program = s.program()) {
      EligibilityReport report = program.certifications().eligibility(s.partner());
      assertEquals(Optional.of(Tier.GOLD), report.qualifiedTier(), "ADVANCED and EXPERT make two at ADVANCED or above");
      assertEquals(List.of(List.of(1L, 2L)), report.assessment(Tier.PLATINUM).unmet().stream()
          .map(u -> List.of(u.have(), u.need())).toList(), "one in Fleet Management; the others are in other areas");
      assertEquals("at least 2 certifications at BASIC or above in Fleet Management: 1 counts on " + TODAY,
          report.assessment(Tier.PLATINUM).unmet().get(0).explanation());
      assertEquals(List.of(), EligibilityOracle.expectedFromRecords(requirements, program.certifications().history(s.partner(), PageRequest.first(PageRequest.MAX_LIMIT)).items(),
          0, 0, TODAY).differences(report));
    }
  }

  private static NewCertification certification(SkillArea area, CertificationLevel level) {
    return new NewCertification(area + " " + level, area, level, Optional.empty(), TODAY.minusYears(1), TODAY.plusYears(1));
  }
}
