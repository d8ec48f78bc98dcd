package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.ConfigurationException;
import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * What differs between the supported databases. The migrations and nearly all statements are
 * portable; only session set-up and text ordering differ.
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
      try (Statement s = c.createStatement()) {
        s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      }
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
    if (state.schemaToRestore != null) {
      c.setSchema(state.schemaToRestore);
    }
  }

  /** A quoted identifier; schema names are validated as plain identifiers before they get here. */
  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** The dialect of a JDBC URL, if it is one the store supports. */
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

  static Optional<Dialect> ofUrl(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:h2:")) {
      return Optional.of(H2);
    }
    if (u.startsWith("jdbc:postgresql:")) {
      return Optional.of(POSTGRESQL);
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
    throw new ConfigurationException("the JDBC store supports H2 and PostgreSQL, but " + where + " is "
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
    @org.jspecify.annotations.Nullable String schemaToRestore;
  }
}
