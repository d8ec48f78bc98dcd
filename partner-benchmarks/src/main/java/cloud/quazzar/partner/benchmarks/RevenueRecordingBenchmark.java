package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.BatchResult;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.testkit.TestClock;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Month-end recording on H2 (file), PostgreSQL and MariaDB: {@link RevenueLedger#recordAll} of {@value
 * #BATCH} rows per operation (validation, partner check, idempotent bulk insert, commit) against a
 * plain JDBC batch {@code INSERT} of the same rows into the same table on the same pool (no
 * validation, no idempotency), measured in the same run. Scores are rows per second. The table is
 * emptied before every iteration, so both see the same table sizes.
 *
 * <p>Run: {@code java -jar partner-benchmarks/target/benchmarks.jar RevenueRecording -prof gc}
 * (PostgreSQL at {@code -Dpartner.pg.url}, default {@code jdbc:postgresql://127.0.0.1:5432/test},
 * user postgres, trust authentication; the benchmark uses and drops schema {@code bench_revenue};
 * MariaDB at {@code -Dpartner.mariadb.url}, default {@code jdbc:mariadb://127.0.0.1:3306/test}, user
 * root, no password; the benchmark uses and drops database {@code bench_revenue}). On MariaDB both
 * use the driver's defaults, under which Connector/J sends a batch as one bulk command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RevenueRecordingBenchmark {
  /** Rows per operation: one month-end batch. */
  static final int BATCH = 1000;

  /** Partners; each operation records one block of {@value #BATCH} of them for one month. */
  static final int PARTNERS = 5000;

  static final String COLUMNS = "id, partner_id, month_start, revision, kind, mrr_minor, currency, server_count,"
      + " client_count, idempotency_key, reason, recorded_at, supersedes_id";

  @Param({"h2", "postgresql", "mariadb"})
  public String database;

  private @Nullable Path h2Dir;
  private HikariDataSource pool;
  private PartnerProgram program;
  private RevenueLedger ledger;
  private List<PartnerId> partners;
  private int op;

  @Setup(Level.Trial)
  public void setUp() throws IOException, SQLException {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(4);
    config.setAutoCommit(true);
    if (database.equals("h2")) {
      h2Dir = Files.createTempDirectory("revenue-bench");
      config.setJdbcUrl("jdbc:h2:file:" + h2Dir.resolve("ledger").toAbsolutePath() + ";LOCK_TIMEOUT=10000");
      config.setUsername("sa");
      config.setPassword("");
    } else if (database.equals("mariadb")) {
      String url = System.getProperty("partner.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test");
      try (Connection c = java.sql.DriverManager.getConnection(url, "root", null); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS bench_revenue");
        s.execute("CREATE DATABASE bench_revenue CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
      }
      config.setJdbcUrl(url.replaceFirst("/[^/?]*(\\?|$)", "/bench_revenue$1"));
      config.setUsername("root");
      // as the store's own pool on MariaDB
      config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    } else {
      String url = System.getProperty("partner.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
      try (Connection c = java.sql.DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS bench_revenue CASCADE");
        s.execute("CREATE SCHEMA bench_revenue");
      }
      config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=bench_revenue");
      config.setUsername("postgres");
      // the fastest plain batch pgjdbc offers, for the baseline
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    pool = new HikariDataSource(config);
    program = PartnerProgram.builder()
        .clock(TestClock.at(Instant.parse("2026-01-15T09:30:00Z")))
        .storage(JdbcStorage.dataSource(pool))
        .build();
    ledger = program.revenue();
    partners = Partners.add(program, PARTNERS);
  }

  @Setup(Level.Iteration)
  public void emptyTable() throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      // TRUNCATE on PostgreSQL: a DELETE would check the self-referencing supersedes_id key row by
      // row (the append-only table has no index for deletes it never does)
      // the event log too: its revenue events reference the ledger rows
      if (database.equals("h2")) {
        s.execute("DELETE FROM domain_events");
        s.execute("DELETE FROM revenue_entries");
      } else if (database.equals("mariadb")) {
        s.execute("SET SESSION foreign_key_checks = 0");
        s.execute("TRUNCATE domain_events");
        s.execute("TRUNCATE revenue_entries");
        s.execute("SET SESSION foreign_key_checks = 1");
      } else {
        s.execute("TRUNCATE domain_events, revenue_entries");
      }
    }
    op = 0;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException, SQLException {
    program.close();
    if (database.equals("postgresql")) {
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA bench_revenue CASCADE");
      }
    } else if (database.equals("mariadb")) {
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE bench_revenue");
      }
    }
    pool.close();
    if (h2Dir != null) {
      try (Stream<Path> files = Files.walk(h2Dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** The next operation's block of partners and month: every (partner, month) is new in the iteration. */
  private int[] next() {
    int n = op++;
    int blocks = PARTNERS / BATCH;
    YearMonth month = YearMonth.of(2025, 12).minusMonths(n / blocks);
    if (month.isBefore(YearMonth.of(1900, 1))) {
      throw new IllegalStateException("out of months: raise PARTNERS");
    }
    return new int[] {(n % blocks) * BATCH, n / blocks};
  }

  private static YearMonth month(int back) {
    return YearMonth.of(2025, 12).minusMonths(back);
  }

  /** The ledger's month-end path. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public BatchResult ledgerRecordAll() {
    int[] at = next();
    YearMonth month = month(at[1]);
    List<RevenueRecording> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      int p = at[0] + i;
      batch.add(RevenueRecording.of(partners.get(p), month, Money.ofMinor(100_000L + p, Partners.USD),
          "bench/" + month + "/" + p).withCounts(p % 500, p % 40));
    }
    BatchResult result = ledger.recordAll(batch);
    if (result.createdCount() != BATCH) {
      throw new IllegalStateException("created " + result.createdCount());
    }
    return result;
  }

  /** Baseline: a plain JDBC batch INSERT of the same rows, one transaction, nothing checked. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int[] plainJdbcBatch() throws SQLException {
    int[] at = next();
    YearMonth month = month(at[1]);
    OffsetDateTime now = OffsetDateTime.of(2026, 1, 15, 9, 30, 0, 0, ZoneOffset.UTC);
    // MariaDB's DATETIME(6) holds UTC, bound as the store binds it
    Object recordedAt = database.equals("mariadb") ? now.toLocalDateTime() : now;
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO revenue_entries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < BATCH; i++) {
          int p = at[0] + i;
          ps.setObject(1, IdGenerator.random().next());
          ps.setObject(2, partners.get(p).value());
          ps.setObject(3, month.atDay(1));
          ps.setInt(4, 1);
          ps.setString(5, "RECORDED");
          ps.setLong(6, 100_000L + p);
          ps.setString(7, "USD");
          ps.setLong(8, p % 500);
          ps.setInt(9, p % 40);
          ps.setString(10, "plain/" + month + "/" + p);
          ps.setNull(11, Types.VARCHAR);
          ps.setObject(12, recordedAt);
          ps.setNull(13, Types.OTHER);
          ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        c.commit();
        return counts;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }
}
