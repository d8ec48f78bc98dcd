package cloud.quazzar.partner.testkit;

import cloud.quazzar.partner.architecture.ArchitectureRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The build's architecture rules (docs/architecture.md, "Build guards") on the testkit's main
 * classes: the TCK reports its figures through JUnit's {@code TestReporter}, never the console.
 */
class ArchitectureTest {
  @TestFactory
  @DisplayName("the testkit follows the architecture rules")
  Stream<DynamicTest> rules() {
    return ArchitectureRules.checkModule(TestClock.class);
  }
}
