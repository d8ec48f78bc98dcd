package cloud.quazzar.partner.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/rule-authors.md cannot drift from the code: every block it marks as verbatim is the named
 * source file, character for character (that file is a test of this module, so the shown code
 * compiles and passes); it names every oracle and every generator class of the testkit; and the
 * README and docs/testing.md link to it.
 */
class RuleAuthorsDocTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("..").normalize();
  private static final Pattern VERBATIM = Pattern.compile(
      "<!-- verbatim: (\\S+) -->\n```java\n(.*?)```\n<!-- /verbatim -->", Pattern.DOTALL);

  private static String read(String path) throws IOException {
    return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("every verbatim block of docs/rule-authors.md is its source file, character for character")
  void verbatimBlocksAreTheSources() throws IOException {
    String doc = read("docs/rule-authors.md");
    Matcher m = VERBATIM.matcher(doc);
    List<String> shown = new ArrayList<>();
    while (m.find()) {
      shown.add(m.group(1));
      assertEquals(read(m.group(1)), m.group(2), "docs/rule-authors.md shows " + m.group(1) + " verbatim");
    }
    assertEquals(List.of("partner-testkit/src/test/java/cloud/quazzar/partner/testkit/certification/EligibilityAgreesWithOracleTest.java"),
        shown, "the complete property test is shown");
    assertEquals(countOf(doc, "```java"), shown.size(), "every Java block of docs/rule-authors.md is a verbatim one");
  }

  @Test
  @DisplayName("docs/rule-authors.md names every oracle and every generator class of the testkit")
  void namesEveryOracleAndGenerator() throws IOException {
    String doc = read("docs/rule-authors.md");
    Path main = ROOT.resolve("partner-testkit/src/main/java/cloud/quazzar/partner/testkit");
    for (String pkg : List.of("oracle", "generators")) {
      try (Stream<Path> files = Files.list(main.resolve(pkg))) {
        List<String> classes = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("Oracle.java")
            || n.endsWith("Generators.java") || n.equals("InvalidInput.java")).map(n -> n.replace(".java", "")).sorted().toList();
        assertTrue(classes.size() >= 4, pkg + ": " + classes);
        for (String c : classes) {
          assertTrue(doc.contains("| `" + c + "` |"), "docs/rule-authors.md has a row for " + pkg + "." + c);
        }
      }
    }
  }

  @Test
  @DisplayName("the README, docs/testing.md and docs/rules.md (CERT-9) point to the oracle, the generators and the guide")
  void linked() throws IOException {
    assertTrue(read("README.md").contains("(docs/rule-authors.md)"), "README links docs/rule-authors.md");
    assertTrue(read("docs/testing.md").contains("(rule-authors.md)"), "docs/testing.md links rule-authors.md");
    String cert9 = read("docs/rules.md").lines().filter(l -> l.startsWith("| CERT-9 |")).findFirst().orElseThrow();
    for (String named : List.of("EligibilityOracle", "EligibilityGenerators", "EligibilityAgreesWithOracleTest")) {
      assertTrue(cert9.contains(named), "the CERT-9 row names " + named);
    }
  }

  private static int countOf(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
