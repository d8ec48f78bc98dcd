package cloud.quazzar.partner.jdbc;

import cloud.quazzar.partner.architecture.ArchitectureRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The build's architecture rules (docs/architecture.md, "Build guards") on the adapter's main classes. */
class ArchitectureTest {
  @TestFactory
  @DisplayName("the JDBC adapter follows the architecture rules; only JdbcStorage reaches its internals")
  Stream<DynamicTest> rules() {
    return ArchitectureRules.checkModule(JdbcStorage.class, JdbcStorage.class);
  }
}
