package cloud.quazzar.partner.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.jdbc.GaleraTestCluster;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.jdbc.internal.SessionProbe;
import cloud.quazzar.partner.spi.Store;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The run of {@link MultiProcessConcurrencyTest} on a 3-node MariaDB Galera cluster
 * ({@link GaleraTestCluster}), each worker through a Connector/J {@code sequential} URL that lists
 * its node first and the others after it; the schema, fixtures and checks go through node 1. Both
 * workers write through node 2 (or, with {@link #TWO_WRITERS}, worker 1 through node 3). Once as it
 * is, once with node 2 killed (SIGKILL, {@code scripts/galera-cluster kill9}) in the middle of the
 * run and started again later in it ({@code startnode}), so that the connections on it fail over.
 *
 * <p>The kill needs the cluster's folder: {@code -Dpartner.galera.dir} or {@code
 * PARTNER_GALERA_DIR}, checked against the cluster's port ({@code -Dpartner.galera.port}) before
 * anything is signalled; without it the kill run is skipped, or fails where the cluster is
 * required, see {@link #clusterDir()}.
 */
@DisplayName("Two processes on a Galera cluster")
class GaleraConcurrencyTest {
  /** As on PostgreSQL. */
  static final int OPS_PER_THREAD = Integer.getInteger("partner.galera.opsPerThread", 120);

  /**
   * With the kill: enough for the load to go on through the kill (at 3 s), the survivors' stall
   * (about 6 s), node 2's restart (8 s after the kill) and its rejoin (about 5 s). Through one
   * writer node 120 operations per thread take about 3.5 s, and 600 ended before the rejoin. The
   * test fails if the load ended before the kill or before the rejoin.
   */
  static final int KILL_RUN_OPS_PER_THREAD = Integer.getInteger("partner.galera.killRunOpsPerThread", 1200);

  /** From both workers' load start to the kill of node 2. */
  static final long KILL_AFTER_MILLIS = Long.getLong("partner.galera.killAfterMillis", 3000);

  /** From the kill to the start of node 2 again. */
  static final long RESTART_AFTER_MILLIS = Long.getLong("partner.galera.restartAfterMillis", 8000);

  static final int KILLED_NODE = 2;

  /**
   * Whether the workers write through two nodes ({@code -Dpartner.galera.writers=two} or {@code
   * PARTNER_GALERA_WRITERS=two}) or through one at a time (the default, and CI's). Through two, a
   * node of MariaDB 10.11.19 stopped applying for good in some runs: its applier and a replayed
   * local transaction waited for each other (docs/reliability.md, "Limits on the cluster"), in 7
   * of 33 kill runs and in runs without a kill too. Through one, no run hung.
   */
  static final boolean TWO_WRITERS = "two".equalsIgnoreCase(
      System.getProperty("partner.galera.writers", System.getenv().getOrDefault("PARTNER_GALERA_WRITERS", "one")));

  /** Where the workers fail over to from the killed node (with one writer node, both do). */
  static final int SURVIVOR = 3;

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @DisplayName("lose no acknowledged update, record each idempotency key once, and let only typed conflicts escape")
  void twoProcessesLoseNothing() throws Exception {
    GaleraTestCluster cluster = GaleraTestCluster.require();
    ConcurrencyScenario run = new ConcurrencyScenario(cluster, workerUrls(cluster), OPS_PER_THREAD);
    diagnosed(cluster, () -> run.run(ConcurrencyScenario.NONE));
    Reliability.writeFigures("galera", run.figures(TWO_WRITERS ? "### Two processes on nodes 2 and 3"
        : "### Two processes on node 2"));
  }

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @DisplayName("a node killed (SIGKILL) mid-run and restarted: its worker fails over, nothing acknowledged is lost")
  void nodeKilledMidRun() throws Exception {
    Path dir = clusterDir();
    GaleraTestCluster cluster = GaleraTestCluster.require();
    Script script = new Script(dir, cluster);
    ConcurrencyScenario run = new ConcurrencyScenario(cluster, workerUrls(cluster), KILL_RUN_OPS_PER_THREAD);
    Kill kill = new Kill();
    try {
      diagnosed(cluster, () -> run.run(workers -> kill.during(run, cluster, script)));
    } finally {
      if (kill.killedAt != 0 && kill.rejoinMillis < 0) {
        script.run("startnode", Integer.toString(KILLED_NODE)); // leave the cluster as it was found
      }
    }
    assertTrue(kill.rejoinMillis >= 0, "node " + KILLED_NODE + " rejoined");
    // the kill must fall inside the load: each worker acknowledged operations begun after it, and
    // operations ended after node 2 was back (else the run proves nothing about a failover)
    for (int w = 0; w < ConcurrencyScenario.PROCESSES; w++) {
      int worker = w;
      assertTrue(run.acks().outcomes.stream().anyMatch(o -> o.worker() == worker && o.result().equals("OK")
          && o.startMillis() >= kill.killedAt), "worker " + w + " acknowledged an operation begun after the kill:"
          + " the load ended before it; raise -Dpartner.galera.killRunOpsPerThread");
    }
    long rejoinedAt = kill.restartedAt + kill.rejoinMillis;
    assertTrue(run.acks().outcomes.stream().anyMatch(o -> o.endMillis() > rejoinedAt),
        "operations went on after node " + KILLED_NODE + " rejoined: raise -Dpartner.galera.killRunOpsPerThread");
    int failedOverTo = TWO_WRITERS ? 1 : SURVIVOR;
    assertEquals(cluster.nodePort(failedOverTo), kill.portAfter, "the probe's connection failed over to node " + failedOverTo);
    assertEquals(1, kill.syncWaitAfter, "wsrep_sync_wait on the session the driver opened on failover");
    Reliability.writeFigures("galera-kill", run.figures("### Node 2 killed mid-run") + kill.figures(run.acks(), cluster));
  }

  /** Work that may fail. */
  @FunctionalInterface
  private interface Run {
    void run() throws Exception;
  }

  /**
   * Runs {@code run}; if it fails, adds what the nodes say about a server-side deadlock seen in some
   * runs: a node whose local COMMITs stay "wsrep replaying trx" or "Waiting for certification" for
   * more than 30 s while its applier waits for a row lock ("BF lock wait long" in its error log).
   * Such a node applies nothing more, flow control stops the cluster, and only restarting it helps.
   */
  private static void diagnosed(GaleraTestCluster cluster, Run run) throws Exception {
    try {
      run.run();
    } catch (Exception | AssertionError e) {
      StringBuilder found = new StringBuilder();
      for (int n = 1; n <= GaleraTestCluster.NODES; n++) {
        Properties props = new Properties();
        props.setProperty("user", cluster.user());
        props.setProperty("connectTimeout", "3000");
        props.setProperty("socketTimeout", "5000");
        try (Connection c = DriverManager.getConnection(cluster.nodeUrl(n), props); Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT id, time, state FROM information_schema.processlist WHERE state IN"
                + " ('wsrep replaying trx', 'Waiting for certification') AND time > 30")) {
          while (rs.next()) {
            found.append(" node ").append(n).append(": connection ").append(rs.getLong(1)).append(" '")
                .append(rs.getString(3)).append("' for ").append(rs.getLong(2)).append(" s;");
          }
        } catch (SQLException unreachable) {
          // a node that is down or stuck says nothing here
        }
      }
      if (found.length() > 0) {
        e.addSuppressed(new AssertionError("the cluster stopped applying (a server-side deadlock between replaying a"
            + " transaction and applying another, see docs/reliability.md, \"Limits on the cluster\"; restart the"
            + " node named here):" + found));
      }
      throw e;
    }
  }

  /** The kill and its figures. */
  private static final class Kill {
    long killedAt;
    long killCommandAt;
    long loadStartedAt;
    long killCommandMillis;
    long probeBefore;
    long portAfter;
    long syncWaitAfter;
    long firstReadAfterKillMillis;
    long restartedAt;
    long rejoinMillis = -1;

    void during(ConcurrencyScenario run, GaleraTestCluster cluster, Script script) throws Exception {
      loadStartedAt = System.currentTimeMillis();
      // a store of its own on node 2 (first host), one connection: which node and which session
      // setting it has before and after the kill
      try (Store probe = Reliability.open(Reliability.settings(workerUrls(cluster).get(0), cluster.user(),
          run.schema()).with(JdbcStorage.POOL_SIZE, 1))) {
        probeBefore = SessionProbe.number(probe, "SELECT @@port");
        assertEquals(cluster.nodePort(KILLED_NODE), probeBefore, "the probe starts on node " + KILLED_NODE);
        Thread.sleep(Math.max(0, KILL_AFTER_MILLIS - (System.currentTimeMillis() - loadStartedAt)));
        killCommandAt = System.currentTimeMillis();
        script.run("kill9", Integer.toString(KILLED_NODE));
        killedAt = System.currentTimeMillis(); // the script returns once the process is gone
        killCommandMillis = killedAt - killCommandAt;
        portAfter = afterFailover(probe, "SELECT @@port");
        firstReadAfterKillMillis = System.currentTimeMillis() - killedAt;
        syncWaitAfter = afterFailover(probe, "SELECT @@session.wsrep_sync_wait");
      }
      Thread.sleep(Math.max(0, RESTART_AFTER_MILLIS - (System.currentTimeMillis() - killedAt)));
      restartedAt = System.currentTimeMillis();
      script.run("startnode", Integer.toString(KILLED_NODE));
      rejoinMillis = System.currentTimeMillis() - restartedAt;
    }

    /** A read sent again if it fails because the driver failed over in the middle of it (a read is not retried). */
    private static long afterFailover(Store probe, String sql) {
      for (int attempt = 1; ; attempt++) {
        try {
          return SessionProbe.number(probe, sql);
        } catch (StorageException e) {
          if (attempt == 3 || !String.valueOf(e.getMessage()).contains("25S03")) {
            throw e;
          }
        }
      }
    }

    String figures(ConcurrencyScenario.Acks acks, GaleraTestCluster cluster) {
      StringBuilder sb = new StringBuilder("\n#### The kill\n\n| event | ms |\n|---|---:|\n");
      row(sb, "both workers' load started → `kill9` of node 2 started", killCommandAt - loadStartedAt);
      row(sb, "`kill9` (sends SIGKILL, returns once the process is gone; \"the kill\" below = its return)",
          killCommandMillis);
      row(sb, "kill → first read through the failover URL answered (a store of its own, on the next node now: port "
          + portAfter + ", wsrep_sync_wait " + syncWaitAfter + ")", firstReadAfterKillMillis);
      for (int w = 0; w < ConcurrencyScenario.PROCESSES; w++) {
        int worker = w;
        Optional<ConcurrencyScenario.Outcome> first = acks.outcomes.stream()
            .filter(o -> o.worker() == worker && o.result().equals("OK") && o.startMillis() >= killedAt)
            .min(Comparator.comparingLong(ConcurrencyScenario.Outcome::endMillis));
        row(sb, "kill → first operation of worker " + w + " (node " + (TWO_WRITERS ? w + 2 : KILLED_NODE)
            + " first) begun after the kill and"
            + " acknowledged" + first.map(o -> " (" + o.op() + ")").orElse(""),
            first.map(o -> o.endMillis() - killedAt).orElse(-1L));
        Long unknown = acks.firstUnknownMillis.get(w);
        if (unknown != null) {
          row(sb, "`kill9` started → first error of unknown outcome seen by worker " + w, unknown - killCommandAt);
        }
      }
      row(sb, "longest time without any operation ending, around the kill (both workers)", longestGap(acks));
      row(sb, "kill → `startnode` of node 2", restartedAt - killedAt);
      row(sb, "`startnode` → node 2 Synced in the cluster of 3 again (position recovery, IST)", rejoinMillis);
      long lastEnd = acks.outcomes.stream().mapToLong(ConcurrencyScenario.Outcome::endMillis).max().orElse(0);
      row(sb, "node 2 Synced again → last operation of the load ended", lastEnd - (restartedAt + rejoinMillis));
      Map<String, Long> byResult = new TreeMap<>();
      acks.outcomes.stream().filter(o -> o.startMillis() >= killedAt && o.startMillis() < restartedAt + rejoinMillis)
          .forEach(o -> byResult.merge(o.result().split(" ")[0], 1L, Long::sum));
      sb.append("\nOperations begun between the kill and the rejoin, by outcome: ").append(byResult)
          .append(". Killed at ").append(Instant.ofEpochMilli(killedAt)).append(".\n");
      return sb.toString();
    }

    private long longestGap(ConcurrencyScenario.Acks acks) {
      List<Long> ends = new ArrayList<>(acks.outcomes.stream().map(ConcurrencyScenario.Outcome::endMillis).toList());
      ends.add(killedAt);
      ends.sort(null);
      long longest = 0;
      for (int i = 1; i < ends.size(); i++) {
        if (ends.get(i) >= killedAt - 1000 && ends.get(i - 1) <= killedAt + 60_000) {
          longest = Math.max(longest, ends.get(i) - ends.get(i - 1));
        }
      }
      return longest;
    }

    private static void row(StringBuilder sb, String event, long millis) {
      sb.append("| ").append(event).append(" | ").append(millis).append(" |\n");
    }
  }

  /**
   * The workers' failover URLs: with one writer node both start on node {@value #KILLED_NODE} and
   * go on on node {@value #SURVIVOR}; with two, worker 0 starts on node {@value #KILLED_NODE} and
   * worker 1 on node {@value #SURVIVOR}, and worker 0 fails over to node 1.
   */
  private static List<String> workerUrls(GaleraTestCluster cluster) {
    return TWO_WRITERS ? List.of(cluster.failoverUrl(KILLED_NODE), cluster.failoverUrl(SURVIVOR))
        : List.of(cluster.failoverUrl(KILLED_NODE, SURVIVOR), cluster.failoverUrl(KILLED_NODE, SURVIVOR));
  }

  /**
   * The cluster's folder, for scripts/galera-cluster ({@code -Dpartner.galera.dir} or {@code
   * PARTNER_GALERA_DIR}). Without it the node-kill run is skipped, or fails where the cluster is
   * required ({@link GaleraTestCluster#isRequired()}: CI sets the folder).
   */
  private static Path clusterDir() {
    String dir = System.getProperty("partner.galera.dir", System.getenv("PARTNER_GALERA_DIR"));
    if (dir == null || dir.isBlank()) {
      String message = "the node-kill test needs the Galera cluster's folder (the DIR of scripts/galera-cluster start"
          + " DIR): set -Dpartner.galera.dir=DIR or PARTNER_GALERA_DIR=DIR";
      if (GaleraTestCluster.isRequired()) {
        fail(message + " (the cluster is required here)");
      }
      Assumptions.assumeTrue(false, message + ". Skipped.");
    }
    return Path.of(dir).toAbsolutePath();
  }

  /** scripts/galera-cluster on the cluster's folder, checked to be the cluster the tests use. */
  private static final class Script {
    private final Path script;
    private final Path dir;

    Script(Path dir, GaleraTestCluster cluster) throws IOException {
      this.dir = dir;
      Path here = Path.of("").toAbsolutePath();
      Path found = null;
      for (Path p = here; p != null && found == null; p = p.getParent()) {
        if (Files.isExecutable(p.resolve("scripts/galera-cluster"))) {
          found = p.resolve("scripts/galera-cluster");
        }
      }
      if (found == null) {
        throw new AssertionError("scripts/galera-cluster not found above " + here);
      }
      this.script = found;
      Path conf = dir.resolve("cluster.conf");
      assertTrue(Files.exists(conf), "no cluster in " + dir + " (" + conf + " missing)");
      String base = Files.readAllLines(conf, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("port_base="))
          .map(l -> l.substring("port_base=".length()).strip()).findFirst().orElse("?");
      // never signal a cluster other than the one the tests talk to
      assertEquals(Integer.toString(cluster.nodePort(1)), base, "the cluster in " + dir + " has port base " + base
          + ", but the tests use node 1 at port " + cluster.nodePort(1) + " (-Dpartner.galera.port)");
    }

    void run(String... args) throws IOException, InterruptedException {
      List<String> command = new ArrayList<>(List.of(script.toString(), args[0], dir.toString()));
      command.addAll(List.of(args).subList(1, args.length));
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.environment().remove("GALERA_PORT_BASE"); // the folder records its own
      Path log = Files.createDirectories(Reliability.FIGURES).resolve("galera-cluster.log");
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Process p = pb.start();
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within 180 s; see " + log);
      }
      assertEquals(0, p.exitValue(), () -> String.join(" ", command) + " failed; see " + log + ":\n" + tail(log)
          + "\nIf a node never gets Synced while the others answer, look for \"BF lock wait long\" in the nodes'"
          + " error logs (" + dir + "/n*/error.log): when two survivors took writes, a survivor's applier could wait for good for"
          + " a lock held by a local transaction that was itself waiting to commit (a server-side deadlock between"
          + " replaying a transaction and applying another; only restarting that node ends it).");
    }

    private static String tail(Path log) {
      try {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
      } catch (IOException e) {
        return e.toString();
      }
    }
  }
}
