package cloud.quazzar.partner.discount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The discount package's values: a quote only the engine makes, and every public constructor
 * refusing bad input with a {@link ValidationException} naming each field (never an
 * IllegalArgumentException or a NullPointerException).
 */
class DiscountValuesTest {
  private static final LocalDate DAY = LocalDate.parse("2026-01-15");
  private static final Instant AT = Instant.parse("2026-01-15T09:30:00Z");
  private static final Money THOUSAND = Money.of("1000.00", "USD");

  private static DiscountPolicy example() {
    return DiscountPolicy.builder().baseRate(Tier.SILVER, "10").baseRate(Tier.GOLD, "15").baseRate(Tier.PLATINUM, "20")
        .volumeStep(50, "5").volumeStep(200, "8").build();
  }

  private static PolicyVersion version(LocalDate from) {
    return new PolicyVersion(1, from, example(), AT, "alice", "why", Optional.empty());
  }

  private static PartnerAdjustment adjustment(AdjustmentKind kind, Rate rate, LocalDate from, Optional<LocalDate> until) {
    return new PartnerAdjustment(new PartnerId(new UUID(1, 2)), 1, kind, rate, from, until, AT, "alice", "why", Optional.empty());
  }

  /** The fields of the ValidationException that {@code call} throws. */
  private static List<String> fields(Executable call) {
    return assertThrows(ValidationException.class, call).fields();
  }

  @Nested
  @DisplayName("DiscountQuote")
  class Quotes {
    @Test
    @DisplayName("has no constructor a caller can reach: only the engine assembles a quote")
    void noCallableConstructor() {
      assertEquals(List.of(), Arrays.stream(DiscountQuote.class.getDeclaredConstructors())
          .filter(c -> !Modifier.isPrivate(c.getModifiers())).map(Constructor::toString).toList());
    }

    @Test
    @DisplayName("one accessor per fact: no basis-point or minor-unit twin of a Rate or Money accessor on a quote, a calculator or a run")
    void oneAccessorPerFact() {
      // uncappedBasisPoints has no Rate twin: an additive total before the cap may pass 100%, which no Rate holds
      List<String> twins = new ArrayList<>();
      for (Class<?> type : List.of(DiscountQuote.class, DiscountCalculator.class, BatchQuote.class, QuoteBasis.class)) {
        for (java.lang.reflect.Method m : type.getMethods()) {
          String name = m.getName();
          if ((name.endsWith("BasisPoints") || name.endsWith("MinorUnits")) && !name.equals("uncappedBasisPoints")) {
            twins.add(type.getSimpleName() + "." + name);
          }
        }
      }
      assertEquals(List.of(), twins, "read totalRate().basisPoints() and discount().minorUnits(): docs/decisions.md A2");
    }

    @Test
    @DisplayName("the engine still makes quotes (through its internal access), equal to the policy's own figures")
    void engineMakesQuotes() {
      try (PartnerProgram program = PartnerProgram.builder().store(MemoryStorage.create())
          .clock(Clock.fixed(AT, ZoneOffset.UTC)).build()) {
        program.discounts().setPolicy(example(), PolicyChange.today("alice", "example"));
        DiscountQuote q = program.discounts().quote(Tier.GOLD, 50, DAY, THOUSAND);
        assertEquals(example().totalRate(Tier.GOLD, 50), q.totalRate());
        assertEquals(Money.of("200.00", "USD"), q.discount());
        assertEquals(q, program.discounts().calculatorOn(DAY).quote(Tier.GOLD, 50, THOUSAND));
      }
    }
  }

  @Nested
  @DisplayName("Rate")
  class Rates {
    @Test
    @DisplayName("the factories hand out one shared instance per rate, so reading a rate allocates nothing")
    void sharedInstances() {
      for (int bp = 0; bp <= Rate.MAX_BASIS_POINTS; bp++) {
        assertSame(Rate.ofBasisPoints(bp), Rate.ofBasisPoints(bp), "rate " + bp);
        assertEquals(bp, Rate.ofBasisPoints(bp).basisPoints());
      }
      assertSame(Rate.ofBasisPoints(1500), Rate.percent(15));
      assertSame(Rate.ofBasisPoints(1525), Rate.percent("15.25"));
      assertSame(Rate.ZERO, Rate.ofBasisPoints(0));
      assertSame(Rate.FULL, Rate.ofBasisPoints(Rate.MAX_BASIS_POINTS));
      assertEquals(Rate.ofBasisPoints(1500), new Rate(1500), "a rate made by its constructor is equal, not the same");
    }

