package cloud.quazzar.partner.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The MariaDB server the {@code *MariaDb*} tests run against: {@code -Dpartner.mariadb.url}
 * (default {@value #DEFAULT_URL}) as {@code -Dpartner.mariadb.user} (default {@value
 * #DEFAULT_USER}), no password.
 *
 * <p>{@link #require()} decides what an unreachable server means: a failure when MariaDB is
 * required ({@code -Dpartner.mariadb.required=true}, or environment {@code CI=true} or {@code
 * PARTNER_MARIADB_REQUIRED=true}), otherwise a skipped test whose message says how to run it. Each
 * store gets its own database {@code tck_<random hex>} (see {@link ServerTestDatabase}).
 * Databases are handed out again once emptied ({@link ServerTestDatabase#emptySchema}).
 */
public final class MariaDbTestDatabase extends ServerTestDatabase {
  public static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/test";
  public static final String DEFAULT_USER = "root";

  static final Kind KIND = new Kind("MariaDB", "partner.mariadb", DEFAULT_URL, DEFAULT_USER,
      "PARTNER_MARIADB_REQUIRED", "start it (e.g. service mariadb start)");

  private static final Object LOCK = new Object();
  private static MariaDbTestDatabase reachable;
  private static String unreachable;

  private MariaDbTestDatabase() {
    super(KIND);
  }

  /**
   * The database, if it answers; otherwise fails the calling test or aborts it (skipped), as the
   * class comment says. Checks once per JVM.
   */
  public static MariaDbTestDatabase require() {
    synchronized (LOCK) {
      if (reachable == null && unreachable == null) {
        String[] reason = new String[1];
        reachable = probe(new MariaDbTestDatabase(), reason);
        unreachable = reason[0];
      }
      if (reachable != null) {
        return reachable;
      }
    }
    throw unreachable(KIND, unreachable);
  }

  /** The database if an earlier {@link #require()} found it reachable, for clean-up in an {@code @AfterAll}. */
  public static Optional<MariaDbTestDatabase> ifReachable() {
    synchronized (LOCK) {
      return Optional.ofNullable(reachable);
    }
  }

  @Override
  void connectionProperties(Properties props) {
    props.setProperty("connectTimeout", "5000");
  }

  @Override
  void emptyTables(Statement s, String schema, List<String> tables) throws SQLException {
    deleteAll(s, schema, tables);
  }

  @Override
  String quoted(String identifier) {
    return backQuoted(identifier);
  }

  @Override
  String dropStatement(String schema) {
    return "DROP DATABASE IF EXISTS " + backQuoted(schema);
  }

  /** MariaDB's way to empty tables in a transaction: DELETE, foreign keys unchecked for the session. */
  static void deleteAll(Statement s, String schema, List<String> tables) throws SQLException {
    s.execute("SET SESSION foreign_key_checks = 0");
    for (String table : tables) {
      s.execute("DELETE FROM " + backQuoted(schema) + "." + backQuoted(table));
    }
  }

  /** An identifier quoted as MariaDB quotes it. */
  static String backQuoted(String identifier) {
    return '`' + identifier.replace("`", "``") + '`';
  }
}
