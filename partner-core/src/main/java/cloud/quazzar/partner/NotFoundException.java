package cloud.quazzar.partner;

/**
 * The id given names nothing the caller may see. In a partner-scoped view, an id that belongs to
 * another partner raises exactly this exception with exactly the message of an id that does not
 * exist, so the two cannot be told apart.
 */
public final class NotFoundException extends PartnerProgramException {
  private static final long serialVersionUID = 1L;

  /** What was looked for (part of the serialized form). */
  private final String entity;

  /** The id as given, as text (part of the serialized form). */
  private final String id;

  /**
   * An exception whose message is {@code "<entity> <id> not found"}.
   *
   * @param entity what was looked for, e.g. {@code "partner"}
   * @param id the id as given
   */
  public NotFoundException(String entity, Object id) {
    super(entity + " " + id + " not found");
    this.entity = entity;
    this.id = String.valueOf(id);
  }

  /**
   * What was looked for, e.g. {@code "partner"} or {@code "client"}.
   *
   * @return what was looked for
   */
  public String entity() {
    return entity;
  }

  /**
   * The id as given, as text.
   *
   * @return the id as text
   */
  public String id() {
    return id;
  }
}
