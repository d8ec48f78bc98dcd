package cloud.quazzar.partner;

/**
 * The store failed for a reason outside the caller's input: a lost connection, a timeout, a
 * database error. The operation's transaction was rolled back, so nothing of it was stored;
 * {@link #getCause()} carries the underlying error. Retrying may succeed.
 */
public final class StorageException extends PartnerProgramException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for a failure of the store.
   *
   * @param message what failed
   * @param cause the underlying error
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * An exception for a failure of the store found without an underlying error.
   *
   * @param message what failed
   */
  public StorageException(String message) {
    super(message);
  }
}
