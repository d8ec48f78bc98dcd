package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.discount.AdjustmentRequest;
import cloud.quazzar.partner.discount.BatchQuote;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.QuoteItem;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.SequentialIds;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.DiscountGenerators;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A billing run of 1,000,000 partners for one date: the engine's batch API against a bare loop of
 * the same number of {@link DiscountBenchmark#bareQuote bare long-cents quotes} into an array (the
 * limit). Every item names its partner; 100 partners have an adjustment, so the batch looks up
 * adjustments by partner as a real run would. On the memory store, named explicitly ({@code
 * MemoryStorage.create()}): a run for a past day reads nothing from the store.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("EnumOrdinal") // picks tiers by index for varied inputs; their order does not matter
public class DiscountBatchBenchmark {
  static final int PARTNERS = 1_000_000;
  static final int ADJUSTED = 100;

  private Store store;
  private PartnerProgram program;
  private DiscountEngine engine;
  private List<QuoteItem> items;
  private int[] tierIndex;
  private int[] servers;
  private long[] cents;
  private final LocalDate date = LocalDate.parse("2026-01-31");

  @Setup(Level.Trial)
  public void setUp() {
    TestClock clock = TestClock.at(Instant.parse("2026-01-01T09:30:00Z"));
    store = MemoryStorage.create();
    program = PartnerProgram.builder().clock(clock).idGenerator(new SequentialIds()).store(store).build();
    engine = program.discounts();
    engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("bench", "example policy"));
    List<PartnerId> adjusted = new ArrayList<>();
    for (int i = 0; i < ADJUSTED; i++) {
      PartnerId id = program.registry().add(new NewPartner("Adjusted " + i, "a" + i + "@bench.example", Tier.GOLD)).id();
      engine.adjust(id, AdjustmentRequest.extra(Rate.percent(2), "bench", "strategic"));
      adjusted.add(id);
    }
    clock.setDate(date.plusDays(1)); // the run is for a day already past: its version is final

    SplittableRandom random = new SplittableRandom(7);
    items = new ArrayList<>(PARTNERS);
    tierIndex = new int[PARTNERS];
    servers = new int[PARTNERS];
    cents = new long[PARTNERS];
    for (int i = 0; i < PARTNERS; i++) {
      tierIndex[i] = random.nextInt(3);
      servers[i] = random.nextInt(400);
      cents[i] = random.nextLong(100, 10_000_000);
      PartnerId partner = i < ADJUSTED ? adjusted.get(i) : new PartnerId(new UUID(0xBA7C4L, i));
      items.add(QuoteItem.of(partner, Tier.values()[tierIndex[i]], servers[i], Money.ofMinor(cents[i], DiscountBenchmark.USD)));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    program.close();
    store.close();
  }

  /** Limit: 1,000,000 bare long-cents quotes into an array. */
  @Benchmark
  public DiscountBenchmark.BareQuote[] limitBareLoop() {
    DiscountBenchmark.BareQuote[] out = new DiscountBenchmark.BareQuote[PARTNERS];
    for (int i = 0; i < PARTNERS; i++) {
      out[i] = DiscountBenchmark.bareQuote(tierIndex[i], servers[i], cents[i]);
    }
    return out;
  }

  /** The batch API: one version look-up, 1,000,000 quotes with adjustments looked up by partner, totals. */
  @Benchmark
  public BatchQuote engineBatch() {
    return engine.quoteAll(date, DiscountBenchmark.USD, items);
  }
}
