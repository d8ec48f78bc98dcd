package cloud.quazzar.partner;

import cloud.quazzar.partner.architecture.ArchitectureRules;
import cloud.quazzar.partner.memory.MemoryStorage;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The build's architecture rules (docs/architecture.md, "Build guards") on core's main classes. */
class ArchitectureTest {
  @TestFactory
  @DisplayName("core follows the architecture rules; only the program, its builder and the memory store factory wire internals")
  Stream<DynamicTest> rules() {
    return ArchitectureRules.checkCore(PartnerProgram.class,
        PartnerProgram.class, PartnerProgram.Builder.class, MemoryStorage.class);
  }
}
