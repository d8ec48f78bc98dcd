package cloud.quazzar.partner.testkit.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rule REV-7's export streams, so exporting 1,000,000 rows runs in bounded memory
 * (docs/benchmarks.md): a child JVM with a 32 MB heap exports a million rows (well over 100 MB of
 * CSV). Not timed: only finishing matters. The same export path runs in process, where mutation
 * testing sees it, in {@code RevenueRulesTest.Csv.manyChunks} and {@code LedgerAnswersTest}.
 */
class ExportMemoryTest {
  @Test
  @DisplayName("exporting 1,000,000 rows streams: it finishes in a 32 MB heap although the CSV is far larger")
  void millionRowsInSmallHeap() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Surefire runs this module's tests on the module path: the child gets the test class path and the
    // module path (core, the testkit and their dependencies) together as its class path
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String modulePath = System.getProperty("jdk.module.path");
    if (modulePath != null && !modulePath.isEmpty()) {
      classPath = classPath + File.pathSeparator + modulePath;
    }
    Process child = new ProcessBuilder(List.of(java, "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", classPath, ExportMillionRows.class.getName(), "1000000"))
        .redirectErrorStream(true)
        .start();
    boolean done = child.waitFor(5, TimeUnit.MINUTES);
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      child.destroyForcibly();
    }
    assertTrue(done, "the child export did not finish: " + output);
    assertEquals(0, child.exitValue(), output);
    Matcher m = Pattern.compile("rows=(\\d+) chars=(\\d+) maxHeap=(\\d+)").matcher(output);
    assertTrue(m.find(), output);
    assertEquals(1_000_000L, Long.parseLong(m.group(1)));
    long chars = Long.parseLong(m.group(2));
    long heap = Long.parseLong(m.group(3));
    assertTrue(chars > 3 * heap, "the CSV (" + chars + " chars) must dwarf the heap (" + heap + " bytes)");
  }
}
