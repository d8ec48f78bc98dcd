package cloud.quazzar.partner.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.quazzar.partner.discount.BatchQuote;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.testkit.oracle.DiscountOracle;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The discount benchmarks compare equal work: on every prepared input, every competitor computes
 * exactly the engine's discount (benchmarks are honest: every engine result equals the oracle's
 * exactly).
 */
class BenchmarkExactnessTest {
  @Test
  @DisplayName("the limits, the oracle, careful BigDecimal and Easy Rules all agree with the engine on every input")
  void competitorsAgree() {
    DiscountBenchmark b = new DiscountBenchmark();
    b.setUp();
    try {
      for (int i = 0; i < DiscountBenchmark.INPUTS; i++) {
        int rate = at(b, i).engineRate().basisPoints();
        DiscountBenchmark.BareQuote bare = at(b, i).limitBareQuote();
        DiscountQuote quote = at(b, i).engineQuote();
        DiscountOracle.Expected oracle = at(b, i).oracleStraightforward();
        DiscountBenchmark.DecimalQuote careful = at(b, i).carefulBigDecimal();
        Object rules = at(b, i).easyRules();
        assertEquals(at(b, i).limitBareRate(), rate, "input " + i);
        assertEquals(rate, quote.totalRate().basisPoints());
        assertEquals(bare.discount(), quote.discount().minorUnits());
        assertEquals(List.of(), oracle.differences(quote));
        assertEquals(0, careful.discount().compareTo(quote.discount().toBigDecimal()));
        assertEquals(quote.discount().minorUnits(), (long) (Long) rules);
      }
      long rates = 0;
      for (int i = 0; i < DiscountBenchmark.INPUTS; i++) {
        rates += DiscountBenchmark.bareRate(b.tierIndex[i], b.servers[i]);
      }
      assertEquals(b.limitSumDiscounts(), b.sumDiscounts(), "the summing loops add the same discounts");
      assertEquals(rates, b.sumRates());
    } finally {
      b.tearDown();
    }
  }

  @Test
  @DisplayName("the quotes for today and for a past date agree with the oracle, on memory and on an H2 file, with and without staleness")
  void todayAndPastAgree() {
    for (String store : new String[] {"memory", "h2"}) {
      for (long staleness : new long[] {0, 1000}) {
        DiscountTodayBenchmark b = new DiscountTodayBenchmark();
        b.store = store;
        b.stalenessMillis = staleness;
        b.setUp();
        try {
          for (int i = 0; i < DiscountTodayBenchmark.INPUTS; i++) {
            b.at(i);
            DiscountQuote past = b.quotePastDate();
            b.at(i);
            DiscountQuote today = b.quoteToday();
            String where = store + ", staleness " + staleness + " ms, input " + i;
            assertEquals(DiscountTodayBenchmark.PAST, past.date(), where);
            assertEquals(b.today, today.date(), where);
            assertEquals(List.of(), DiscountOracle.quote(past.policyVersion().policy(), b.tiers[i], b.servers[i], b.gross[i])
                .differences(past), where);
            assertEquals(List.of(), DiscountOracle.quote(today.policyVersion().policy(), b.tiers[i], b.servers[i], b.gross[i])
                .differences(today), where);
            assertEquals(past.policyVersion(), today.policyVersion(), where);
          }
        } finally {
          b.tearDown();
        }
      }
    }
  }

  private static DiscountBenchmark at(DiscountBenchmark b, int i) {
    b.at(i);
    return b;
  }

  @Test
  @DisplayName("the batch of 1,000,000 quotes every partner as the bare loop does, plus the adjusted ones' extra 2%")
  void batchAgrees() {
    DiscountBatchBenchmark b = new DiscountBatchBenchmark();
    b.setUp();
    try {
      BatchQuote run = b.engineBatch();
      DiscountBenchmark.BareQuote[] bare = b.limitBareLoop();
      assertEquals(DiscountBatchBenchmark.PARTNERS, run.quotes().size());
      for (int i = DiscountBatchBenchmark.ADJUSTED; i < bare.length; i++) {
        assertEquals(bare[i].discount(), run.quotes().get(i).discount().minorUnits(), "item " + i);
      }
      for (int i = 0; i < DiscountBatchBenchmark.ADJUSTED; i++) {
        assertEquals(bare[i].rateBasisPoints() + 200, run.quotes().get(i).totalRate().basisPoints(), "adjusted item " + i);
      }
      assertEquals(run.totalGross(), run.totalNet().plus(run.totalDiscount()));
    } finally {
      b.tearDown();
    }
  }

  @Test
  @DisplayName("the scaling states quote as the reference definition does")
  void scalingAgrees() {
    DiscountScalingBenchmark bench = new DiscountScalingBenchmark();
    for (String spread : new String[] {"narrow", "wide"}) {
      for (int steps : new int[] {1, 64}) {
        DiscountScalingBenchmark.Schedule s = new DiscountScalingBenchmark.Schedule();
        s.steps = steps;
        s.spread = spread;
        s.setUp();
        try {
          for (int i = 0; i < DiscountScalingBenchmark.INPUTS; i++) {
            int expected = s.calculator.policyVersion().policy().totalRate(s.tiers[i], s.servers[i]).basisPoints();
            assertEquals(expected, bench.rateBySteps(s).basisPoints(), spread + " " + steps + " steps, input " + i);
          }
        } finally {
          s.tearDown();
        }
      }
    }
    DiscountScalingBenchmark.History h = new DiscountScalingBenchmark.History();
    h.versions = 300;
    h.setUp();
    try {
      for (int i = 0; i < DiscountScalingBenchmark.INPUTS; i++) {
        DiscountQuote q = bench.quoteByHistory(h);
        assertEquals(h.dates[i], q.date());
        assertEquals(h.dates[i], q.policyVersion().effectiveFrom(), "one version per day: the day's own");
        assertEquals(q.policyVersion(), h.engine.policyOn(h.dates[i]).orElseThrow());
        assertEquals(List.of(), DiscountOracle.quote(q.policyVersion().policy(), q.tier(), q.serverCount(), q.gross())
            .differences(q));
      }
    } finally {
      h.tearDown();
    }
  }

}
