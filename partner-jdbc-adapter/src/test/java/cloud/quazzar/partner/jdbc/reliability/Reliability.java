package cloud.quazzar.partner.jdbc.reliability;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the reliability tests and their worker processes share: the fixed clock, the months and
 * the figures a ledger key stands for (so that two processes sending one key send the same
 * figures), how a process opens the store, how a worker process is started, and where figures
 * are written.
 */
final class Reliability {
  /** Every process runs on the same fixed instant, so months and dates do not depend on when CI runs. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

  /** The months the load records and corrects: January to June 2026. */
  static final List<YearMonth> MONTHS = List.of(
      YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3),
      YearMonth.of(2026, 4), YearMonth.of(2026, 5), YearMonth.of(2026, 6));

  /** Where the tests write their figures (docs/reliability.md quotes a run). */
  static final Path FIGURES = Path.of("target", "reliability");

  private Reliability() {}

  /** The key of a partner's month: one key per month, so no month is ever recorded under two keys. */
  static String recordKey(String prefix, int partner, YearMonth month) {
    return prefix + "-p" + partner + "-" + month;
  }

  /** The MRR a record key stands for: a function of partner and month only. */
  static Money recordedMrr(int partner, YearMonth month) {
    return Money.of((1000 * (partner + 1) + 10 * month.getMonthValue()) + ".00", "USD");
  }

  /** The recording of a key (explicit counts, so the figures never depend on the registry at the time). */
  static RevenueRecording recording(String prefix, int partner, PartnerId id, YearMonth month) {
    return RevenueRecording.of(id, month, recordedMrr(partner, month), recordKey(prefix, partner, month))
        .withCounts(10L * (partner + 1), partner + 1);
  }

  /** Settings for one process's own pool on the shared schema (migrations already run by the parent). */
  static StorageSettings settings(String url, String user, String schema) {
    return JdbcStorage.url(url, user, null).with(JdbcStorage.SCHEMA, schema).with(JdbcStorage.MIGRATE, false);
  }

  /** Opens a JDBC store; the caller closes it. */
  static Store open(StorageSettings settings) {
    return new JdbcStorageProvider().open(settings);
  }

  /** A program on the store, with the fixed clock and UTC; the caller closes the store. */
  static PartnerProgram program(Store store) {
    return PartnerProgram.builder().store(store).clock(CLOCK).zone(ZoneOffset.UTC).build();
  }

  /**
   * Starts {@link WorkerMain} in a new JVM on the class path, with this JVM's class path and module
   * path, its output and errors going to {@code log}.
   */
  static Process startWorker(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    // on the module path (Surefire's default for a module), this JVM's class path holds the tests and
    // their own dependencies, and its module path the adapter, core and theirs: the worker gets both
    String modulePath = System.getProperty("jdk.module.path");
    command.add(modulePath == null || modulePath.isEmpty() ? System.getProperty("java.class.path")
        : System.getProperty("java.class.path") + File.pathSeparator + modulePath);
    command.add(WorkerMain.class.getName());
    command.addAll(List.of(args));
    Files.createDirectories(log.getParent());
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Waits for a worker, killing it if it overstays (a bounded test never hangs CI). */
  static int await(Process process, long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("worker process " + process.pid() + " did not finish within " + seconds + " s");
    }
    return process.exitValue();
  }

  /**
   * Waits until the worker's log holds {@code marker}; fails if the worker ends first or the time
   * runs out.
   */
  static void awaitLine(Process worker, Path log, String marker, long seconds) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!Files.exists(log) || !Files.readString(log, StandardCharsets.UTF_8).contains(marker)) {
      if (!worker.isAlive()) {
        throw new AssertionError("worker " + worker.pid() + " ended before printing " + marker + ": "
            + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)"));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("worker " + worker.pid() + " did not print " + marker + " within " + seconds + " s");
      }
      Thread.sleep(20);
    }
  }

  /** Writes one test's figures to {@code target/reliability/<name>.md}. */
  static Path writeFigures(String name, String markdown) throws IOException {
    Files.createDirectories(FIGURES);
    Path file = FIGURES.resolve(name + ".md");
    Files.writeString(file, markdown, StandardCharsets.UTF_8);
    return file;
  }
}
