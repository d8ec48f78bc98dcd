package cloud.quazzar.partner.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The library as a host uses it, in a child JVM with exactly the examples' runtime dependencies
 * (written by the build to {@code target/runtime-classpath.txt}): once on the module path, where
 * the module descriptors decide what is visible, and once on the class path. Each child runs
 * {@link HostProbe} and then the quickstart; the two run at the same time.
 */
class ModuleAndClassPathTest {
  private static final String MAIN_MODULE = "cloud.quazzar.partner.examples";
  private static final long TIMEOUT_SECONDS = 120;

  private static Path work;
  private static List<Path> runtime;
  private static Process onModulePath;
  private static Process onClassPath;

  @BeforeAll
  static void startBoth() throws IOException {
    runtime = Arrays.stream(Files.readString(Path.of(property("partner.examples.runtimeClasspath"))).strip()
        .split(Pattern.quote(File.pathSeparator)))
        .filter(s -> !s.isEmpty())
        .map(Path::of)
        .toList();
    Path classes = Path.of(property("partner.examples.classes"));
    Path testClasses = Path.of(property("partner.examples.testClasses"));
    work = Files.createTempDirectory("partner-module-path");
    String path = Stream.concat(Stream.of(classes), runtime.stream()).map(Path::toString)
        .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
    onModulePath = start("module-path", List.of("--module-path", path,
        // the probe is a test class: patched into the examples module, as Surefire does with tests
        "--patch-module", MAIN_MODULE + "=" + testClasses,
        "-m", MAIN_MODULE + "/" + HostProbe.class.getName()));
    onClassPath = start("class-path", List.of("-cp", testClasses + File.pathSeparator + path, HostProbe.class.getName()));
  }

  @AfterAll
  static void cleanUp() throws IOException {
    for (Process p : new Process[] {onModulePath, onClassPath}) {
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
      }
    }
    if (work != null) {
      try (Stream<Path> files = Files.walk(work)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  @Test
  @DisplayName("on the module path: the JDBC provider is found through `provides`, Bean Validation and Flyway reach into"
      + " the modules, the quickstart runs, and only the API and SPI packages are exported: internal code is closed")
  void modulePath() throws Exception {
    Map<String, String> facts = await(onModulePath, "module-path");
    assertEquals("cloud.quazzar.partner.core", facts.get("core module"));
    assertEquals("cloud.quazzar.partner.jdbc", facts.get("jdbc module"));
    Path core = holding("cloud/quazzar/partner/PartnerProgram.class");
    Path jdbc = holding("cloud/quazzar/partner/jdbc/JdbcStorage.class");
    // every package of the jar except the internal ones: the whole API and SPI, nothing else
    assertEquals(apiPackages(core).toString(), facts.get("core exports"));
    assertEquals(List.of("cloud.quazzar.partner.jdbc").toString(), facts.get("jdbc exports"));
    assertTrue(!facts.get("core opens").contains("internal"), facts.get("core opens"));
    assertEquals("[cloud.quazzar.partner.spi.StorageProvider]", facts.get("core uses"));
    assertEquals("[cloud.quazzar.partner.spi.StorageProvider with [cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider]]",
        facts.get("jdbc provides"));
    assertEquals("false", facts.get("core internal exported"));
    assertEquals("false", facts.get("jdbc internal exported"));
    assertEquals("refused (IllegalAccessException)", facts.get("internal call"));
    assertEquals("refused (InaccessibleObjectException)", facts.get("internal setAccessible"));
    assertWorks(facts, jdbc);
  }

  @Test
  @DisplayName("on the class path the same host program and the quickstart work (there nothing is encapsulated:"
      + " the modules are one unnamed module, so the internal call goes through)")
  void classPath() throws Exception {
    Map<String, String> facts = await(onClassPath, "class-path");
    assertEquals("unnamed", facts.get("core module"));
    assertEquals("unnamed", facts.get("jdbc module"));
    assertEquals("true", facts.get("core internal exported"));
    assertEquals("allowed", facts.get("internal call"));
    assertWorks(facts, holding("cloud/quazzar/partner/jdbc/JdbcStorage.class"));
  }

  /** What both runs must show: the JDBC store opened, validated input, migrated, and ran the quickstart. */
  private static void assertWorks(Map<String, String> facts, Path jdbc) throws IOException {
    assertTrue(facts.get("store").startsWith("jdbc:h2:file:" + work), facts.get("store"));
    // Bean Validation read the request record's fields and listed every violation
    assertEquals("[companyName, contactEmail, tier]", facts.get("validation"));
    assertEquals("Probe Hosting", facts.get("stored"));
    // Flyway found and applied every script shipped in the adapter's jar
    assertEquals(migrationVersions(jdbc).toString(), facts.get("migrations"));
    assertTrue(facts.get("first run").startsWith("created 6 partners with 10 clients"), facts.toString());
  }

  private static Process start(String name, List<String> arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(arguments);
    command.add(work.resolve(name).toString());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(work.resolve(name + ".log").toFile())
        .start();
  }

  /** Waits for a child and returns its {@code key: value} lines; fails with its whole output if it failed. */
  private static Map<String, String> await(Process process, String name) throws Exception {
    boolean done = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!done) {
      process.destroyForcibly();
    }
    String output = Files.readString(work.resolve(name + ".log"), StandardCharsets.UTF_8);
    assertTrue(done, "the " + name + " run did not finish within " + TIMEOUT_SECONDS + " s:\n" + output);
    assertEquals(0, process.exitValue(), "the " + name + " run failed:\n" + output);
    Map<String, String> facts = new TreeMap<>();
    Matcher line = Pattern.compile("(?m)^([a-z][a-zA-Z ]*): (.*)$").matcher(output);
    while (line.find()) {
      facts.putIfAbsent(line.group(1), line.group(2).strip());
    }
    for (String key : List.of("core module", "store", "validation", "migrations", "first run")) {
      assertTrue(facts.containsKey(key), "no '" + key + "' line in the " + name + " run:\n" + output);
    }
    return facts;
  }

  private static String property(String key) {
    String value = System.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("system property " + key + " is not set: run this test with Maven (see partner-examples/pom.xml)");
    }
    return value;
  }