    @Test
    @DisplayName("a rate outside 0 to 10,000 basis points is a ValidationException on rate, from the factory and the constructor")
    void outOfRange() {
      assertEquals(List.of("rate"), fields(() -> Rate.ofBasisPoints(-1)));
      assertEquals(List.of("rate"), fields(() -> Rate.ofBasisPoints(Rate.MAX_BASIS_POINTS + 1)));
      assertEquals(List.of("rate"), fields(() -> new Rate(Rate.MAX_BASIS_POINTS + 1)));
      assertEquals(List.of("rate"), fields(() -> Rate.percent(101)));
    }

    @Test
    @DisplayName("percentages parse with an optional % sign and spaces, trailing zeros and a zero with any decimals; anything else is named")
    void parsing() {
      assertSame(Rate.ofBasisPoints(1525), Rate.percent("15.25%"));
      assertSame(Rate.ofBasisPoints(1500), Rate.percent(" 15 % "));
      assertSame(Rate.ofBasisPoints(1525), Rate.percent("15.250"));
      assertSame(Rate.ZERO, Rate.percent("0.000"), "zero has no basis point to lose");
      assertSame(Rate.ofBasisPoints(1525), Rate.percent(new java.math.BigDecimal("15.250")));
      assertSame(Rate.FULL, Rate.percent("100"));
      assertEquals(List.of(new cloud.quazzar.partner.Violation("rate", "must be from 0% to 100%, got 100.01%")),
          assertThrows(ValidationException.class, () -> Rate.percent("100.01")).violations());
      assertEquals(List.of(new cloud.quazzar.partner.Violation("rate", "must be from 0% to 100%, got -0.01%")),
          assertThrows(ValidationException.class, () -> Rate.percent("-0.01")).violations());
      assertEquals(List.of(new cloud.quazzar.partner.Violation("rate",
          "must have at most two decimals (whole basis points), got 15.125%")),
          assertThrows(ValidationException.class, () -> Rate.percent("15.125%")).violations());
      assertEquals(List.of(new cloud.quazzar.partner.Violation("rate", "must be a percentage such as 15 or 15.25, got 'abc'")),
          assertThrows(ValidationException.class, () -> Rate.percent("abc")).violations());
      assertEquals(List.of(new cloud.quazzar.partner.Violation("rate", "must not be null")),
          assertThrows(ValidationException.class, () -> Rate.percent((String) null)).violations());
      assertEquals(List.of(new cloud.quazzar.partner.Violation("rate", "must be from 0% to 100%, got 100.01%")),
          assertThrows(ValidationException.class, () -> Rate.ofBasisPoints(10_001)).violations());
    }

    @Test
    @DisplayName("a rate reads as a percentage, a fraction and text without needless zeros, and orders by size")
    void forms() {
      Rate r = Rate.ofBasisPoints(1525);
      assertEquals(new java.math.BigDecimal("15.25"), r.toPercent());
      assertEquals(new java.math.BigDecimal("0.1525"), r.toFraction());
      assertEquals("15.25%", r.toString());
      assertEquals("0.5%", Rate.ofBasisPoints(50).toString());
      assertEquals("100%", Rate.FULL.toString());
      assertEquals("0%", Rate.ZERO.toString());
      assertTrue(Rate.ZERO.isZero());
      assertTrue(!Rate.ofBasisPoints(1).isZero());
      assertTrue(Rate.ofBasisPoints(1).compareTo(Rate.ZERO) > 0 && Rate.ZERO.compareTo(Rate.ofBasisPoints(1)) < 0);
      assertEquals(0, r.compareTo(new Rate(1525)));
    }

    @Test
    @DisplayName("a quote's total rate and a calculator's rate are the shared instances")
    void quotesShareRates() {
      try (PartnerProgram program = PartnerProgram.builder().store(MemoryStorage.create())
          .clock(Clock.fixed(AT, ZoneOffset.UTC)).build()) {
        program.discounts().setPolicy(example(), PolicyChange.today("alice", "example"));
        DiscountCalculator c = program.discounts().calculatorOn(DAY);
        assertSame(Rate.percent(20), c.rate(Tier.GOLD, 50));
        assertSame(Rate.percent(20), c.quote(Tier.GOLD, 50, THOUSAND).totalRate());
        assertSame(Rate.percent(28), program.discounts().quote(Tier.PLATINUM, 200, DAY, THOUSAND).totalRate());
      }
    }
  }

