package cloud.quazzar.partner.spring;

import cloud.quazzar.partner.architecture.DocumentedDependencies;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/dependencies.md lists what a host inherits from partner-spring-boot-starter: exactly the run-time
 * dependencies the build resolves for it (written by the parent pom's {@code runtime-dependencies}
 * execution), with their versions, scopes and optional flags.
 */
class DependenciesDocTest {
  @Test
  @DisplayName("docs/dependencies.md's table of partner-spring-boot-starter is what the build resolves: artifacts, versions, scopes, optional")
  void documented() throws IOException {
    DocumentedDependencies.check(Path.of("..", "docs", "dependencies.md"), "partner-spring-boot-starter",
        Path.of("target", "runtime-dependencies.txt"));
  }
}
