package cloud.quazzar.partner.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The example storage plugin (partner-examples/example-store) has its own POM, with no parent, as a
 * plugin author writes it; these checks keep it in step with the build, so that the TCK keeps
 * running against it in CI and with the versions the library is built with (docs/spi-guide.md, "The
 * example store").
 */
class ExampleStorePomTest {
  private static String parent;
  private static String example;
  private static String guide;

  @BeforeAll
  static void read() throws IOException {
    Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    parent = Files.readString(module.resolve("../pom.xml"));
    example = Files.readString(module.resolve("example-store/pom.xml"));
    guide = Files.readString(module.resolve("../docs/spi-guide.md"));
  }

  @Test
  @DisplayName("docs/spi-guide.md shows the example's POM as it is, from <project> to its end")
  void shownInTheGuide() {
    String project = example.substring(example.indexOf("<project ")).strip();
    assertTrue(guide.contains("```xml\n" + project + "\n```"),
        "the guide's section \"The example store\" holds partner-examples/example-store/pom.xml from <project> on, verbatim");
  }

  @Test
  @DisplayName("the root pom builds the example store, so that `mvn -B verify` runs the TCK against it")
  void inTheReactor() {
    assertTrue(parent.contains("<module>partner-examples/example-store</module>"),
        "the root pom.xml lists partner-examples/example-store among its modules");
    assertTrue(!example.contains("<parent>"), "the example's POM has no parent: it is what a plugin author writes");
  }

  @Test
  @DisplayName("the example builds against this version of the library, imported through partner-bom, and JUnit's")
  void versions() {
    assertEquals(first(parent, "<artifactId>partner-parent</artifactId>\\s*<version>([^<]+)</version>"),
        first(example, "<partner.version>([^<]+)</partner.version>"), "partner.version is the library's version");
    assertEquals(first(parent, "<junit.version>([^<]+)</junit.version>"),
        first(example, "<junit.version>([^<]+)</junit.version>"), "junit.version is the one the testkit is built with");
    assertTrue(example.matches("(?s).*<artifactId>partner-bom</artifactId>\\s*<version>\\$\\{partner.version}</version>"
        + "\\s*<type>pom</type>\\s*<scope>import</scope>.*"), "the example imports partner-bom at partner.version");
  }

  @Test
  @DisplayName("the example runs the TCK for sure: Surefire 3 pinned, a JUnit engine, and failIfNoTests")
  void testsRun() {
    assertTrue(example.matches("(?s).*<artifactId>partner-testkit</artifactId>\\s*<scope>test</scope>.*"),
        "partner-testkit is a test dependency");
    assertTrue(example.matches("(?s).*<artifactId>junit-jupiter-engine</artifactId>\\s*<scope>test</scope>.*"),
        "the JUnit engine is a test dependency");
    assertTrue(example.contains("<failIfNoTests>${surefire.failIfNoSpecifiedTests}</failIfNoTests>")
            && example.contains("<surefire.failIfNoSpecifiedTests>true</surefire.failIfNoSpecifiedTests>"),
        "a run of no test fails the build, unless -Dsurefire.failIfNoSpecifiedTests=false allows a -Dtest selection to find none");
  }

  @Test
  @DisplayName("every plugin the example pins has the version the parent pom pins")
  void pluginVersions() {
    Map<String, String> pinned = plugins(example);
    assertTrue(pinned.keySet().containsAll(java.util.List.of("maven-compiler-plugin", "maven-surefire-plugin")),
        "the example pins the compiler and Surefire: " + pinned);
    Map<String, String> parents = plugins(parent);
    pinned.forEach((plugin, version) -> assertEquals(parents.get(plugin), version,
        plugin + " in example-store/pom.xml has the parent pom's version"));
  }

  /** Every {@code maven-*-plugin} with a version written next to it, and that version. */
  private static Map<String, String> plugins(String pom) {
    Map<String, String> versions = new LinkedHashMap<>();
    Matcher m = Pattern.compile("<artifactId>(maven-[a-z-]+-plugin)</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    while (m.find()) {
      versions.put(m.group(1), m.group(2));
    }
    return versions;
  }

  private static String first(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "found " + regex);
    return m.group(1);
  }
}
