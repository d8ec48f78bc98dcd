package cloud.quazzar.partner;

/**
 * The change collides with the stored state; nothing was stored. {@link #reason()} says how:
 *
 * <ul>
 *   <li>{@link Reason#STALE_VERSION}: the caller's version is not the stored one (someone else
 *       changed the record since it was read). Re-read and decide again; never overwrite blindly.
 *   <li>{@link Reason#DUPLICATE}: a unique value (such as a company name) is already taken.
 *   <li>{@link Reason#STATE}: the record's state forbids the change (e.g. an inactive partner).
 * </ul>
 */
public final class ConflictException extends PartnerProgramException {
  private static final long serialVersionUID = 1L;

  /** How the change collided with the stored state. */
  public enum Reason {
    /** The expected version is not the stored version (optimistic locking). */
    STALE_VERSION,
    /** A value that must be unique is taken. */
    DUPLICATE,
    /** The record's current state does not allow this change. */
    STATE
  }

  private final Reason reason;

  public ConflictException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ConflictException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** How the change collided with the stored state. */
  public Reason reason() {
    return reason;
  }

  /** A stale-version conflict for {@code entity id}, naming both versions. */
  public static ConflictException staleVersion(String entity, Object id, long expected, long actual) {
    return new ConflictException(
        Reason.STALE_VERSION,
        entity + " " + id + " was changed by someone else: expected version " + expected
            + " but the stored version is " + actual + "; read it again and retry");
  }
}