  @Nested
  @DisplayName("public constructors refuse bad input with a ValidationException naming every field")
  class Constructors {
    @Test
    @DisplayName("QuoteBasis: nulls, a NONE adjustment, a version not in force on the date, an adjustment not covering it")
    void quoteBasis() {
      assertEquals(List.of("adjustment", "date", "policyVersion"), fields(() -> new QuoteBasis(null, null, null)));
      PolicyVersion v = version(DAY);
      assertEquals(List.of("adjustment"), fields(() -> new QuoteBasis(DAY, v,
          Optional.of(adjustment(AdjustmentKind.NONE, Rate.ZERO, DAY, Optional.empty())))));
      assertEquals(List.of("policyVersion"), fields(() -> new QuoteBasis(DAY.minusDays(1), v, Optional.empty())));
      assertEquals(List.of("policyVersion"), fields(() -> new QuoteBasis(DAY,
          v.withCancellation(new Cancellation(AT, "bob", "never mind")), Optional.empty())));
      assertEquals(List.of("adjustment"), fields(() -> new QuoteBasis(DAY.plusDays(3), v,
          Optional.of(adjustment(AdjustmentKind.EXTRA, Rate.percent(2), DAY, Optional.of(DAY.plusDays(2)))))));
      QuoteBasis ok = new QuoteBasis(DAY.plusDays(2), v,
          Optional.of(adjustment(AdjustmentKind.EXTRA, Rate.percent(2), DAY, Optional.of(DAY.plusDays(2)))));
      assertEquals(DAY.plusDays(2), ok.date());
    }

    @Test
    @DisplayName("PolicyVersion: a version below 1 and every null component")
    void policyVersion() {
      assertEquals(List.of("cancellation", "createdAt", "createdBy", "effectiveFrom", "policy", "reason", "version"),
          fields(() -> new PolicyVersion(0, null, null, null, null, null, null)));
    }

    @Test
    @DisplayName("PartnerAdjustment: a version below 1, an end before the start, a NONE with a rate, nulls")
    void partnerAdjustment() {
      PartnerId id = new PartnerId(new UUID(1, 2));
      assertEquals(List.of("effectiveUntil", "rate", "version"), fields(() -> new PartnerAdjustment(id, 0,
          AdjustmentKind.NONE, Rate.percent(1), DAY, Optional.of(DAY.minusDays(1)), AT, "a", "b", Optional.empty())));
      assertEquals(List.of("cancellation", "createdAt", "createdBy", "effectiveFrom", "effectiveUntil", "kind",
          "partnerId", "rate", "reason"), fields(() -> new PartnerAdjustment(null, 1, null, null, null, null, null, null,
          null, null)));
    }

    @Test
    @DisplayName("Cancellation and VolumeStep: nulls and a threshold out of range")
    void cancellationAndStep() {
      assertEquals(List.of("cancelledAt", "cancelledBy", "reason"), fields(() -> new Cancellation(null, null, null)));
      assertEquals(List.of("bonus", "minServerCount"), fields(() -> new VolumeStep(-1, null)));
      assertEquals(List.of("minServerCount"),
          fields(() -> new VolumeStep(VolumeStep.MAX_MIN_SERVER_COUNT + 1, Rate.ZERO)));
      assertEquals(List.of("minServerCount"), fields(() -> new VolumeStep(Long.MAX_VALUE, Rate.ZERO)));
      assertEquals(VolumeStep.MAX_MIN_SERVER_COUNT,
          new VolumeStep(VolumeStep.MAX_MIN_SERVER_COUNT, Rate.ZERO).minServerCount());
    }

    @Test
    @DisplayName("copies and factories refuse a null with a ValidationException naming the component, never a NullPointerException")
    void copiesAndFactories() {
      PolicyVersion v = version(DAY);
      assertEquals(List.of("cancellation"), fields(() -> v.withCancellation(null)));
      assertEquals(List.of("cancellation"),
          fields(() -> adjustment(AdjustmentKind.EXTRA, Rate.percent(1), DAY, Optional.empty()).withCancellation(null)));
      assertEquals(List.of("effectiveFrom"), fields(() -> PolicyChange.from(null, "a", "b")));
      AdjustmentRequest extra = AdjustmentRequest.extra(Rate.percent(1), "a", "b");
      assertEquals(List.of("effectiveFrom"), fields(() -> extra.withEffectiveFrom(null)));
      assertEquals(List.of("effectiveUntil"), fields(() -> extra.withEffectiveUntil(null)));
      assertEquals(List.of("partnerId"), fields(() -> QuoteItem.of(null, Tier.GOLD, 1, THOUSAND)));
      assertEquals(List.of("partnerId"), fields(() -> new QuoteItem(null, Tier.GOLD, 1, THOUSAND)));
    }

