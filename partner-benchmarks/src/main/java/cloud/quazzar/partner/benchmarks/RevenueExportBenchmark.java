package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.revenue.RevenueRow;
import cloud.quazzar.partner.testkit.TestClock;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
 * The CSV export of {@code rows} ledger rows on the memory store, to a writer that discards, against
 * Commons CSV alone printing the same rows (read once into a list) with the same format, measured in
 * the same run. One operation is one whole export: rows per second = rows / (seconds per op), and
 * {@code -prof gc}'s B/op divided by rows is the allocation per row, which must not grow with rows.
 *
 * <p>Run: {@code java -jar partner-benchmarks/target/benchmarks.jar RevenueExport -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@SuppressWarnings("EnumOrdinal") // picks tiers by index for varied inputs; their order does not matter
public class RevenueExportBenchmark {
  /** Partners per month; rows / PARTNERS months. */
  static final int PARTNERS = 5000;

  @Param({"100000", "1000000"})
  public int rows;

  /**
   * Where the CSV goes: {@code buffered}, a {@code BufferedWriter} (as an export to a file or socket
   * would use) over a writer that discards; {@code discard}, the discarding writer itself (the
   * cheapest possible sink, which flatters a library that makes many tiny writes).
   */
  @Param({"buffered", "discard"})
  public String sink;

  private PartnerProgram program;
  private RevenueLedger ledger;
  private List<RevenueRow> sameRows;
  private final NullWriter discard = new NullWriter();

  private Writer out() {
    return sink.equals("buffered") ? new java.io.BufferedWriter(discard, 8192) : discard;
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    program = PartnerProgram.builder()
        .clock(TestClock.at(Instant.parse("2026-01-15T09:30:00Z")))
        .store(MemoryStorage.create())
        .build();
    ledger = program.revenue();
    List<PartnerId> ids = new ArrayList<>(PARTNERS);
    for (int p = 0; p < PARTNERS; p++) {
      ids.add(program.registry().add(new NewPartner(p % 7 == 0 ? "=Partner " + p : "Partner \"" + p + "\", Inc.",
          "p" + p + "@bench.example", Tier.values()[p % 3])).id());
    }
    int months = rows / PARTNERS;
    YearMonth first = YearMonth.of(2025, 12).minusMonths(months - 1L);
    for (int m = 0; m < months; m++) {
      List<RevenueRecording> batch = new ArrayList<>(PARTNERS);
      for (int p = 0; p < PARTNERS; p++) {
        batch.add(RevenueRecording.of(ids.get(p), first.plusMonths(m), Money.of((1000 + p) + "." + (m % 100), "USD"),
            "export/" + m + "/" + p).withCounts(p % 500, p % 40));
      }
      ledger.recordAll(batch);
    }
    sameRows = new ArrayList<>(rows);
    program.store().read(tx -> {
      tx.revenue().scan(RevenueFilter.all(), sameRows::add);
      return true; // no result: the work must return non-null
    });
    if (sameRows.size() != rows || ledger.exportCsv(RevenueFilter.all(), out()) != rows) {
      throw new IllegalStateException("expected " + rows + " rows");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    program.close();
  }

  /** The ledger: read transaction, store scan in month/name order, neutralised text, Commons CSV. */
  @Benchmark
  public long ledgerExport() throws IOException {
    return ledger.exportCsv(RevenueFilter.all(), out());
  }

  /** Baseline: Commons CSV alone printing the same rows' ten values, plainly formatted. */
  @Benchmark
  public long commonsCsvAlone() throws IOException {
    CSVPrinter printer = new CSVPrinter(out(), CSVFormat.RFC4180.builder().setRecordSeparator("\r\n")
        .setHeader(RevenueLedger.CSV_COLUMNS.toArray(String[]::new)).get());
    long n = 0;
    for (RevenueRow row : sameRows) {
      RevenueEntry e = row.entry();
      printer.print(e.month().toString());
      printer.print(e.partnerId().toString());
      printer.print(row.companyName());
      printer.print(row.tier().name());
      printer.print(e.mrr().toBigDecimal().toPlainString());
      printer.print(e.mrr().currency().getCurrencyCode());
      printer.print(Long.toString(e.serverCount()));
      printer.print(Long.toString(e.clientCount()));
      printer.print(Integer.toString(e.revision()));
      printer.print(e.id().toString());
      printer.println();
      n++;
    }
    printer.flush();
    return n;
  }

  /** Discards what it is given, after touching it, like a fast socket would. */
  static final class NullWriter extends Writer {
    private long chars;

    @Override
    public void write(char[] buf, int off, int len) {
      chars += len;
    }

    @Override
    public void write(String s, int off, int len) {
      chars += len;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return "NullWriter[" + chars + "]";
    }
  }
}
