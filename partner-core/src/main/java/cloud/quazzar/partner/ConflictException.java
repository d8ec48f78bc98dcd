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

  /** How the change collided with the stored state (part of the serialized form). */
  private final Reason reason;

  /**
   * A conflict of the given kind.
   *
   * @param reason how the change collided with the stored state
   * @param message what collided, naming the record
   */
  public ConflictException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * A conflict of the given kind, found through an underlying error (such as a unique index).
   *
   * @param reason how the change collided with the stored state
   * @param message what collided, naming the record
   * @param cause the underlying error
   */
  public ConflictException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /**
   * How the change collided with the stored state.
   *
   * @return the kind of conflict
   */
  public Reason reason() {
    return reason;
  }

  /**
   * A stale-version conflict for {@code entity id}, naming both versions.
   *
   * @param entity what was changed, e.g. {@code "partner"}
   * @param id the record's id
   * @param expected the version the caller read
   * @param actual the stored version
   * @return the exception, of reason {@link Reason#STALE_VERSION}
   */
  public static ConflictException staleVersion(String entity, Object id, long expected, long actual) {
    return new ConflictException(
        Reason.STALE_VERSION,
        entity + " " + id + " was changed by someone else: expected version " + expected
            + " but the stored version is " + actual + "; read it again and retry");
  }
}