    @Test
    @DisplayName("absent dates are empty Optionals: today and open-ended, never null")
    void absentDatesAreEmpty() {
      AdjustmentRequest extra = AdjustmentRequest.extra(Rate.percent(1), "a", "b");
      assertEquals(Optional.empty(), extra.effectiveFrom());
      assertEquals(Optional.empty(), extra.effectiveUntil());
      AdjustmentRequest dated = extra.withEffectiveFrom(DAY).withEffectiveUntil(DAY.plusDays(9));
      assertEquals(Optional.of(DAY), dated.effectiveFrom());
      assertEquals(Optional.of(DAY.plusDays(9)), dated.effectiveUntil());
      assertEquals(Optional.empty(), PolicyChange.today("a", "b").effectiveFrom());
      assertEquals(Optional.of(DAY), PolicyChange.from(DAY, "a", "b").effectiveFrom());
    }

    @Test
    @DisplayName("BatchQuote: totals that do not add up or mix currencies, a version not in force, nulls")
    void batchQuote() {
      PolicyVersion v = version(DAY);
      Money zero = Money.zero(THOUSAND.currency());
      assertEquals(List.of("totalNet"), fields(() -> new BatchQuote(DAY, v, List.of(), THOUSAND,
          Money.of("100.00", "USD"), Money.of("800.00", "USD"))));
      assertEquals(List.of("totalDiscount"), fields(() -> new BatchQuote(DAY, v, List.of(), THOUSAND,
          Money.of("1000.01", "USD"), Money.of("-0.01", "USD"))));
      assertEquals(List.of("totalDiscount", "totalNet"), fields(() -> new BatchQuote(DAY, v, List.of(), THOUSAND,
          Money.of("100.00", "EUR"), Money.of("900.00", "EUR"))));
      assertEquals(List.of("policyVersion"), fields(() -> new BatchQuote(DAY.minusDays(1), v, List.of(), zero, zero, zero)));
      assertEquals(List.of("date", "policyVersion", "quotes", "totalDiscount", "totalGross", "totalNet"),
          fields(() -> new BatchQuote(null, null, null, null, null, null)));
      assertEquals(THOUSAND, new BatchQuote(DAY, v, List.of(), THOUSAND, Money.of("100.00", "USD"),
          Money.of("900.00", "USD")).totalGross());
    }

    @Test
    @DisplayName("an adjustment covers both ends of its period unless cancelled, and its label names kind, period and reason")
    void adjustmentPeriodAndLabel() {
      PartnerAdjustment week = adjustment(AdjustmentKind.REPLACE_BASE, Rate.percent(18), DAY, Optional.of(DAY.plusDays(6)));
      assertTrue(!week.covers(DAY.minusDays(1)) && week.covers(DAY) && week.covers(DAY.plusDays(6)) && !week.covers(DAY.plusDays(7)));
      assertTrue(!week.withCancellation(new Cancellation(AT, "bob", "no")).covers(DAY), "a cancelled one covers nothing");
      assertTrue(adjustment(AdjustmentKind.EXTRA, Rate.percent(1), DAY, Optional.empty()).covers(DAY.plusYears(50)));
      assertEquals("adjustment v1: base rate replaced by 18% (2026-01-15 to 2026-01-21): why", week.label());
      assertEquals("adjustment v1: extra +1.5% (2026-01-15 onwards): why",
          adjustment(AdjustmentKind.EXTRA, Rate.percent("1.5"), DAY, Optional.empty()).label());
      assertEquals("adjustment v1: none (2026-01-15 onwards): why",
          adjustment(AdjustmentKind.NONE, Rate.ZERO, DAY, Optional.empty()).label());
    }

