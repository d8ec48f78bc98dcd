package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.generators.DiscountGenerators;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
import org.jspecify.annotations.Nullable;

/**
 * The engine's public quote, {@code DiscountEngine.quote(tier, servers, date, gross)}, for today
 * against the same quote for a past date (the baseline, whose version is final in the cache and
 * never touches the store), on each store and with each staleness setting, in one run.
 *
 * <p>{@code store}: {@code memory} ({@code MemoryStorage.create()}), {@code h2} (an H2 file database
 * in a temporary directory), {@code postgresql} (a scratch schema on the server of {@code
 * -Dpartner.pg.url}, dropped afterwards). {@code stalenessMillis}: the program's {@code
 * discountStaleness}: 0 (the default: every quote for today first reads the store's discount
 * revision) or 1000 (the revision is read at most once a second of the clock). The clock ticks in
 * real time, so the window runs out during the measurement as it would for a host.
 *
 * <p>Run: {@code java -jar partner-benchmarks/target/benchmarks.jar DiscountToday -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DiscountTodayBenchmark {
  static final int INPUTS = 1024;
  private static final List<Tier> TIERS = List.of(Tier.values());
  /** When the policy is set: its first day. */
  static final Instant POLICY_SET = Instant.parse("2026-01-01T09:30:00Z");
  /** When the quotes run (and tick on from). */
  static final Instant QUOTING = Instant.parse("2026-01-15T09:30:00Z");
  static final LocalDate PAST = LocalDate.parse("2026-01-10");

  @Param({"memory", "h2", "postgresql"})
  public String store = "memory";

  @Param({"0", "1000"})
  public long stalenessMillis;

  private final BenchStores stores = new BenchStores();
  private @Nullable Store memory;
  PartnerProgram program;
  DiscountEngine engine;
  LocalDate today;
  Tier[] tiers = new Tier[INPUTS];
  int[] servers = new int[INPUTS];
  Money[] gross = new Money[INPUTS];
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    ShiftedClock clock = new ShiftedClock().readingNow(POLICY_SET);
    PartnerProgram.Builder b = PartnerProgram.builder().clock(clock)
        .discountStaleness(Duration.ofMillis(stalenessMillis));
    switch (store) {
      case "memory" -> {
        memory = MemoryStorage.create();
        b.store(memory);
      }
      case "h2" -> b.storage(stores.h2File("bench-discount"));
      case "postgresql" -> b.storage(stores.postgresql("bench_discount"));
      default -> throw new IllegalArgumentException("unknown store " + store);
    }
    program = b.build();
    engine = program.discounts();
    engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("bench", "example policy"));
    clock.readingNow(QUOTING);
    today = LocalDate.ofInstant(QUOTING, ZoneOffset.UTC);
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < INPUTS; i++) {
      tiers[i] = TIERS.get(random.nextInt(TIERS.size()));
      servers[i] = random.nextInt(400);
      gross[i] = Money.ofMinor(random.nextLong(100, 10_000_000), DiscountBenchmark.USD);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    program.close();
    if (memory != null) {
      memory.close();
    }
    stores.remove();
  }

  /** Points the next benchmark call at input {@code i} (for the exactness test). */
  void at(int i) {
    next = i;
  }

  private int nextIndex() {
    int i = next;
    next = (i + 1) & (INPUTS - 1);
    return i;
  }

  /** Baseline: a quote for a past date: the version look-up in the cached history, then the quote. */
  @Benchmark
  public DiscountQuote quotePastDate() {
    int i = nextIndex();
    return engine.quote(tiers[i], servers[i], PAST, gross[i]);
  }

  /**
   * A quote for today: with no staleness, first a read of the store's discount revision (memory: a
   * read lock; JDBC: a transaction and one indexed row); within a staleness window, a clock read.
   */
  @Benchmark
  public DiscountQuote quoteToday() {
    int i = nextIndex();
    return engine.quote(tiers[i], servers[i], today, gross[i]);
  }
}
