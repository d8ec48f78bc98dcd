package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.discount.DiscountCalculator;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.DiscountGenerators;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How cost grows with the policy: the engine's rate as the volume schedule grows from 1 to 64
 * steps (thresholds up to 1,000 or up to 100,000 servers), and the engine's quote for a date as the version history grows from 1 to 10,000 versions
 * (one per day, quoted on dates spread over the whole history, all past). On the memory store,
 * named explicitly ({@code MemoryStorage.create()}); the quotes measured never touch it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("EnumOrdinal") // picks tiers by index for varied inputs; their order does not matter
public class DiscountScalingBenchmark {
  static final int INPUTS = 1024;
  static final Instant START = Instant.parse("2000-01-01T09:30:00Z");
  static final LocalDate FIRST_DAY = LocalDate.parse("2000-01-01");

  /**
   * A schedule of {@code steps} steps whose thresholds spread evenly over the server counts quoted:
   * up to 1,000 ({@code narrow}, within the engine's direct table) or up to 100,000 ({@code wide},
   * beyond it, where the engine searches the thresholds).
   */
  @State(Scope.Thread)
  public static class Schedule {
    @Param({"1", "4", "16", "64"})
    public int steps;

    @Param({"narrow", "wide"})
    public String spread = "narrow";

    DiscountCalculator calculator;
    Store store;
    PartnerProgram program;
    Tier[] tiers = new Tier[INPUTS];
    int[] servers = new int[INPUTS];
    int next;

    @Setup(Level.Trial)
    public void setUp() {
      DiscountPolicy.Builder b = DiscountPolicy.builder()
          .baseRate(Tier.SILVER, "10").baseRate(Tier.GOLD, "15").baseRate(Tier.PLATINUM, "20");
      int range = spread.equals("wide") ? 100_000 : 1000;
      int gap = range / (steps + 1);
      for (int s = 1; s <= steps; s++) {
        b.volumeStep((long) s * gap, Integer.toString(s * 20 / steps + 1));
      }
      store = MemoryStorage.create();
      program = PartnerProgram.builder().clock(TestClock.at(START)).store(store).build();
      program.discounts().setPolicy(b.build(), PolicyChange.today("bench", steps + " steps"));
      calculator = program.discounts().calculatorOn(FIRST_DAY);
      SplittableRandom random = new SplittableRandom(11);
      for (int i = 0; i < INPUTS; i++) {
        tiers[i] = Tier.values()[random.nextInt(3)];
        servers[i] = random.nextInt(range + range / 10);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      program.close();
      store.close();
    }
  }

  /**
   * A history of {@code versions} versions, one per day from 2000-01-01, quoted on dates spread
   * over the whole history ({@code spread}: every quote may hit another version's tables) or on
   * dates in force under the latest version only ({@code latest}: the same tables every time, so
   * only the look-up by date grows with the history).
   */
  @State(Scope.Thread)
  public static class History {
    @Param({"1", "100", "10000"})
    public int versions;

    @Param({"spread", "latest"})
    public String quoted = "spread";

    DiscountEngine engine;
    Store store;
    PartnerProgram program;
    LocalDate[] dates = new LocalDate[INPUTS];
    Tier[] tiers = new Tier[INPUTS];
    int[] servers = new int[INPUTS];
    Money[] gross = new Money[INPUTS];
    int next;

    @Setup(Level.Trial)
    public void setUp() {
      TestClock clock = TestClock.at(START);
      store = MemoryStorage.create();
      program = PartnerProgram.builder().clock(clock).store(store).build();
      engine = program.discounts();
      DiscountPolicy policy = DiscountGenerators.examplePolicy();
      for (int v = 0; v < versions; v++) {
        engine.setPolicy(policy.toBuilder().baseRate(Tier.PLATINUM, Integer.toString(20 + v % 50)).build(),
            PolicyChange.from(FIRST_DAY.plusDays(v), "bench", "version " + v));
      }
      clock.setDate(FIRST_DAY.plusDays(versions + 60)); // every date quoted is in the past now
      SplittableRandom random = new SplittableRandom(13);
      for (int i = 0; i < INPUTS; i++) {
        dates[i] = quoted.equals("latest")
            ? FIRST_DAY.plusDays(versions - 1 + random.nextInt(30)) // in force under the last version
            : FIRST_DAY.plusDays(random.nextInt(versions));
        tiers[i] = Tier.values()[random.nextInt(3)];
        servers[i] = random.nextInt(400);
        gross[i] = Money.ofMinor(random.nextLong(100, 10_000_000), DiscountBenchmark.USD);
      }
      for (LocalDate d : dates) {
        engine.quote(Tier.GOLD, 1, d, gross[0]); // compile the versions quoted, as a warm engine has
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      program.close();
      store.close();
    }
  }

  /** The engine's rate under a schedule of 1 to 64 steps (a shared {@code Rate}: nothing allocated). */
  @Benchmark
  public Rate rateBySteps(Schedule s) {
    int i = s.next;
    s.next = (i + 1) & (INPUTS - 1);
    return s.calculator.rate(s.tiers[i], s.servers[i]);
  }

  /** The engine's quote for a date in a history of 1 to 10,000 versions. */
  @Benchmark
  public DiscountQuote quoteByHistory(History h) {
    int i = h.next;
    h.next = (i + 1) & (INPUTS - 1);
    return h.engine.quote(h.tiers[i], h.servers[i], h.dates[i], h.gross[i]);
  }
}