    @Test
    @DisplayName("QuoteBasis and BatchQuote say why a version or an adjustment does not fit the date")
    void basisMessages() {
      PolicyVersion v = version(DAY);
      PolicyVersion cancelled = v.withCancellation(new Cancellation(AT, "bob", "never mind"));
      Money zero = Money.zero(THOUSAND.currency());
      assertEquals(List.of(new cloud.quazzar.partner.Violation("policyVersion",
          "must be in force on 2026-01-15, but policy version 1 (effective 2026-01-15) was cancelled")),
          assertThrows(ValidationException.class, () -> new BatchQuote(DAY, cancelled, List.of(), zero, zero, zero)).violations());
      assertEquals(List.of(new cloud.quazzar.partner.Violation("policyVersion",
          "must not be cancelled: policy version 1 (effective 2026-01-15) is never in force")),
          assertThrows(ValidationException.class, () -> new QuoteBasis(DAY, cancelled, Optional.empty())).violations());
      assertEquals(List.of(new cloud.quazzar.partner.Violation("policyVersion",
          "must be in force on 2026-01-14, but policy version 1 (effective 2026-01-15) starts later")),
          assertThrows(ValidationException.class, () -> new QuoteBasis(DAY.minusDays(1), v, Optional.empty())).violations());
      PartnerAdjustment dropped = adjustment(AdjustmentKind.EXTRA, Rate.percent(2), DAY, Optional.empty())
          .withCancellation(new Cancellation(AT, "bob", "no"));
      assertEquals(List.of(new cloud.quazzar.partner.Violation("adjustment",
          "must be in force on 2026-01-15, but adjustment v1: extra +2% (2026-01-15 onwards): why was cancelled")),
          assertThrows(ValidationException.class, () -> new QuoteBasis(DAY, v, Optional.of(dropped))).violations());
    }

    @Test
    @DisplayName("DiscountPolicy: null collections, null entries and a null tier schedule are violations, not crashes")
    void discountPolicyNulls() {
      Map<Tier, Rate> base = new EnumMap<>(Tier.class);
      base.put(Tier.SILVER, Rate.percent(10));
      base.put(Tier.GOLD, null);
      List<VolumeStep> steps = new ArrayList<>();
      steps.add(null);
      Map<Tier, List<VolumeStep>> own = new HashMap<>();
      own.put(Tier.GOLD, null);
      assertEquals(List.of("baseRates.GOLD", "baseRates.PLATINUM", "combination", "rounding", "tierSchedules.GOLD",
          "volumeSchedule[0]"), fields(() -> new DiscountPolicy(base, steps, own, null, Rate.FULL, null)));
      assertEquals(List.of("baseRates", "cap", "tierSchedules", "volumeSchedule"),
          fields(() -> new DiscountPolicy(null, null, null, Combination.ADDITIVE, null, RoundingMode.HALF_UP))
              .stream().filter(f -> !f.startsWith("baseRates.")).toList());
    }

    @Test
    @DisplayName("DISC-4: a null step between steps is named, and the steps around it are still compared with each other")
    void discountPolicyNullStepBetweenSteps() {
      List<VolumeStep> steps = new ArrayList<>();
      steps.add(new VolumeStep(50, Rate.percent(5)));
      steps.add(null);
      steps.add(new VolumeStep(40, Rate.percent(4)));
      ValidationException e = assertThrows(ValidationException.class, () -> new DiscountPolicy(example().baseRates(), steps,
          Map.of(), Combination.ADDITIVE, Rate.FULL, RoundingMode.HALF_UP));
      assertEquals(List.of(
          new cloud.quazzar.partner.Violation("volumeSchedule[1]", "must not be null"),
          new cloud.quazzar.partner.Violation("volumeSchedule[2].bonus",
              "must be at least step 0's 5%, got 4% (a bonus never falls as servers rise)"),
          new cloud.quazzar.partner.Violation("volumeSchedule[2].minServerCount",
              "must be greater than step 0's 50, got 40 (thresholds strictly increase)")), e.violations());
    }

    @Test
    @DisplayName("DiscountPolicy copies what it checked: changing the caller's list afterwards changes nothing")
    void discountPolicyCopies() {
      List<VolumeStep> steps = new ArrayList<>(List.of(new VolumeStep(50, Rate.percent(5))));
      Map<Tier, Rate> base = new EnumMap<>(example().baseRates());
      DiscountPolicy p = new DiscountPolicy(base, steps, Map.of(), Combination.ADDITIVE, Rate.FULL, RoundingMode.HALF_UP);
      steps.add(new VolumeStep(10, Rate.percent(1)));
      base.put(Tier.GOLD, Rate.percent(99));
      assertEquals(List.of(new VolumeStep(50, Rate.percent(5))), p.volumeSchedule());
      assertEquals(Rate.percent(15), p.baseRate(Tier.GOLD));
      assertTrue(assertThrows(UnsupportedOperationException.class, () -> p.volumeSchedule().add(null)) != null);
    }
  }
}
