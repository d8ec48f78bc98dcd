package cloud.quazzar.partner.spring;

import cloud.quazzar.partner.architecture.ArchitectureRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The build's architecture rules (docs/architecture.md, "Build guards") on the starter's main classes. */
class ArchitectureTest {
  @TestFactory
  @DisplayName("the starter follows the architecture rules")
  Stream<DynamicTest> rules() {
    return ArchitectureRules.checkModule(PartnerAutoConfiguration.class);
  }
}
