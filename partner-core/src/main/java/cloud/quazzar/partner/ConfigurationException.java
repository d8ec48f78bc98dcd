package cloud.quazzar.partner;

/**
 * The program or its storage is configured wrongly: no storage provider found, a named provider
 * missing (the message lists every provider found), a setting out of range, a database that cannot
 * be reached or migrated at start-up. Fix the configuration; retrying will not help.
 */
public final class ConfigurationException extends PartnerProgramException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
