package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.BatchResult;
import cloud.quazzar.partner.revenue.EntryKind;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueEntryId;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.TestClock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Month-end recording on the memory store: {@link RevenueLedger#recordAll} of {@value #BATCH} rows
 * per operation against appending the same entries through the SPI directly (the store's own cost,
 * no validation, partner check or idempotency comparison), in the same run. Scores are rows per
 * second. A new store (and its partners) every iteration keeps the heap bounded.
 *
 * <p>Run: {@code java -jar partner-benchmarks/target/benchmarks.jar MemoryRecording -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class MemoryRecordingBenchmark {
  static final int BATCH = 1000;
  static final int PARTNERS = 20_000;

  private PartnerProgram program;
  private Store store;
  private RevenueLedger ledger;
  private List<PartnerId> partners;
  private int op;

  @Setup(Level.Iteration)
  public void newStore() {
    store = MemoryStorage.create();
    program = PartnerProgram.builder().clock(TestClock.at(Instant.parse("2026-01-15T09:30:00Z"))).store(store).build();
    ledger = program.revenue();
    partners = Partners.add(program, PARTNERS);
    op = 0;
  }

  private int[] next() {
    int n = op++;
    int blocks = PARTNERS / BATCH;
    if (n / blocks > 1300) {
      throw new IllegalStateException("out of months: raise PARTNERS");
    }
    return new int[] {(n % blocks) * BATCH, n / blocks};
  }

  /** The ledger's month-end path. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public BatchResult ledgerRecordAll() {
    int[] at = next();
    YearMonth month = YearMonth.of(2025, 12).minusMonths(at[1]);
    List<RevenueRecording> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      int p = at[0] + i;
      batch.add(RevenueRecording.of(partners.get(p), month, Money.ofMinor(100_000L + p, Partners.USD),
          "bench/" + month + "/" + p).withCounts(p % 500, p % 40));
    }
    return ledger.recordAll(batch);
  }

  /** Baseline: the same entries appended through the SPI in one write transaction. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<RevenueEntry> storeAppendOnly() {
    int[] at = next();
    YearMonth month = YearMonth.of(2025, 12).minusMonths(at[1]);
    Instant now = Instant.parse("2026-01-15T09:30:00Z");
    List<RevenueEntry> entries = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      int p = at[0] + i;
      entries.add(new RevenueEntry(new RevenueEntryId(IdGenerator.random().next()), partners.get(p), month, 1,
          EntryKind.RECORDED, Money.ofMinor(100_000L + p, Partners.USD), p % 500, p % 40, "plain/" + month + "/" + p,
          Optional.empty(), now, Optional.empty()));
    }
    return store.write(tx -> tx.revenue().appendAbsent(entries));
  }
}
