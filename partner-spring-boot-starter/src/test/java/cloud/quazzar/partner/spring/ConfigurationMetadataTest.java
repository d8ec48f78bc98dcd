package cloud.quazzar.partner.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata Spring Boot's processor writes at compile time (what IDEs complete
 * and describe): every property of docs/spring-boot.md, each with its type and a description taken
 * from the Javadoc; and the auto-configuration registered where Spring Boot looks for it.
 */
class ConfigurationMetadataTest {
  /** docs/spring-boot.md's table, with the types. */
  private static final Map<String, String> PROPERTIES = new TreeMap<>(Map.ofEntries(
      Map.entry("quazzar.partner.enabled", "java.lang.Boolean"),
      Map.entry("quazzar.partner.zone", "java.time.ZoneId"),
      Map.entry("quazzar.partner.discount-staleness", "java.time.Duration"),
      Map.entry("quazzar.partner.storage.url", "java.lang.String"),
      Map.entry("quazzar.partner.storage.user", "java.lang.String"),
      Map.entry("quazzar.partner.storage.password", "java.lang.String"),
      Map.entry("quazzar.partner.storage.h2-path", "java.lang.String"),
      Map.entry("quazzar.partner.storage.schema", "java.lang.String"),
      Map.entry("quazzar.partner.storage.statement-timeout", "java.time.Duration"),
      Map.entry("quazzar.partner.storage.migrate", "java.lang.Boolean"),
      Map.entry("quazzar.partner.storage.pool-size", "java.lang.Integer"),
      Map.entry("quazzar.partner.storage.allow-volatile", "java.lang.Boolean"),
      Map.entry("quazzar.partner.events.retry-delay", "java.time.Duration"),
      Map.entry("quazzar.partner.events.lease", "java.time.Duration"),
      Map.entry("quazzar.partner.events.subscribe-listener-beans", "java.lang.Boolean"),
      Map.entry("quazzar.partner.metrics.enabled", "java.lang.Boolean"),
      Map.entry("quazzar.partner.health.enabled", "java.lang.Boolean")));

  /** One object of the "properties" array, as the processor writes it (one key per line, no nested object). */
  private static final Pattern PROPERTY = Pattern.compile("\\{\\s*\"name\": \"([^\"]+)\",\\s*\"type\": \"([^\"]+)\","
      + "\\s*(?:\"description\": \"((?:[^\"\\\\]|\\\\.)*)\",)?[^{}]*}");

  @Test
  @DisplayName("META-INF/spring-configuration-metadata.json lists every quazzar.partner property with its type and a description")
  void metadata() throws IOException {
    Path file = Path.of("target", "classes", "META-INF", "spring-configuration-metadata.json");
    assertTrue(Files.isRegularFile(file), file + " was not generated");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String properties = text.substring(text.indexOf("\"properties\": ["));
    Map<String, String> types = new TreeMap<>();
    Matcher m = PROPERTY.matcher(properties);
    while (m.find()) {
      types.put(m.group(1), m.group(2));
      String description = m.group(3);
      assertTrue(description != null && description.length() > 20, m.group(1) + " has no description: " + m.group());
    }
    assertEquals(PROPERTIES, types);
  }

  @Test
  @DisplayName("docs/spring-boot.md's table lists every property; it and the README name no property that does not exist")
  void documented() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "spring-boot.md"), StandardCharsets.UTF_8);
    Set<String> table = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `(quazzar\\.partner\\.[a-z0-9.\\-]+)` \\|").matcher(doc);
    while (row.find()) {
      table.add(row.group(1));
    }
    assertEquals(PROPERTIES.keySet(), table, "the properties table of docs/spring-boot.md");
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Matcher named = Pattern.compile("(?<![\\w.])quazzar\\.partner\\.[a-z0-9\\-]+(?:\\.[a-z0-9\\-]+)*").matcher(doc + readme);
    while (named.find()) {
      String name = named.group();
      assertTrue(PROPERTIES.containsKey(name) || PROPERTIES.keySet().stream().anyMatch(p -> p.startsWith(name + ".")), name + " is no property");
    }
  }

  @Test
  @DisplayName("the auto-configuration is listed in META-INF/spring/...AutoConfiguration.imports, and the failure analyzer in spring.factories")
  void registered() throws IOException {
    Path resources = Path.of("target", "classes", "META-INF");
    assertEquals(List.of(PartnerAutoConfiguration.class.getName()), Files.readAllLines(
        resources.resolve("spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")));
    String factories = Files.readString(resources.resolve("spring.factories"), StandardCharsets.UTF_8);
    assertTrue(factories.contains("org.springframework.boot.diagnostics.FailureAnalyzer=\\\n"
        + PartnerStartupFailureAnalyzer.class.getName()), factories);
  }
}
