package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * What differs between the supported databases. Nearly all statements are portable; what is not
 * is here: session set-up, text ordering, identifier quoting, how a point in time is stored, and
 * which migrations create the tables (H2 and PostgreSQL share one set of scripts, MariaDB has its
 * own: {@link #migrationLocation}). The bulk paths of the ledger and the event log ask the dialect
 * which way to go ({@code JdbcRevenue}, {@code JdbcEvents}).
 */
enum Dialect {
  H2("org.h2.Driver") {
    @Override
    String orderByText(String column) {
      // H2 compares strings by UTF-16 units (String.compareTo) unless a collation is set. Name keys
      // are built so that this is their code point order (Names.key, docs/rules.md TEXT-3), and the
      // plain column keeps the name-key indexes usable for the order.
      return column;
    }

    @Override
    void beginRead(Connection c, TransactionState state) throws SQLException {
      // H2 has no per-transaction SET TRANSACTION; set the session level and restore it afterwards.
      state.isolationToRestore = c.getTransactionIsolation();
      if (state.isolationToRestore != Connection.TRANSACTION_REPEATABLE_READ) {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      }
    }

    @Override
    void useSchema(Connection c, String schema, TransactionState state) throws SQLException {
      state.schemaToRestore = c.getSchema();
      c.setSchema(schema);
    }

    @Override
    void useSchema(HikariConfig pool, String schema) {
      // H2's SET SCHEMA fails for a missing schema, and the pool connects before Flyway runs. Both
      // statements take effect at once in H2 (DDL commits; the session schema is not transactional).
      pool.setConnectionInitSql("CREATE SCHEMA IF NOT EXISTS " + quote(schema) + "; SET SCHEMA " + quote(schema));
    }
  },

  POSTGRESQL("org.postgresql.Driver") {
    @Override
    void statementTimeout(Connection c, int millis, TransactionState state) throws SQLException {
      // SET LOCAL semantics (third argument true): ends with the transaction, nothing to restore.
      try (PreparedStatement ps = c.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
        ps.setString(1, Integer.toString(millis));
        ps.execute();
      }
    }

    @Override
    String orderByText(String column) {
      // Byte order of UTF-8 = code point order, whatever the database's collation (docs/rules.md
      // TEXT-3). A linguistic collation (en_US, ...) would ignore case and punctuation and differ
      // between hosts. partners.name_key has collation C itself since V8__partner_lists.sql, so its
      // indexes serve this order; partner_clients.name_key keeps the database's, so a partner's
      // clients are sorted (few rows) unless that is C.
      return column + " COLLATE \"C\"";
    }

    @Override
    void beginRead(Connection c, TransactionState state) throws SQLException {
      // Must be the transaction's first statement; it ends with the transaction, nothing to restore.
      repeatableReadTransaction(c);
    }

    @Override
    void useSchema(Connection c, String schema, TransactionState state) throws SQLException {
      // is_local = true: the search path reverts at commit or rollback, the host's connection is untouched.
      try (PreparedStatement ps = c.prepareStatement("SELECT set_config('search_path', ?, true)")) {
        ps.setString(1, quote(schema));
        ps.execute();
      }
    }

    @Override
    void useSchema(HikariConfig pool, String schema) {
      // Sent in the start-up packet, outside any transaction (an init statement would run inside
      // the pool's first auto-commit-off transaction and be undone by its rollback). The search
      // path may name a schema that does not exist yet: Flyway creates it.
      pool.addDataSourceProperty("currentSchema", quote(schema));
    }
  },

  /**
   * MariaDB 10.6 and later, also as a Galera cluster (not MySQL: it has no UUID type). Its
   * own migrations ({@code cloud/quazzar/partner/jdbc/mariadb/migration}): the same tables, indexes
   * and constraints, with MariaDB's types. Points in time are {@code DATETIME(6)} holding UTC (the
   * driver would otherwise turn them into the JVM's time zone, where one hour a year is
   * ambiguous); text is {@code utf8mb4} with the binary {@code utf8mb4_nopad_bin} collation, so
   * it compares exactly as given; name keys are {@code VARBINARY}, their UTF-8 bytes, which order
   * by code point (docs/rules.md TEXT-3) and fit an index at any length a name can have.
   */
  MARIADB("org.mariadb.jdbc.Driver") {
    @Override
    String orderByText(String column) {
      // name keys are VARBINARY: byte order of UTF-8 = code point order, and the plain column keeps
      // their indexes usable for the order
      return column;
    }

    @Override
    void beginRead(Connection c, TransactionState state) throws SQLException {
      // Without SESSION it applies to the next transaction only, which is this one: auto-commit is
      // off and no statement of it has run yet.
      repeatableReadTransaction(c);
    }

    @Override
    void useSchema(Connection c, String schema, TransactionState state) throws SQLException {
      // a schema is a database in MariaDB: the connection's catalog
      state.schemaToRestore = c.getCatalog();
      state.restoreCatalog = true;
      c.setCatalog(schema);
    }

    @Override
    void useSchema(HikariConfig pool, String schema) {
      // the database exists before the pool connects (JdbcStorageProvider creates it)
      pool.setCatalog(schema);
    }

    @Override
    void statementTimeout(Connection c, int millis, TransactionState state) throws SQLException {
      // seconds with microsecond precision; the session's own value comes back in restore()
      try (Statement s = c.createStatement()) {
        s.execute("SET SESSION max_statement_time = " + java.math.BigDecimal.valueOf(millis, 3).toPlainString());
      }
      state.resetMaxStatementTime = true;
    }

    @Override
    String quoteIdentifier(String identifier) {
      return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    Object timestamp(Instant t) {
      return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    @Override
    Instant instant(ResultSet rs, String column) throws SQLException {
      LocalDateTime t = rs.getObject(column, LocalDateTime.class);
      if (t == null) {
        throw new SQLException("column " + column + " is NULL");
      }
      return t.toInstant(ZoneOffset.UTC);
    }

    @Override
    String asciiLowerCase(String expression) {
      // MariaDB has no TRANSLATE outside its Oracle mode; REPLACE is case-sensitive, and LOWER
      // would also change letters beyond ASCII
      String out = expression;
      for (char c = 'A'; c <= 'Z'; c++) {
        out = "REPLACE(" + out + ", '" + c + "', '" + Character.toLowerCase(c) + "')";
      }
      return out;
    }

    @Override
    String migrationLocation() {
      return JdbcStorage.MARIADB_MIGRATION_LOCATION;
    }
  };


  private final String driverClass;

  Dialect(String driverClass) {
    this.driverClass = driverClass;
  }

  /** The JDBC driver class, for pools that must not rely on DriverManager's discovery. */
  String driverClass() {
    return driverClass;
  }

  /**
   * An ORDER BY term that sorts name keys by code point (docs/rules.md TEXT-3); for keys made by
   * {@code Names.key} that is also {@code String.compareTo}'s order.
   */
  abstract String orderByText(String column);

  /** Makes the just-started read-only transaction see one snapshot for all its statements. */
  abstract void beginRead(Connection c, TransactionState state) throws SQLException;

  /** Makes the transaction use {@code schema} on a connection the store does not own. */
  abstract void useSchema(Connection c, String schema, TransactionState state) throws SQLException;

  /** Makes every connection of the store's own pool use {@code schema}. */
  abstract void useSchema(HikariConfig pool, String schema);

  /** Restores what {@link #beginRead} and {@link #useSchema} changed on a borrowed connection. */
  void restore(Connection c, TransactionState state) throws SQLException {
    if (state.isolationToRestore != -1 && state.isolationToRestore != Connection.TRANSACTION_REPEATABLE_READ) {
      c.setTransactionIsolation(state.isolationToRestore);
    }
    if (state.resetQueryTimeout) {
      try (Statement s = c.createStatement()) {
        s.execute("SET QUERY_TIMEOUT 0");
      }
    }
    if (state.resetMaxStatementTime) {
      try (Statement s = c.createStatement()) {
        s.execute("SET SESSION max_statement_time = DEFAULT");
      }
    }
    if (state.schemaToRestore != null) {
      if (state.restoreCatalog) {
        c.setCatalog(state.schemaToRestore);
      } else {
        c.setSchema(state.schemaToRestore);
      }
    }
  }

  /** Sends the standard {@code SET TRANSACTION ISOLATION LEVEL REPEATABLE READ}. */
  private static void repeatableReadTransaction(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    }
  }

  /** A quoted identifier; schema names are validated as plain identifiers before they get here. */
  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** {@code identifier} quoted for this database (MariaDB quotes with back-ticks). */
  String quoteIdentifier(String identifier) {
    return quote(identifier);
  }

  /** The value to bind for a point in time: {@code TIMESTAMP WITH TIME ZONE} at UTC. */
  Object timestamp(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  /** The point in time in {@code column} of the current row, exactly as stored. */
  Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    if (t == null) {
      throw new SQLException("column " + column + " is NULL");
    }
    return t.toInstant();
  }

  /** {@code expression} with its ASCII letters lower-cased and every other character kept. */
  String asciiLowerCase(String expression) {
    return "TRANSLATE(" + expression + ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";
  }

  /** Where this database's migrations live in the jar (Flyway location). */
  String migrationLocation() {
    return JdbcStorage.MIGRATION_LOCATION;
  }

  /**
   * Whether a database at {@code url} keeps committed data after every connection closes and the
   * process ends: all but H2's in-memory databases ({@code jdbc:h2:mem:...}, also through an H2
   * server: {@code jdbc:h2:tcp://host/mem:...}).
   */
  static boolean durable(String url) {
    String u = url.strip().toLowerCase(Locale.ROOT);
    if (!u.startsWith("jdbc:h2:")) {
      return true;
    }
    String database = u.substring("jdbc:h2:".length());
    if (database.startsWith("tcp://") || database.startsWith("ssl://")) {
      int slash = database.indexOf('/', "tcp://".length());
      database = slash < 0 ? "" : database.substring(slash + 1);
    }
    return !database.startsWith("mem:");
  }

  /** The dialect of a JDBC URL, if it is one the store supports. */
  static Optional<Dialect> ofUrl(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:h2:")) {
      return Optional.of(H2);
    }
    if (u.startsWith("jdbc:postgresql:")) {
      return Optional.of(POSTGRESQL);
    }
    if (u.startsWith("jdbc:mariadb:")) {
      return Optional.of(MARIADB);
    }
    return Optional.empty();
  }

  /**
   * The dialect of a database product name from {@link java.sql.DatabaseMetaData}.
   *
   * @throws ConfigurationException for a database the store does not support
   */
  static Dialect ofProduct(String productName, String where) {
    String p = productName.toLowerCase(Locale.ROOT);
    if (p.equals("h2")) {
      return H2;
    }
    if (p.contains("postgresql")) {
      return POSTGRESQL;
    }
    if (p.contains("mariadb")) {
      return MARIADB;
    }
    if (p.contains("mysql")) {
      // MariaDB's migrations use its UUID type and VARBINARY name keys; MySQL 8 has no UUID type
      throw new ConfigurationException("the JDBC store supports MariaDB (10.6 and later) but not MySQL, and "
          + where + " is " + productName);
    }
    throw new ConfigurationException("the JDBC store supports H2, PostgreSQL and MariaDB, but " + where + " is "
        + productName);
  }

  /**
   * Limits each statement of the transaction to {@code millis} (more than 0); a statement that
   * runs longer is cancelled with SQLSTATE 57014. H2 has only a session setting, so it is set here
   * and reset to H2's default (none) by {@link #restore}.
   */
  void statementTimeout(Connection c, int millis, TransactionState state) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET QUERY_TIMEOUT " + millis);
    }
    state.resetQueryTimeout = true;
  }

  /** What a transaction changed on a borrowed connection and must put back. */
  static final class TransactionState {
    int isolationToRestore = -1;
    boolean resetQueryTimeout;
    boolean resetMaxStatementTime;
    /** Whether {@link #schemaToRestore} is a catalog (MariaDB's databases) rather than a schema. */
    boolean restoreCatalog;
    @org.jspecify.annotations.Nullable String schemaToRestore;
  }
}
