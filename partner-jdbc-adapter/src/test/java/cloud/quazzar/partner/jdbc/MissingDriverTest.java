package cloud.quazzar.partner.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The database's artifacts are the host's (decision HD1, docs/dependencies.md): the adapter declares
 * the H2 and PostgreSQL drivers and Flyway's PostgreSQL support optional. Here {@link DriverProbe}
 * runs in child JVMs with the adapter's runtime dependencies (written by the build to {@code
 * target/runtime-classpath.txt}) less some of those artifacts, on the class path and on the module
 * path: the store opens on the database whose artifacts are there, and for the other one it fails
 * with a {@code ConfigurationException} naming exactly the missing artifacts, before it connects.
 * The five children run at the same time.
 */
class MissingDriverTest {
  private static final String MODULE = "cloud.quazzar.partner.jdbc";
  private static final long TIMEOUT_SECONDS = 120;
  private static final String H2 = "com.h2database:h2";
  private static final String POSTGRESQL = "org.postgresql:postgresql";
  private static final String FLYWAY_POSTGRESQL = "org.flywaydb:flyway-database-postgresql";

  private static Path work;
  private static final Map<String, Process> RUNS = new TreeMap<>();

  /** A jar of the runtime dependencies, by the start of its file name. */
  private static Predicate<Path> jar(String fileNamePrefix) {
    return p -> p.getFileName().toString().startsWith(fileNamePrefix);
  }

  @BeforeAll
  static void startAll() throws IOException {
    List<Path> runtime = Arrays.stream(Files.readString(Path.of(property("partner.jdbc.runtimeClasspath"))).strip()
        .split(Pattern.quote(File.pathSeparator)))
        .filter(s -> !s.isEmpty())
        .map(Path::of)
        .toList();
    for (String prefix : List.of("h2-", "postgresql-", "flyway-database-postgresql-")) {
      assertTrue(runtime.stream().anyMatch(jar(prefix)), "the adapter's own runtime dependencies hold " + prefix + "*: " + runtime);
    }
    work = Files.createTempDirectory("partner-missing-driver");
    Predicate<Path> h2 = jar("h2-");
    // flyway-database-postgresql brings flyway-database-cockroachdb, which builds on it: both go together
    Predicate<Path> flywayPostgres = jar("flyway-database-");
    Predicate<Path> postgres = jar("postgresql-").or(flywayPostgres);
    start("class-path-without-h2", false, runtime, h2);
    start("class-path-without-postgresql", false, runtime, postgres);
    start("class-path-without-flyway-postgresql", false, runtime, flywayPostgres);
    start("module-path-without-h2", true, runtime, h2);
    start("module-path-without-postgresql", true, runtime, postgres);
  }

