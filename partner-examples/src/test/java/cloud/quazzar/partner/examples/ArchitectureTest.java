package cloud.quazzar.partner.examples;

import cloud.quazzar.partner.architecture.ArchitectureRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The build's architecture rules (docs/architecture.md, "Build guards") on the examples: the
 * quickstart prints to the stream it is given; only its {@code main} hands it {@code System.out}.
 */
class ArchitectureTest {
  @TestFactory
  @DisplayName("the examples follow the architecture rules")
  Stream<DynamicTest> rules() {
    return ArchitectureRules.checkModule(Quickstart.class);
  }
}
