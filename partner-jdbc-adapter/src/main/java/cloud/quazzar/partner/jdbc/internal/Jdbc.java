package cloud.quazzar.partner.jdbc.internal;

import static cloud.quazzar.partner.ConflictException.Reason.DUPLICATE;
import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs prepared statements on one transaction's connection: binds parameters, maps rows, and
 * turns {@link SQLException}s into the SPI's exceptions. Repositories of every capability use it,
 * so the rules below hold for all of them:
 *
 * <ul>
 *   <li>Values are always bound as parameters, never put into SQL text. (One exception, never a
 *       caller's text: the bounds of the partners list's filters on aggregates, numbers and dates
 *       that core validated or computed, which {@code JdbcPartners} writes as literals so that
 *       PostgreSQL plans for the ranges' width.)
 *   <li>{@link Instant}s are written as {@code TIMESTAMP WITH TIME ZONE} at UTC (MariaDB: {@code
 *       DATETIME(6)} at UTC, {@link Dialect#timestamp}) and read back exactly ({@link
 *       Dialect#instant}); {@link LocalDate}s as {@code DATE}; {@link UUID}s as {@code UUID}; enums
 *       by name.
 *   <li>A unique violation (SQLSTATE 23505, MariaDB error 1062) is a {@link ConflictException}
 *       ({@code DUPLICATE});
 *       a serialization failure or deadlock makes the store retry the whole transaction; anything
 *       else is a {@link StorageException}. After any of these the transaction is doomed (PostgreSQL
 *       refuses further statements), so the store rolls it back even if the work carries on.
 * </ul>
 *
 * <p>Not thread-safe: one per transaction, used by the thread running the work.
 */
final class Jdbc {
  /** Unique violation, the same code in H2 and PostgreSQL. */
  static final String UNIQUE_VIOLATION = "23505";

  /**
   * MariaDB's duplicate key (ER_DUP_ENTRY); its SQLSTATE, 23000, is shared with every other
   * integrity violation, so the error code tells.
   */
  static final int MARIADB_DUPLICATE_KEY = 1062;

  /**
   * MariaDB's lock wait timeout (ER_LOCK_WAIT_TIMEOUT, {@code innodb_lock_wait_timeout}), SQLSTATE
   * HY000: only the statement is undone, so the store rolls the transaction back itself.
   */
  static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;

  /**
   * Serialization failure (H2 also reports deadlocks so; MariaDB deadlocks, error 1213, and a
   * Galera cluster's failed certification of a write set at commit), PostgreSQL deadlock.
   */
  static final Set<String> RETRYABLE = Set.of("40001", "40P01");

  /**
   * MariaDB Connector/J's SQLSTATE for a connection of a multi-host URL ({@code sequential},
   * {@code loadbalance}) whose server failed and that the driver has connected to another host:
   * the statement was not run there, and the transaction in progress on the failed server is
   * lost (rolled back with it). Before COMMIT the store runs a write transaction again on the
   * new host, as for a serialization failure (a read fails instead: it may have handed out rows);
   * during COMMIT it means "commit outcome unknown" ({@link JdbcStore#connectionLost}).
   */
  static final String FAILED_OVER = "25S03";

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Work on the raw connection, for what prepared statements cannot do (batches, COPY). */
  @FunctionalInterface
  interface ConnectionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** A typed SQL NULL parameter: {@code Jdbc.nullable(optional, Types.VARCHAR)}. */
  private record SqlNull(int sqlType) {}

  private final Connection connection;
  private final Dialect dialect;
  private final boolean readOnly;
  private boolean active = true;
  private @Nullable RuntimeException failure;

  Jdbc(Connection connection, Dialect dialect, boolean readOnly) {
    this.connection = connection;
    this.dialect = dialect;
    this.readOnly = readOnly;
  }

  Dialect dialect() {
    return dialect;
  }

  /** Whether this is a read-only transaction: one snapshot, no writes. */
  boolean readOnly() {
    return readOnly;
  }

  /** The value, or a NULL of {@code sqlType} (a {@link Types} constant) if it is empty. */
  static Object nullable(Optional<?> value, int sqlType) {
    return value.isPresent() ? value.get() : new SqlNull(sqlType);
  }

  /** {@code "?, ?, ?"} for an IN list of {@code n} parameters ({@code n >= 1}). */
  static String placeholders(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("an IN list needs at least one value");
    }
    return "?" + ", ?".repeat(n - 1);
  }

  /** Executes an INSERT, UPDATE or DELETE that cannot break a unique index; returns the rows changed. */
  int update(String sql, Object... params) {
    return update(() -> "a value that must be unique is taken", sql, params);
  }

  /**
   * Executes an INSERT, UPDATE or DELETE and returns the number of rows it changed.
   *
   * @param duplicate the message of the {@link ConflictException} thrown on a unique violation
   */
  int update(Supplier<String> duplicate, String sql, Object... params) {
    checkActive();
    if (readOnly) {
      throw new IllegalStateException("write attempted in a read-only transaction");
    }
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bind(ps, dialect, params);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw fail(e, sql, duplicate);
    }
  }

  /** Every row of the query, mapped. */
  <T> List<T> list(String sql, Row<T> row, Object... params) {
    checkActive();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bind(ps, dialect, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw fail(e, sql, null);
    }
  }

  /**
   * Streams the rows of the query to {@code sink}, mapped one at a time, reading {@code fetchSize}
   * rows per round trip (PostgreSQL streams only with auto-commit off, as every transaction of the
   * store runs, and a fetch size above 0). An exception thrown by the sink propagates unchanged.
   */
  <T> void stream(String sql, int fetchSize, Row<T> row, Consumer<? super T> sink, Object... params) {
    checkActive();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setFetchSize(fetchSize);
      bind(ps, dialect, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(row.map(rs));
        }
      }
    } catch (SQLException e) {
      throw fail(e, sql, null);
    }
  }

  /**
   * Runs {@code work} on the transaction's connection, with the same error translation as the
   * statements above (a unique violation is a {@link ConflictException} with the message of
   * {@code duplicate}).
   *
   * @param what the statement, for error messages
   */
  <T> T withConnection(String what, Supplier<String> duplicate, ConnectionWork<T> work) {
    checkActive();
    if (readOnly) {
      throw new IllegalStateException("write attempted in a read-only transaction");
    }
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw fail(e, what, duplicate);
    }
  }

  /**
   * Binds {@code params} to {@code ps} as the statements above do on {@code dialect}'s database,
   * e.g. for one row of a batch.
   */
  static void bindAll(PreparedStatement ps, Dialect dialect, Object... params) throws SQLException {
    bind(ps, dialect, params);
  }

  /** The first row of the query, mapped, if there is one. */
  <T> Optional<T> first(String sql, Row<T> row, Object... params) {
    List<T> rows = list(sql, row, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** A query returning one number, such as {@code SELECT COUNT(*)}. */
  long number(String sql, Object... params) {
    return first(sql, rs -> rs.getLong(1), params).orElse(0L);
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    LocalDate d = rs.getObject(column, LocalDate.class);
    if (d == null) {
      throw new SQLException("column " + column + " is NULL");
    }
    return d;

  }

  /** A {@code DATE} column that may be NULL: empty for NULL. */
  static Optional<LocalDate> optionalDate(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, LocalDate.class));
  }

  /** A text column that may be NULL: empty for NULL. */
  static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  /** A UUID column that may be NULL: empty for NULL. */
  static Optional<UUID> optionalUuid(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, UUID.class));
  }

  /** An enum-name column that may be NULL: empty for NULL. */
  static <E extends Enum<E>> Optional<E> optionalEnum(ResultSet rs, String column, Class<E> type) throws SQLException {
    return rs.getString(column) == null ? Optional.empty() : Optional.of(enumValue(rs, column, type));
  }

  static UUID uuid(ResultSet rs, String column) throws SQLException {
    UUID id = rs.getObject(column, UUID.class);
    if (id == null) {
      throw new SQLException("column " + column + " is NULL");
    }
    return id;
  }

  static <E extends Enum<E>> E enumValue(ResultSet rs, String column, Class<E> type) throws SQLException {
    String name = rs.getString(column);
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new SQLException("column " + column + " holds '" + name + "', not a " + type.getSimpleName(), e);
    }
  }

  private static void bind(PreparedStatement ps, Dialect dialect, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object v = params[i];
      int at = i + 1;
      if (v instanceof SqlNull n) {
        ps.setNull(at, n.sqlType());
      } else if (v instanceof String s) {
        ps.setString(at, s);
      } else if (v instanceof Integer n) {
        ps.setInt(at, n);
      } else if (v instanceof Long n) {
        ps.setLong(at, n);
      } else if (v instanceof LocalDate d) {
        ps.setObject(at, d);
      } else if (v instanceof Instant t) {
        ps.setObject(at, dialect.timestamp(t));
      } else if (v instanceof UUID id) {
        ps.setObject(at, id);
      } else if (v instanceof UUID[] ids) {
        // PostgreSQL's = ANY(?): one statement and one parameter for any number of ids
        ps.setArray(at, ps.getConnection().createArrayOf("uuid", ids));
      } else if (v instanceof Enum<?> e) {
        ps.setString(at, e.name());
      } else if (v instanceof Boolean b) {
        ps.setBoolean(at, b);
      } else {
        throw new IllegalArgumentException("no binding for a " + v.getClass().getName() + " parameter");
      }
    }
  }

  /** No more statements: the work that received the transaction has returned. */
  void end() {
    active = false;
  }

  /** The first database error of this transaction, if any (the transaction is then doomed). */
  Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  private void checkActive() {
    if (!active) {
      throw new IllegalStateException(
          "the transaction is over: use a repository only inside the work that received it");
    }
  }

  private RuntimeException fail(SQLException e, String sql, @Nullable Supplier<String> duplicate) {
    RuntimeException mapped = translate(e, sql, duplicate);
    if (failure == null) {
      failure = mapped;
    }
    return mapped;
  }

  /** The SPI exception for a failed statement (or commit) of {@code sql}. */
  static RuntimeException translate(SQLException e, String sql, @Nullable Supplier<String> duplicate) {
    String state = sqlState(e);
    if (uniqueViolation(e)) {
      String message = duplicate != null ? duplicate.get() : "a value that must be unique is taken";
      return new ConflictException(DUPLICATE, message, e);
    }
    if (state != null && (RETRYABLE.contains(state) || FAILED_OVER.equals(state))) {
      return new TransientSqlFailure(e);
    }
    if ((state != null && JdbcStore.TIMED_OUT_STATES.contains(state)) || errorCode(e) == MARIADB_LOCK_WAIT_TIMEOUT) {
      return new StorageException("timed out: a statement ran past the statement timeout, waited past the lock timeout,"
          + " or was cancelled"
          + " (SQLSTATE " + state + ") in [" + sql + "], so the transaction was rolled back: " + firstLine(e), e);
    }
    return new StorageException("database error (SQLSTATE " + state + ") in [" + sql + "]: " + firstLine(e), e);
  }

  /** The first SQLSTATE in the exception chain (drivers sometimes wrap the real one). */
  static @Nullable String sqlState(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return s.getSQLState();
      }
    }
    SQLException next = e.getNextException();
    return next != null ? next.getSQLState() : null;
  }

  /** Whether the statement broke a unique index: SQLSTATE 23505, or MariaDB's duplicate key. */
  static boolean uniqueViolation(SQLException e) {
    String state = sqlState(e);
    return UNIQUE_VIOLATION.equals(state) || (errorCode(e) == MARIADB_DUPLICATE_KEY && "23000".equals(state));
  }

  /** The first non-zero vendor error code in the exception chain, or 0. */
  static int errorCode(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getErrorCode() != 0) {
        return s.getErrorCode();
      }
    }
    SQLException next = e.getNextException();
    return next != null ? next.getErrorCode() : 0;
  }

  static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /**
   * A serialization failure or deadlock, or a transaction lost with its server after the driver
   * failed over to another host ({@link #FAILED_OVER}): the store retries the whole transaction.
   */
  static final class TransientSqlFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TransientSqlFailure(SQLException cause) {
      super("transient database conflict (SQLSTATE " + sqlState(cause) + "): " + firstLine(cause), cause);
    }

    SQLException sqlException() {
      return (SQLException) requireNonNull(getCause(), "made with its cause");
    }
  }
}
