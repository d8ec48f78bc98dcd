package cloud.quazzar.partner.spi;

import cloud.quazzar.partner.StorageException;

/**
 * An open store. Work runs in transactions: {@link #write} commits everything the work did, or, if
 * the work throws, rolls all of it back and rethrows; {@link #read} sees a consistent state and
 * must not change anything. Thread-safe: transactions from many threads may run at once.
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
