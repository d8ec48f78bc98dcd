package cloud.quazzar.partner.testkit.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.review.GracePeriod;
import cloud.quazzar.partner.review.MinimumAverageMrr;
import cloud.quazzar.partner.review.MrrAssessment;
import cloud.quazzar.partner.review.ReviewMode;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.review.RevenueRequirement;
import cloud.quazzar.partner.testkit.Examples;
import cloud.quazzar.partner.testkit.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The review's rules that need no program run through many days (docs/reviews.md): the minimum
 * average MRR against a plain restatement in whole minor units, its words, and the limits of the
 * policy and of a run, each refusal naming its field.
 */
class ReviewRulesTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency JPY = Currency.getInstance("JPY");
  private static final YearMonth REVIEW_MONTH = YearMonth.of(2026, 11);

  private static List<Violation> violations(Executable call) {
    return assertThrows(ValidationException.class, call).violations();
  }

  @Nested
  @DisplayName("Minimum average MRR (docs/reviews.md, \"Minimum average MRR\")")
  class AverageMrr {
    /** Month {@code i} before the review month gets {@code cents[i]} (-1: no entry, -2: an entry in JPY). */
    private Map<YearMonth, Money> ledger(List<Long> cents) {
      Map<YearMonth, Money> out = new HashMap<>();
      for (int i = 0; i < cents.size(); i++) {
        long c = cents.get(i);
        YearMonth m = REVIEW_MONTH.minusMonths(i + 1L);
        if (c == -2) {
          out.put(m, Money.ofMinor(1_000_000, JPY));
        } else if (c >= 0) {
          out.put(m, Money.ofMinor(c, USD));
        }
      }
      out.put(REVIEW_MONTH, Money.ofMinor(999_999_999, USD)); // the review month never counts
      out.put(REVIEW_MONTH.minusMonths(40), Money.ofMinor(999_999_999, USD)); // nor a month before the window
      return out;
    }

    @Test
    @DisplayName("property: met exactly when the window's USD cents reach amount x months; the average is the total divided "
        + "by the months, rounded down to the cent; missing and other-currency months count as zero and are counted")
    void agreesWithRestatement() {
      qt().withExamples(Examples.scaled(3000)).forAll(
          lists().of(longs().between(-2, 20_000)).ofSizeBetween(0, 40), integers().between(1, 36), longs().between(0, 20_000))
          .checkAssert((cents, months, minimum) -> {
            MinimumAverageMrr r = new MinimumAverageMrr(Money.ofMinor(minimum, USD), months);
            MrrAssessment a = r.assess(REVIEW_MONTH, ledger(cents));
            long total = 0;
            long missing = 0;
            long other = 0;
            for (int i = 0; i < months; i++) {
              long c = i < cents.size() ? cents.get(i) : -1;
              if (c == -1) {
                missing++;
              } else if (c == -2) {
                other++;
              } else {
                total += c;
              }
            }
            String what = cents + " over " + months + " months, minimum " + minimum;
            assertEquals(REVIEW_MONTH.minusMonths(months), a.from(), what);
            assertEquals(REVIEW_MONTH.minusMonths(1), a.to(), what);
            assertEquals(total >= minimum * months, a.met(), what);
            assertEquals(Money.ofMinor(total, USD).toBigDecimal(), a.total(), what);
            assertEquals(Money.ofMinor(total / months, USD).toBigDecimal(), a.average(), what);
            assertEquals(missing, a.missingMonths(), what);
            assertEquals(other, a.otherCurrencyMonths(), what);
            assertEquals(a.met(), a.average().compareTo(r.amount().toBigDecimal()) >= 0,
                "the words never disagree with the verdict: " + what);
          });
    }

    @Test
    @DisplayName("the words name the requirement, the shown average, the window, the total and what counted as zero")
    void explanation() {
      MinimumAverageMrr three = MinimumAverageMrr.of("1000.00", "USD", 3);
      assertEquals("an average MRR of at least 1000.00 USD over the last 3 complete months", three.describe());
      assertEquals("an average MRR of at least 5 JPY over the last 1 complete month", MinimumAverageMrr.of("5", "JPY", 1).describe());
      MrrAssessment a = three.assess(REVIEW_MONTH, Map.of(
          YearMonth.of(2026, 8), Money.of("1000.00", "USD"), YearMonth.of(2026, 9), Money.of("1999.99", "USD")));
      assertEquals("an average MRR of at least 1000.00 USD over the last 3 complete months: 999.99 USD from 2026-08 to 2026-10"
          + " (total 2999.99 USD; 1 month without an entry counted as 0)", a.explanation());
      assertFalse(a.met());
      MrrAssessment b = three.assess(REVIEW_MONTH, Map.of(YearMonth.of(2026, 8), Money.of("10", "EUR"),
          YearMonth.of(2026, 9), Money.of("10", "EUR")));
      assertEquals("an average MRR of at least 1000.00 USD over the last 3 complete months: 0.00 USD from 2026-08 to 2026-10"
          + " (total 0.00 USD; 1 month without an entry counted as 0; 2 months in another currency counted as 0)", b.explanation());
      MrrAssessment c = three.assess(REVIEW_MONTH, Map.of(YearMonth.of(2026, 10), Money.of("10", "EUR")));
      assertEquals("an average MRR of at least 1000.00 USD over the last 3 complete months: 0.00 USD from 2026-08 to 2026-10"
          + " (total 0.00 USD; 2 months without an entry counted as 0; 1 month in another currency counted as 0)", c.explanation());
      MrrAssessment d = three.assess(REVIEW_MONTH, Map.of(YearMonth.of(2026, 8), Money.of("1000", "USD"),
          YearMonth.of(2026, 9), Money.of("1000", "USD"), YearMonth.of(2026, 10), Money.of("1000", "USD")));
      assertTrue(d.met());
      assertEquals("an average MRR of at least 1000.00 USD over the last 3 complete months: 1000.00 USD from 2026-08 to 2026-10"
          + " (total 3000.00 USD)", d.explanation(), "nothing counted as zero: nothing said about it");
    }

    @Test
    @DisplayName("amounts from 0 and windows of 1 to 36 months; below and beyond are refused by field")
    void limits() {
      assertTrue(MinimumAverageMrr.of("0", "USD", 1).assess(REVIEW_MONTH, Map.of()).met(), "a zero minimum is met by nothing");
      assertEquals(36, MinimumAverageMrr.of("1", "USD", MinimumAverageMrr.MAX_MONTHS).months());
      assertEquals(List.of(new Violation("months", "must be from 1 to 36, got 0")),
          violations(() -> MinimumAverageMrr.of("1", "USD", 0)));
      assertEquals(List.of(new Violation("months", "must be from 1 to 36, got 37")),
          violations(() -> MinimumAverageMrr.of("1", "USD", 37)));
      assertEquals(List.of(new Violation("amount", "must be 0 or more, got -0.01 USD")),
          violations(() -> MinimumAverageMrr.of("-0.01", "USD", 3)));
      assertEquals(List.of(new Violation("amount", "must not be null")), violations(() -> new MinimumAverageMrr(null, 3)));
      MinimumAverageMrr r = MinimumAverageMrr.of("1", "USD", 3);
      Map<YearMonth, Money> withNull = new HashMap<>();
      withNull.put(REVIEW_MONTH.minusMonths(1), null);
      assertEquals(List.of("mrrByMonth"), assertThrows(ValidationException.class, () -> r.assess(REVIEW_MONTH, withNull)).fields());
      Map<YearMonth, Money> nullKey = new HashMap<>();
      nullKey.put(null, Money.of("1", "USD"));
      assertEquals(List.of("mrrByMonth"), assertThrows(ValidationException.class, () -> r.assess(REVIEW_MONTH, nullKey)).fields());
    }
  }

  @Nested
  @DisplayName("Policy and run limits")
  class Limits {
    @Test
    @DisplayName("grace periods of 1 to 730 days; the builder and withGracePeriodDays refuse 0 and 731 on gracePeriodDays")
    void graceDays() {
      assertEquals(1, ReviewPolicy.builder().gracePeriodDays(1).build().gracePeriodDays());
      assertEquals(730, ReviewPolicy.DEFAULT.withGracePeriodDays(730).gracePeriodDays());
      assertEquals(90, ReviewPolicy.DEFAULT.gracePeriodDays());
      assertEquals(ReviewMode.AUTOMATIC, ReviewPolicy.DEFAULT.demotionMode());
      assertEquals(ReviewMode.RECOMMEND_ONLY, ReviewPolicy.DEFAULT.promotionMode());
      for (long bad : new long[] {0, -1, 731}) {
        assertEquals(List.of(new Violation("gracePeriodDays", "must be from 1 to 730, got " + bad)),
            violations(() -> ReviewPolicy.builder().gracePeriodDays(bad)));
        assertEquals(List.of("gracePeriodDays"), assertThrows(ValidationException.class,
            () -> ReviewPolicy.DEFAULT.withGracePeriodDays(bad)).fields());
      }
      assertEquals(List.of(new Violation("demotionMode", "must not be null")),
          violations(() -> ReviewPolicy.builder().demotionMode(null)));
      assertEquals(List.of(new Violation("promotionMode", "must not be null")),
          violations(() -> ReviewPolicy.builder().promotionMode(null)));
    }

    @Test
    @DisplayName("up to 10 revenue requirements per tier; an 11th, a null one, a null list or a null tier is refused by field")
    void requirementsPerTier() {
      List<RevenueRequirement> ten = new ArrayList<>();
      for (int i = 1; i <= ReviewPolicy.MAX_REQUIREMENTS_PER_TIER; i++) {
        ten.add(MinimumAverageMrr.of(i + ".00", "USD", 1));
      }
      ReviewPolicy full = ReviewPolicy.DEFAULT.withRevenue(Tier.GOLD, ten.toArray(RevenueRequirement[]::new));
      assertEquals(ten, full.revenueRequirementsOf(Tier.GOLD));
      assertEquals(List.of(), full.revenueRequirementsOf(Tier.SILVER));
      List<RevenueRequirement> eleven = new ArrayList<>(ten);
      eleven.add(MinimumAverageMrr.of("11.00", "USD", 1));
      assertEquals(List.of(new Violation("revenueRequirements.GOLD", "must hold at most 10 requirements, got 11")),
          violations(() -> ReviewPolicy.DEFAULT.withRevenue(Tier.GOLD, eleven.toArray(RevenueRequirement[]::new))));
      ReviewPolicy.Builder b = ReviewPolicy.builder();
      eleven.forEach(r -> b.revenue(Tier.PLATINUM, r));
      assertEquals(List.of("revenueRequirements.PLATINUM"), assertThrows(ValidationException.class, b::build).fields());
      assertEquals(List.of("revenueRequirements.GOLD"), assertThrows(ValidationException.class,
          () -> ReviewPolicy.DEFAULT.withRevenue(Tier.GOLD, (RevenueRequirement) null)).fields());
      assertEquals(List.of("revenueRequirements.GOLD"), assertThrows(ValidationException.class,
          () -> ReviewPolicy.DEFAULT.withRevenue(Tier.GOLD, (RevenueRequirement[]) null)).fields());
      Map<Tier, List<RevenueRequirement>> nullTier = new HashMap<>();
      nullTier.put(null, List.of());
      assertEquals(List.of(new Violation("revenueRequirements", "must not have a null tier")),
          violations(() -> new ReviewPolicy(90, ReviewMode.AUTOMATIC, ReviewMode.AUTOMATIC, nullTier)));
      assertEquals(List.of(new Violation("revenue.requirement", "must not be null"), new Violation("revenue.tier", "must not be null")),
          violations(() -> ReviewPolicy.builder().revenue(null, null)));
      MinimumAverageMrr once = MinimumAverageMrr.of("1.00", "USD", 1);
      assertThrows(ConfigurationException.class, () -> ReviewPolicy.builder().revenue(Tier.GOLD, once).revenue(Tier.GOLD, once));
      assertEquals(List.of(once), ReviewPolicy.builder().revenue(Tier.GOLD, once).revenue(Tier.PLATINUM, once).build()
          .revenueRequirementsOf(Tier.PLATINUM), "the same requirement on another tier is fine");
      Map<Tier, List<RevenueRequirement>> given = new EnumMap<>(Tier.class);
      given.put(Tier.GOLD, new ArrayList<>(List.of(once)));
      ReviewPolicy p = new ReviewPolicy(90, ReviewMode.AUTOMATIC, ReviewMode.AUTOMATIC, given);
      given.get(Tier.GOLD).clear();
      assertEquals(List.of(once), p.revenueRequirementsOf(Tier.GOLD), "the policy keeps its own copy");
      assertThrows(UnsupportedOperationException.class, () -> p.revenueRequirements().put(Tier.SILVER, Collections.emptyList()));
    }

    @Test
    @DisplayName("a run on a day after today, or before the latest reviewed day, is refused on date with the day allowed")
    void runDays() {
      TestClock clock = TestClock.at(Instant.parse("2026-11-28T08:00:00Z"));
      try (PartnerProgram program = PartnerProgram.builder().clock(clock).eligibilityRequirements(EligibilityRequirements.NONE)
          .store(MemoryStorage.create()).build()) {
        program.registry().add(new NewPartner("Days", "days@x.example", Tier.SILVER));
        LocalDate today = LocalDate.of(2026, 11, 28);
        assertEquals(List.of(new Violation("date", "must not be after today (2026-11-28), got 2026-11-29")),
            violations(() -> program.reviews().run(today.plusDays(1))));
        program.reviews().run(today.minusDays(2));
        assertEquals(List.of(new Violation("date",
            "must not be before the latest day already reviewed (2026-11-26), got 2026-11-25")),
            violations(() -> program.reviews().run(today.minusDays(3))));
        assertEquals(today.minusDays(2), program.reviews().run(today.minusDays(2)).date(), "the latest day again is fine");
        assertEquals(today, program.reviews().run().date(), "run() reviews today");
      }
    }

    @Test
    @DisplayName("a grace period's demotion day is after its first day; isOverOn is true from demotionDueOn on")
    void gracePeriod() {
      var id = new cloud.quazzar.partner.registry.PartnerId(new java.util.UUID(0, 1));
      LocalDate start = LocalDate.of(2026, 11, 28);
      assertEquals(List.of(new Violation("demotionDueOn", "must be after startedOn (2026-11-28), got 2026-11-28")),
          violations(() -> new GracePeriod(id, Tier.GOLD, start, start)));
      GracePeriod g = new GracePeriod(id, Tier.GOLD, start, start.plusDays(1));
      assertFalse(g.isOverOn(start));
      assertTrue(g.isOverOn(start.plusDays(1)));
      assertTrue(g.isOverOn(start.plusDays(2)));
    }
  }
}
