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
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The library logs through SLF4J only, Hibernate Validator's lines included (decision L1): a host's
 * start-up ({@link StartupProbe}) prints nothing through {@code java.util.logging}, whose default
 * handler would write to the standard error. Four child JVMs with the examples' runtime dependencies,
 * their standard output and error captured apart: on the class path and on the module path, each
 * without a logging binding (Logback's jars left out) and with Logback configured to write
 * everything from INFO up to the standard output. They run at the same time.
 */
class StartupOutputTest {
  private static final String MAIN_MODULE = "cloud.quazzar.partner.examples";
  private static final long TIMEOUT_SECONDS = 120;
  /** Hibernate Validator's version line, logged once when it starts. */
  private static final String VERSION_LINE = "HV000001: Hibernate Validator ";

  private static Path work;
  private static final Map<String, Process> RUNS = new TreeMap<>();

  @BeforeAll
  static void startAll() throws IOException {
    List<Path> runtime = Arrays.stream(Files.readString(Path.of(property("partner.examples.runtimeClasspath"))).strip()
        .split(Pattern.quote(File.pathSeparator)))
        .filter(s -> !s.isEmpty())
        .map(Path::of)
        .toList();
    List<Path> withoutBinding = runtime.stream().filter(p -> !p.getFileName().toString().startsWith("logback-")).toList();
    assertEquals(2, runtime.size() - withoutBinding.size(), "logback-classic and logback-core in " + runtime);
    work = Files.createTempDirectory("partner-startup-output");
    start("class-path-no-binding", false, withoutBinding, List.of());
    start("module-path-no-binding", true, withoutBinding, List.of());
    List<String> logback = List.of("-Dlogback.configurationFile="
        + Path.of(property("partner.examples.testClasses")).resolve("startup-logback.xml"));
    start("class-path-logback", false, runtime, logback);
    start("module-path-logback", true, runtime, logback);
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
  @DisplayName("class path, no logging binding: the standard error holds only SLF4J's own notice that no binding"
      + " was found; nothing through java.util.logging, no Hibernate Validator line")
  void classPathWithoutBinding() throws Exception {
    assertOnlySlf4jNotice(await("class-path-no-binding"));
  }

  @Test
  @DisplayName("module path, no logging binding: the same")
  void modulePathWithoutBinding() throws Exception {
    assertOnlySlf4jNotice(await("module-path-no-binding"));
  }

  @Test
  @DisplayName("class path with Logback: Hibernate Validator's version line and the library's start-up line reach"
      + " Logback; the standard error is empty")
  void classPathWithLogback() throws Exception {
    assertAllThroughLogback(await("class-path-logback"));
  }

  @Test
  @DisplayName("module path with Logback: the same")
  void modulePathWithLogback() throws Exception {
    assertAllThroughLogback(await("module-path-logback"));
  }

  private static void assertOnlySlf4jNotice(Output output) {
    assertEquals(List.of("startup: done"), output.out(), output.toString());
    assertTrue(!output.err().isEmpty(), "SLF4J says that it found no binding:\n" + output);
    for (String line : output.err()) {
      // SLF4J 2 prefixes its own messages: "SLF4J(W): No SLF4J providers were found." and two more
      assertTrue(line.startsWith("SLF4J("), "only SLF4J's notice on the standard error, got: " + line + "\n" + output);
    }
  }

  private static void assertAllThroughLogback(Output output) {
    assertEquals(List.of(), output.err(), output.toString());
    assertTrue(output.out().stream().anyMatch(l -> l.startsWith("log: INFO  org.hibernate.validator.internal.util.Version - "
        + VERSION_LINE)), "Hibernate Validator's version line through SLF4J:\n" + output);
    assertTrue(output.out().stream().anyMatch(l -> l.startsWith("log: INFO  cloud.quazzar.partner.PartnerProgram - partner"
        + " program storage: jdbc (jdbc:h2:file:")), "the library's start-up line:\n" + output);
    assertEquals("startup: done", output.out().get(output.out().size() - 1), output.toString());
    for (String line : output.out()) {
      assertTrue(line.startsWith("log: ") || line.equals("startup: done"), "every line through Logback: " + line);
    }
  }

  private static void start(String name, boolean modulePath, List<Path> runtime, List<String> options) throws IOException {
    Path classes = Path.of(property("partner.examples.classes"));
    Path testClasses = Path.of(property("partner.examples.testClasses"));
    String path = Stream.concat(Stream.of(classes), runtime.stream()).map(Path::toString)
        .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1"));
    command.addAll(options);
    if (modulePath) {
      // the probe is a test class: patched into the examples module, as Surefire does with tests
      command.addAll(List.of("--module-path", path, "--patch-module", MAIN_MODULE + "=" + testClasses,
          "-m", MAIN_MODULE + "/" + StartupProbe.class.getName()));
    } else {
      command.addAll(List.of("-cp", testClasses + File.pathSeparator + path, StartupProbe.class.getName()));
    }
    command.add(work.resolve(name).toString());
    RUNS.put(name, new ProcessBuilder(command)
        .redirectOutput(work.resolve(name + ".out").toFile())
        .redirectError(work.resolve(name + ".err").toFile())
        .start());
  }

  /** A child's standard output and error, as lines. */
  private record Output(String name, List<String> out, List<String> err) {
    @Override
    public String toString() {
      return "--- " + name + ", standard output:\n" + String.join("\n", out) + "\n--- standard error:\n" + String.join("\n", err);
    }
  }

  private static Output await(String name) throws Exception {
    Process process = RUNS.get(name);
    boolean done = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!done) {
      process.destroyForcibly();
    }
    Output output = new Output(name, lines(work.resolve(name + ".out")), lines(work.resolve(name + ".err")));
    assertTrue(done, "the " + name + " run did not finish within " + TIMEOUT_SECONDS + " s:\n" + output);
    assertEquals(0, process.exitValue(), "the " + name + " run failed:\n" + output);
    return output;
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
  }

  private static String property(String key) {
    String value = System.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("system property " + key + " is not set: run this test with Maven (see partner-examples/pom.xml)");
    }
    return value;
  }
}
