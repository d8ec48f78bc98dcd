package cloud.quazzar.partner.examples.spring;

import cloud.quazzar.partner.architecture.ArchitectureRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The build's architecture rules (docs/architecture.md, "Build guards") on the example's main classes. */
class ArchitectureTest {
  @TestFactory
  @DisplayName("the Spring Boot example follows the architecture rules")
  Stream<DynamicTest> rules() {
    return ArchitectureRules.checkModule(PartnerExampleApplication.class);
  }
}
