package cloud.quazzar.partner.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The PostgreSQL server the {@code *Postgres*} tests run against: {@code -Dpartner.pg.url}
 * (default {@value #DEFAULT_URL}) as {@code -Dpartner.pg.user} (default {@value #DEFAULT_USER}),
 * no password (trust authentication).
 *
 * <p>{@link #require()} decides what an unreachable server means: a failure when PostgreSQL is
 * required ({@code -Dpartner.pg.required=true}, or environment {@code CI=true} or {@code
 * PARTNER_PG_REQUIRED=true}), otherwise a skipped test (a JUnit assumption) whose message says how
 * to run it. Each store gets its own schema {@code tck_<random hex>}, dropped when the store
 * closes, so the database stays clean (see {@link ServerTestDatabase}).
 */
public final class PostgresTestDatabase extends ServerTestDatabase {
  public static final String URL_PROPERTY = "partner.pg.url";
  public static final String USER_PROPERTY = "partner.pg.user";
  public static final String REQUIRED_PROPERTY = "partner.pg.required";
  public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  public static final String DEFAULT_USER = "postgres";

  static final Kind KIND = new Kind("PostgreSQL", "partner.pg", DEFAULT_URL, DEFAULT_USER, "PARTNER_PG_REQUIRED",
      "start it (e.g. pg_ctlcluster --skip-systemctl-redirect <version> main start)");

  private static final Object LOCK = new Object();
  private static PostgresTestDatabase reachable;
  private static String unreachable;

  private PostgresTestDatabase() {
    super(KIND);
  }

  /**
   * The database, if it answers; otherwise fails the calling test or aborts it (skipped), as the
   * class comment says. Checks once per JVM.
   */
  public static PostgresTestDatabase require() {
    synchronized (LOCK) {
      if (reachable == null && unreachable == null) {
        String[] reason = new String[1];
        reachable = probe(new PostgresTestDatabase(), reason);
        unreachable = reason[0];
      }
      if (reachable != null) {
        return reachable;
      }
    }
    throw unreachable(KIND, unreachable);
  }

  /** The database if an earlier {@link #require()} found it reachable, for clean-up in an {@code @AfterAll}. */
  public static Optional<PostgresTestDatabase> ifReachable() {
    synchronized (LOCK) {
      return Optional.ofNullable(reachable);
    }
  }

  /** Whether an unreachable server fails the tests instead of skipping them. */
  public static boolean required() {
    return required(KIND);
  }

  @Override
  void connectionProperties(Properties props) {
    props.setProperty("connectTimeout", "5");
    props.setProperty("loginTimeout", "5");
  }

  @Override
  void emptyTables(Statement s, String schema, List<String> tables) throws SQLException {
    // one statement for all: the foreign keys among them allow it
    s.execute("TRUNCATE TABLE " + String.join(", ", tables.stream().map(t -> quoted(schema) + "." + quoted(t)).toList()));
  }

  @Override
  String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  String dropStatement(String schema) {
    return "DROP SCHEMA IF EXISTS \"" + schema.replace("\"", "\"\"") + "\" CASCADE";
  }
}
