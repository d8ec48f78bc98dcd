package cloud.quazzar.partner.jdbc.internal;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.spi.SchemaVersion;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Store} on a JDBC {@link DataSource}. Each transaction borrows one connection with
 * auto-commit off:
 *
 * <ul>
 *   <li>{@link #read}: read-only, one snapshot for all its statements (REPEATABLE READ), then
 *       rolled back.
 *   <li>{@link #write}: the connection's isolation (READ COMMITTED for the store's own pool: the
 *       optimistic {@code UPDATE ... WHERE version = ?} and the unique indexes give the guarantees);
 *       committed if the work returns, rolled back if it throws, and the work's exception rethrown
 *       unchanged. A serialization failure or deadlock (SQLSTATE 40001, 40P01; on a Galera cluster
 *       also a write set that failed certification at commit), or a write transaction lost because
 *       its server failed and MariaDB Connector/J connected to another host of a multi-host URL
 *       (SQLSTATE 25S03, before COMMIT; a read is not run again, it may have handed out rows
 *       already, and fails with a {@link StorageException} naming 25S03), re-runs the whole
 *       transaction, up to {@value #MAX_ATTEMPTS} attempts ({@value #GALERA_MAX_ATTEMPTS} on a node
 *       of a Galera cluster) with a random pause below {@value
 *       #MAX_PAUSE_MILLIS} ms ({@value #GALERA_MAX_PAUSE_MILLIS} on Galera) that grows with the attempt (bounded, jittered, never read from a
 *       clock); {@link #retries()} counts these re-runs.
 *   <li>With a statement timeout ({@code jdbc.statementTimeout}), every statement of a transaction
 *       is limited to it.
 * </ul>
 *
 * <p>A transaction started by work that already runs in one of this store's transactions on the
 * same thread joins it (no second connection, so nested calls cannot exhaust the pool); a write
 * inside a read is refused with {@link IllegalStateException}, as in the memory store.
 *
 * <p>Errors: a unique violation is a {@link cloud.quazzar.partner.ConflictException} ({@code
 * DUPLICATE}); any other database failure (no connection, a failed statement or commit, retries
 * used up, a closed store) is a {@link StorageException} naming the database without its password
 * and the SQLSTATE. Two kinds say so in their message, because the caller reacts differently:
 * <ul>
 *   <li>a statement timeout or cancel (SQLSTATE {@value #TIMED_OUT}; MariaDB 70100), a lock
 *       timeout (55P03, H2: HYT00, MariaDB: error 1205): "timed out"; the transaction was rolled
 *       back;
 *   <li>a connection failure during {@code COMMIT} (SQLSTATE class {@value #CONNECTION_CLASS},
 *       57P01 to 57P03, the server ending the session, or 25S03, the driver failing over to another
 *       host):
 *       "commit outcome unknown"; the database committed all of it or nothing, and the caller
 *       finds out by sending the same request again with the same idempotency keys (recorded
 *       once whatever happened), or by reading.
 * </ul>
 * Work that catches a database error and returns normally is rolled back all the same and gets a
 * {@link StorageException}: PostgreSQL has aborted such a transaction, and H2 must not differ.
 */
public final class JdbcStore implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

  /** How often a transaction runs at most when it keeps failing with a serialization failure. */
  static final int MAX_ATTEMPTS = 5;

  /**
   * {@link #MAX_ATTEMPTS} on a node of a Galera cluster. There a transaction fails certification
   * at COMMIT whenever a transaction of another node committed a change to one of its rows first,
   * with no lock to wait for instead; every transaction that appends an event updates the one
   * event counter row, so with two nodes writing, about half the operations of a mixed load
   * collide on it. Measured with two processes of 8 threads on two nodes (GaleraConcurrencyTest):
   * 152 retries in 960 operations, and 3 operations failed 5 times in a row. With 10 attempts the
   * pauses add up to at most about 4 s ({@link #GALERA_MAX_PAUSE_MILLIS}).
   */
  static final int GALERA_MAX_ATTEMPTS = 10;

  /** Upper bound of one pause between attempts, in milliseconds. */
  static final long MAX_PAUSE_MILLIS = 200;

  /**
   * {@link #MAX_PAUSE_MILLIS} on a node of a Galera cluster. When a node dies, the survivors hold
   * every commit for about 6 s until they have dropped it, then certify the held-up transactions
   * of both nodes at once: all but one writer of the event counter row lose, and those that lose
   * again and again against the other node's steady stream of commits need pauses longer than a
   * commit to find a gap (measured: with 200 ms, a policy change failed 10 times in a row right
   * after the kill in GaleraConcurrencyTest). With 10 attempts the pauses add up to at most about
   * 4 s.
   */
  static final long GALERA_MAX_PAUSE_MILLIS = 1000;

  /** SQLSTATE of a statement cancelled by its timeout (PostgreSQL and H2). */
  static final String TIMED_OUT = "57014";

  /**
   * The SQLSTATEs reported as "timed out": {@value #TIMED_OUT} (statement timeout or cancel),
   * 70100 (MariaDB's {@code max_statement_time}), 55P03 (PostgreSQL {@code lock_timeout}), HYT00
   * (H2's {@code LOCK_TIMEOUT}: H2 waits for a row
   * lock up to it, not up to the statement timeout).
   */
  static final java.util.Set<String> TIMED_OUT_STATES = java.util.Set.of(TIMED_OUT, "70100", "55P03", "HYT00");

  /** SQLSTATE class of connection exceptions. */
  static final String CONNECTION_CLASS = "08";

  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong failovers = new AtomicLong();
  private final int maxAttempts;
  private final long maxPauseMillis;
  private final boolean durable;
  private final int statementTimeoutMillis;

  private final DataSource dataSource;
  private final Dialect dialect;
  private final @Nullable String borrowedSchema;
  private final String description;
  private final AutoCloseable resources;
  private final AtomicBoolean closed = new AtomicBoolean();
  @SuppressWarnings("ThreadLocalUsage") // per store: a thread may use several stores
  private final ThreadLocal<JdbcTransaction> current = new ThreadLocal<>();
  private final Object pageTokenKeyLock = new Object();
  /** The database's page token key once read ({@link #pageTokenKey()}); guarded by pageTokenKeyLock. */
  private byte @Nullable [] pageTokenKey;

  /**
   * @param borrowedSchema the schema to set on each borrowed connection, for a data source the
   *     store does not own (its own pool sets the schema when it connects)
   * @param resources what {@link #close()} releases: the store's own pool, nothing for the host's
   * @param durable whether the database keeps its data after the process ends ({@link
   *     Dialect#durable})
   * @param statementTimeoutMillis the limit of each statement, or 0 for none
   * @param galera whether the database is a node of a Galera cluster (more and longer retries:
   *     {@link #GALERA_MAX_ATTEMPTS}, {@link #GALERA_MAX_PAUSE_MILLIS})
   */
  JdbcStore(DataSource dataSource, Dialect dialect, @Nullable String borrowedSchema, String description,
      AutoCloseable resources, boolean durable, int statementTimeoutMillis, boolean galera) {
    this.maxAttempts = galera ? GALERA_MAX_ATTEMPTS : MAX_ATTEMPTS;
    this.maxPauseMillis = galera ? GALERA_MAX_PAUSE_MILLIS : MAX_PAUSE_MILLIS;
    this.durable = durable;
    this.statementTimeoutMillis = statementTimeoutMillis;
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.borrowedSchema = borrowedSchema;
    this.description = description;
    this.resources = resources;
  }

  @Override
  public String description() {
    return description;
  }

  /** False for an H2 in-memory database ({@code jdbc:h2:mem:}), true for an H2 file and PostgreSQL. */
  @Override
  public boolean durable() {
    return durable;
  }

  @Override
  public <T> T read(StoreWork<T> work) {
    return run(requireNonNull(work, "work"), true);
  }

  @Override
  public <T> T write(StoreWork<T> work) {
    return run(requireNonNull(work, "work"), false);
  }

  /**
   * The key in the database's {@code page_token_keys} row ({@code V8__partner_lists.sql}), the same
   * for every store on the database while it lives: read when the store opens (the first store on
   * the database makes it, see {@link PageTokenKeys}) and kept.
   *
   * @throws StorageException if the key cannot be read (only possible for a store whose opening
   *     did not read it already)
   */
  @Override
  public byte[] pageTokenKey() {
    synchronized (pageTokenKeyLock) {
      byte[] key = pageTokenKey;
      if (key == null) {
        key = PageTokenKeys.load(this);
        pageTokenKey = key;
      }
      return key.clone();
    }
  }

  /**
   * The highest version recorded as successfully applied in {@link cloud.quazzar.partner.jdbc.JdbcStorage#HISTORY_TABLE}
   * (Flyway's history; the baseline row is version 0) against {@link Migrations#LATEST_VERSION}
   * (rule OPS-3). Reads the history in a read transaction, so in the store's schema and within its
   * statement timeout; a version that is not a whole number (none of this library's) is skipped.
   */
  @Override
  public java.util.Optional<SchemaVersion> schemaVersion() {
    // Flyway names the table and its columns in quoted lower case
    String version = dialect.quoteIdentifier("version");
    java.util.List<String> versions = read(tx -> ((JdbcTransaction) tx).jdbc().list(
        "SELECT " + version + ", " + dialect.quoteIdentifier("success") + " FROM "
            + dialect.quoteIdentifier(cloud.quazzar.partner.jdbc.JdbcStorage.HISTORY_TABLE) + " WHERE " + version + " IS NOT NULL",
        rs -> rs.getBoolean(2) ? rs.getString(1) : ""));
    java.util.OptionalInt found = versions.stream().filter(v -> v.matches("[0-9]{1,9}")).mapToInt(Integer::parseInt).max();
    return java.util.Optional.of(new SchemaVersion(found, Migrations.LATEST_VERSION));
  }

  /** Idempotent; closes the pool only if the store created it. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        resources.close();
      } catch (Exception e) {
        LOG.warn("closing the JDBC store {} failed: {}", description, e.getMessage(), e);
      }
    }
  }

  /**
   * Checks that every table of the given list can be queried, in one read transaction.
   *
   * @throws StorageException naming the database error if one cannot
   */
  void checkTables(java.util.List<String> tables) {
    read(tx -> {
      Jdbc jdbc = ((JdbcTransaction) tx).jdbc();
      for (String table : tables) {
        jdbc.number("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0");
      }
      return true; // no result: the work must return non-null
    });
  }

  /**
   * How many times this store has re-run a transaction after a serialization failure or deadlock
   * (SQLSTATE 40001, 40P01), or after MariaDB Connector/J failed over to another host in the
   * middle of it (25S03), since it opened; a transaction that succeeds on its third attempt
   * counts 2. For monitoring and the reliability tests.
   */
  @Override
  public long retries() {
    return retries.get();
  }

  /**
   * How many of the {@link #retries()} followed a transaction lost because the driver failed over
   * to another host (SQLSTATE 25S03); for the reliability tests.
   */
  long failovers() {
    return failovers.get();
  }

  @Override
  public String toString() {
    return "JdbcStore[" + description + "]";
  }

  private <T> T run(StoreWork<T> work, boolean readOnly) {
    if (closed.get()) {
      throw new StorageException("the JDBC store " + description + " is closed");
    }
    JdbcTransaction outer = current.get();
    if (outer != null) {
      if (!readOnly && outer.readOnly()) {
        throw new IllegalStateException("a write transaction cannot start inside a read transaction");
      }
      return work.run(outer);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return once(work, readOnly);
      } catch (Jdbc.TransientSqlFailure e) {
        boolean failedOver = Jdbc.FAILED_OVER.equals(Jdbc.sqlState(e.sqlException()));
        if (readOnly && failedOver) {
          // Only write work is promised to be run again (Store); a read may already have handed
          // out what it read, e.g. a CSV export writes its rows to the caller's Writer page by page.
          throw new StorageException("the connection to " + description + " failed over to another host in the"
              + " middle of a read (SQLSTATE " + Jdbc.FAILED_OVER + "), which is not run again because it may have"
              + " handed out rows already; send the request again: " + e.getMessage(), e.sqlException());
        }
        if (attempt >= maxAttempts) {
          throw new StorageException("the transaction failed " + attempt + " times on concurrent changes in "
              + description + " and was rolled back; last error: " + e.getMessage(), e.sqlException());
        }
        LOG.debug("retrying a transaction (attempt {} of {} failed): {}", attempt, maxAttempts, e.getMessage());
        retries.incrementAndGet();
        if (failedOver) {
          failovers.incrementAndGet();
        }
        pause(attempt, maxPauseMillis);
      }
    }
  }

  private <T> T once(StoreWork<T> work, boolean readOnly) {
    Connection c = borrow();
    Dialect.TransactionState state = new Dialect.TransactionState();
    boolean restoreAutoCommit = false;
    try {
      try {
        if (c.getAutoCommit()) {
          c.setAutoCommit(false);
          restoreAutoCommit = true;
        }
        if (readOnly) {
          c.setReadOnly(true);
          dialect.beginRead(c, state);
        }
        if (borrowedSchema != null) {
          dialect.useSchema(c, borrowedSchema, state);
        }
        if (statementTimeoutMillis > 0) {
          dialect.statementTimeout(c, statementTimeoutMillis, state);
        }
      } catch (SQLException e) {
        RuntimeException failure = Jdbc.translate(e, "start of transaction", null);
        rollback(c, failure);
        throw failure;
      }
      Jdbc jdbc = new Jdbc(c, dialect, readOnly);
      T result;
      current.set(new JdbcTransaction(jdbc, readOnly));
      try {
        result = work.run(current.get());
      } catch (Throwable t) {
        rollback(c, t);
        throw t;
      } finally {
        current.remove();
        jdbc.end();
      }
      Optional<RuntimeException> swallowed = jdbc.failure();
      if (swallowed.isPresent()) {
        RuntimeException first = swallowed.get();
        rollback(c, first);
        if (first instanceof Jdbc.TransientSqlFailure) {
          throw first;
        }
        throw new StorageException("the work carried on after a database error, so its transaction in "
            + description + " was rolled back: " + first.getMessage(), first);
      }
      finish(c, readOnly);
      return result;
    } finally {
      release(c, state, readOnly, restoreAutoCommit);
    }
  }

  private Connection borrow() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new StorageException("cannot get a connection to " + description + ": " + Jdbc.firstLine(e), e);
    }
  }

  private void finish(Connection c, boolean readOnly) {
    try {
      if (readOnly) {
        c.rollback();
      } else {
        c.commit();
      }
    } catch (SQLException e) {
      String state = Jdbc.sqlState(e);
      RuntimeException failure = !readOnly && connectionLost(state)
          ? new StorageException("commit outcome unknown: the connection to " + description
              + " broke during COMMIT (SQLSTATE " + state + "), so the database committed all of the transaction"
              + " or nothing; send the same request again with the same idempotency keys, or read to find out: "
              + Jdbc.firstLine(e), e)
          : Jdbc.translate(e, readOnly ? "ROLLBACK" : "COMMIT", null);
      rollback(c, failure);
      throw failure;
    }
  }

  /**
   * Whether the SQLSTATE means the connection is gone: class 08 (connection exception), the
   * server ending the session (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect
   * now; PostgreSQL sends these just before it closes the socket), or MariaDB Connector/J's 25S03
   * (its server failed and the driver connected to another host of a multi-host URL).
   */
  static boolean connectionLost(@Nullable String state) {
    return state != null && (state.startsWith(CONNECTION_CLASS) || state.startsWith("57P")
        || Jdbc.FAILED_OVER.equals(state));
  }

  private static void rollback(Connection c, Throwable primary) {
    try {
      c.rollback();
    } catch (SQLException e) {
      primary.addSuppressed(e);
    }
  }

  private void release(Connection c, Dialect.TransactionState state, boolean readOnly, boolean restoreAutoCommit) {
    try {
      if (c.isClosed()) {
        return; // broken (the failure was reported); closing it below returns it to its pool
      }
      dialect.restore(c, state);
      if (readOnly) {
        c.setReadOnly(false);
      }
      if (restoreAutoCommit) {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      LOG.warn("could not reset a connection of {} before returning it: {}", description, e.getMessage(), e);
    } finally {
      try {
        c.close();
      } catch (SQLException e) {
        LOG.warn("could not return a connection of {}: {}", description, e.getMessage(), e);
      }
    }
  }

  /**
   * A random pause ("full jitter") below a ceiling that doubles with the attempt up to {@link
   * maxPauseMillis}, so that colliding transactions spread out and a caller waits at most
   * {@code maxAttempts * maxPauseMillis} in pauses ({@link #MAX_PAUSE_MILLIS}, on Galera {@link
   * #GALERA_MAX_PAUSE_MILLIS}).
   */
  private static void pause(int attempt, long maxPauseMillis) {
    long ceiling = Math.min(maxPauseMillis, 10L << attempt);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while waiting to retry a transaction", e);
    }
  }
}
