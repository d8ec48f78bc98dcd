package cloud.quazzar.partner.testkit;

import cloud.quazzar.partner.architecture.ArchitectureRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The build's architecture rules (docs/architecture.md, "Build guards") on the testkit's main
 * classes: the TCK reports its figures through JUnit's {@code TestReporter}, never the console; and
 * every assertion of the TCK says what it checks, so that its failures need no sources to read.
 */
class ArchitectureTest {
  @TestFactory
  @DisplayName("the testkit follows the architecture rules")
  Stream<DynamicTest> rules() {
    return ArchitectureRules.checkModule(TestClock.class);
  }

  @TestFactory
  @DisplayName("every TCK assertion says what it checks (no assertTrue, assertFalse, assertNull or assertNotNull without a message)")
  Stream<DynamicTest> tckAssertions() {
    return ArchitectureRules.checkAssertionMessages(TestClock.class, "cloud.quazzar.partner.testkit.tck..");
  }
}