  @AfterAll
  static void cleanUp() throws IOException {
    for (Process p : RUNS.values()) {
      if (p.isAlive()) {
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
  @DisplayName("class path without H2: the H2 store names com.h2database:h2; PostgreSQL has its artifacts and only"
      + " fails to connect")
  void classPathWithoutH2() throws Exception {
    Map<String, String> lines = await("class-path-without-h2");
    assertMissing(lines.get("h2"), H2);
    assertConnectsOnly(lines.get("postgresql"));
  }

  @Test
  @DisplayName("class path without the PostgreSQL driver and Flyway's PostgreSQL support: the H2 store works,"
      + " bulk writes included; the PostgreSQL store names both artifacts")
  void classPathWithoutPostgres() throws Exception {
    Map<String, String> lines = await("class-path-without-postgresql");
    assertOpened(lines.get("h2"));
    assertMissing(lines.get("postgresql"), POSTGRESQL, FLYWAY_POSTGRESQL);
  }

  @Test
  @DisplayName("class path with the PostgreSQL driver but without Flyway's PostgreSQL support: the store names"
      + " org.flywaydb:flyway-database-postgresql")
  void classPathWithoutFlywayPostgres() throws Exception {
    Map<String, String> lines = await("class-path-without-flyway-postgresql");
    assertOpened(lines.get("h2"));
    assertMissing(lines.get("postgresql"), FLYWAY_POSTGRESQL);
  }

  @Test
  @DisplayName("module path without H2: the H2 store names com.h2database:h2")
  void modulePathWithoutH2() throws Exception {
    Map<String, String> lines = await("module-path-without-h2");
    assertMissing(lines.get("h2"), H2);
    assertConnectsOnly(lines.get("postgresql"));
  }

  @Test
  @DisplayName("module path without the PostgreSQL driver (the adapter requires it only statically): the H2 store"
      + " works, bulk writes included; the PostgreSQL store names both artifacts")
  void modulePathWithoutPostgres() throws Exception {
    Map<String, String> lines = await("module-path-without-postgresql");
    assertOpened(lines.get("h2"));
    assertMissing(lines.get("postgresql"), POSTGRESQL, FLYWAY_POSTGRESQL);
  }

  /** The store opened, wrote two ledger months in one batch and their events, and closed. */
  private static void assertOpened(String line) {
    assertEquals("opened, 2 months recorded, 3 events", line);
  }

  /** A ConfigurationException that names exactly {@code artifacts} as missing, raised before any connection. */
  private static void assertMissing(String line, String... artifacts) {
    assertTrue(line.startsWith("ConfigurationException: the JDBC store cannot open "), line);
    for (String artifact : artifacts) {
      assertTrue(line.contains(artifact + " ("), "names " + artifact + ": " + line);
      assertTrue(line.contains("add ") && line.substring(line.indexOf("add ")).contains(artifact), line);
    }
    for (String other : List.of(H2, POSTGRESQL, FLYWAY_POSTGRESQL)) {
      if (!Arrays.asList(artifacts).contains(other)) {
        assertFalse(line.contains(other + " "), "names only what is missing, not " + other + ": " + line);
      }
    }
    assertFalse(line.contains("cannot connect"), line);
  }

  /** Every artifact is there: the store tried to connect to the port where nothing listens. */
  private static void assertConnectsOnly(String line) {
    assertTrue(line.startsWith("ConfigurationException: cannot connect to jdbc:postgresql://127.0.0.1:1/none"), line);
    assertFalse(line.contains("is missing"), line);
  }

  private static void start(String name, boolean modulePath, List<Path> runtime, Predicate<Path> without)
      throws IOException {
    Path classes = Path.of(property("partner.jdbc.classes"));
    Path testClasses = Path.of(property("partner.jdbc.testClasses"));
    String path = Stream.concat(Stream.of(classes), runtime.stream().filter(without.negate()))
        .map(Path::toString).reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1"));
    if (modulePath) {
      // the probe is a test class: patched into the adapter's module, as Surefire does with the tests
      command.addAll(List.of("--module-path", path, "--patch-module", MODULE + "=" + testClasses,
          "-m", MODULE + "/" + DriverProbe.class.getName()));
    } else {
      command.addAll(List.of("-cp", testClasses + File.pathSeparator + path, DriverProbe.class.getName()));
    }
    command.add(work.resolve(name).toString());
    RUNS.put(name, new ProcessBuilder(command)
        .redirectOutput(work.resolve(name + ".out").toFile())
        .redirectError(work.resolve(name + ".err").toFile())
        .start());
  }

  /** Waits for a child and returns its {@code key: value} lines; fails with its whole output if it failed. */
  private static Map<String, String> await(String name) throws Exception {
    Process process = RUNS.get(name);
    boolean done = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!done) {
      process.destroyForcibly();
    }
    String output = Files.readString(work.resolve(name + ".out"), StandardCharsets.UTF_8)
        + Files.readString(work.resolve(name + ".err"), StandardCharsets.UTF_8);
    assertTrue(done, "the " + name + " run did not finish within " + TIMEOUT_SECONDS + " s:\n" + output);
    assertEquals(0, process.exitValue(), "the " + name + " run failed:\n" + output);
    Map<String, String> lines = new TreeMap<>();
    Matcher line = Pattern.compile("(?m)^(h2|postgresql): (.*)$").matcher(output);
    while (line.find()) {
      lines.putIfAbsent(line.group(1), line.group(2).strip());
    }
    assertEquals(List.of("h2", "postgresql"), List.copyOf(lines.keySet()), "both lines in the " + name + " run:\n" + output);
    return lines;
  }

  private static String property(String key) {
    String value = System.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("system property " + key + " is not set: run this test with Maven (see"
          + " partner-jdbc-adapter/pom.xml)");
    }
    return value;
  }
}
