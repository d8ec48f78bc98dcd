package cloud.quazzar.partner.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's "Host code" example, verbatim between the markers, plus checks of its comments; and
 * the README (with docs/dependencies.md) checked against this code and the build, so that neither
 * drifts: the README's block is the code between the markers, and every Maven or Gradle coordinate
 * the two documents give names an artifact with the version the build uses.
 */
class ReadmeExampleTest {
  /** The published artifacts' group: their version is the project's, and the BOM manages it. */
  private static final String GROUP = "cloud.quazzar.partner";
  private static final List<String> PUBLISHED = List.of("partner-bom", "partner-core", "partner-jdbc-adapter", "partner-testkit");
  /** {@code group:artifact:version}, as in Gradle or in the documents' text. */
  private static final Pattern COORDINATES = Pattern.compile("([a-z][\\w.\\-]*):([a-zA-Z][\\w.\\-]*):(\\d[\\w.\\-]*)");

  @TempDir Path dataDir;

  @Test
  @DisplayName("the README's host example compiles and does what its comments say")
  void readmeExample() {
    // README begin
    try (PartnerProgram program = PartnerProgram.builder()
            .clock(Clock.systemUTC())
            .zone(ZoneId.of("Europe/Berlin"))
            .storage(JdbcStorage.h2File(dataDir.resolve("partners")))
            .build()) {
        PartnerRegistry registry = program.registry();
        Partner atlas = registry.add(new NewPartner("Atlas Cloud", "partners@atlas.example", Tier.GOLD));
        registry.addClient(atlas.id(), new NewClient("Harbor Logistics", 30));
        registry.addClient(atlas.id(), new NewClient("Metro Schools", 20));

        Partner read = registry.get(atlas.id());   // serverCount 50, clientCount 2, version 1
        Partner platinum = registry.changeTier(read.id(), read.version(),
                new TierChangeRequest(Tier.PLATINUM, "alice@panel", "annual review"));
        boolean manager = platinum.benefits().dedicatedAccountManager();   // true
    // README end
        assertEquals(50, read.serverCount());
        assertEquals(2, read.clientCount());
        assertEquals(1, read.version());
        assertTrue(manager);
        assertEquals(2, registry.tierHistory(atlas.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
    }
  }

  @Test
  @DisplayName("the README's partners list example compiles and pages as its comments say")
  void readmeListExample() {
    try (PartnerProgram program = PartnerProgram.builder().clock(Clock.systemUTC())
        .storage(JdbcStorage.h2File(dataDir.resolve("partners"))).build()) {
      PartnerRegistry registry = program.registry();
      for (int i = 0; i < 120; i++) {
        registry.add(new NewPartner("Atlas " + i, "atlas" + i + "@partner.example", i % 2 == 0 ? Tier.GOLD : Tier.SILVER));
      }
      // two partners with a certification that expires in five days (critical), one with more servers
      LocalDate today = program.today();
      for (int i : new int[] {3, 4}) {
        Partner p = registry.list(PartnerQuery.all().withNamePrefix("Atlas " + i).withLimit(1)).items().get(0);
        registry.addClient(p.id(), new NewClient("client of " + i, i * 10L));
        program.certifications().add(p.id(), new NewCertification("Cloud admin", SkillArea.CLOUD_OS_ADMINISTRATION,
            CertificationLevel.BASIC, Optional.empty(), today.minusYears(1), today.plusDays(5)));
      }
      // README list begin
      PartnerQuery query = PartnerQuery.all().withNamePrefix("atl").withTiers(Tier.GOLD, Tier.PLATINUM)
              .sortedBy(PartnerSort.CREATED, SortDirection.DESCENDING).withLimit(50);
      Page<Partner> page = registry.list(query);
      // when the administrator asks for more:
      Page<Partner> next = registry.list(query.withPageToken(page.nextPageToken().orElseThrow()));
      long matching = registry.count(query);   // on demand: it reads every match
      // certifications that need attention today (critical or expired), the partners with most servers first:
      Page<Partner> attention = registry.list(PartnerQuery.all()
              .withCertificationStatuses(CertificationStatus.CRITICAL, CertificationStatus.EXPIRED)
              .sortedBy(PartnerSort.SERVER_COUNT, SortDirection.DESCENDING));
      // README list end
      assertEquals(List.of("Atlas 4", "Atlas 3"), attention.items().stream().map(Partner::companyName).toList(),
          "the two with a critical certification, 40 servers before 30");
      assertEquals(60, matching);
      assertEquals(List.of(50, 10), List.of(page.items().size(), next.items().size()));
      assertFalse(next.hasNext(), "60 Gold partners: a page of 50, one of 10, and no more");
      for (int i = 1; i < page.items().size(); i++) {
        assertFalse(page.items().get(i).createdAt().isAfter(page.items().get(i - 1).createdAt()), "the newest first: " + page);
      }
    }
  }

  @Test
  @DisplayName("the README's partners list block is the code between the markers above (indentation aside)")
  void readmeShowsTheListCode() throws IOException {
    List<String> block = fencedBlocks(section(readme(), "## Host code"), "java").get(1);
    assertEquals(stripped(marked("README list")), stripped(block));
  }

  /** The lines of this test's source between {@code // <marker> begin} and {@code // <marker> end}. */
  private static List<String> marked(String marker) throws IOException {
    String source = Files.readString(Path.of(property("partner.examples.testSources"))
        .resolve(ReadmeExampleTest.class.getName().replace('.', '/') + ".java"), StandardCharsets.UTF_8);
    String begin = "// " + marker + " begin\n";
    int from = source.indexOf(begin) + begin.length();
    int to = source.lastIndexOf('\n', source.indexOf("// " + marker + " end")) + 1;
    return source.substring(from, to).lines().toList();
  }

  @Test
  @DisplayName("the README's \"Host code\" block is the code between the markers above (indentation aside), closed")
  void readmeShowsThisCode() throws IOException {
    List<String> block = fencedBlocks(section(readme(), "## Host code"), "java").get(0);
    List<String> marked = new ArrayList<>(marked("README"));
    marked.add("}"); // the try block closes after the test's own checks
    assertEquals(stripped(marked), stripped(block));
  }

  @Test
  @DisplayName("\"Use it\": Java 17, the BOM imported with the project's group and version, and every Maven and Gradle"
      + " coordinate with the version the build uses")
  void useItMatchesTheBuild() throws Exception {
    String useIt = section(readme(), "## Use it");
    assertTrue(useIt.startsWith("## Use it\nJava " + property("partner.examples.java") + " or later"), useIt);
    List<List<String>> xml = fencedBlocks(useIt, "xml");
    assertEquals(1, xml.size(), "one Maven block");
    List<Map<String, String>> dependencies = dependencies(String.join("\n", xml.get(0)));
    Map<String, String> bom = dependencies.get(0);
    assertEquals(Map.of("groupId", GROUP, "artifactId", "partner-bom", "version", versions().get(GROUP + ":*"),
        "type", "pom", "scope", "import"), bom);
    List<String> artifacts = dependencies.stream().map(d -> d.get("groupId") + ":" + d.get("artifactId")).toList();
    assertEquals(List.of(GROUP + ":partner-bom", GROUP + ":partner-jdbc-adapter", "com.h2database:h2",
        "ch.qos.logback:logback-classic", GROUP + ":partner-testkit"), artifacts);
    List<List<String>> gradle = fencedBlocks(useIt, "kotlin");
    assertEquals(1, gradle.size(), "one Gradle block");
    String gradleText = String.join("\n", gradle.get(0));
    assertTrue(gradleText.contains("implementation(platform(\"" + GROUP + ":partner-bom:" + versions().get(GROUP + ":*") + "\"))"),
        gradleText);
    for (String artifact : List.of("partner-jdbc-adapter", "partner-testkit")) {
      assertTrue(gradleText.contains("(\"" + GROUP + ":" + artifact + "\")"), artifact + " without a version (the BOM's)");
    }
    assertCoordinates("README.md, Use it", useIt);
  }

  @Test
  @DisplayName("docs/dependencies.md: every Maven block and every group:artifact:version names the build's version")
  void dependenciesDocMatchesTheBuild() throws Exception {
    String doc = Files.readString(Path.of(property("partner.examples.dependenciesDoc")), StandardCharsets.UTF_8);
    List<List<String>> xml = fencedBlocks(doc, "xml");
    assertEquals(2, xml.size(), "a Maven block for H2 and one for PostgreSQL");
    for (List<String> block : xml) {
      dependencies(String.join("\n", block));
    }
    assertCoordinates("docs/dependencies.md", doc);
  }

  /**
   * Checks every {@code <dependency>} of a Maven snippet (which must parse as XML) and returns their
   * elements in order: a published artifact has the project's version or none (the BOM's), any
   * other artifact the version the build uses.
   */
  private static List<Map<String, String>> dependencies(String snippet) throws Exception {
    NodeList found = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(("<snippet>" + snippet + "</snippet>").getBytes(StandardCharsets.UTF_8)))
        .getElementsByTagName("dependency");
    assertTrue(found.getLength() > 0, "no <dependency> in:\n" + snippet);
    List<Map<String, String>> dependencies = new ArrayList<>();
    for (int i = 0; i < found.getLength(); i++) {
      Element dependency = (Element) found.item(i);
      Map<String, String> elements = new TreeMap<>();
      NodeList children = dependency.getChildNodes();
      for (int j = 0; j < children.getLength(); j++) {
        if (children.item(j) instanceof Element e) {
          elements.put(e.getTagName(), e.getTextContent().strip());
        }
      }
      String artifact = elements.get("groupId") + ":" + elements.get("artifactId");
      if (GROUP.equals(elements.get("groupId"))) {
        assertTrue(PUBLISHED.contains(elements.get("artifactId")), "a published artifact: " + artifact);
        if (elements.containsKey("version")) {
          assertEquals(versions().get(GROUP + ":*"), elements.get("version"), artifact);
        }
      } else {
        assertEquals(expectedVersion(artifact), elements.get("version"), artifact + " needs the build's version");
      }
      dependencies.add(elements);
    }
    return dependencies;
  }

  /** Every {@code group:artifact:version} in {@code text} names the version the build uses. */
  private static void assertCoordinates(String where, String text) {
    Matcher m = COORDINATES.matcher(text);
    int found = 0;
    while (m.find()) {
      String artifact = m.group(1) + ":" + m.group(2);
      String expected = m.group(1).equals(GROUP) ? versions().get(GROUP + ":*") : expectedVersion(artifact);
      assertEquals(expected, m.group(3), where + ": " + m.group());
      found++;
    }
    assertTrue(found > 0, "no group:artifact:version in " + where);
  }

  private static String expectedVersion(String artifact) {
    String version = versions().get(artifact);
    assertFalse(version == null, artifact + " has no version in partner.examples.versions (partner-examples/pom.xml):"
        + " add the build's property there, so that the documents cannot drift from it");
    return version;
  }

  /** The build's versions, {@code group:artifact=version}, from partner-examples/pom.xml. */
  private static Map<String, String> versions() {
    Map<String, String> versions = new TreeMap<>();
    for (String entry : property("partner.examples.versions").split("[,\\s]+", -1)) {
      if (!entry.isEmpty()) {
        String[] kv = entry.split("=", 2);
        versions.put(kv[0], kv[1]);
      }
    }
    return versions;
  }

  private static String readme() throws IOException {
    return Files.readString(Path.of(property("partner.examples.readme")), StandardCharsets.UTF_8);
  }

  /** From the heading line to the next heading of the same level (or the end). */
  private static String section(String markdown, String heading) {
    int start = markdown.indexOf("\n" + heading + "\n");
    assertTrue(start >= 0, "no '" + heading + "' in the README");
    int end = markdown.indexOf("\n## ", start + 1);
    return markdown.substring(start + 1, end < 0 ? markdown.length() : end + 1);
  }

  /** The lines of every fenced block of {@code language} in {@code markdown}, in order. */
  private static List<List<String>> fencedBlocks(String markdown, String language) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = null;
    for (String line : markdown.split("\n", -1)) {
      if (current == null && line.equals("```" + language)) {
        current = new ArrayList<>();
      } else if (current != null && line.equals("```")) {
        blocks.add(current);
        current = null;
      } else if (current != null) {
        current.add(line);
      }
    }
    assertTrue(!blocks.isEmpty(), "no ```" + language + " block");
    return blocks;
  }

  /** Lines without their indentation and trailing white space. */
  private static List<String> stripped(List<String> lines) {
    return lines.stream().map(String::strip).toList();
  }

  private static String property(String key) {
    String value = System.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("system property " + key + " is not set: run this test with Maven (see partner-examples/pom.xml)");
    }
    return value;
  }
}
