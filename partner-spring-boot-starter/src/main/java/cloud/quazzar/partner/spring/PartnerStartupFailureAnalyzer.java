package cloud.quazzar.partner.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link PartnerStartupException} into Spring Boot's start-up report ("APPLICATION FAILED
 * TO START"): its message as the description, and what to change as the action. Registered in
 * {@code META-INF/spring.factories}.
 */
public final class PartnerStartupFailureAnalyzer extends AbstractFailureAnalyzer<PartnerStartupException> {
  /** Created by Spring Boot. */
  public PartnerStartupFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PartnerStartupException cause) {
    String action = cause.properties().isEmpty()
        ? "Check the partner program's storage: that one is chosen (a DataSource bean, quazzar.partner.storage.url"
            + " or quazzar.partner.storage.h2-path, or a PartnerProgram bean of your own) and that its database"
            + " can be reached."
        : "Correct " + String.join(", ", cause.properties()) + " (the properties are described in the"
            + " starter's configuration metadata).";
    return new FailureAnalysis(cause.getMessage(), action, cause);
  }
}
