package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.discount.DiscountCalculator;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.metrics.PartnerProgramMetrics;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.generators.DiscountGenerators;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
 * What the metrics cost a call (rule OPS-14): the discount quote and a registry read through the
 * program's services, with {@code PartnerProgramMetrics} not bound ({@code unbound}: the
 * observation hook reads one volatile field per call), bound to a Micrometer {@code
 * SimpleMeterRegistry} when the program is built, before its first call ({@code bound}: as a host
 * binds it at start-up, and as the Spring Boot starter does; each call counted, one read in
 * {@code timedOneIn} timed), or bound only after 2,000 unobserved writes ({@code late}: the JIT
 * has compiled the hook's unobserved path by then, and recompiles it when bound), in one run. The
 * goal (docs/benchmarks.md, "Metrics"): bound, the quote unchanged and the registry read at most
 * 10% slower than unbound.
 *
 * <p>{@code store}: {@code memory} ({@code MemoryStorage.create()}) or {@code h2} (an H2 file
 * database in a temporary directory). {@code calculatorQuote} is the quote of {@code
 * DiscountBenchmark} (a calculator's, not observed); {@code quote} is {@code
 * discounts().quote(tier, servers, date, gross)} for a past date (the version from the cached history, never the store: the cheapest
 * observed call, where the overhead shows most); the read is {@code registry().get(id)} of one of
 * 1,000 partners.
 *
 * <p>Run: {@code java -jar partner-benchmarks/target/benchmarks.jar MetricsOverhead -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("EnumOrdinal") // picks tiers by index for varied inputs; their order does not matter
public class MetricsOverheadBenchmark {
  static final int INPUTS = 1024;
  static final int PARTNERS = 1000;
  private static final List<Tier> TIERS = List.of(Tier.values());
  static final Instant POLICY_SET = Instant.parse("2026-01-01T09:30:00Z");
  static final Instant NOW = Instant.parse("2026-01-15T09:30:00Z");
  static final LocalDate PAST = LocalDate.parse("2026-01-10");

  @Param({"memory", "h2"})
  public String store = "memory";

  @Param({"unbound", "bound", "late"})
  public String metrics = "unbound";

  /** Bound: one call in how many is timed ({@code PartnerProgramMetrics.Builder.timedOneIn}); the default. */
  @Param({"64"})
  public int timedOneIn = PartnerProgramMetrics.DEFAULT_TIMED_ONE_IN;

  private final BenchStores stores = new BenchStores();
  private @Nullable Store memory;
  private @Nullable SimpleMeterRegistry registry;
  private PartnerProgram program;
  private DiscountEngine engine;
  private DiscountCalculator calculator;
  private PartnerRegistry partners;
  private final PartnerId[] ids = new PartnerId[PARTNERS];
  private final Tier[] tiers = new Tier[INPUTS];
  private final int[] servers = new int[INPUTS];
  private final Money[] gross = new Money[INPUTS];
  private int next;
  private int nextId;

  @Setup(Level.Trial)
  public void setUp() {
    ShiftedClock clock = new ShiftedClock().readingNow(POLICY_SET);
    PartnerProgram.Builder b = PartnerProgram.builder().clock(clock);
    switch (store) {
      case "memory" -> {
        memory = MemoryStorage.create();
        b.store(memory);
      }
      case "h2" -> b.storage(stores.h2File("bench-metrics"));
      default -> throw new IllegalArgumentException("unknown store " + store);
    }
    program = b.build();
    switch (metrics) {
      case "unbound", "late" -> { }
      case "bound" -> bind(); // as a host does (the Spring Boot starter too): before the first call
      default -> throw new IllegalArgumentException("unknown metrics " + metrics);
    }
    engine = program.discounts();
    engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("bench", "example policy"));
    clock.readingNow(NOW);
    calculator = engine.calculatorOn(PAST);
    partners = program.registry();
    for (int i = 0; i < PARTNERS; i++) {
      Partner p = partners.add(new NewPartner("Partner " + i, "p" + i + "@bench.example", Tier.values()[i % 3]));
      partners.addClient(p.id(), new NewClient("client " + i, i % 200));
      ids[i] = p.id();
    }
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < INPUTS; i++) {
      tiers[i] = TIERS.get(random.nextInt(TIERS.size()));
      servers[i] = random.nextInt(400);
      gross[i] = Money.ofMinor(random.nextLong(100, 10_000_000), DiscountBenchmark.USD);
    }
    if (metrics.equals("late")) {
      bind(); // after 2,000 unobserved writes: the JIT has compiled the hook's unobserved path
      partners.get(ids[0]); // counted: the tear-down checks that binding took
    }
  }

  private void bind() {
    registry = new SimpleMeterRegistry();
    PartnerProgramMetrics.builder(program).timedOneIn(timedOneIn).build().bindTo(registry);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (registry != null && registry.find(PartnerProgramMetrics.OPERATIONS).functionCounters().isEmpty()) {
      throw new IllegalStateException("bound, but no call was counted");
    }
    program.close();
    if (memory != null) {
      memory.close();
    }
    stores.remove();
  }

  /**
   * The discount quote as {@code DiscountBenchmark.engineQuote} measures it: a {@code
   * DiscountCalculator} the engine handed out (a value, not a service: never observed).
   */
  @Benchmark
  public DiscountQuote calculatorQuote() {
    int i = next;
    next = (i + 1) & (INPUTS - 1);
    return calculator.quote(tiers[i], servers[i], gross[i]);
  }

  /** The discount quote for a past date, through {@code program.discounts()} (observed). */
  @Benchmark
  public DiscountQuote quote() {
    int i = next;
    next = (i + 1) & (INPUTS - 1);
    return engine.quote(tiers[i], servers[i], PAST, gross[i]);
  }

  /** A partner read by id, through {@code program.registry()}. */
  @Benchmark
  public Partner registryGet() {
    int i = nextId;
    nextId = i + 1 == PARTNERS ? 0 : i + 1;
    return partners.get(ids[i]);
  }
}
