package cloud.quazzar.partner.testkit.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationState;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.EligibilityReport;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.MinimumCertifications;
import cloud.quazzar.partner.certification.MinimumClients;
import cloud.quazzar.partner.certification.MinimumServers;
import cloud.quazzar.partner.certification.MinimumSkillAreas;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Renewal;
import cloud.quazzar.partner.certification.Revocation;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TierAssessment;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.certification.UnmetRequirement;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.oracle.EligibilityOracle;
import cloud.quazzar.partner.testkit.oracle.EligibilityOracle.Check;
import cloud.quazzar.partner.testkit.oracle.EligibilityOracle.Expected;
import cloud.quazzar.partner.testkit.oracle.EligibilityOracle.Held;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The eligibility oracle (rule CERT-9) on worked examples, its comparison with a report, and its refusals. */
class EligibilityOracleTest {
  private static final Instant NOW = Instant.parse("2026-01-15T09:30:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
  // the default requirements (rule CERT-10), one by one
  private static final MinimumCertifications GOLD_TWO = MinimumCertifications.atLevel(2, CertificationLevel.ADVANCED);
  private static final MinimumCertifications PLATINUM_FOUR = MinimumCertifications.atLevel(4, CertificationLevel.ADVANCED);
  private static final MinimumSkillAreas THREE_AREAS = new MinimumSkillAreas(3, CertificationLevel.ADVANCED);
  private static final MinimumServers HUNDRED_SERVERS = new MinimumServers(100);

  /** Advanced in Fleet Management until 1 March, Expert in Kubernetes, Basic in MSP operations. */
  private static final List<Held> HELD = List.of(
      new Held(SkillArea.FLEET_MANAGEMENT, CertificationLevel.ADVANCED, LocalDate.of(2026, 3, 1)),
      new Held(SkillArea.KUBERNETES_OPERATIONS, CertificationLevel.EXPERT, LocalDate.of(2027, 6, 30)),
      new Held(SkillArea.MSP_OPERATIONS, CertificationLevel.BASIC, LocalDate.of(2028, 1, 1)));

  @Test
  @DisplayName("the default requirements, worked by hand: Gold today with two at ADVANCED or above, lost on the day "
      + "after the first of them expires; Platinum short of certifications and areas, not of servers")
  void defaultsByHand() {
    assertEquals(EligibilityRequirements.NONE.with(Tier.GOLD, GOLD_TWO).with(Tier.PLATINUM, PLATINUM_FOUR, THREE_AREAS,
        HUNDRED_SERVERS), EligibilityRequirements.DEFAULT);
    Expected today = EligibilityOracle.expected(EligibilityRequirements.DEFAULT, HELD, 120, 2, TODAY);
    assertEquals(Optional.of(Tier.GOLD), today.qualifiedTier());
    assertEquals(List.of(true, true, false), List.of(today.qualifiesFor(Tier.SILVER), today.qualifiesFor(Tier.GOLD),
        today.qualifiesFor(Tier.PLATINUM)));
    assertEquals(List.of(new Check(GOLD_TWO, 2, 2)), today.tier(Tier.GOLD).checks());
    assertEquals(List.of(new Check(PLATINUM_FOUR, 2, 4), new Check(THREE_AREAS, 2, 3),
        new Check(HUNDRED_SERVERS, 120, 100)), today.tier(Tier.PLATINUM).checks());
    assertEquals(List.of(new Check(PLATINUM_FOUR, 2, 4), new Check(THREE_AREAS, 2, 3)),
        today.tier(Tier.PLATINUM).unmet());
    assertEquals(Optional.of(LocalDate.of(2026, 3, 2)), today.losesQualifiedTierOn(), "the day after 1 March");
    assertEquals(List.of(3L, 120L, 2L), List.of(today.countedCertifications(), today.serverCount(), today.clientCount()));

    Expected lastDay = EligibilityOracle.expected(EligibilityRequirements.DEFAULT, HELD, 120, 2, LocalDate.of(2026, 3, 1));
    assertEquals(Optional.of(Tier.GOLD), lastDay.qualifiedTier(), "a certification counts on its expiry date");
    assertEquals(Optional.of(LocalDate.of(2026, 3, 2)), lastDay.losesQualifiedTierOn());

    Expected after = EligibilityOracle.expected(EligibilityRequirements.DEFAULT, HELD, 120, 2, LocalDate.of(2026, 3, 2));
    assertEquals(Optional.of(Tier.SILVER), after.qualifiedTier());
    assertEquals(List.of(new Check(GOLD_TWO, 1, 2)), after.tier(Tier.GOLD).unmet());
    assertEquals(Optional.empty(), after.losesQualifiedTierOn(), "Silver is open: no expiry costs it");
    assertEquals(2, after.countedCertifications());
  }

  @Test
  @DisplayName("the ladder: a tier whose own requirements are met is not qualified while a lower tier's are not")
  void ladder() {
    EligibilityRequirements requirements = EligibilityRequirements.NONE
        .with(Tier.SILVER, new MinimumClients(1))
        .with(Tier.PLATINUM, new MinimumServers(10));
    Expected none = EligibilityOracle.expected(requirements, List.of(), 50, 0, TODAY);
    assertEquals(Optional.empty(), none.qualifiedTier());
    assertEquals(Optional.empty(), none.losesQualifiedTierOn(), "no tier to lose");
    for (Tier tier : Tier.values()) {
      assertFalse(none.qualifiesFor(tier), tier.toString());
    }
    assertFalse(none.tier(Tier.SILVER).meetsOwnRequirements());
    assertTrue(none.tier(Tier.GOLD).meetsOwnRequirements(), "Gold has none of its own");
    assertTrue(none.tier(Tier.PLATINUM).meetsOwnRequirements(), "50 servers of 10");

    Expected all = EligibilityOracle.expected(requirements, List.of(), 50, 1, TODAY);
    assertEquals(Optional.of(Tier.PLATINUM), all.qualifiedTier());
  }

  @Test
  @DisplayName("requirements count by level and area: a level below or an area outside does not count; areas are distinct")
  void levelsAndAreas() {
    List<Held> held = List.of(
        new Held(SkillArea.FLEET_MANAGEMENT, CertificationLevel.BASIC, TODAY),
        new Held(SkillArea.FLEET_MANAGEMENT, CertificationLevel.EXPERT, TODAY),
        new Held(SkillArea.FLEET_MANAGEMENT, CertificationLevel.ADVANCED, TODAY),
        new Held(SkillArea.MSP_OPERATIONS, CertificationLevel.ADVANCED, TODAY.minusDays(1)));
    MinimumCertifications inFleet = new MinimumCertifications(3, CertificationLevel.ADVANCED,
        Set.of(SkillArea.FLEET_MANAGEMENT, SkillArea.KUBERNETES_OPERATIONS));
    MinimumSkillAreas twoAreas = new MinimumSkillAreas(2, CertificationLevel.BASIC);
    Expected e = EligibilityOracle.expected(EligibilityRequirements.NONE.with(Tier.GOLD, inFleet, twoAreas), held, 0, 0, TODAY);
    assertEquals(List.of(new Check(inFleet, 2, 3), new Check(twoAreas, 1, 2)), e.tier(Tier.GOLD).checks(),
        "BASIC is below ADVANCED; the MSP one expired yesterday; three in Fleet Management are one area");
    assertEquals(3, e.countedCertifications());
  }

  @Test
  @DisplayName("from the tracker's records only current ones count: renewed and revoked records are history; "
      + "and the program's report has no differences from the expectation")
  void recordsInEveryState() {
    try (PartnerProgram program = PartnerProgram.builder().clock(TestClock.at(NOW)).store(MemoryStorage.create()).build()) {
      PartnerId p = program.registry().add(new NewPartner("States", "states@partner.example", Tier.PLATINUM)).id();
      program.registry().addClient(p, new NewClient("one", 120));
      CertificationTracker tracker = program.certifications();
      List<TrackedCertification> added = new ArrayList<>();
      for (Held h : HELD) {
        added.add(tracker.add(p, new NewCertification(h.skillArea() + "", h.skillArea(), h.level(), Optional.empty(),
            h.expiryDate().minusYears(1), h.expiryDate())));
      }
      tracker.renew(added.get(0).id(), 1, new Renewal(TODAY, LocalDate.of(2027, 3, 1)));
      tracker.revoke(added.get(1).id(), 1, new Revocation("admin", "withdrawn"));
      assertEquals(List.of(CertificationState.CURRENT, CertificationState.CURRENT, CertificationState.RENEWED,
          CertificationState.REVOKED), tracker.history(p, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(c -> c.state()).sorted().toList());

      Expected expected = EligibilityOracle.expectedFromRecords(EligibilityRequirements.DEFAULT, tracker.history(p, PageRequest.first(PageRequest.MAX_LIMIT)).items(), 120, 1, TODAY);
      assertEquals(2, expected.countedCertifications(), "the renewal and the Basic one");
      assertEquals(Optional.of(Tier.SILVER), expected.qualifiedTier(), "one at ADVANCED or above: the Expert one is revoked");
      assertEquals(List.of(), expected.differences(tracker.eligibility(p, TODAY)));
    }
  }

  @Test
  @DisplayName("differences names every part of a report that disagrees, and nothing when it agrees")
  void differences() {
    Expected expected = EligibilityOracle.expected(EligibilityRequirements.DEFAULT, HELD, 120, 2, TODAY);
    List<TierAssessment> tiers = List.of(
        new TierAssessment(Tier.SILVER, true, List.of()),
        new TierAssessment(Tier.GOLD, true, List.of()),
        new TierAssessment(Tier.PLATINUM, false, List.of(new UnmetRequirement(PLATINUM_FOUR, 3, 4, "four needed"))));
    EligibilityReport wrong = new EligibilityReport(new PartnerId(UUID.randomUUID()), TODAY.plusDays(1), Tier.GOLD,
        Optional.of(Tier.PLATINUM), tiers, Optional.empty(), 2, 100, 1);
    List<String> differences = expected.differences(wrong);
    assertEquals(List.of("date", "qualified tier", "loses the qualified tier on", "counted certifications", "server count",
        "client count", "PLATINUM unmet requirements", "PLATINUM explanation"),
        differences.stream().map(d -> d.substring(0, d.indexOf(':'))).toList(), String.join("\n", differences));
    assertEquals("qualified tier: expected Optional[GOLD] but the report says Optional[PLATINUM]", differences.get(1));

    EligibilityReport right = new EligibilityReport(new PartnerId(UUID.randomUUID()), TODAY, Tier.SILVER, Optional.of(Tier.GOLD),
        List.of(new TierAssessment(Tier.SILVER, true, List.of()), new TierAssessment(Tier.GOLD, true, List.of()),
            new TierAssessment(Tier.PLATINUM, false, List.of(
                new UnmetRequirement(PLATINUM_FOUR, 2, 4, PLATINUM_FOUR.describe() + ": 2 count on " + TODAY),
                new UnmetRequirement(THREE_AREAS, 2, 3, THREE_AREAS.describe() + ": 2 areas on " + TODAY)))),
        Optional.of(LocalDate.of(2026, 3, 2)), 3, 120, 2);
    assertEquals(List.of(), expected.differences(right), "partner and current tier are not the oracle's to know");

    EligibilityReport gold = new EligibilityReport(right.partnerId(), TODAY, Tier.SILVER, Optional.of(Tier.GOLD),
        List.of(right.tiers().get(0), new TierAssessment(Tier.GOLD, false, List.of()), right.tiers().get(2)),
        right.losesQualifiedTierOn(), 3, 120, 2);
    assertEquals(List.of("GOLD qualified: expected true but the report says false"), expected.differences(gold));
  }

  @Test
  @DisplayName("refused: null arguments (NullPointerException), negative counts (IllegalArgumentException)")
  void refusals() {
    assertThrows(NullPointerException.class, () -> EligibilityOracle.expected(null, HELD, 0, 0, TODAY));
    assertThrows(NullPointerException.class, () -> EligibilityOracle.expected(EligibilityRequirements.NONE, HELD, 0, 0, null));
    List<Held> withNull = new ArrayList<>(HELD);
    withNull.add(null);
    assertThrows(NullPointerException.class, () -> EligibilityOracle.expected(EligibilityRequirements.NONE, withNull, 0, 0, TODAY));
    assertThrows(IllegalArgumentException.class, () -> EligibilityOracle.expected(EligibilityRequirements.NONE, HELD, -1, 0, TODAY));
    assertThrows(IllegalArgumentException.class, () -> EligibilityOracle.expected(EligibilityRequirements.NONE, HELD, 0, -1, TODAY));
    assertThrows(NullPointerException.class, () -> new Held(null, CertificationLevel.BASIC, TODAY));
    Expected e = EligibilityOracle.expected(EligibilityRequirements.NONE, HELD, 0, 0, TODAY);
    assertThrows(NullPointerException.class, () -> e.differences(null));
  }
}
