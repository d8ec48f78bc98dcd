package cloud.quazzar.partner.testkit.discount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.discount.AdjustmentKind;
import cloud.quazzar.partner.discount.AdjustmentRequest;
import cloud.quazzar.partner.discount.CancelRequest;
import cloud.quazzar.partner.discount.Combination;
import cloud.quazzar.partner.discount.DiscountCalculator;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PartnerAdjustment;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.QuoteItem;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.discount.VolumeStep;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.DiscountGenerators;
import cloud.quazzar.partner.testkit.oracle.DiscountOracle;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Example tests pinning the Gold 50-server case of rule DISC-2, the boundaries and the clear errors. */
class DiscountExamplesTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-01-15");
  private static final Currency USD = Currency.getInstance("USD");

  private final TestClock clock = TestClock.at(Instant.parse("2026-01-15T09:30:00Z"));
  private final PartnerProgram program = PartnerProgram.builder().store(MemoryStorage.create()).clock(clock).build();
  private final DiscountEngine engine = program.discounts();

  @AfterEach
  void close() {
    program.close();
  }

  private DiscountQuote quote(DiscountPolicy policy, Tier tier, long servers, String gross, String currency) {
    engine.setPolicy(policy, PolicyChange.today("admin", "example"));
    DiscountQuote q = engine.quote(tier, servers, TODAY, Money.of(gross, currency));
    assertEquals(List.of(), DiscountOracle.quote(policy, tier, servers, q.gross()).differences(q), "the oracle agrees");
    return q;
  }

  @Nested
  @DisplayName("The source's example")
  class Source {
    @Test
    @DisplayName("Gold with 50 servers: base 15% + volume bonus 5% for 50+ servers = 20%")
    void goldFifty() {
      DiscountQuote q = quote(DiscountGenerators.examplePolicy(), Tier.GOLD, 50, "1000.00", "USD");
      assertEquals(Rate.percent(15), q.baseRate());
      assertEquals(Optional.of(new VolumeStep(50, Rate.percent(5))), q.volumeStep());
      assertEquals(Rate.percent(5), q.volumeBonus());
      assertEquals(Rate.percent(20), q.totalRate());
      assertFalse(q.capApplied());
      assertEquals(Money.of("200.00", "USD"), q.discount());
      assertEquals(Money.of("800.00", "USD"), q.net());
      assertEquals(1, q.policyVersion().version());
      assertEquals(List.of(
          "quote for 2026-01-15 under policy version 1 (effective 2026-01-15)",
          "tier GOLD with 50 servers",
          "base rate GOLD: 15%",
          "volume step 50+ servers reached: bonus +5%",
          "combined (ADDITIVE): 20%",
          "limit 100%: not applied",
          "total rate: 20%",
          "gross: 1000.00 USD",
          "discount: 200.00 USD (gross × 20%, rounded HALF_UP to 0.01 USD)",
          "net: 800.00 USD"), q.explanation());
    }

    @Test
    @DisplayName("49 servers get no volume bonus; 50 get it ('50+' means 50 or more); 199 and 200 likewise")
    void boundaries() {
      engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "example"));
      DiscountCalculator c = engine.calculatorOn(TODAY);
      assertEquals(1500, c.rate(Tier.GOLD, 49).basisPoints());
      assertEquals(2000, c.rate(Tier.GOLD, 50).basisPoints());
      assertEquals(2000, c.rate(Tier.GOLD, 199).basisPoints());
      assertEquals(2300, c.rate(Tier.GOLD, 200).basisPoints(), "the highest step only: 15% + 8%, not 15% + 5% + 8%");
      assertEquals(Optional.empty(), c.quote(Tier.GOLD, 49, Money.of("100", "USD")).volumeStep());
      assertEquals(1000, c.rate(Tier.SILVER, 0).basisPoints());
      assertEquals(2800, c.rate(Tier.PLATINUM, Long.MAX_VALUE).basisPoints());
    }
  }

  @Nested
  @DisplayName("Money in each currency's minor unit")
  class Currencies {
    @Test
    @DisplayName("USD, 2 decimals: Gold 50 servers, 20% of 123.45 USD = 24.69 USD")
    void usd() {
      DiscountQuote q = quote(DiscountGenerators.examplePolicy(), Tier.GOLD, 50, "123.45", "USD");
      assertEquals(Money.of("24.69", "USD"), q.discount());
      assertEquals(Money.of("98.76", "USD"), q.net());
    }

    @Test
    @DisplayName("JPY, 0 decimals: Silver 10 servers, 10% of 1,235 JPY = 123.5 rounds HALF_UP to 124 JPY")
    void jpy() {
      DiscountQuote q = quote(DiscountGenerators.examplePolicy(), Tier.SILVER, 10, "1235", "JPY");
      assertEquals(Money.of("124", "JPY"), q.discount());
      assertEquals(Money.of("1111", "JPY"), q.net());
    }

    @Test
    @DisplayName("BHD, 3 decimals: Platinum 200 servers, 28% of 10.005 BHD = 2.8014 rounds to 2.801 BHD")
    void bhd() {
      DiscountQuote q = quote(DiscountGenerators.examplePolicy(), Tier.PLATINUM, 200, "10.005", "BHD");
      assertEquals(Money.of("2.801", "BHD"), q.discount());
      assertEquals(Money.of("7.204", "BHD"), q.net());
    }

    @Test
    @DisplayName("rounding is HALF_UP by default and configurable: 15% of 0.30 USD = 0.045 gives 0.05, HALF_EVEN 0.04")
    void rounding() {
      assertEquals(Money.of("0.05", "USD"), quote(DiscountGenerators.examplePolicy(), Tier.GOLD, 0, "0.30", "USD").discount());
      DiscountPolicy even = DiscountGenerators.examplePolicy().toBuilder().rounding(RoundingMode.HALF_EVEN).build();
      assertEquals(Money.of("0.04", "USD"), quote(even, Tier.GOLD, 0, "0.30", "USD").discount());
      DiscountPolicy down = DiscountGenerators.examplePolicy().toBuilder().rounding(RoundingMode.DOWN).build();
      assertEquals(Money.of("0.04", "USD"), quote(down, Tier.GOLD, 0, "0.30", "USD").discount());
    }

    @Test
    @DisplayName("an amount near the largest a Money holds is quoted exactly, with no wrap-around")
    void largestAmount() {
      DiscountQuote q = quote(DiscountGenerators.examplePolicy(), Tier.PLATINUM, 500, "92233720368547758.07", "USD");
      // 28% of 9,223,372,036,854,775,807 cents = 2,582,544,170,319,337,225.96 cents: HALF_UP 2,582,544,170,319,337,226
      assertEquals(Money.ofMinor(2_582_544_170_319_337_226L, USD), q.discount());
      assertEquals(Money.ofMinor(Long.MAX_VALUE - 2_582_544_170_319_337_226L, USD), q.net());
    }
  }

  @Nested
  @DisplayName("Combination, cap and adjustments")
  class Combining {
    @Test
    @DisplayName("COMPOUND: 15% then 5% = 1 - 0.85 × 0.95 = 19.25%")
    void compound() {
      DiscountPolicy p = DiscountGenerators.examplePolicy().toBuilder().combination(Combination.COMPOUND).build();
      DiscountQuote q = quote(p, Tier.GOLD, 50, "1000.00", "USD");
      assertEquals(1925, q.totalRate().basisPoints());
      assertEquals(Money.of("192.50", "USD"), q.discount());
    }

    @Test
    @DisplayName("COMPOUND rounds the rate to a basis point: 15.01% and 5.03% = 19.284997% gives 19.28%")
    void compoundRounding() {
      DiscountPolicy p = DiscountPolicy.builder().baseRate(Tier.SILVER, "15.01").baseRate(Tier.GOLD, "15.01")
          .baseRate(Tier.PLATINUM, "15.01").volumeStep(1, "5.03").combination(Combination.COMPOUND).build();
      assertEquals(1928, quote(p, Tier.GOLD, 1, "100.00", "USD").totalRate().basisPoints());
    }

    @Test
    @DisplayName("a cap limits the total and the quote says so: Platinum 200 servers 28% capped at 25%")
    void cap() {
      DiscountPolicy p = DiscountGenerators.examplePolicy().toBuilder().cap("25").build();
      DiscountQuote q = quote(p, Tier.PLATINUM, 200, "1000.00", "USD");
      assertEquals(2500, q.totalRate().basisPoints());
      assertTrue(q.capApplied());
      assertEquals(2800, q.uncappedBasisPoints());
      assertTrue(q.explanation().contains("cap 25%: applied"), q.explanation().toString());
    }

    @Test
    @DisplayName("an additive total above 100% is limited to 100%")
    void hundredPercent() {
      DiscountPolicy p = DiscountPolicy.builder().baseRate(Tier.SILVER, "60").baseRate(Tier.GOLD, "70")
          .baseRate(Tier.PLATINUM, "80").volumeStep(10, "30").build();
      DiscountQuote q = quote(p, Tier.PLATINUM, 10, "99.99", "USD");
      assertEquals(10_000, q.totalRate().basisPoints());
      assertTrue(q.capApplied());
      assertEquals(Money.of("0.00", "USD"), q.net());
    }

    @Test
    @DisplayName("a partner's adjustment is its own line: Gold 50 servers with +2% extra = 22%; a replaced base 18% = 23%")
    void adjustments() {
      engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "example"));
      Partner p = program.registry().add(new NewPartner("Adjusted Cloud", "ops@adjusted.example", Tier.GOLD));
      program.registry().addClient(p.id(), new NewClient("main", 50));
      PartnerAdjustment extra = engine.adjust(p.id(), AdjustmentRequest.extra(Rate.percent(2), "admin", "strategic account"));
      DiscountQuote q = engine.quote(p.id(), Money.of("1000.00", "USD"));
      assertEquals(2200, q.totalRate().basisPoints());
      assertTrue(q.explanation().contains("adjustment v1: extra +2% (2026-01-15 onwards): strategic account"),
          q.explanation().toString());
      assertEquals(Optional.of(extra), q.adjustment());
      engine.adjust(p.id(), AdjustmentRequest.replaceBase(Rate.percent(18), "admin", "negotiated").withEffectiveFrom(TODAY.plusDays(1)));
      DiscountQuote replaced = engine.quote(p.id(), TODAY.plusDays(1), Money.of("1000.00", "USD"));
      assertEquals(2300, replaced.totalRate().basisPoints());
      assertEquals(Rate.percent(15), replaced.baseRate());
      assertEquals(Rate.percent(18), replaced.effectiveBaseRate());
      assertEquals(2200, engine.quote(p.id(), TODAY, Money.of("1000.00", "USD")).totalRate().basisPoints(), "today unchanged");
    }
  }

  @Nested
  @DisplayName("Clear errors")
  class Errors {
    @Test
    @DisplayName("quoting with no policy configured is a NotFoundException, not a zero discount")
    void noPolicy() {
      NotFoundException e = assertThrows(NotFoundException.class,
          () -> engine.quote(Tier.GOLD, 50, TODAY, Money.of("1000.00", "USD")));
      assertEquals("discount policy", e.entity());
      assertTrue(e.getMessage().contains("none is set"), e.getMessage());
      assertThrows(NotFoundException.class, () -> engine.calculatorOn(TODAY));
      assertThrows(NotFoundException.class,
          () -> engine.quoteAll(TODAY, USD, List.of(QuoteItem.of(Tier.GOLD, 1, Money.of("1", "USD")))));
      assertEquals(Optional.empty(), engine.policyOn(TODAY));
    }

    @Test
    @DisplayName("negative server counts and negative amounts are refused, every field named")
    void negatives() {
      engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "example"));
      ValidationException e = assertThrows(ValidationException.class,
          () -> engine.quote(Tier.GOLD, -1, TODAY, Money.of("-0.01", "USD")));
      assertEquals(List.of("gross", "serverCount"), e.fields());
      assertEquals(List.of("date", "gross", "serverCount", "tier"),
          assertThrows(ValidationException.class, () -> engine.quote(null, -1, null, null)).fields());
      assertEquals(List.of("gross", "serverCount"),
          assertThrows(ValidationException.class, () -> QuoteItem.of(Tier.GOLD, -5, Money.of("-1", "USD"))).fields());
      assertEquals(List.of("serverCount"),
          assertThrows(ValidationException.class, () -> engine.calculatorOn(TODAY).rate(Tier.GOLD, -1)).fields());
    }

    @Test
    @DisplayName("a batch names every item in another currency and every null item")
    void mixedCurrencies() {
      engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "example"));
      List<QuoteItem> items = new ArrayList<>();
      items.add(QuoteItem.of(Tier.GOLD, 50, Money.of("10.00", "USD")));
      items.add(QuoteItem.of(Tier.GOLD, 50, Money.of("10.00", "EUR")));
      items.add(null);
      ValidationException e = assertThrows(ValidationException.class, () -> engine.quoteAll(TODAY, USD, items));
      assertEquals(List.of("items[1].gross", "items[2]"), e.fields());
      assertTrue(e.getMessage().contains("must be in the run's currency USD, got 10.00 EUR"), e.getMessage());
      assertThrows(ValidationException.class, () -> Money.of("1", "USD").plus(Money.of("1", "EUR")));
    }

    @Test
    @DisplayName("amounts that do not fit are a clear error naming the amount, never a wrapped number")
    void overflow() {
      ValidationException parse = assertThrows(ValidationException.class, () -> Money.of("92233720368547758.08", "USD"));
      assertEquals(List.of("amount"), parse.fields());
      assertTrue(parse.getMessage().contains("does not fit"), parse.getMessage());
      Money max = Money.ofMinor(Long.MAX_VALUE, USD);
      assertEquals(List.of("amount"), assertThrows(ValidationException.class, () -> max.plus(Money.of("0.01", "USD"))).fields());
      assertEquals(List.of("amount"), assertThrows(ValidationException.class, () -> max.times(2)).fields());
      engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "example"));
      List<QuoteItem> two = List.of(QuoteItem.of(Tier.GOLD, 1, max), QuoteItem.of(Tier.GOLD, 1, Money.of("0.01", "USD")));
      ValidationException total = assertThrows(ValidationException.class, () -> engine.quoteAll(TODAY, USD, two));
      assertEquals(List.of("items"), total.fields());
      assertTrue(total.getMessage().contains("does not fit"), total.getMessage());
    }

    @Test
    @DisplayName("more decimals than the currency has are refused: 12.345 USD, 1.5 JPY")
    void tooManyDecimals() {
      assertEquals(List.of("amount"), assertThrows(ValidationException.class, () -> Money.of("12.345", "USD")).fields());
      assertEquals(List.of("amount"), assertThrows(ValidationException.class, () -> Money.of("1.5", "JPY")).fields());
      assertEquals(Money.of("12.34", "USD"), Money.of("12.340", "USD"));
      assertEquals(List.of("amount", "currency"), assertThrows(ValidationException.class, () -> Money.of("x", "XYZ")).fields());
    }

    @Test
    @DisplayName("policy validation names every offending entry")
    void policyEntriesNamed() {
      ValidationException e = assertThrows(ValidationException.class, () -> DiscountPolicy.builder()
          .baseRate(Tier.SILVER, "20")
          .baseRate(Tier.GOLD, "15.125")
          .baseRate(Tier.PLATINUM, "101")
          .volumeStep(10, "2")
          .volumeStep(50, "5")
          .volumeStep(40, "4")
          .volumeStep(-3, "abc")
          .volumeStep(3_000_000_000L, "9")
          .cap("12")
          .rounding(RoundingMode.UNNECESSARY)
          .build());
      assertEquals(List.of("baseRates.GOLD", "baseRates.PLATINUM", "cap", "rounding", "volumeSchedule[2].bonus",
          "volumeSchedule[2].minServerCount", "volumeSchedule[3].bonus", "volumeSchedule[3].minServerCount",
          "volumeSchedule[4].minServerCount"), e.fields());
      assertTrue(e.violations().contains(new Violation("volumeSchedule[4].minServerCount",
          "must be from 0 to 1000000000, got 3000000000")), e.getMessage());
      assertTrue(e.violations().contains(new Violation("volumeSchedule[2].minServerCount",
          "must be greater than step 1's 50, got 40 (thresholds strictly increase)")), e.getMessage());
      assertTrue(e.violations().contains(new Violation("volumeSchedule[2].bonus",
          "must be at least step 1's 5%, got 4% (a bonus never falls as servers rise)")), e.getMessage());
      assertTrue(e.violations().contains(new Violation("baseRates.GOLD",
          "must have at most two decimals (whole basis points), got 15.125%")), e.getMessage());
      assertTrue(e.violations().contains(new Violation("baseRates.PLATINUM", "must be from 0% to 100%, got 101%")), e.getMessage());
      assertTrue(e.violations().contains(new Violation("cap",
          "must be at least every base rate, but SILVER's is 20% (cap 12%)")), e.getMessage());
    }

    @Test
    @DisplayName("a lower tier with a higher base rate, and tier schedules that would pay a higher tier less, are refused")
    void monotoneRefused() {
      ValidationException base = assertThrows(ValidationException.class, () -> DiscountPolicy.builder()
          .baseRate(Tier.SILVER, "10").baseRate(Tier.GOLD, "25").baseRate(Tier.PLATINUM, "20").build());
      assertEquals(List.of(new Violation("baseRates.GOLD",
          "must not exceed PLATINUM's 20%: a lower tier never gets a higher base rate (was 25%)")), base.violations());
      ValidationException schedules = assertThrows(ValidationException.class, () -> DiscountGenerators.examplePolicy()
          .toBuilder().tierVolumeStep(Tier.SILVER, 100, "12").build());
      assertEquals(List.of(new Violation("tierSchedules.SILVER",
          "at 100 servers GOLD's total rate 20% would be below SILVER's 22%: a higher tier never gets a smaller total rate")),
          schedules.violations());
      assertEquals(List.of("baseRates.PLATINUM"), assertThrows(ValidationException.class, () -> DiscountPolicy.builder()
          .baseRate(Tier.SILVER, "10").baseRate(Tier.GOLD, "15").build()).fields());
    }

    @Test
    @DisplayName("an adjustment's absent dates are empty Optionals (today, open-ended); null ones and an end before the start are refused")
    void adjustmentDates() {
      engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "example"));
      Partner p = program.registry().add(new NewPartner("Dated Cloud", "ops@dated.example", Tier.GOLD));
      assertEquals(List.of("createdBy", "effectiveFrom", "effectiveUntil"), assertThrows(ValidationException.class,
          () -> engine.adjust(p.id(), new AdjustmentRequest(AdjustmentKind.EXTRA, Rate.percent(1), null, null, "", "b")))
          .fields());
      ValidationException order = assertThrows(ValidationException.class, () -> engine.adjust(p.id(),
          AdjustmentRequest.extra(Rate.percent(1), "a", "b").withEffectiveFrom(TODAY.plusDays(3))
              .withEffectiveUntil(TODAY.plusDays(2))));
      assertEquals(List.of(new Violation("effectiveUntil", "must be on or after the first day, " + TODAY.plusDays(3)
          + " (both days are inclusive), got " + TODAY.plusDays(2))), order.violations());
      assertEquals(List.of(), engine.adjustmentHistory(p.id()), "nothing stored on failure");
      PartnerAdjustment open = engine.adjust(p.id(), new AdjustmentRequest(AdjustmentKind.EXTRA, Rate.percent(1),
          Optional.empty(), Optional.empty(), "a", "b"));
      assertEquals(TODAY, open.effectiveFrom(), "empty effectiveFrom: today");
      assertEquals(Optional.empty(), open.effectiveUntil(), "empty effectiveUntil: open-ended");
      PartnerAdjustment oneDay = engine.adjust(p.id(), AdjustmentRequest.extra(Rate.percent(2), "a", "b")
          .withEffectiveUntil(TODAY));
      assertEquals(Optional.of(TODAY), oneDay.effectiveUntil(), "a period of one day: first and last day today");
    }

    @Test
    @DisplayName("a version never starts in the past, and one in force cannot be cancelled")
    void versionRules() {
      ValidationException past = assertThrows(ValidationException.class, () -> engine.setPolicy(
          DiscountGenerators.examplePolicy(), PolicyChange.from(TODAY.minusDays(1), "admin", "backdated")));
      assertEquals(List.of("effectiveFrom"), past.fields());
      assertEquals(List.of("createdBy", "effectiveFrom", "policy", "reason"),
          assertThrows(ValidationException.class, () -> engine.setPolicy(null, new PolicyChange(null, " ", ""))).fields(),
          "a null date is bad input, not today: today is Optional.empty()");
      assertEquals(List.of(), engine.policyHistory(), "nothing stored on failure");
      engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "now"));
      assertThrows(cloud.quazzar.partner.ConflictException.class,
          () -> engine.cancelPolicy(1, new CancelRequest("admin", "oops")));
      assertThrows(NotFoundException.class, () -> engine.cancelPolicy(7, new CancelRequest("admin", "none")));
    }
  }
}