  /** The runtime dependency (a jar, or a module's classes directory) that holds {@code entry}. */
  private static Path holding(String entry) throws IOException {
    for (Path element : runtime) {
      if (Files.isDirectory(element) ? Files.exists(element.resolve(entry)) : hasEntry(element, entry)) {
        return element;
      }
    }
    throw new AssertionError("no runtime dependency holds " + entry + ": " + runtime);
  }

  private static boolean hasEntry(Path jar, String entry) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.getEntry(entry) != null;
    }
  }

  /** The entries of a jar or classes directory, as '/'-separated relative names. */
  private static List<String> entries(Path element) throws IOException {
    if (Files.isDirectory(element)) {
      try (Stream<Path> files = Files.walk(element)) {
        return files.filter(Files::isRegularFile).map(f -> element.relativize(f).toString().replace(File.separatorChar, '/'))
            .toList();
      }
    }
    try (ZipFile zip = new ZipFile(element.toFile())) {
      return zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).toList();
    }
  }

  /** Every package with a class in {@code element}, except the internal ones, sorted. */
  private static List<String> apiPackages(Path element) throws IOException {
    TreeSet<String> packages = new TreeSet<>();
    for (String name : entries(element)) {
      if (name.endsWith(".class") && name.contains("/") && !name.startsWith("META-INF/")) {
        String pkg = name.substring(0, name.lastIndexOf('/')).replace('/', '.');
        if (!pkg.contains(".internal")) {
          packages.add(pkg);
        }
      }
    }
    return List.copyOf(packages);
  }

  /** The versions of the migration scripts in the adapter's jar, in order (V1__partners.sql: 1). */
  private static List<String> migrationVersions(Path jdbc) throws IOException {
    Pattern script = Pattern.compile("cloud/quazzar/partner/jdbc/migration/V(\\d+)__[^/]+\\.sql");
    List<Integer> versions = new ArrayList<>();
    for (String name : entries(jdbc)) {
      Matcher m = script.matcher(name);
      if (m.matches()) {
        versions.add(Integer.valueOf(m.group(1)));
      }
    }
    assertTrue(!versions.isEmpty(), "no migration scripts in " + jdbc);
    return versions.stream().sorted().map(String::valueOf).toList();
  }
}
