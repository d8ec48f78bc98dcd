package cloud.quazzar.partner;

/**
 * Base of every exception the library throws on purpose. Host code that wants one catch clause for
 * "the partner program refused" catches this; the subtypes say why.
 *
 * <ul>
 *   <li>{@link ValidationException}: the input broke a rule; lists every violation by field.
 *   <li>{@link NotFoundException}: the id names nothing (or nothing the caller may see).
 *   <li>{@link ConflictException}: a stale version, a duplicate, or a state that forbids the change.
 *   <li>{@link ConfigurationException}: the program or its storage is set up wrongly.
 *   <li>{@link StorageException}: the store failed for a reason outside the caller's control.
 * </ul>
 *
 * <p>When any of these is thrown by a write operation, nothing of that operation was stored.
 */
public abstract class PartnerProgramException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message.
   *
   * @param message what was refused, and why
   */
  protected PartnerProgramException(String message) {
    super(message);
  }

  /**
   * An exception with a message and the error that caused it.
   *
   * @param message what was refused, and why
   * @param cause the underlying error
   */
  protected PartnerProgramException(String message, Throwable cause) {
    super(message, cause);
  }
}
