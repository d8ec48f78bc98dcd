package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.Tier;
import java.util.HashMap;
import java.util.Map;
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
 * Looking a partner up by id through the registry on the memory store, against a plain
 * {@code HashMap.get} of the same partners (the baseline, measured in the same run).
 *
 * <p>Run: {@code java -jar partner-benchmarks/target/benchmarks.jar RegistryLookup -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("EnumOrdinal") // picks tiers by index for varied inputs; their order does not matter
public class RegistryLookupBenchmark {
  @Param({"1000"})
  public int partners;

  private PartnerProgram program;
  private PartnerRegistry registry;
  private PartnerId[] ids;
  private final Map<PartnerId, Partner> baseline = new HashMap<>();
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    program = PartnerProgram.builder()
        .store(MemoryStorage.create())
        .build();
    registry = program.registry();
    ids = new PartnerId[partners];
    for (int i = 0; i < partners; i++) {
      Partner p = registry.add(new NewPartner("Partner " + i, "p" + i + "@bench.example", Tier.values()[i % 3]));
      registry.addClient(p.id(), new NewClient("client " + i, i % 200));
      ids[i] = p.id();
      baseline.put(p.id(), registry.get(p.id()));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    program.close();
  }

  private PartnerId nextId() {
    int i = next;
    next = i + 1 == ids.length ? 0 : i + 1;
    return ids[i];
  }

  /** Baseline: the cheapest possible look-up of an already built partner. */
  @Benchmark
  public @Nullable Partner hashMapGet() {
    return baseline.get(nextId());
  }

  /** The registry: validation, a read transaction, the record and its client totals. */
  @Benchmark
  public Partner registryGet() {
    return registry.get(nextId());
  }
}
