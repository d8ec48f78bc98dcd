package cloud.quazzar.partner.testkit.discount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.discount.BatchQuote;
import cloud.quazzar.partner.discount.DiscountCalculator;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.QuoteItem;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.discount.VolumeStep;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.Examples;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.oracle.DiscountOracle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Rules DISC-1 and DISC-3 of docs/rules.md (the highest step reached, "50+" meaning 50 or more,
 * within the cap) where the engine's compiled tables change shape: a tier's rates are a table indexed
 * by the server count up to its highest threshold when that is at most 1,024, else a table of the
 * first 1,024 counts followed by a search. Thresholds at and around 1,024 and far above it, counts at
 * and around every threshold, around 1,024 and far beyond; every rate and quote is the oracle's.
 */
class DirectTableEdgesTest {
  private static final Instant START = Instant.parse("2026-01-15T09:30:00Z");
  private static final LocalDate TODAY = LocalDate.parse("2026-01-15");
  private static final Money GROSS = Money.of("1000.00", "USD");

  /** The counts to ask about for {@code policy}: around every threshold and 1,024, and far beyond. */
  private static List<Long> counts(DiscountPolicy policy) {
    TreeSet<Long> out = new TreeSet<>(List.of(0L, 1L, 1023L, 1024L, 1025L, 2048L, 1_000_000_001L, Long.MAX_VALUE));
    for (Tier t : Tier.values()) {
      for (VolumeStep s : policy.scheduleFor(t)) {
        for (long d = -1; d <= 1; d++) {
          out.add(Math.max(0, s.minServerCount() + d));
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** Every rate and quote of {@code policy}, from a program and from the policy alone, against the oracle. */
  private static void assertAgrees(DiscountPolicy policy) {
    try (PartnerProgram program = PartnerProgram.builder().store(MemoryStorage.create()).clock(TestClock.at(START)).build()) {
      program.discounts().setPolicy(policy, PolicyChange.today("admin", "edges"));
      DiscountCalculator calculator = program.discounts().calculatorOn(TODAY);
      DiscountCalculator alone = DiscountCalculator.of(policy, TODAY);
      List<QuoteItem> items = new ArrayList<>();
      List<DiscountOracle.Expected> expected = new ArrayList<>();
      for (Tier tier : Tier.values()) {
        for (long n : counts(policy)) {
          String what = tier + " " + n + " servers under " + policy;
          DiscountOracle.Expected e = DiscountOracle.quote(policy, tier, n, GROSS);
          assertEquals(policy.totalRate(tier, n), calculator.rate(tier, n), what);
          assertEquals(policy.totalRate(tier, n), alone.rate(tier, n), what);
          assertEquals(List.of(), e.differences(program.discounts().quote(tier, n, TODAY, GROSS)), what);
          assertEquals(List.of(), e.differences(calculator.quote(tier, n, GROSS)), what);
          assertEquals(List.of(), e.differences(alone.quote(tier, n, GROSS)), what);
          items.add(QuoteItem.of(tier, n, GROSS));
          expected.add(e);
        }
      }
      BatchQuote run = program.discounts().quoteAll(TODAY, GROSS.currency(), items);
      for (int i = 0; i < items.size(); i++) {
        DiscountQuote q = run.quotes().get(i);
        assertEquals(List.of(), expected.get(i).differences(q), q.toString());
      }
    }
  }

  private static DiscountPolicy withSteps(long... thresholds) {
    DiscountPolicy.Builder b = DiscountPolicy.builder().baseRate(Tier.SILVER, "10").baseRate(Tier.GOLD, "15")
        .baseRate(Tier.PLATINUM, "20");
    for (int i = 0; i < thresholds.length; i++) {
      b.volumeStep(thresholds[i], String.valueOf(i + 1));
    }
    return b.build();
  }

  @Test
  @DisplayName("a highest threshold of 1,023, 1,024 or 1,025, or far above with one below: the step reached at and around each threshold")
  void highestThresholdAroundTheTable() {
    assertAgrees(withSteps(50, 1023));
    assertAgrees(withSteps(50, 1024));
    assertAgrees(withSteps(50, 1025));
    assertAgrees(withSteps(1023, 1024, 1025));
    assertAgrees(withSteps(0, 1024, 5000, 1_000_000_000));
    assertAgrees(withSteps());
    assertAgrees(DiscountPolicy.builder().baseRate(Tier.SILVER, "10").baseRate(Tier.GOLD, "15").baseRate(Tier.PLATINUM, "20")
        .volumeStep(50, "5").tierVolumeStep(Tier.PLATINUM, 1024, "30").tierVolumeStep(Tier.GOLD, 1025, "10").cap("40").build());
  }

  @Test
  @DisplayName("for generated schedules with thresholds near 1,024 and far above, tier schedules and a cap, every rate and quote is the oracle's")
  void generatedSchedulesAgree() {
    Gen<Long> gaps = Generate.frequency(Pair.of(3, Generate.longRange(1, 3)), Pair.of(2, Generate.longRange(400, 1100)),
        Pair.of(1, Generate.longRange(5_000, 100_000_000)));
    Gen<List<Long>> thresholds = lists().of(gaps).ofSizeBetween(0, 5).map(l -> {
      List<Long> out = new ArrayList<>();
      long t = -1;
      for (long g : l) {
        t = Math.min(t + g, VolumeStep.MAX_MIN_SERVER_COUNT);
        if (out.isEmpty() || t > out.get(out.size() - 1)) {
          out.add(t);
        }
      }
      return out;
    });
    Gen<Integer> caps = Generate.frequency(Pair.of(2, Generate.constant(10_000)), Pair.of(1, integers().between(2_000, 3_000)));
    qt().withExamples(Examples.scaled(60))
        .forAll(thresholds, thresholds, caps)
        .checkAssert((shared, platinum, cap) -> {
          DiscountPolicy.Builder b = DiscountPolicy.builder().baseRate(Tier.SILVER, "10").baseRate(Tier.GOLD, "15")
              .baseRate(Tier.PLATINUM, "20").cap(Rate.ofBasisPoints(cap));
          for (int i = 0; i < shared.size(); i++) {
            b.volumeStep(shared.get(i), Rate.percent(i + 1));
          }
          b.tierSchedule(Tier.PLATINUM);
          for (int i = 0; i < platinum.size(); i++) {
            // PLATINUM's own steps pay at least every shared bonus (at most 5%), so it stays above GOLD
            b.tierVolumeStep(Tier.PLATINUM, platinum.get(i), Rate.percent(6 + i));
          }
          assertAgrees(b.build());
        });
  }
}
