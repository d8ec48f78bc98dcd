package cloud.quazzar.partner.architecture;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.architecture.DocumentedDependencies.Dependency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/dependencies.md's tables against what dependency:list resolved: equal passes, every difference is named. */
class DocumentedDependenciesTest {
  private static final String DOC = String.join("\n",
      "# Dependencies",
      "## partner-core",
      "| artifact | version | scope | size | why |",
      "|---|---|---|---|---|",
      "| `cloud.quazzar.partner:partner-core` | 1.0.0-SNAPSHOT | | 421 kB | itself |",
      "| `org.slf4j:slf4j-api` | 2.0.20 | compile | 70 kB | logging |",
      "| `com.fasterxml:classmate` | 1.7.1 | compile, through hibernate-validator | 68 kB | types |",
      "",
      "Together 3,140 kB.",
      "## partner-jdbc-adapter",
      "Everything of partner-core, and:",
      "",
      "| artifact | version | scope | size | why |",
      "|---|---|---|---|---|",
      "| `cloud.quazzar.partner:partner-core` | 1.0.0-SNAPSHOT | compile | 421 kB | the SPI |",
      "| `com.h2database:h2` | 2.5.252 | runtime, optional | 2,693 kB | the host's |",
      "## partner-testkit",
      "| `org.quicktheories:quicktheories` | 0.26 | compile | 142 kB | generators |",
      "");

  private static final List<String> CORE_RESOLVED = List.of(
      "",
      "The following files have been resolved:",
      "   org.slf4j:slf4j-api:jar:2.0.20:compile -- module org.slf4j",
      "   com.fasterxml:classmate:jar:1.7.1:compile -- module com.fasterxml.classmate");

  @TempDir Path dir;

  @Test
  @DisplayName("a section's table is read by artifact: version, first word of the scope, optional or not")
  void table() {
    assertEquals(Map.of(
        "cloud.quazzar.partner:partner-core", new Dependency("1.0.0-SNAPSHOT", "compile", false),
        "com.h2database:h2", new Dependency("2.5.252", "runtime", true)),
        DocumentedDependencies.table(DOC, "partner-jdbc-adapter"));
    assertEquals(new Dependency("1.7.1", "compile", false),
        DocumentedDependencies.table(DOC, "partner-core").get("com.fasterxml:classmate"));
    assertThrows(AssertionError.class, () -> DocumentedDependencies.table(DOC, "partner-bom"));
  }

  @Test
  @DisplayName("dependency:list's lines are read with and without `(optional)` and a module name")
  void resolved() {
    assertEquals(Map.of(
        "com.h2database:h2", new Dependency("2.5.252", "runtime", true),
        "org.postgresql:postgresql", new Dependency("42.7.14", "compile", true),
        "org.slf4j:slf4j-api", new Dependency("2.0.20", "compile", false)),
        DocumentedDependencies.resolved(List.of(
            "   com.h2database:h2:jar:2.5.252:runtime (optional) -- module com.h2database [auto]",
            "   org.postgresql:postgresql:jar:42.7.14:compile (optional)",
            "   org.slf4j:slf4j-api:jar:2.0.20:compile")));
  }

  @Test
  @DisplayName("a table that matches passes; for another module partner-core's table counts too")
  void matches() throws IOException {
    Path doc = Files.writeString(dir.resolve("dependencies.md"), DOC);
    assertDoesNotThrow(() -> DocumentedDependencies.check(doc, "partner-core", list(CORE_RESOLVED)));
    List<String> adapter = new java.util.ArrayList<>(CORE_RESOLVED);
    adapter.add("   cloud.quazzar.partner:partner-core:jar:1.0.0-SNAPSHOT:compile -- module cloud.quazzar.partner.core");
    adapter.add("   com.h2database:h2:jar:2.5.252:runtime (optional) -- module com.h2database [auto]");
    assertDoesNotThrow(() -> DocumentedDependencies.check(doc, "partner-jdbc-adapter", list(adapter)));
  }

  @Test
  @DisplayName("every difference is named: another version, scope or optional flag, a missing or an extra artifact")
  void differences() throws IOException {
    Path doc = Files.writeString(dir.resolve("dependencies.md"), DOC);
    AssertionError e = assertThrows(AssertionError.class, () -> DocumentedDependencies.check(doc, "partner-jdbc-adapter",
        list(List.of(
            "   org.slf4j:slf4j-api:jar:2.0.21:compile",
            "   cloud.quazzar.partner:partner-core:jar:1.0.0-SNAPSHOT:runtime",
            "   com.h2database:h2:jar:2.5.252:runtime",
            "   org.postgresql:postgresql:jar:42.7.14:compile (optional)"))));
    String message = e.getMessage();
    assertTrue(message.contains("org.slf4j:slf4j-api: the table says 2.0.20 compile, the build resolved 2.0.21 compile"), message);
    assertTrue(message.contains("cloud.quazzar.partner:partner-core: the table says 1.0.0-SNAPSHOT compile, the build resolved"
        + " 1.0.0-SNAPSHOT runtime"), message);
    assertTrue(message.contains("com.h2database:h2: the table says 2.5.252 runtime optional, the build resolved 2.5.252 runtime"),
        message);
    assertTrue(message.contains("org.postgresql:postgresql 42.7.14 compile optional: resolved, not in the table"), message);
    assertTrue(message.contains("com.fasterxml:classmate 1.7.1 compile: in the table, not resolved"), message);
  }

  private Path list(List<String> lines) throws IOException {
    return Files.write(dir.resolve("resolved-" + lines.hashCode() + ".txt"), lines);
  }
}
