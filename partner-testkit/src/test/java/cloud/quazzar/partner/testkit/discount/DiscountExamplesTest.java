package cloud.quazzar.partner.testkit.discount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.discount.AdjustmentKind;
import cloud.quazzar.partner.discount.AdjustmentRequest;
import cloud.quazzar.partner.discount.BatchQuote;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** A policy giving every tier {@code percent}, without steps, rounding by {@code mode}. */
  private static DiscountPolicy flat(String percent, RoundingMode mode) {
    return DiscountPolicy.builder().baseRate(Tier.SILVER, percent).baseRate(Tier.GOLD, percent)
        .baseRate(Tier.PLATINUM, percent).rounding(mode).build();
  }

  /** A partner of {@code tier} with {@code servers} servers. */
  private Partner partner(String name, Tier tier, long servers) {
    Partner p = program.registry().add(new NewPartner(name, name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')
        + "@partners.example", tier));
    program.registry().addClient(p.id(), new NewClient("main", servers));
    return p;
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

    @Test
    @DisplayName("the same from the policy alone, without a program: DiscountCalculator.of(policy)")
    void policyAlone() {
      DiscountCalculator c = DiscountCalculator.of(DiscountGenerators.examplePolicy());
      assertEquals(Rate.percent(20), c.rate(Tier.GOLD, 50));
      DiscountQuote q = c.quote(Tier.GOLD, 50, Money.of("1000.00", "USD"));
      assertEquals(Money.of("200.00", "USD"), q.discount());
      assertEquals(Money.of("800.00", "USD"), q.net());
      assertEquals(LocalDate.EPOCH, c.date());
      assertEquals(1, c.policyVersion().version());
      assertEquals(LocalDate.EPOCH, c.policyVersion().effectiveFrom());
      assertEquals("DiscountCalculator.of", c.policyVersion().createdBy());
      assertEquals("quote for 1970-01-01 under policy version 1 (effective 1970-01-01)", q.explanation().get(0));
      assertEquals(TODAY, DiscountCalculator.of(DiscountGenerators.examplePolicy(), TODAY).quote(Tier.SILVER, 0,
          Money.of("1", "USD")).basis().date());
      ValidationException e = assertThrows(ValidationException.class, () -> DiscountCalculator.of(null, null));
      assertEquals(List.of("date", "policy"), e.fields());
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
      engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.from(TODAY.plusDays(2), "admin", "scheduled"));
      NotFoundException early = assertThrows(NotFoundException.class,
          () -> engine.quote(Tier.GOLD, 50, TODAY.plusDays(1), Money.of("1000.00", "USD")));
      assertTrue(early.getMessage().contains("in force on 2026-01-16 (the first version in force starts on 2026-01-17)"),
          early.getMessage());
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
      assertEquals(List.of(new Violation("serverCount", "must be greater than or equal to 0, got -2"),
          new Violation("tier", "must not be null")),
          assertThrows(ValidationException.class, () -> engine.calculatorOn(TODAY).rate(null, -2)).violations());
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
      assertEquals(List.of(), engine.adjustmentHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items(), "nothing stored on failure");
      PartnerAdjustment open = engine.adjust(p.id(), new AdjustmentRequest(AdjustmentKind.EXTRA, Rate.percent(1),
          Optional.empty(), Optional.empty(), "a", "b"));
      assertEquals(TODAY, open.effectiveFrom(), "empty effectiveFrom: today");
      assertEquals(Optional.empty(), open.effectiveUntil(), "empty effectiveUntil: open-ended");
      PartnerAdjustment oneDay = engine.adjust(p.id(), AdjustmentRequest.extra(Rate.percent(2), "a", "b")
          .withEffectiveUntil(TODAY));
      assertEquals(Optional.of(TODAY), oneDay.effectiveUntil(), "a period of one day: first and last day today");
    }

    @Test
    @DisplayName("what is not there is a NotFoundException naming the entity and the id asked for")
    void notFoundNamesWhat() {
      engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "example"));
      NotFoundException version = assertThrows(NotFoundException.class, () -> engine.cancelPolicy(7, new CancelRequest("a", "b")));
      assertEquals(List.of("discount policy version", "7"), List.of(version.entity(), version.id()));
      Partner p = partner("Found Cloud", Tier.GOLD, 5);
      NotFoundException adjustment = assertThrows(NotFoundException.class,
          () -> engine.cancelAdjustment(p.id(), 3, new CancelRequest("a", "b")));
      assertEquals(List.of("discount adjustment version", p.id() + "/3"), List.of(adjustment.entity(), adjustment.id()));
      cloud.quazzar.partner.registry.PartnerId unknown = new cloud.quazzar.partner.registry.PartnerId(new java.util.UUID(7, 7));
      for (org.junit.jupiter.api.function.Executable call : List.<org.junit.jupiter.api.function.Executable>of(
          () -> engine.cancelAdjustment(unknown, 1, new CancelRequest("a", "b")),
          () -> engine.adjust(unknown, AdjustmentRequest.none("a", "b")),
          () -> engine.adjustmentOn(unknown, TODAY),
          () -> engine.adjustmentHistory(unknown, PageRequest.first(PageRequest.MAX_LIMIT)).items(),
          () -> engine.quote(unknown, TODAY, Money.of("1.00", "USD")))) {
        NotFoundException e = assertThrows(NotFoundException.class, call);
        assertEquals(List.of("partner", unknown.toString()), List.of(e.entity(), e.id()));
      }
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

  @Nested
  @DisplayName("Rounding ties, rule DISC-6")
  class Ties {
    /** The discount in minor units for each mode: UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN, HALF_EVEN. */
    private Map<RoundingMode, Long> expect(long up, long down, long ceiling, long floor, long halfUp, long halfDown, long halfEven) {
      Map<RoundingMode, Long> m = new EnumMap<>(RoundingMode.class);
      m.put(RoundingMode.UP, up);
      m.put(RoundingMode.DOWN, down);
      m.put(RoundingMode.CEILING, ceiling);
      m.put(RoundingMode.FLOOR, floor);
      m.put(RoundingMode.HALF_UP, halfUp);
      m.put(RoundingMode.HALF_DOWN, halfDown);
      m.put(RoundingMode.HALF_EVEN, halfEven);
      return m;
    }

    /** Quotes {@code grossMinor} cents at {@code percent} under each mode's policy (and the oracle agrees). */
    private void check(String percent, long grossMinor, Map<RoundingMode, Long> expected) {
      Money gross = Money.ofMinor(grossMinor, USD);
      BigDecimal exact = BigDecimal.valueOf(grossMinor).multiply(Rate.percent(percent).toFraction());
      assertEquals(0, exact.remainder(BigDecimal.ONE).compareTo(new BigDecimal("0.5")), "a tie: " + exact);
      expected.forEach((mode, minor) -> {
        DiscountQuote q = quote(flat(percent, mode), Tier.GOLD, 0, gross.toBigDecimal().toPlainString(), "USD");
        assertEquals(Money.ofMinor(minor, USD), q.discount(), mode + " of " + exact + " cents");
        assertEquals(exact.setScale(0, mode).longValueExact(), minor, mode + ": BigDecimal agrees");
      });
    }

    @Test
    @DisplayName("15% of 0.10 USD is 0.015 USD: an odd quotient, so HALF_EVEN rounds up to 0.02 (HALF_DOWN 0.01)")
    void oddQuotient() {
      check("15", 10, expect(2, 1, 2, 1, 2, 1, 2));
    }

    @Test
    @DisplayName("15% of 0.30 USD is 0.045 USD: an even quotient, so HALF_EVEN rounds down to 0.04 (HALF_UP 0.05)")
    void evenQuotient() {
      check("15", 30, expect(5, 4, 5, 4, 5, 4, 4));
    }

    @Test
    @DisplayName("50% of the largest amount is 4,611,686,018,427,387,903.5 cents: an odd quotient past the fast multiply, so HALF_EVEN rounds up")
    void oddQuotientOfTheLargestAmount() {
      check("50", Long.MAX_VALUE, expect(4_611_686_018_427_387_904L, 4_611_686_018_427_387_903L, 4_611_686_018_427_387_904L,
          4_611_686_018_427_387_903L, 4_611_686_018_427_387_904L, 4_611_686_018_427_387_903L, 4_611_686_018_427_387_904L));
    }

    @Test
    @DisplayName("50% of the largest amount less 0.02 USD is 4,611,686,018,427,387,902.5 cents: an even quotient, so HALF_EVEN rounds down")
    void evenQuotientOfALargeAmount() {
      check("50", Long.MAX_VALUE - 2, expect(4_611_686_018_427_387_903L, 4_611_686_018_427_387_902L, 4_611_686_018_427_387_903L,
          4_611_686_018_427_387_902L, 4_611_686_018_427_387_903L, 4_611_686_018_427_387_902L, 4_611_686_018_427_387_902L));
    }

    @Test
    @DisplayName("COMPOUND ties: 0.5% and 1% make 1.495%, 149.5 bp: HALF_EVEN 1.5%, HALF_DOWN 1.49%; 0.5% and 3% make 3.485%: HALF_EVEN 3.48%")
    void compoundTies() {
      DiscountPolicy.Builder half = DiscountPolicy.builder().baseRate(Tier.SILVER, "0.5").baseRate(Tier.GOLD, "0.5")
          .baseRate(Tier.PLATINUM, "0.5").volumeStep(1, "1").volumeStep(3, "3").combination(Combination.COMPOUND);
      DiscountPolicy even = half.rounding(RoundingMode.HALF_EVEN).build();
      assertEquals(150, quote(even, Tier.GOLD, 1, "100.00", "USD").totalRate().basisPoints());
      assertEquals(348, quote(even, Tier.GOLD, 3, "100.00", "USD").totalRate().basisPoints());
      DiscountPolicy down = even.toBuilder().rounding(RoundingMode.HALF_DOWN).build();
      assertEquals(149, quote(down, Tier.GOLD, 1, "100.00", "USD").totalRate().basisPoints());
      DiscountPolicy up = even.toBuilder().rounding(RoundingMode.HALF_UP).build();
      assertEquals(349, quote(up, Tier.GOLD, 3, "100.00", "USD").totalRate().basisPoints());
    }
  }

  @Nested
  @DisplayName("Explanations, rules DISC-2, DISC-3 and DISC-8: every line, for each kind of adjustment")
  class Explanations {
    @Test
    @DisplayName("EXTRA: its own line after the step, and the combined line includes it: 15% + 5% + 2% = 22%")
    void extra() {
      engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "example"));
      Partner p = partner("Extra Cloud", Tier.GOLD, 50);
      engine.adjust(p.id(), AdjustmentRequest.extra(Rate.percent(2), "admin", "strategic account"));
      DiscountQuote q = engine.quote(p.id(), Money.of("1000.00", "USD"));
      assertEquals(2200, q.uncappedBasisPoints());
      assertEquals(Rate.percent(2), q.extraRate());
      assertEquals(Rate.percent(15), q.effectiveBaseRate());
      assertEquals(List.of(
          "quote for 2026-01-15 under policy version 1 (effective 2026-01-15)",
          "tier GOLD with 50 servers",
          "base rate GOLD: 15%",
          "volume step 50+ servers reached: bonus +5%",
          "adjustment v1: extra +2% (2026-01-15 onwards): strategic account",
          "combined (ADDITIVE): 22%",
          "limit 100%: not applied",
          "total rate: 22%",
          "gross: 1000.00 USD",
          "discount: 220.00 USD (gross × 22%, rounded HALF_UP to 0.01 USD)",
          "net: 780.00 USD"), q.explanation());
    }

    @Test
    @DisplayName("EXTRA past the cap: the combined line shows 28% + 5.25% = 33.25%, then the cap of 25% applies")
    void extraPastTheCap() {
      engine.setPolicy(DiscountGenerators.examplePolicy().toBuilder().cap("25").build(), PolicyChange.today("admin", "capped"));
      Partner p = partner("Capped Cloud", Tier.PLATINUM, 200);
      engine.adjust(p.id(), AdjustmentRequest.extra(Rate.percent("5.25"), "admin", "launch"));
      DiscountQuote q = engine.quote(p.id(), Money.of("1000.00", "USD"));
      assertEquals(3325, q.uncappedBasisPoints(), "the extra rate is part of the uncapped total");
      assertEquals(Rate.percent(25), q.totalRate());
      assertTrue(q.capApplied());
      assertEquals(List.of(
          "quote for 2026-01-15 under policy version 1 (effective 2026-01-15)",
          "tier PLATINUM with 200 servers",
          "base rate PLATINUM: 20%",
          "volume step 200+ servers reached: bonus +8%",
          "adjustment v1: extra +5.25% (2026-01-15 onwards): launch",
          "combined (ADDITIVE): 33.25%",
          "cap 25%: applied",
          "total rate: 25%",
          "gross: 1000.00 USD",
          "discount: 250.00 USD (gross × 25%, rounded HALF_UP to 0.01 USD)",
          "net: 750.00 USD"), q.explanation());
    }

    @Test
    @DisplayName("REPLACE_BASE for six days: the base line keeps the policy's rate, the adjustment line gives the replacement and its period")
    void replaceBase() {
      engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "example"));
      Partner p = partner("Replaced Cloud", Tier.GOLD, 50);
      engine.adjust(p.id(), AdjustmentRequest.replaceBase(Rate.percent(18), "admin", "negotiated")
          .withEffectiveUntil(TODAY.plusDays(5)));
      DiscountQuote q = engine.quote(p.id(), Money.of("1000.00", "USD"));
      assertEquals(2300, q.uncappedBasisPoints());
      assertEquals(Rate.ZERO, q.extraRate());
      assertEquals(Rate.percent(18), q.effectiveBaseRate());
      assertEquals(Rate.percent(15), q.baseRate());
      assertEquals(List.of(
          "quote for 2026-01-15 under policy version 1 (effective 2026-01-15)",
          "tier GOLD with 50 servers",
          "base rate GOLD: 15%",
          "volume step 50+ servers reached: bonus +5%",
          "adjustment v1: base rate replaced by 18% (2026-01-15 to 2026-01-20): negotiated",
          "combined (ADDITIVE): 23%",
          "limit 100%: not applied",
          "total rate: 23%",
          "gross: 1000.00 USD",
          "discount: 230.00 USD (gross × 23%, rounded HALF_UP to 0.01 USD)",
          "net: 770.00 USD"), q.explanation());
      assertEquals(2000, engine.quote(p.id(), TODAY.plusDays(6), Money.of("1000.00", "USD")).uncappedBasisPoints(),
          "the day after its last day");
    }

    @Test
    @DisplayName("COMPOUND with an EXTRA adds it after compounding (19.25% + 2% = 21.25%); with REPLACE_BASE compounds the replacement (1 - 0.82 × 0.95 = 22.1%)")
    void compoundWithAdjustments() {
      engine.setPolicy(DiscountGenerators.examplePolicy().toBuilder().combination(Combination.COMPOUND).build(),
          PolicyChange.today("admin", "compound"));
      Partner extra = partner("Compound Extra", Tier.GOLD, 50);
      engine.adjust(extra.id(), AdjustmentRequest.extra(Rate.percent(2), "admin", "promo"));
      DiscountQuote e = engine.quote(extra.id(), Money.of("1000.00", "USD"));
      assertEquals(2125, e.uncappedBasisPoints());
      assertTrue(e.explanation().contains("combined (COMPOUND): 21.25%"), e.explanation().toString());
      assertEquals(Money.of("212.50", "USD"), e.discount());
      Partner replaced = partner("Compound Replaced", Tier.GOLD, 50);
      engine.adjust(replaced.id(), AdjustmentRequest.replaceBase(Rate.percent(18), "admin", "deal"));
      DiscountQuote r = engine.quote(replaced.id(), Money.of("1000.00", "USD"));
      assertEquals(2210, r.uncappedBasisPoints());
      assertTrue(r.explanation().contains("combined (COMPOUND): 22.1%"), r.explanation().toString());
      assertEquals(Money.of("221.00", "USD"), r.discount());
    }

    @Test
    @DisplayName("NONE in force: no adjustment line, nothing extra; the quote explains itself as the tier's own quote does")
    void none() {
      engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "example"));
      Partner p = partner("Paused Cloud", Tier.GOLD, 50);
      engine.adjust(p.id(), AdjustmentRequest.extra(Rate.percent(2), "admin", "strategic account"));
      engine.adjust(p.id(), AdjustmentRequest.none("admin", "paused").withEffectiveFrom(TODAY.plusDays(1)));
      DiscountQuote q = engine.quote(p.id(), TODAY.plusDays(1), Money.of("1000.00", "USD"));
      assertEquals(Optional.empty(), q.adjustment());
      assertEquals(Rate.ZERO, q.extraRate());
      assertEquals(2000, q.uncappedBasisPoints());
      assertEquals(engine.quote(Tier.GOLD, 50, TODAY.plusDays(1), Money.of("1000.00", "USD")).explanation(), q.explanation());
      assertFalse(q.explanation().stream().anyMatch(l -> l.startsWith("adjustment")), q.explanation().toString());
    }

    @Test
    @DisplayName("no step reached, a currency without decimals: 'none reached' and rounding to 1 JPY")
    void noStepInYen() {
      DiscountQuote q = quote(DiscountGenerators.examplePolicy(), Tier.SILVER, 10, "1235", "JPY");
      assertEquals(Optional.empty(), q.volumeStep());
      assertEquals(Rate.ZERO, q.volumeBonus());
      assertEquals(List.of(
          "quote for 2026-01-15 under policy version 1 (effective 2026-01-15)",
          "tier SILVER with 10 servers",
          "base rate SILVER: 10%",
          "volume step: none reached (no bonus)",
          "combined (ADDITIVE): 10%",
          "limit 100%: not applied",
          "total rate: 10%",
          "gross: 1235 JPY",
          "discount: 124 JPY (gross × 10%, rounded HALF_UP to 1 JPY)",
          "net: 1111 JPY"), q.explanation());
    }

    @Test
    @DisplayName("a cap that does not apply, three decimals: 'cap 25%: not applied' and rounding to 0.001 BHD")
    void capNotAppliedInDinars() {
      DiscountQuote q = quote(DiscountGenerators.examplePolicy().toBuilder().cap("25").rounding(RoundingMode.DOWN).build(),
          Tier.GOLD, 50, "10.005", "BHD");
      assertEquals(Rate.percent(25), q.cap());
      assertFalse(q.capApplied());
      assertEquals(List.of(
          "cap 25%: not applied",
          "total rate: 20%",
          "gross: 10.005 BHD",
          "discount: 2.001 BHD (gross × 20%, rounded DOWN to 0.001 BHD)",
          "net: 8.004 BHD"), q.explanation().subList(5, 10));
    }
  }

  @Nested
  @DisplayName("Quote values")
  class QuoteValues {
    @Test
    @DisplayName("two quotes are equal exactly when every part is (tier, servers, gross, date, version, adjustment), and equal ones hash alike")
    void equality() {
      // every tier 15%, +5% from 50 servers: quotes that differ in one part only can share a rate
      DiscountPolicy policy = flat("15", RoundingMode.HALF_UP).toBuilder().volumeStep(50, "5").build();
      engine.setPolicy(policy, PolicyChange.today("admin", "equal rates"));
      Money thousand = Money.of("1000.00", "USD");
      DiscountQuote q = engine.quote(Tier.GOLD, 60, TODAY, thousand);
      DiscountQuote fromCalculator = engine.calculatorOn(TODAY).quote(Tier.GOLD, 60, thousand);
      DiscountQuote fromRun = engine.quoteAll(TODAY, USD, List.of(QuoteItem.of(Tier.GOLD, 60, thousand))).quotes().get(0);
      assertEquals(q, fromCalculator);
      assertEquals(q, fromRun);
      assertEquals(q.hashCode(), fromCalculator.hashCode());
      assertEquals(q.hashCode(), fromRun.hashCode());
      assertNotEquals(q, engine.quote(Tier.GOLD, 70, TODAY, thousand), "servers");
      assertNotEquals(q, engine.quote(Tier.SILVER, 60, TODAY, thousand), "tier");
      DiscountQuote cent = engine.quote(Tier.GOLD, 60, TODAY, Money.of("1000.01", "USD"));
      assertEquals(q.discount(), cent.discount());
      assertNotEquals(q, cent, "gross");
      assertNotEquals(q, engine.quote(Tier.GOLD, 60, TODAY.plusDays(1), thousand), "date");
      assertNotEquals(q, engine.quote(Tier.GOLD, 60, TODAY, Money.of("1000", "JPY")), "currency");
      Partner p = partner("Zero Extra", Tier.GOLD, 60);
      engine.adjust(p.id(), AdjustmentRequest.extra(Rate.ZERO, "admin", "placeholder"));
      DiscountQuote adjusted = engine.quote(p.id(), thousand);
      assertEquals(q.totalRate(), adjusted.totalRate());
      assertNotEquals(q, adjusted, "adjustment");
      engine.setPolicy(policy, PolicyChange.today("admin", "same policy, new version"));
      assertNotEquals(q, engine.quote(Tier.GOLD, 60, TODAY, thousand), "version");
      assertNotEquals(q, null);
      assertNotEquals(q, q.toString());
    }

    @Test
    @DisplayName("the one-line forms the javadoc gives: a quote, a policy, a step, a version")
    void oneLineForms() {
      DiscountQuote q = quote(DiscountGenerators.examplePolicy(), Tier.GOLD, 50, "1000.00", "USD");
      assertEquals("GOLD, 50 servers, 2026-01-15, v1: 20% of 1000.00 USD = 200.00 USD, net 800.00 USD", q.toString());
      assertEquals("base SILVER 10%, GOLD 15%, PLATINUM 20%; steps 50+ servers: +5%, 200+ servers: +8%; ADDITIVE; no cap; HALF_UP",
          DiscountGenerators.examplePolicy().toString());
      assertEquals("base SILVER 10%, GOLD 15%, PLATINUM 20%; steps none; GOLD steps none; PLATINUM steps 10+ servers: +0.5%;"
          + " COMPOUND; cap 25%; HALF_EVEN", DiscountPolicy.builder().baseRate(Tier.SILVER, "10").baseRate(Tier.GOLD, "15")
          .baseRate(Tier.PLATINUM, "20").tierVolumeStep(Tier.PLATINUM, 10, "0.5").tierSchedule(Tier.GOLD)
          .combination(Combination.COMPOUND).cap("25").rounding(RoundingMode.HALF_EVEN).build().toString());
      assertEquals("50+ servers: +5%", new VolumeStep(50, Rate.percent(5)).toString());
      assertEquals("policy version 1 (effective 2026-01-15)", q.policyVersion().label());
    }
  }

  @Nested
  @DisplayName("Policy validation, rule DISC-4: every problem by entry")
  class PolicyValidation {
    @Test
    @DisplayName("equal thresholds are refused, naming the later step: thresholds strictly increase")
    void equalThresholds() {
      ValidationException shared = assertThrows(ValidationException.class, () -> DiscountGenerators.examplePolicy().toBuilder()
          .volumeStep(200, "9").build());
      assertEquals(List.of(new Violation("volumeSchedule[2].minServerCount",
          "must be greater than step 1's 200, got 200 (thresholds strictly increase)")), shared.violations());
      Map<Tier, List<VolumeStep>> own = Map.of(Tier.GOLD, List.of(new VolumeStep(0, Rate.percent(1)), new VolumeStep(0, Rate.percent(2))));
      ValidationException tier = assertThrows(ValidationException.class, () -> new DiscountPolicy(
          DiscountGenerators.examplePolicy().baseRates(), List.of(), own, Combination.ADDITIVE, Rate.FULL, RoundingMode.HALF_UP));
      assertEquals(List.of(new Violation("tierSchedules.GOLD[1].minServerCount",
          "must be greater than step 0's 0, got 0 (thresholds strictly increase)")), tier.violations());
    }

    /** {@code count} steps from 0 servers, 1,000 apart, the bonus rising by one basis point each. */
    private List<VolumeStep> steps(int count) {
      List<VolumeStep> out = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        out.add(new VolumeStep(i * 1000L, Rate.ofBasisPoints(i)));
      }
      return out;
    }

    @Test
    @DisplayName("a schedule may have 1,000 steps, each reachable; 1,001 are refused, naming the schedule")
    void stepLimit() {
      assertEquals(1000, DiscountPolicy.MAX_STEPS);
      DiscountPolicy most = new DiscountPolicy(DiscountGenerators.examplePolicy().baseRates(), steps(1000),
          Map.of(Tier.PLATINUM, steps(1000)), Combination.ADDITIVE, Rate.FULL, RoundingMode.HALF_UP);
      engine.setPolicy(most, PolicyChange.today("admin", "many steps"));
      DiscountQuote top = engine.quote(Tier.GOLD, 999_000, TODAY, Money.of("100.00", "USD"));
      assertEquals(Optional.of(new VolumeStep(999_000, Rate.ofBasisPoints(999))), top.volumeStep());
      assertEquals(1500 + 999, top.totalRate().basisPoints());
      assertEquals(Optional.of(new VolumeStep(998_000, Rate.ofBasisPoints(998))),
          engine.quote(Tier.PLATINUM, 998_999, TODAY, Money.of("100.00", "USD")).volumeStep());
      ValidationException tooMany = assertThrows(ValidationException.class, () -> new DiscountPolicy(
          DiscountGenerators.examplePolicy().baseRates(), steps(1001), Map.of(Tier.PLATINUM, steps(1001)),
          Combination.ADDITIVE, Rate.FULL, RoundingMode.HALF_UP));
      assertEquals(List.of(new Violation("tierSchedules.PLATINUM", "must have at most 1000 steps, got 1001"),
          new Violation("volumeSchedule", "must have at most 1000 steps, got 1001")), tooMany.violations());
      DiscountPolicy.Builder builder = DiscountPolicy.builder().baseRate(Tier.SILVER, "1").baseRate(Tier.GOLD, "1")
          .baseRate(Tier.PLATINUM, "1");
      steps(1001).forEach(s -> builder.volumeStep(s.minServerCount(), s.bonus()));
      assertEquals(List.of("volumeSchedule"), assertThrows(ValidationException.class, builder::build).fields());
    }

    @Test
    @DisplayName("a higher tier's own schedule paying it less is refused under that tier's name")
    void higherTierScheduleNamed() {
      ValidationException e = assertThrows(ValidationException.class, () -> DiscountGenerators.examplePolicy().toBuilder()
          .tierVolumeStep(Tier.PLATINUM, 100, "0").build());
      assertEquals(List.of(new Violation("tierSchedules.PLATINUM", "at 200 servers PLATINUM's total rate 20% would be below"
          + " GOLD's 23%: a higher tier never gets a smaller total rate")), e.violations());
    }

    @Test
    @DisplayName("tier schedules are compared after the cap: SILVER's 22% capped at 20% is not above GOLD's 20%")
    void tierSchedulesComparedAfterTheCap() {
      DiscountPolicy p = DiscountGenerators.examplePolicy().toBuilder().cap("20").tierVolumeStep(Tier.SILVER, 100, "12").build();
      engine.setPolicy(p, PolicyChange.today("admin", "capped"));
      DiscountCalculator c = engine.calculatorOn(TODAY);
      assertEquals(Rate.percent(20), c.rate(Tier.SILVER, 100));
      assertEquals(Rate.percent(20), c.rate(Tier.GOLD, 100));
      assertTrue(c.quote(Tier.SILVER, 100, Money.of("1.00", "USD")).capApplied());
    }

    @Test
    @DisplayName("a cap below several base rates is one violation, naming the lowest tier above it")
    void capBelowBaseRatesOnce() {
      ValidationException e = assertThrows(ValidationException.class, () -> DiscountGenerators.examplePolicy().toBuilder()
          .cap("12").build());
      assertEquals(List.of(new Violation("cap", "must be at least every base rate, but GOLD's is 15% (cap 12%)")),
          e.violations());
    }

    @Test
    @DisplayName("null tiers, in the record's maps or given to the builder, are violations naming the map")
    void nullTiers() {
      Map<Tier, Rate> base = new HashMap<>(DiscountGenerators.examplePolicy().baseRates());
      base.put(null, Rate.percent(5));
      Map<Tier, List<VolumeStep>> own = new HashMap<>();
      own.put(null, List.of());
      ValidationException record = assertThrows(ValidationException.class, () -> new DiscountPolicy(base, List.of(), own,
          Combination.ADDITIVE, Rate.FULL, RoundingMode.HALF_UP));
      assertEquals(List.of(new Violation("baseRates", "tier must not be null"),
          new Violation("tierSchedules", "tier must not be null")), record.violations());
      ValidationException builder = assertThrows(ValidationException.class, () -> DiscountGenerators.examplePolicy()
          .toBuilder().tierSchedule(null).tierVolumeStep(null, 5, "1").tierVolumeStep(null, 5, Rate.percent(1)).build());
      assertEquals(List.of(new Violation("tierSchedules", "tier must not be null")), builder.violations(),
          "one violation however many times (violations are distinct)");
    }

    @Test
    @DisplayName("a tier step's threshold out of range and its bad bonus are named by the tier's entry")
    void tierStepNamed() {
      ValidationException e = assertThrows(ValidationException.class, () -> DiscountGenerators.examplePolicy().toBuilder()
          .tierVolumeStep(Tier.GOLD, -1, "x").build());
      assertEquals(List.of(new Violation("tierSchedules.GOLD[0].bonus", "must be a percentage such as 15 or 15.25, got 'x'"),
          new Violation("tierSchedules.GOLD[0].minServerCount", "must be from 0 to 1000000000, got -1")), e.violations());
    }
  }

  @Nested
  @DisplayName("Billing runs")
  class BillingRuns {
    @Test
    @DisplayName("an empty run has zero totals in its currency, on the version in force")
    void emptyRun() {
      engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "example"));
      Currency jpy = Currency.getInstance("JPY");
      BatchQuote run = engine.quoteAll(TODAY, jpy, List.of());
      assertEquals(List.of(), run.quotes());
      assertEquals(Money.zero(jpy), run.totalGross());
      assertEquals(Money.zero(jpy), run.totalDiscount());
      assertEquals(Money.zero(jpy), run.totalNet());
      assertEquals(engine.policyOn(TODAY).orElseThrow(), run.policyVersion());
    }

    @Test
    @DisplayName("a currency without a minor unit is refused, naming the currency")
    void currencyWithoutMinorUnit() {
      engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "example"));
      ValidationException e = assertThrows(ValidationException.class,
          () -> engine.quoteAll(TODAY, Currency.getInstance("XXX"), List.of()));
      assertEquals(List.of(new Violation("currency", "XXX has no minor unit")), e.violations());
      assertEquals(List.of("currency", "date", "items"),
          assertThrows(ValidationException.class, () -> engine.quoteAll(null, null, null)).fields());
    }

    /** A run of {@code bad} items in EUR followed by one good one, in a USD run. */
    private ValidationException refusedRun(int bad) {
      List<QuoteItem> items = new ArrayList<>();
      for (int i = 0; i < bad; i++) {
        items.add(QuoteItem.of(Tier.GOLD, 1, Money.of("1.00", "EUR")));
      }
      items.add(QuoteItem.of(Tier.GOLD, 1, Money.of("1.00", "USD")));
      return assertThrows(ValidationException.class, () -> engine.quoteAll(TODAY, USD, items));
    }

    @Test
    @DisplayName("a run lists up to 100 bad items, then says how many more there are")
    void badItemsListedUpToAHundred() {
      engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "example"));
      List<String> hundred = refusedRun(100).fields();
      assertEquals(100, hundred.size());
      assertTrue(hundred.contains("items[99].gross"), hundred.toString());
      assertFalse(hundred.contains("items"), "no summary when every bad item is listed");
      ValidationException more = refusedRun(103);
      assertEquals(101, more.violations().size());
      assertTrue(more.fields().contains("items[99].gross"), more.fields().toString());
      assertFalse(more.fields().contains("items[100].gross"), more.fields().toString());
      assertTrue(more.violations().contains(new Violation("items", "3 more invalid items not listed")), more.getMessage());
    }
  }
}
