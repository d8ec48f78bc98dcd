package cloud.quazzar.partner.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application: nothing partner-specific to configure here, the starter defines the {@code
 * PartnerProgram} bean. Run it with a durable DataSource, e.g. {@code
 * --spring.datasource.url=jdbc:h2:file:./partner-data/partners} or a PostgreSQL URL with {@code
 * spring.datasource.username}.
 */
@SpringBootApplication
public class PartnerExampleApplication {
  /** Created by Spring. */
  public PartnerExampleApplication() {}

  /**
   * Starts the application; {@link PartnerDesk#run} onboards a partner and logs its quote.
   *
   * @param args Spring Boot's command line, e.g. {@code --spring.datasource.url=...}
   */
  public static void main(String[] args) {
    SpringApplication.run(PartnerExampleApplication.class, args);
  }
}
