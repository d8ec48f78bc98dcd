package cloud.quazzar.partner.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.jdbc.PostgresTestDatabase;
import cloud.quazzar.partner.spi.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rule EVT-4, "no lost event": a node is killed (SIGKILL) after its changes committed and before their
 * events were delivered; a new program on the same PostgreSQL database, subscribing the same
 * listener name, delivers every one of them, in order. Runs against the real server; fails, never
 * skips, when PostgreSQL is required and down.
 */
@DisplayName("No lost event: a node killed between commit and delivery")
class NoLostEventTest {
  private static final int CHANGES = 60; // two events each
  private static final long BLOCK_AT = 7;

  private PostgresTestDatabase db;
  private String schema;

  @BeforeEach
  void freshSchema() {
    db = PostgresTestDatabase.require();
    schema = db.newSchemaName();
    try (Store migrated = Reliability.open(db.settings().with(JdbcStorage.SCHEMA, schema))) {
      // creates the schema and runs the migrations; the nodes below open it without migrating
      assertEquals(0, (long) migrated.read(tx -> tx.events().lastSequence()));
    }
  }

  @AfterEach
  void dropSchema() {
    if (db != null && schema != null) {
      db.dropSchema(schema);
    }
  }

  @Test
  @DisplayName("every committed event is delivered after a restart, in order, none lost")
  void killedBetweenCommitAndDelivery() throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(Reliability.FIGURES), "events-");
    Path log = dir.resolve("worker.log");
    Path delivered = dir.resolve("delivered.txt");
    Process worker = Reliability.startWorker(log, "events", db.url(), db.user(), schema,
        String.valueOf(CHANGES), String.valueOf(BLOCK_AT), delivered.toString());
    long committed;
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      String out = "";
      while (!(out = Files.readString(log, StandardCharsets.UTF_8)).contains(EventCrashWorker.COMMITTED)
          || !out.contains(EventCrashWorker.BLOCKED)) {
        String seen = out;
        assertTrue(worker.isAlive(), () -> "the worker ended early: " + seen);
        assertTrue(System.nanoTime() < deadline, () -> "the worker did not commit its changes in time: " + seen);
        Thread.sleep(20);
      }
      committed = Long.parseLong(out.substring(out.indexOf(EventCrashWorker.COMMITTED)
          + EventCrashWorker.COMMITTED.length()).trim().split("\\s+")[0]);
      worker.destroyForcibly();
      assertTrue(worker.waitFor(30, TimeUnit.SECONDS), "killed worker ended");
      assertEquals(137, worker.exitValue(), "ended by SIGKILL");
    } finally {
      worker.destroyForcibly();
    }
    assertEquals(2L * CHANGES, committed, "every change committed its event");
    List<Long> before = Files.readAllLines(delivered, StandardCharsets.UTF_8).stream()
        .map(l -> Long.parseLong(l.split(" ")[0])).toList();
    List<Long> expectedBefore = new ArrayList<>();
    for (long s = 1; s <= BLOCK_AT; s++) {
      expectedBefore.add(s);
    }
    assertEquals(expectedBefore, before, "the killed node got events 1.." + BLOCK_AT + " and hung on the last");

    try (Store store = Reliability.open(Reliability.settings(db.url(), db.user(), schema))) {
      PartnerProgram restarted = EventCrashWorker.program(store);
      long cursorAtKill = restarted.events().cursor(EventCrashWorker.LISTENER);
      assertTrue(cursorAtKill < BLOCK_AT, "the event it hung on was never accepted: cursor " + cursorAtKill);
      assertEquals(committed, restarted.events().lastSequence());
      List<EventRecord> got = new CopyOnWriteArrayList<>();
      long started = System.nanoTime();
      restarted.events().subscribe(EventCrashWorker.LISTENER, got::add);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (restarted.events().cursor(EventCrashWorker.LISTENER) < committed && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertEquals(committed, restarted.events().cursor(EventCrashWorker.LISTENER), "all delivered within 60 s");
      assertEquals(restarted.events().after(cursorAtKill, 10_000), got,
          "delivered after the restart: every event after the stored cursor, in order, as stored");
      assertEquals(committed, got.get(got.size() - 1).sequence());
      long redelivered = got.stream().filter(r -> r.sequence() <= BLOCK_AT).count();
      Reliability.writeFigures("events",
          "### No lost event\n\n"
              + "| committed events | delivered before SIGKILL | cursor stored at the kill | delivered after restart"
              + " | of which again (at least once) | lost | restart to last delivery (ms) |\n"
              + "|---:|---:|---:|---:|---:|---:|---:|\n"
              + "| " + committed + " | " + (BLOCK_AT - 1) + " (+ 1 in progress) | " + cursorAtKill + " | " + got.size()
              + " | " + redelivered + " | 0 | " + tookMillis + " |\n");
      restarted.close();
    }
  }
}
