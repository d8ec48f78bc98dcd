package cloud.quazzar.partner.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.events.PartnerEvent;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationState;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.jdbc.PostgresTestDatabase;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.BatchResult;
import cloud.quazzar.partner.revenue.EntryKind;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueEntryId;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.spi.Store;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Faults on the shared PostgreSQL database: a node killed inside a multi-record
 * transaction, a connection that breaks at commit, a statement timeout, a deadlock between two
 * nodes, and the ledger under a role that may only INSERT and SELECT. Each leaves the store
 * consistent, surfaces as a typed error (or a retry inside the store), and the same work resent
 * completes exactly once. Fails, never skips, when PostgreSQL is required and down.
 */
@DisplayName("Faults on one PostgreSQL database")
class FaultInjectionTest {
  private static final Map<String, String> FIGURES = new TreeMap<>();

  private PostgresTestDatabase db;
  private String schema;
  private Store ownerStore;
  private PartnerProgram owner;
  private WorkerMain.Fixtures fx;

  @BeforeEach
  void freshSchema() {
    db = PostgresTestDatabase.require();
    schema = db.newSchemaName();
    ownerStore = Reliability.open(db.settings().with(JdbcStorage.SCHEMA, schema));
    owner = Reliability.program(ownerStore);
    List<PartnerId> partners = new ArrayList<>();
    List<List<ClientId>> clients = new ArrayList<>();
    List<CertificationId> certs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Partner p = owner.registry().add(new NewPartner("Fault-" + i, "f" + i + "@example.com", Tier.GOLD));
      partners.add(p.id());
      clients.add(List.of(owner.registry().addClient(p.id(), new NewClient("Fault client " + i, 12)).id()));
      certs.add(owner.certifications().add(p.id(), new NewCertification("Fault cert " + i, SkillArea.MSP_OPERATIONS,
          CertificationLevel.BASIC, Optional.empty(), Reliability.MONTHS.get(0).atDay(1), Reliability.MONTHS.get(0).atDay(1)
              .plusYears(1))).id());
    }
    fx = new WorkerMain.Fixtures(partners, clients, certs);
  }

  @AfterEach
  void dropSchema() {
    if (ownerStore != null) {
      ownerStore.close();
    }
    if (db != null && schema != null) {
      db.dropSchema(schema);
    }
  }

  @AfterAll
  static void writeFigures() throws Exception {
    if (!FIGURES.isEmpty()) {
      StringBuilder sb = new StringBuilder("### Faults\n\n| fault injected | typed outcome | store afterwards | resent |\n"
          + "|---|---|---|---|\n");
      FIGURES.values().forEach(sb::append);
      Reliability.writeFigures("faults", sb.toString());
    }
  }

  private static void figure(String fault, String outcome, String after, String resent) {
    FIGURES.put(fault, "| " + fault + " | " + outcome + " | " + after + " | " + resent + " |\n");
  }

  // ---- SIGKILL -------------------------------------------------------------------------------

  @Test
  @DisplayName("a node killed (SIGKILL) inside a month-end batch leaves nothing of it; the batch resent is recorded once")
  void killedInsideBatch() throws Exception {
    List<RevenueRecording> batch = WorkerMain.killBatch(fx);
    long waited = killInside("revenue.appendAbsent");
    assertEquals(0, keyRows("kill-%"), "no row of the killed batch is visible");

    BatchResult first = owner.revenue().recordAll(batch);
    assertEquals(batch.size(), first.createdCount(), "the resent batch is recorded in full");
    BatchResult again = owner.revenue().recordAll(batch);
    assertEquals(batch.size(), again.replayedCount(), "sent a third time, nothing new");
    assertEquals(first.entries(), again.entries(), "the same entries answer");
    assertEquals(batch.size(), keyRows("kill-%"), "one row per key");
    assertEquals(0, duplicateKeys(), "no key twice");
    figure("SIGKILL inside recordAll of " + batch.size() + " recordings (rows written, not committed)",
        "killed " + waited + " ms after it signalled from inside the transaction (exit 137)",
        "0 of " + batch.size() + " rows visible",
        "created " + first.createdCount() + ", then replayed " + again.replayedCount() + "; 1 row per key");
  }

  @Test
  @DisplayName("a node killed (SIGKILL) inside a renewal (update + insert) leaves the certification as it was; the renewal resent happens once")
  void killedInsideRenewal() throws Exception {
    CertificationId id = fx.certs().get(0);
    long waited = killInside("certifications.insert");
    Certification old = owner.certifications().get(id);
    assertEquals(CertificationState.CURRENT, old.state(), "the renewed record's update was rolled back");
    assertEquals(1, old.version(), "version unchanged");
    assertEquals(1, owner.certifications().history(fx.partners().get(0), PageRequest.first(PageRequest.MAX_LIMIT)).items().size(), "no renewal record");

    var renewed = owner.certifications().renew(id, 1, WorkerMain.killRenewal());
    ConflictException again = assertThrows(ConflictException.class,
        () -> owner.certifications().renew(id, 1, WorkerMain.killRenewal()));
    assertEquals(ConflictException.Reason.STALE_VERSION, again.reason());
    List<Certification> history = owner.certifications().history(fx.partners().get(0), PageRequest.first(PageRequest.MAX_LIMIT)).items();
    assertEquals(2, history.size(), "one renewal");
    assertEquals(Optional.of(id), renewed.certification().renewalOf());
    figure("SIGKILL inside renew (old record updated, new one inserted, not committed)",
        "killed " + waited + " ms after it signalled from inside the transaction (exit 137)",
        "old record CURRENT, version 1, no renewal record",
        "renewed once; the same request again is a ConflictException STALE_VERSION");
  }

  /** Starts a worker that stops inside its transaction after {@code hook}, kills it, returns how long it waited. */
  private long killInside(String hook) throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(Reliability.FIGURES), "kill-");
    Path fixtures = dir.resolve("fixtures.txt");
    fx.write(fixtures);
    Path log = dir.resolve("worker.log");
    Process worker = Reliability.startWorker(log, "kill", db.url(), db.user(), schema, hook, fixtures.toString());
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!Files.readString(log, StandardCharsets.UTF_8).contains(WorkerMain.IN_TRANSACTION)) {
        assertTrue(worker.isAlive(), () -> "the worker ended before reaching the transaction: " + read(log));
        assertTrue(System.nanoTime() < deadline, () -> "the worker did not reach the transaction: " + read(log));
        Thread.sleep(20);
      }
      long inside = System.nanoTime();
      // the rows are written but uncommitted: nobody else sees them
      assertEquals(0, keyRows("kill-%"), "uncommitted rows are invisible to other nodes");
      worker.destroyForcibly();
      assertTrue(worker.waitFor(30, TimeUnit.SECONDS), "killed worker ended");
      assertEquals(137, worker.exitValue(), "ended by SIGKILL");
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - inside);
    } finally {
      worker.destroyForcibly();
    }
  }

  // ---- broken connection at commit -----------------------------------------------------------

  @Test
  @DisplayName("a connection that breaks at COMMIT is a typed 'commit outcome unknown'; all or nothing is stored; the batch resent is recorded once")
  void connectionBreaksAtCommit() throws Exception {
    AtomicBoolean armed = new AtomicBoolean();
    DataSource breaking = breakingAtCommit(armed);
    List<RevenueRecording> batch = batch("broken", 4);
    try (Store store = Reliability.open(JdbcStorage.dataSource(breaking).with(JdbcStorage.SCHEMA, schema)
        .with(JdbcStorage.MIGRATE, false))) {
      PartnerProgram program = Reliability.program(store);
      armed.set(true);
      StorageException e = assertThrows(StorageException.class, () -> program.revenue().recordAll(batch));
      assertTrue(e.getMessage().startsWith("commit outcome unknown"), e.getMessage());
      assertEquals(false, armed.get(), "the fault fired");
      long rows = keyRows("broken-%");
      assertTrue(rows == 0 || rows == batch.size(), "all or nothing, got " + rows + " rows");

      BatchResult resent = program.revenue().recordAll(batch);
      assertEquals(batch.size() - rows, resent.createdCount(), "the resend records what the failed commit did not");
      BatchResult again = program.revenue().recordAll(batch);
      assertEquals(batch.size(), again.replayedCount());
      assertEquals(batch.size(), keyRows("broken-%"), "one row per key");
      assertEquals(0, duplicateKeys());
      figure("backend terminated (pg_terminate_backend) as COMMIT of recordAll(" + batch.size() + ") is sent",
          "StorageException \"commit outcome unknown ... (SQLSTATE " + sqlState(e) + ")\"",
          rows + " of " + batch.size() + " rows (all or nothing)",
          "created " + resent.createdCount() + ", then replayed " + again.replayedCount() + "; 1 row per key");
    }
  }

  /** A data source whose next COMMIT after {@code armed} is set first kills its own backend. */
  private DataSource breakingAtCommit(AtomicBoolean armed) {
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setUrl(db.url());
    pg.setUser(db.user());
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (self, m, args) -> {
          Object result = invoke(m, pg, args);
          if (!m.getName().equals("getConnection")) {
            return result;
          }
          Connection c = (Connection) result;
          return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
              (cself, cm, cargs) -> {
                if (cm.getName().equals("commit") && armed.getAndSet(false)) {
                  terminate(c.unwrap(PGConnection.class).getBackendPID());
                }
                return invoke(cm, c, cargs);
              });
        });
  }

  private void terminate(int pid) throws SQLException {
    try (Connection admin = db.connect();
        PreparedStatement ps = admin.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
      ps.setInt(1, pid);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertTrue(rs.getBoolean(1), "backend " + pid + " terminated");
      }
    }
  }

  private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  // ---- statement timeout ---------------------------------------------------------------------

  @Test
  @DisplayName("a statement that waits past jdbc.statementTimeout on another node's row lock is a typed 'timed out'; nothing is stored; resent once")
  void statementTimeout() throws Exception {
    List<RevenueRecording> batch = batch("timeout", 1).subList(0, 3);
    try (Store store = Reliability.open(Reliability.settings(db.url(), db.user(), schema)
            .with(JdbcStorage.STATEMENT_TIMEOUT, 300));
        Connection locker = db.connect()) {
      PartnerProgram program = Reliability.program(store);
      locker.setAutoCommit(false);
      try (PreparedStatement ps = locker.prepareStatement(
          "SELECT id FROM \"" + schema + "\".partners WHERE id = ? FOR UPDATE")) {
        ps.setObject(1, fx.partners().get(0).value());
        ps.executeQuery().close();
      }
      long started = System.nanoTime();
      StorageException e = assertThrows(StorageException.class, () -> program.revenue().recordAll(batch));
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertTrue(e.getMessage().startsWith("timed out"), e.getMessage());
      assertEquals("57014", sqlState(e));
      assertTrue(waited >= 300, "waited for the timeout, " + waited + " ms");
      assertEquals(0, keyRows("timeout-%"), "nothing stored");
      locker.rollback();

      BatchResult resent = program.revenue().recordAll(batch);
      assertEquals(batch.size(), resent.createdCount());
      assertEquals(batch.size(), program.revenue().recordAll(batch).replayedCount());
      assertEquals(batch.size(), keyRows("timeout-%"));
      assertEquals(0, duplicateKeys());
      figure("statement timeout 300 ms while another connection holds the partner row FOR UPDATE",
          "StorageException \"timed out ... (SQLSTATE 57014)\" after " + waited + " ms",
          "0 of " + batch.size() + " rows",
          "created " + resent.createdCount() + " once the lock is released, then replayed; 1 row per key");
    }
  }

  // ---- deadlock between two nodes ------------------------------------------------------------

  @Test
  @DisplayName("two nodes inserting the same two keys in opposite order deadlock (40P01); the store retries, each key is stored once")
  void deadlockIsRetried() throws Exception {
    try (Store a = Reliability.open(Reliability.settings(db.url(), db.user(), schema));
        Store b = Reliability.open(Reliability.settings(db.url(), db.user(), schema))) {
      CyclicBarrier bothHoldOne = new CyclicBarrier(2);
      ExecutorService nodes = Executors.newFixedThreadPool(2);
      int attempts;
      try {
        Future<Integer> first = nodes.submit(() -> crossInsert(a, bothHoldOne, 0, 1));
        Future<Integer> second = nodes.submit(() -> crossInsert(b, bothHoldOne, 1, 0));
        attempts = first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS);
      } finally {
        nodes.shutdownNow();
      }
      long retries = JdbcStorage.retries(a) + JdbcStorage.retries(b);
      assertEquals(3, attempts, "one of the two ran twice");
      assertEquals(1, retries, "the store counted the retry");
      assertEquals(2, keyRows("deadlock-%"));
      assertEquals(0, duplicateKeys());
      figure("deadlock: two stores insert keys X,Y and Y,X in one transaction each",
          "none: PostgreSQL aborts one (SQLSTATE 40P01), the store re-runs it (retries counted: " + retries + ")",
          "2 rows, one per key", "not needed: both calls returned");
    }
  }

  /** Appends key {@code one} then key {@code other} in one transaction; returns the attempts it took. */
  private int crossInsert(Store store, CyclicBarrier bothHoldOne, int one, int other) {
    AtomicInteger attempts = new AtomicInteger();
    store.write(tx -> {
      if (attempts.incrementAndGet() == 1) {
        tx.revenue().appendAbsent(List.of(entry(one)));
        try {
          bothHoldOne.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      } else {
        tx.revenue().appendAbsent(List.of(entry(one)));
      }
      tx.revenue().appendAbsent(List.of(entry(other)));
      return null;
    });
    return attempts.get();
  }

  private RevenueEntry entry(int partner) {
    return new RevenueEntry(new RevenueEntryId(UUID.randomUUID()), fx.partners().get(partner),
        Reliability.MONTHS.get(0), 1, EntryKind.RECORDED, Reliability.recordedMrr(partner, Reliability.MONTHS.get(0)),
        1, 1, "deadlock-" + partner, Optional.empty(), Reliability.CLOCK.instant(), Optional.empty());
  }

  // ---- INSERT/SELECT-only role ---------------------------------------------------------------

  @Test
  @DisplayName("the ledger records, corrects, batches, reports and exports under a role that may only INSERT and SELECT")
  void ledgerNeedsOnlyInsertAndSelect() throws Exception {
    String role = "partner_ledger_" + schema.substring(schema.indexOf('_') + 1);
    List<String> insertable = new ArrayList<>();
    try {
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute("CREATE ROLE " + role + " LOGIN");
        s.execute("GRANT USAGE ON SCHEMA \"" + schema + "\" TO " + role);
        s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA \"" + schema + "\" TO " + role);
        // The ledger table and the event log (each recording appends its RevenueRecorded event in
        // the same transaction): INSERT only. The event counter, one row holding the last event
        // sequence, is the one row the role may UPDATE (it orders the event log; it is not ledger
        // data). Nothing else may be written.
        try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
            + schema + "' AND (table_name LIKE 'revenue%' OR table_name = 'domain_events')")) {
          while (rs.next()) {
            insertable.add(rs.getString(1));
          }
        }
        assertTrue(insertable.contains("revenue_entries"), "ledger table found: " + insertable);
        for (String table : insertable) {
          s.execute("GRANT INSERT ON \"" + schema + "\".\"" + table + "\" TO " + role);
        }
        s.execute("GRANT UPDATE (last_sequence) ON \"" + schema + "\".event_counter TO " + role);
      }
      try (Store store = Reliability.open(Reliability.settings(db.url(), role, schema))) {
        PartnerProgram program = Reliability.program(store);
        PartnerId p0 = fx.partners().get(0);
        YearMonth june = Reliability.MONTHS.get(5);
        RevenueEntry single = program.revenue().record(Reliability.recording("role", 0, p0, june));
        assertEquals(single, program.revenue().record(Reliability.recording("role", 0, p0, june)), "replayed");
        List<RevenueRecording> batch = batch("role-batch", 5);
        assertEquals(batch.size(), program.revenue().recordAll(batch).createdCount(), "bulk path (COPY)");
        List<RevenueRecording> overlapping = new ArrayList<>(batch);
        overlapping.add(Reliability.recording("role", 1, fx.partners().get(1), june));
        BatchResult mixed = program.revenue().recordAll(overlapping);
        assertEquals(1, mixed.createdCount(), "idempotent bulk path (staging table) for a partly repeated batch");
        RevenueEntry corrected = program.revenue().correct(RevenueCorrection.of(p0, june,
            "role-correction", "figures revised").withMrr(Money.of("1.00", "USD")));
        assertEquals(2, corrected.revision());
        assertEquals(2, program.revenue().history(p0, june, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
        MonthRange range = new MonthRange(Reliability.MONTHS.get(0), june);
        assertEquals(6, program.revenue().partnerReport(p0, range).months().size());
        assertNotEquals(List.of(), program.revenue().programReport(range).months());
        assertEquals(2, program.revenue().topByMrr(june, Currency.getInstance("USD"), 10).size());
        StringWriter csv = new StringWriter();
        long exported = program.revenue().exportCsv(RevenueFilter.all(), csv);
        assertEquals(1 + batch.size() + 1, exported, "current entries exported");

        try (Connection c = plainConnection(role); Statement s = c.createStatement()) {
          SQLException update = assertThrows(SQLException.class,
              () -> s.executeUpdate("UPDATE revenue_entries SET reason = 'x'"));
          assertEquals("42501", update.getSQLState(), "the role may not UPDATE");
          SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM revenue_entries"));
          assertEquals("42501", delete.getSQLState(), "the role may not DELETE");
          SQLException eventUpdate = assertThrows(SQLException.class,
              () -> s.executeUpdate("UPDATE domain_events SET event_type = 'x'"));
          assertEquals("42501", eventUpdate.getSQLState(), "the role may not UPDATE the event log");
          SQLException eventDelete = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM domain_events"));
          assertEquals("42501", eventDelete.getSQLState(), "the role may not DELETE from the event log");
        }
        assertEquals(1 + batch.size() + 1 + 1, program.events().after(0, 10_000).stream()
            .filter(r -> r.event() instanceof PartnerEvent && r.event().type().startsWith("Revenue")).count(),
            "every stored entry wrote its event: recorded, batch, the new one of the repeated batch, correction");
        figure("ledger under role " + "partner_ledger_* with only SELECT + INSERT on " + String.join(", ", insertable)
                + " (no UPDATE, DELETE, TRUNCATE), and UPDATE of the one event_counter row",
            "record, replay, recordAll (COPY), partly repeated recordAll (staging + ON CONFLICT), correct, history,"
                + " partner/program reports, top list, CSV export: all succeed",
            "UPDATE and DELETE of revenue_entries and domain_events by the role: SQLSTATE 42501 (permission denied)",
            "-");
      }
    } finally {
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute("DROP OWNED BY " + role);
        s.execute("DROP ROLE IF EXISTS " + role);
      } catch (SQLException e) {
        // the role was never created; nothing to drop
        if (!"42704".equals(e.getSQLState())) {
          throw e;
        }
      }
    }
  }

  private Connection plainConnection(String user) throws SQLException {
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setUrl(db.url());
    pg.setUser(user);
    pg.setCurrentSchema("\"" + schema + "\"");
    return pg.getConnection();
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** One recording per partner and month for the first {@code months} months, under keys {@code prefix-...}. */
  private List<RevenueRecording> batch(String prefix, int months) {
    List<RevenueRecording> out = new ArrayList<>();
    for (int i = 0; i < fx.partners().size(); i++) {
      for (YearMonth m : Reliability.MONTHS.subList(0, months)) {
        out.add(Reliability.recording(prefix, i, fx.partners().get(i), m));
      }
    }
    return out;
  }

  private long keyRows(String like) throws SQLException {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT COUNT(*) FROM \"" + schema + "\".revenue_entries WHERE idempotency_key LIKE ?")) {
      ps.setString(1, like);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long duplicateKeys() throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT COUNT(*) FROM (SELECT idempotency_key FROM \"" + schema + "\".revenue_entries"
            + " GROUP BY idempotency_key HAVING COUNT(*) > 1) d")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return s.getSQLState();
      }
    }
    return "none";
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
