package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.architecture.ArchitectureRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The build's architecture rules (docs/architecture.md, "Build guards") on the benchmarks (JMH's
 * generated code left out): they report through JMH, never the console.
 */
class ArchitectureTest {
  @TestFactory
  @DisplayName("the benchmarks follow the architecture rules")
  Stream<DynamicTest> rules() {
    return ArchitectureRules.checkModule(DiscountBenchmark.class);
  }
}
