package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.events.EventRetention;
import cloud.quazzar.partner.events.PruneResult;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.testkit.TestClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
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
 * One pruning run over {@value #EVENTS} events on PostgreSQL (docs/events.md, "Retention"; rules
 * EVT-9 to EVT-12): {@code program.events().prune(policy)} deleting all of them in transactions of
 * {@code DomainEvents.PRUNE_BATCH}, by count ({@code keepLast(0)}) and by age ({@code maxAge}: the
 * run first walks the primary key for the first young event), against the baseline of one plain
 * {@code DELETE ... WHERE sequence_no <= n} statement (one transaction, no cursor or policy read),
 * measured in the same run. One operation is one whole run (single shot): before each, the log is
 * emptied and {@value #EVENTS} events are generated in the database ({@code generate_series}, one
 * second apart, 1,000 partners, a JSON payload of about 140 bytes), then vacuumed and analysed, as
 * an old log would be; one listener cursor stands at the last event.
 *
 * <p>Run: {@code java -jar partner-benchmarks/target/benchmarks.jar EventPrune -prof gc} (PostgreSQL
 * at {@code -Dpartner.pg.url}, default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * postgres, trust authentication; uses and drops schema {@code bench_prune}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class EventPruneBenchmark {
  /** Events in the log before each run. */
  static final int EVENTS = 1_000_000;
  private static final String SCHEMA = "bench_prune";
  /** The program's clock: a day after the last generated event. */
  private static final Instant NOW = Instant.parse("2025-01-13T00:00:00Z");

  private PartnerProgram program;
  private String url;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    String base = System.getProperty("partner.pg.url", BenchStores.PG_URL);
    try (Connection c = DriverManager.getConnection(base, "postgres", null); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
    url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    program = PartnerProgram.builder().clock(TestClock.at(NOW))
        .storage(JdbcStorage.url(base, "postgres", null).with(JdbcStorage.SCHEMA, SCHEMA)).build();
  }

  /** A full log of {@value #EVENTS} old events, one cursor at its end. */
  @Setup(Level.Iteration)
  public void fillLog() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement()) {
      s.execute("TRUNCATE domain_events");
      s.execute("INSERT INTO domain_events (sequence_no, partner_id, event_type, occurred_at, payload, revenue_entry_id)"
          + " SELECT g, ('00000000-0000-0000-0000-' || lpad((g % 1000)::text, 12, '0'))::uuid, 'PartnerDeactivated',"
          + " timestamptz '2025-01-01 00:00:00+00' + g * interval '1 second',"
          + " '{\"partnerId\":\"00000000-0000-0000-0000-' || lpad((g % 1000)::text, 12, '0')"
          + " || '\",\"version\":' || g || ',\"at\":\"2025-01-01T00:00:00Z\"}', NULL"
          + " FROM generate_series(1, " + EVENTS + ") g");
      s.execute("UPDATE event_counter SET last_sequence = " + EVENTS + " WHERE id = 1");
      s.execute("DELETE FROM event_cursors");
      s.execute("INSERT INTO event_cursors (listener, position_no) VALUES ('billing', " + EVENTS + ")");
      s.execute("VACUUM ANALYZE domain_events");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    program.close();
    try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
    }
  }

  private static PruneResult check(PruneResult r) {
    if (r.pruned() != EVENTS) {
      throw new IllegalStateException("pruned " + r);
    }
    return r;
  }

  /** Retention by count: every event the cursor passed. */
  @Benchmark
  public PruneResult pruneKeepLast() {
    return check(program.events().prune(EventRetention.keepLast(0)));
  }

  /** Retention by age: every event is older than a day; the run walks the key for a young one first. */
  @Benchmark
  public PruneResult pruneMaxAge() {
    return check(program.events().prune(EventRetention.maxAge(Duration.ofHours(1))));
  }

  /** The baseline: one plain statement in one transaction. */
  @Benchmark
  public int plainDelete() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement()) {
      int n = s.executeUpdate("DELETE FROM domain_events WHERE sequence_no <= " + EVENTS);
      if (n != EVENTS) {
        throw new IllegalStateException("deleted " + n);
      }
      return n;
    }
  }
}
