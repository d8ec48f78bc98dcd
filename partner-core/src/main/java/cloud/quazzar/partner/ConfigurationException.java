package cloud.quazzar.partner;

/**
 * The program or its storage is configured wrongly: no store chosen and no durable store available
 * (the message says what discovery found and how to choose), a named provider missing (the message
 * lists every provider found), storage settings that name no database or contradict each other, a
 * setting out of range, a database that cannot be reached or migrated at start-up; or a builder is
 * misused (an option set twice, options that contradict each other, {@code build()} called again:
 * the message names the options). Fix the configuration; retrying will not help.
 */
public final class ConfigurationException extends PartnerProgramException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message that says what is wrong and how to fix it.
   *
   * @param message what is wrong and how to fix it
   */
  public ConfigurationException(String message) {
    super(message);
  }

  /**
   * An exception with a message that says what is wrong, and the error that showed it.
   *
   * @param message what is wrong and how to fix it
   * @param cause the underlying error
   */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
