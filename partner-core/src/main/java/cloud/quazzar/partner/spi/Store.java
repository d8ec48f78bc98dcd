package cloud.quazzar.partner.spi;

import cloud.quazzar.partner.StorageException;

/**
 * An open store. Work runs in transactions: {@link #write} commits everything the work did, or, if
 * the work throws, rolls all of it back and rethrows; {@link #read} sees a consistent state and
 * must not change anything. Thread-safe: transactions from many threads may run at once.
 *
 * <p>Contract details every store keeps (the TCK checks them):
 *
 * <ul>
 *   <li>A store may run a {@link #write} work more than once (the JDBC store retries on a
 *       serialization failure or deadlock), so work must only act through its transaction and
 *       have no other side effects.
 *   <li>After a repository call throws, the transaction is unusable: let the exception propagate
 *       (the work rolls back). Do not catch it and carry on.
 *   <li>A {@code read} or {@code write} started inside a {@code write} on the same thread joins
 *       it: the outer transaction commits or rolls back everything. A {@code write} inside a
 *       {@code read} throws {@link IllegalStateException}, as does a repository write in a read.
 * </ul>
 *
 * <p>Failures of the store itself surface as {@link StorageException} (or a subtype of {@link
 * cloud.quazzar.partner.PartnerProgramException} the repository contract names); exceptions thrown
 * by the work itself are rethrown unchanged after rollback.
 */
public interface Store extends AutoCloseable {
  /**
   * A human-readable description for logs, e.g. {@code memory} or a JDBC URL without password.
   *
   * @return the description
   */
  String description();

  /**
   * Whether committed data survives closing the store and restarting the process: {@code true}
   * for a database on disk or on a server (an H2 file, PostgreSQL), {@code false} for a store
   * whose data lives in the process (the in-memory store, an H2 {@code mem:} database). A ledger
   * must never be volatile by accident: storage discovery refuses a store that answers {@code
   * false} (it is closed, and the build fails with a {@code ConfigurationException}); such a store
   * is used only when the host chooses it explicitly. The program logs the answer at start-up.
   * Answer from the configuration, without touching the data; the answer must not change while
   * the store is open.
   *
   * @return true if committed data survives a restart
   */
  boolean durable();

  /**
   * This store as {@code type}, or the store it wraps as {@code type}, if either is one (after
   * {@code java.sql.Wrapper}): {@code PartnerProgram.store()} is a wrapper that adds the event
   * outbox, and an adapter's own helpers reach their store through it, e.g. {@code
   * JdbcStorage.retries(program.store())}. A store that wraps another overrides this to ask the
   * inner store too; the default answers for this store only.
   *
   * @param <T> the type wanted
   * @param type the class wanted
   * @return this store or the one it wraps, cast, or empty if neither is a {@code type}
   */
  default <T> java.util.Optional<T> unwrap(Class<T> type) {
    return type.isInstance(this) ? java.util.Optional.of(type.cast(this)) : java.util.Optional.empty();
  }

  /**
   * The secret that signs page tokens ({@link cloud.quazzar.partner.Page#nextPageToken()}), so
   * that a changed or forged token is refused rather than read: at least 32 random bytes, the same
   * for every program on this store's data while the data lives. The default is a key made at
   * random once per JVM, right for a store whose data lives in one process (the in-memory store).
   * A store whose data several processes share keeps its key in that data and returns it, so that
   * a token made on one node is taken on another; a store that wraps another returns the inner
   * store's key.
   *
   * @return a copy of the key
   */
  default byte[] pageTokenKey() {
    return ProcessKey.copy();
  }

  /**
   * The schema version of the store's data against the one its code expects, for {@code
   * program.health()} (rule OPS-3). Read from the store each call (a database store reads its
   * migration history), so it may be slow or fail like any read; the program calls it on a thread
   * of its own with a time limit. The default, for a store without schema versions (the in-memory
   * store), is empty: "not applicable". A store that wraps another returns the inner store's.
   *
   * @return the versions, or empty if the store has none
   * @throws cloud.quazzar.partner.StorageException if the store fails
   */
  default java.util.Optional<SchemaVersion> schemaVersion() {
    return java.util.Optional.empty();
  }

  /**
   * How many times this store has run a whole transaction again on its own since it opened (after
   * a serialization failure, a deadlock or a fail-over: a transaction that succeeds on its third
   * attempt counts 2), for monitoring ({@code partner.store.retries} with {@code layer=store} in
   * docs/operations.md). Must be cheap (a counter read, never a query) and never decrease while
   * the store is open. The default answers 0, right for a store that never runs a transaction
   * again (the in-memory store); a store that wraps another returns the inner store's count.
   *
   * @return the transactions run again since the store opened, 0 or more
   */
  default long retries() {
    return 0;
  }

  /**
   * Runs read-only work in one transaction and returns its result.
   *
   * @param <T> the result's type
   * @param work the work
   * @return the work's result
   */
  <T> T read(StoreWork<T> work);

  /**
   * Runs work in one transaction, committing it if it returns and rolling it back if it throws.
   *
   * @param <T> the result's type
   * @param work the work
   * @return the work's result
   */
  <T> T write(StoreWork<T> work);

  /** Releases the store's resources. Idempotent. */
  @Override
  void close();
}
