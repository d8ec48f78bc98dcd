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
  /** A human-readable description for logs, e.g. {@code memory} or a JDBC URL without password. */
  String description();

  /** Runs read-only work in one transaction and returns its result. */
  <T> T read(StoreWork<T> work);

  /** Runs work in one transaction, committing it if it returns and rolling it back if it throws. */
  <T> T write(StoreWork<T> work);

  /** Releases the store's resources. Idempotent. */
  @Override
  void close();
}
