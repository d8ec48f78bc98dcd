package cloud.quazzar.partner.testkit.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.MinimumClients;
import cloud.quazzar.partner.certification.MinimumServers;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.review.GracePeriod;
import cloud.quazzar.partner.review.MinimumAverageMrr;
import cloud.quazzar.partner.review.MrrAssessment;
import cloud.quazzar.partner.review.ReviewAction;
import cloud.quazzar.partner.review.ReviewMode;
import cloud.quazzar.partner.review.ReviewOutcome;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.review.ReviewReport;
import cloud.quazzar.partner.review.ReviewVerdict;
import cloud.quazzar.partner.review.TierReviews;
import cloud.quazzar.partner.testkit.TestClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The worked cases of a tier review (docs/reviews.md), pinned as examples (memory store; the TCK runs the store parts everywhere). */
class TierReviewExamplesTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 28);
  private final TestClock clock = TestClock.at(Instant.parse("2026-11-28T08:00:00Z"));

  private PartnerProgram program(EligibilityRequirements requirements) {
    return PartnerProgram.builder().clock(clock).eligibilityRequirements(requirements)
        .store(MemoryStorage.create()).build();
  }

  private static Partner partner(PartnerProgram program, String name, Tier tier) {
    return program.registry().add(new NewPartner(name, name.replace(" ", "").toLowerCase() + "@x.example", tier));
  }

  /** {@code n} Advanced certifications in the skill areas from {@code firstArea} on, last valid on {@code expiry}. */
  private static void advanced(PartnerProgram program, PartnerId id, int n, int firstArea, LocalDate expiry) {
    for (int i = 0; i < n; i++) {
      program.certifications().add(id, new NewCertification("Adv " + i + " " + expiry, SkillArea.values()[firstArea + i],
          CertificationLevel.ADVANCED, Optional.empty(), expiry.minusYears(1), expiry));
    }
  }

  private static ReviewOutcome of(ReviewReport report, PartnerId id) {
    return report.outcome(id).orElseThrow();
  }

  @Nested
  @DisplayName("grace periods")
  class Grace {
    @Test
    @DisplayName("a Gold partner losing its certifications is at risk and keeps Gold, its benefits and discount for 90 days")
    void goldKeepsBenefits() {
      try (PartnerProgram program = program(EligibilityRequirements.DEFAULT)) {
        program.discounts().setPolicy(DiscountPolicy.builder().baseRate(Tier.SILVER, "10").baseRate(Tier.GOLD, "15")
            .baseRate(Tier.PLATINUM, "20").build(), PolicyChange.today("admin", "rates"));
        Partner gold = partner(program, "Atlas Cloud", Tier.GOLD);
        advanced(program, gold.id(), 2, 0, DAY.minusDays(1)); // both expired yesterday

        ReviewOutcome o = of(program.reviews().run(), gold.id());
        assertEquals(ReviewVerdict.AT_RISK, o.verdict());
        assertEquals(List.of(ReviewAction.GRACE_STARTED), o.actions());
        assertEquals(Optional.of(DAY.plusDays(90)), o.demotionDueOn());
        assertEquals(Optional.of(LocalDate.of(2027, 2, 26)), o.demotionDueOn());
        assertEquals(List.of("GOLD: at least 2 certifications at ADVANCED or above: 0 count on 2026-11-28"), o.unmet());
        Partner now = program.registry().get(gold.id());
        assertEquals(Tier.GOLD, now.tier());
        assertTrue(now.benefits().prioritySupport());
        assertEquals(Tier.GOLD.benefits(), now.benefits());
        assertEquals("15%", program.discounts().quote(gold.id(), Money.of("1000.00", "USD")).totalRate().toString());
      }
    }

    @Test
    @DisplayName("the boundary day: a grace period of n days covers its first day to demotionDueOn - 1; a review on"
        + " demotionDueOn (the first day without grace) demotes, one on the day before does not")
    void demotionDueOnIsTheFirstDayWithoutGrace() {
      try (PartnerProgram program = program(EligibilityRequirements.NONE.with(Tier.GOLD, new MinimumServers(10)))) {
        program.reviews().configure(ReviewPolicy.builder().gracePeriodDays(3).build());
        Partner gold = partner(program, "Edge Case", Tier.GOLD); // no servers: below Gold from the first review

        ReviewOutcome started = of(program.reviews().run(), gold.id());
        assertEquals(List.of(ReviewAction.GRACE_STARTED), started.actions());
        GracePeriod grace = program.reviews().gracePeriod(gold.id()).orElseThrow();
        assertEquals(DAY, grace.startedOn(), "the review day is the first day of grace");
        assertEquals(DAY.plusDays(3), grace.demotionDueOn(), "startedOn + gracePeriodDays");
        assertEquals(Optional.of(DAY.plusDays(3)), started.demotionDueOn());
        assertFalse(grace.isOverOn(DAY.plusDays(2)), "the last day of grace is the day before demotionDueOn");
        assertTrue(grace.isOverOn(DAY.plusDays(3)));

        for (int day = 1; day <= 2; day++) { // DAY, DAY + 1, DAY + 2: three days of grace
          clock.setDate(DAY.plusDays(day));
          ReviewOutcome inside = of(program.reviews().run(), gold.id());
          assertEquals(List.of(), inside.actions(), "still in grace on day " + day);
          assertEquals(Tier.GOLD, program.registry().get(gold.id()).tier());
        }
        clock.setDate(DAY.plusDays(3));
        ReviewOutcome due = of(program.reviews().run(), gold.id());
        assertEquals(List.of(ReviewAction.DEMOTED), due.actions(), "demotionDueOn demotes");
        assertEquals(Tier.SILVER, program.registry().get(gold.id()).tier());
        assertEquals(Optional.empty(), program.reviews().gracePeriod(gold.id()));
      }
    }

    @Test
    @DisplayName("at the end of the grace period a Platinum partner is demoted to Gold, the highest tier it still qualifies for")
    void demotedToHighestQualifying() {
      try (PartnerProgram program = program(EligibilityRequirements.DEFAULT)) {
        Partner platinum = partner(program, "Borealis", Tier.PLATINUM);
        program.registry().addClient(platinum.id(), new NewClient("Fleet", 120));
        advanced(program, platinum.id(), 2, 0, DAY.plusYears(2));
        advanced(program, platinum.id(), 2, 2, DAY.plusDays(10)); // Platinum needs 4 across 3 areas

        assertEquals(ReviewVerdict.KEEP, of(program.reviews().run(), platinum.id()).verdict());
        clock.setDate(DAY.plusDays(11));
        ReviewOutcome risk = of(program.reviews().run(), platinum.id());
        assertEquals(List.of(ReviewAction.GRACE_STARTED), risk.actions());
        assertEquals(Optional.of(Tier.GOLD), risk.qualifiedTier());
        assertEquals(Optional.of(Tier.GOLD), risk.targetTier());

        clock.setDate(risk.demotionDueOn().orElseThrow().minusDays(1));
        assertEquals(Tier.PLATINUM, of(program.reviews().run(), platinum.id()).tierAfter());
        clock.setDate(risk.demotionDueOn().orElseThrow());
        ReviewOutcome demoted = of(program.reviews().run(), platinum.id());
        assertEquals(List.of(ReviewAction.DEMOTED), demoted.actions());
        assertEquals(Tier.GOLD, demoted.tierAfter());
        assertEquals(Tier.GOLD, program.registry().get(platinum.id()).tier());
        TierChange last = program.registry().tierHistory(platinum.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().get(1);
        assertEquals(Optional.of(LocalDate.of(2027, 3, 9)), risk.demotionDueOn());
        assertEquals("tier review 2027-03-09: demoted from PLATINUM to GOLD at the end of the grace period 2026-12-09"
            + " to 2027-03-08; unmet: PLATINUM: at least 4 certifications at ADVANCED or above: 2 count on 2027-03-09; "
            + "PLATINUM: certifications at ADVANCED or above in at least 3 skill areas: 2 areas on 2027-03-09", last.reason());
        assertTrue(last.reason().startsWith("tier review " + risk.demotionDueOn().orElseThrow()
                + ": demoted from PLATINUM to GOLD"),
            last.reason());
      }
    }

    @Test
    @DisplayName("demotion only recommended: the tier and the grace period stay, the recommendation repeats until someone acts")
    void demotionRecommended() {
      try (PartnerProgram program = program(EligibilityRequirements.DEFAULT)) {
        program.reviews().configure(ReviewPolicy.builder().gracePeriodDays(10).demotionMode(ReviewMode.RECOMMEND_ONLY).build());
        Partner gold = partner(program, "Cirrus", Tier.GOLD);
        program.reviews().run();
        GracePeriod grace = program.reviews().gracePeriod(gold.id()).orElseThrow();
        assertEquals(new GracePeriod(gold.id(), Tier.GOLD, DAY, DAY.plusDays(10)), grace);

        clock.setDate(DAY.plusDays(10));
        ReviewOutcome recommended = of(program.reviews().run(), gold.id());
        assertEquals(ReviewVerdict.AT_RISK, recommended.verdict());
        assertEquals(List.of(ReviewAction.DEMOTION_RECOMMENDED), recommended.actions());
        assertEquals(Optional.of(Tier.SILVER), recommended.targetTier());
        assertEquals(Tier.GOLD, program.registry().get(gold.id()).tier());
        assertEquals(Optional.of(grace), program.reviews().gracePeriod(gold.id()));
        clock.setDate(DAY.plusDays(11));
        assertEquals(List.of(ReviewAction.DEMOTION_RECOMMENDED), of(program.reviews().run(), gold.id()).actions());
        assertEquals(1, program.registry().tierHistory(gold.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());

        // the administrator follows the recommendation: the grace period no longer applies
        Partner now = program.registry().get(gold.id());
        program.registry().changeTier(gold.id(), now.version(), new TierChangeRequest(Tier.SILVER, "alice", "review advice"));
        clock.setDate(DAY.plusDays(12));
        ReviewOutcome after = of(program.reviews().run(), gold.id());
        assertEquals(ReviewVerdict.KEEP, after.verdict());
        assertEquals(List.of(ReviewAction.GRACE_ENDED_TIER_CHANGED), after.actions());
        assertEquals(Optional.empty(), program.reviews().gracePeriod(gold.id()));
      }
    }

    @Test
    @DisplayName("a partner at the lowest tier that misses its requirements is at risk without a grace period")
    void lowestTier() {
      try (PartnerProgram program = program(EligibilityRequirements.NONE.with(Tier.SILVER, new MinimumClients(1)))) {
        Partner silver = partner(program, "Dune", Tier.SILVER);
        ReviewOutcome o = of(program.reviews().run(), silver.id());
        assertEquals(ReviewVerdict.AT_RISK, o.verdict());
        assertEquals(List.of(), o.actions());
        assertEquals(Optional.empty(), o.qualifiedTier());
        assertEquals(Optional.empty(), o.demotionDueOn());
        assertEquals(List.of("SILVER: at least 1 client: the partner has 0"), o.unmet());
        assertEquals(Optional.empty(), program.reviews().gracePeriod(silver.id()));
      }
    }
  }

  @Nested
  @DisplayName("promotions")
  class Promotions {
    private final EligibilityRequirements byServers = EligibilityRequirements.NONE
        .with(Tier.GOLD, new MinimumServers(50)).with(Tier.PLATINUM, new MinimumServers(200));

    @Test
    @DisplayName("recommended by default: the tier stays, the outcome names the target")
    void recommended() {
      try (PartnerProgram program = program(byServers)) {
        Partner silver = partner(program, "Evergreen", Tier.SILVER);
        program.registry().addClient(silver.id(), new NewClient("Shop", 60));
        ReviewOutcome o = of(program.reviews().run(), silver.id());
        assertEquals(ReviewVerdict.PROMOTE, o.verdict());
        assertEquals(List.of(ReviewAction.PROMOTION_RECOMMENDED), o.actions());
        assertEquals(Optional.of(Tier.GOLD), o.targetTier());
        assertEquals(Tier.SILVER, o.tierAfter());
        assertEquals(Tier.SILVER, program.registry().get(silver.id()).tier());
      }
    }

    @Test
    @DisplayName("applied when automatic: straight to the highest qualifying tier, with the review as the reason")
    void applied() {
      try (PartnerProgram program = program(byServers)) {
        program.reviews().configure(ReviewPolicy.builder().promotionMode(ReviewMode.AUTOMATIC).build());
        Partner silver = partner(program, "Fjord Hosting", Tier.SILVER);
        program.registry().addClient(silver.id(), new NewClient("Big", 250));
        ReviewOutcome o = of(program.reviews().run(), silver.id());
        assertEquals(List.of(ReviewAction.PROMOTED), o.actions());
        assertEquals(Tier.PLATINUM, o.tierAfter());
        TierChange change = program.registry().tierHistory(silver.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().get(1);
        assertEquals(Tier.PLATINUM, change.to());
        assertEquals(TierReviews.REVIEWER, change.changedBy());
        assertEquals("tier review 2026-11-28: promoted from SILVER to PLATINUM: qualifies for PLATINUM", change.reason());
      }
    }
  }

  @Nested
  @DisplayName("idempotency")
  class Idempotency {
    @Test
    @DisplayName("a second run the same day returns the same report and changes nothing, even after the data changed")
    void sameDay() {
      try (PartnerProgram program = program(EligibilityRequirements.DEFAULT)) {
        program.reviews().configure(ReviewPolicy.builder().gracePeriodDays(1).build());
        Partner gold = partner(program, "Granite", Tier.GOLD);
        Partner other = partner(program, "Harbor", Tier.SILVER);
        ReviewReport first = program.reviews().run();
        clock.setDate(DAY.plusDays(1));
        ReviewReport demoting = program.reviews().run();
        assertEquals(List.of(ReviewAction.DEMOTED), of(demoting, gold.id()).actions());
        List<TierChange> history = program.registry().tierHistory(gold.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items();
        // now a Silver partner that keeps Silver, but the day's outcome stays what the day decided
        ReviewReport again = program.reviews().run();
        assertEquals(demoting, again);
        assertEquals(history, program.registry().tierHistory(gold.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
        assertEquals(2, program.reviews().history(other.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
        assertEquals(first.outcomes().size(), again.outcomes().size());
      }
    }

    @Test
    @DisplayName("a deactivated partner is not reviewed; its grace period waits")
    void inactive() {
      try (PartnerProgram program = program(EligibilityRequirements.DEFAULT)) {
        Partner gold = partner(program, "Iris", Tier.GOLD);
        program.reviews().run();
        Partner now = program.registry().get(gold.id());
        program.registry().deactivate(gold.id(), now.version());
        clock.setDate(DAY.plusDays(200));
        assertEquals(Optional.empty(), program.reviews().run().outcome(gold.id()));
        assertEquals(Tier.GOLD, program.registry().get(gold.id()).tier());
        assertTrue(program.reviews().gracePeriod(gold.id()).isPresent());
      }
    }
  }

  @Nested
  @DisplayName("average MRR")
  class AverageMrr {
    private final YearMonth november = YearMonth.of(2026, 11);

    private Map<YearMonth, Money> months(String... usd) {
      Map<YearMonth, Money> m = new HashMap<>();
      for (int i = 0; i < usd.length; i++) {
        if (usd[i] != null) {
          m.put(november.minusMonths(usd.length - i), Money.of(usd[i], "USD"));
        }
      }
      return m;
    }

    @Test
    @DisplayName("99.996... on average is unmet and shown as 99.99, never rounded up to the minimum")
    void justBelow() {
      MrrAssessment a = MinimumAverageMrr.of("100.00", "USD", 3).assess(november, months("100.00", "100.00", "99.99"));
      assertFalse(a.met());
      assertEquals(new BigDecimal("299.99"), a.total());
      assertEquals(new BigDecimal("99.99"), a.average());
      assertEquals(YearMonth.of(2026, 8), a.from());
      assertEquals(YearMonth.of(2026, 10), a.to());
    }

    @Test
    @DisplayName("exactly the minimum on average is met, whatever the spread")
    void exactlyMet() {
      MrrAssessment a = MinimumAverageMrr.of("100.00", "USD", 3).assess(november, months("100.01", "99.99", "100.00"));
      assertTrue(a.met());
      assertEquals(new BigDecimal("100.00"), a.average());
    }

    @Test
    @DisplayName("a month without an entry counts as zero; the review month never counts")
    void missingMonth() {
      Map<YearMonth, Money> m = months("300.00", null, "300.00");
      m.put(november, Money.of("1000000.00", "USD"));
      MrrAssessment a = MinimumAverageMrr.of("200.00", "USD", 3).assess(november, m);
      assertTrue(a.met());
      assertEquals(new BigDecimal("200.00"), a.average());
      assertEquals(1, a.missingMonths());
      MrrAssessment b = MinimumAverageMrr.of("200.01", "USD", 3).assess(november, m);
      assertFalse(b.met());
      assertEquals("an average MRR of at least 200.01 USD over the last 3 complete months: 200.00 USD from 2026-08"
          + " to 2026-10 (total 600.00 USD; 1 month without an entry counted as 0)", b.explanation());
    }

    @Test
    @DisplayName("a month in another currency counts as zero (no conversion); JPY has no decimals")
    void currencies() {
      Map<YearMonth, Money> m = new HashMap<>();
      m.put(november.minusMonths(1), Money.of("2", "JPY"));
      m.put(november.minusMonths(2), Money.of("1", "JPY"));
      m.put(november.minusMonths(3), Money.of("5.00", "EUR"));
      MrrAssessment a = MinimumAverageMrr.of("1", "JPY", 3).assess(november, m);
      assertTrue(a.met()); // 3 / 3 = 1
      assertEquals(new BigDecimal("1"), a.average());
      assertEquals(1, a.otherCurrencyMonths());
      MrrAssessment b = MinimumAverageMrr.of("2", "JPY", 2).assess(november, m);
      assertFalse(b.met()); // 3 / 2 = 1.5
      assertEquals(new BigDecimal("1"), b.average());
    }

    @Test
    @DisplayName("a review counts the ledger: met on one tier, unmet on the next")
    void inAReview() {
      try (PartnerProgram program = program(EligibilityRequirements.NONE)) {
        program.reviews().configure(ReviewPolicy.builder()
            .revenue(Tier.GOLD, MinimumAverageMrr.of("500.00", "USD", 2))
            .revenue(Tier.PLATINUM, MinimumAverageMrr.of("2000.00", "USD", 2)).build());
        Partner gold = partner(program, "Juniper", Tier.GOLD);
        program.revenue().record(cloud.quazzar.partner.revenue.RevenueRecording.of(gold.id(), YearMonth.of(2026, 9),
            Money.of("400.00", "USD"), "k9"));
        program.revenue().record(cloud.quazzar.partner.revenue.RevenueRecording.of(gold.id(), YearMonth.of(2026, 10),
            Money.of("600.00", "USD"), "k10"));
        ReviewOutcome o = of(program.reviews().run(), gold.id());
        assertEquals(ReviewVerdict.KEEP, o.verdict());
        assertEquals(Optional.of(Tier.GOLD), o.qualifiedTier());
      }
    }
  }

  @Nested
  @DisplayName("validation")
  class Validation {
    @Test
    @DisplayName("a policy lists every violation")
    void policy() {
      ValidationException e = assertThrows(ValidationException.class,
          () -> new ReviewPolicy(0, null, null, Map.of()));
      assertEquals(List.of("demotionMode", "gracePeriodDays", "promotionMode"), e.fields());
      assertThrows(ValidationException.class, () -> ReviewPolicy.builder().gracePeriodDays(ReviewPolicy.MAX_GRACE_DAYS + 1).build());
      assertEquals(ReviewPolicy.MAX_GRACE_DAYS, ReviewPolicy.builder().gracePeriodDays(ReviewPolicy.MAX_GRACE_DAYS).build().gracePeriodDays());
      ValidationException nulls = assertThrows(ValidationException.class,
          () -> ReviewPolicy.builder().revenue(null, MinimumAverageMrr.of("1.00", "USD", 1)).revenue(Tier.GOLD, null).build());
      assertEquals(List.of("revenue.tier"), nulls.fields(), "the builder refuses the first null at once");
      assertEquals(List.of("revenueRequirements"), assertThrows(ValidationException.class,
          () -> new ReviewPolicy(90, ReviewMode.AUTOMATIC, ReviewMode.AUTOMATIC, null)).fields());
    }

    @Test
    @DisplayName("a minimum average MRR lists every violation")
    void mrr() {
      ValidationException e = assertThrows(ValidationException.class,
          () -> new MinimumAverageMrr(Money.of("-1.00", "USD"), 0));
      assertEquals(List.of("amount", "months"), e.fields());
      assertThrows(ValidationException.class, () -> MinimumAverageMrr.of("1.00", "USD", MinimumAverageMrr.MAX_MONTHS + 1));
      MinimumAverageMrr r = MinimumAverageMrr.of("1.00", "USD", 1);
      assertEquals(List.of("mrrByMonth", "reviewMonth"), assertThrows(ValidationException.class, () -> r.assess(null, null)).fields());
      assertTrue(r.assess(YearMonth.of(2026, 1), Map.of(YearMonth.of(2025, 12), Money.of("1.00", "USD"))).met());
    }

    @Test
    @DisplayName("null arguments are validation errors; an unknown partner is not found")
    void arguments() {
      try (PartnerProgram program = program(EligibilityRequirements.DEFAULT)) {
        assertEquals(List.of("policy"), assertThrows(ValidationException.class, () -> program.reviews().configure(null)).fields());
        assertEquals(List.of("date"), assertThrows(ValidationException.class, () -> program.reviews().run(null)).fields());
        assertEquals(List.of("partnerId"), assertThrows(ValidationException.class, () -> program.reviews().history(null, PageRequest.first(PageRequest.MAX_LIMIT)).items()).fields());
        assertThrows(cloud.quazzar.partner.NotFoundException.class,
            () -> program.reviews().gracePeriod(new PartnerId(java.util.UUID.randomUUID())));
      }
    }
  }
}
