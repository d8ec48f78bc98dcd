package cloud.quazzar.partner.spring;

import java.util.List;

/**
 * The auto-configured {@code PartnerProgram} could not be built: a {@code quazzar.partner.*}
 * property the library refuses (the message names every such property with the library's reason),
 * no storage chosen, or a store that could not be opened. The library's exception is the cause.
 * Spring Boot reports it at start-up through {@link PartnerStartupFailureAnalyzer}.
 */
public final class PartnerStartupException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The properties found wrong, in order; empty if the failure is not one of a property. */
  private final List<String> properties;

  /**
   * An exception with its message and the properties it is about.
   *
   * @param message what is wrong and how to fix it
   * @param properties the properties found wrong (may be empty)
   * @param cause the library's exception, or null
   */
  PartnerStartupException(String message, List<String> properties, @org.jspecify.annotations.Nullable Throwable cause) {
    super(message, cause);
    this.properties = List.copyOf(properties);
  }

  /**
   * The {@code quazzar.partner.*} properties found wrong, e.g. {@code
   * quazzar.partner.events.retry-delay}.
   *
   * @return the properties, in the order found; empty if the failure is not one of a property
   */
  public List<String> properties() {
    return properties;
  }
}
