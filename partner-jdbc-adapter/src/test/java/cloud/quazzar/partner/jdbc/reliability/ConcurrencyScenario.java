package cloud.quazzar.partner.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationState;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.jdbc.ServerTestDatabase;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.events.DiscountPolicyVersionCreated;
import cloud.quazzar.partner.events.RevenueCorrected;
import cloud.quazzar.partner.events.RevenueRecorded;
import cloud.quazzar.partner.events.TierChanged;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.ProgramMonth;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.spi.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Several Control Panel nodes on one database, the run that {@link MultiProcessConcurrencyTest}
 * (one PostgreSQL database) and {@link GaleraConcurrencyTest} (a 3-node Galera cluster, with and
 * without a node killed) share: the test JVM creates a fresh schema and the fixtures through
 * {@code db}, two worker JVMs with 8 threads each run a bounded, seeded mix of writes on the same
 * partners, clients, ledger keys, certifications and policy, each through its own URL, while an
 * optional {@link Disturbance} acts on the database; afterwards everything stored is checked,
 * through {@code db} again, against what each process was told (acknowledged), and the event log
 * against both.
 */
final class ConcurrencyScenario {
  static final int PROCESSES = 2;
  static final int PARTNERS = 4;
  static final int CLIENTS_PER_PARTNER = 2;
  static final long SEED = Long.getLong("partner.reliability.seed", 20260615L);

  /** What happens to the database while the workers run; called once both have started their load. */
  @FunctionalInterface
  interface Disturbance {
    void during(List<Process> workers) throws Exception;
  }

  /** Nothing happens. */
  static final Disturbance NONE = workers -> {};

  private final ServerTestDatabase db;
  private final List<String> workerUrls;
  private final int opsPerThread;
  private final Map<String, Integer> invariants = new LinkedHashMap<>();
  private Acks acks;
  private long millis;
  private volatile String schema;

  /**
   * @param db where the schema, the fixtures and the checks go
   * @param workerUrls the JDBC URL of each worker process, in order
   * @param opsPerThread operations each of the 8 threads of a worker runs
   */
  ConcurrencyScenario(ServerTestDatabase db, List<String> workerUrls, int opsPerThread) {
    if (workerUrls.size() != PROCESSES) {
      throw new IllegalArgumentException(PROCESSES + " worker URLs, got " + workerUrls);
    }
    this.db = db;
    this.workerUrls = List.copyOf(workerUrls);
    this.opsPerThread = opsPerThread;
  }

  /** The schema of the run, once {@link #run} has begun (for a {@link Disturbance}). */
  String schema() {
    return schema;
  }

  /** What the workers acknowledged, once {@link #run} returned. */
  Acks acks() {
    return acks;
  }

  /**
   * Runs the load on a fresh schema (dropped afterwards) while {@code disturbance} acts, and checks
   * the outcome; fails the calling test on any broken invariant.
   */
  void run(Disturbance disturbance) throws Exception {
    Throwable failed = null;
    String schema = db.newSchemaName();
    this.schema = schema;
    Path dir = Files.createTempDirectory(Files.createDirectories(Reliability.FIGURES), "multi-");
    try (Store store = Reliability.open(db.settings().with(JdbcStorage.SCHEMA, schema))) {
      PartnerProgram program = Reliability.program(store);
      WorkerMain.Fixtures fx = fixtures(program);
      Path fixtureFile = dir.resolve("fixtures.txt");
      fx.write(fixtureFile);

      long started = System.nanoTime();
      List<Process> workers = new ArrayList<>();
      try {
        for (int w = 0; w < PROCESSES; w++) {
          workers.add(Reliability.startWorker(dir.resolve("worker-" + w + ".log"), "load", workerUrls.get(w),
              db.user(), schema, Integer.toString(w), Long.toString(SEED), Integer.toString(opsPerThread),
              fixtureFile.toString(), dir.resolve("acks-" + w + ".txt").toString()));
        }
        if (disturbance != NONE) {
          for (int w = 0; w < PROCESSES; w++) {
            Reliability.awaitLine(workers.get(w), dir.resolve("worker-" + w + ".log"), WorkerMain.LOAD_STARTED, 120);
          }
          disturbance.during(workers);
        }
        for (int w = 0; w < PROCESSES; w++) {
          int exit = Reliability.await(workers.get(w), 300);
          assertEquals(0, exit, () -> "worker exited abnormally; its log: " + log(dir, 0) + log(dir, 1));
        }
      } finally {
        workers.forEach(Process::destroyForcibly);
      }
      millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      acks = new Acks();
      for (int w = 0; w < PROCESSES; w++) {
        acks.read(w, Files.readAllLines(dir.resolve("acks-" + w + ".txt"), StandardCharsets.UTF_8));
      }
      assertEquals(List.of(), acks.failures, "only typed conflicts may escape");
      check("no error other than a typed ConflictException escaped");
      if (acks.acknowledged.getOrDefault("READ", 0) > 0) {
        check("each concurrent CSV export (one snapshot) shows every partner month once (checked in the workers)");
      }
      assertEquals((long) PROCESSES * WorkerMain.THREADS * opsPerThread, acks.ops,
          "every operation of every thread reported");

      resolveUnresolved(program, acks);
      checkPartners(program, fx, acks);
      checkClients(program, fx, acks);
      Set<String> ledgerIds = checkLedger(program, schema, fx, acks);
      checkCertifications(program, fx, acks);
      checkPolicies(program, acks);
      checkEvents(program, fx, acks, ledgerIds);
    } catch (Exception | Error e) {
      failed = e;
      throw e;
    } finally {
      try {
        db.dropSchema(schema);
      } catch (RuntimeException e) {
        if (failed == null) {
          throw e;
        }
        failed.addSuppressed(e); // the run's own failure is the one to report
      }
    }
  }

  // ---- fixtures ------------------------------------------------------------------------------

  private static WorkerMain.Fixtures fixtures(PartnerProgram program) {
    List<PartnerId> partners = new ArrayList<>();
    List<List<ClientId>> clients = new ArrayList<>();
    List<CertificationId> certs = new ArrayList<>();
    for (int i = 0; i < PARTNERS; i++) {
      Partner p = program.registry().add(new NewPartner("Partner-" + i, "p" + i + "@example.com", Tier.SILVER));
      partners.add(p.id());
      List<ClientId> cs = new ArrayList<>();
      for (int c = 0; c < CLIENTS_PER_PARTNER; c++) {
        cs.add(program.registry().addClient(p.id(), new NewClient("Client-" + i + "-" + c, 5)).id());
      }
      clients.add(cs);
      certs.add(program.certifications().add(p.id(), new NewCertification("Base " + i, SkillArea.FLEET_MANAGEMENT,
          CertificationLevel.BASIC, Optional.empty(), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1))).id());
    }
    return new WorkerMain.Fixtures(partners, clients, certs);
  }

  // ---- what the workers acknowledged ---------------------------------------------------------

  record Versioned(long version, String[] fields) {}

  record Ack(String key, String entryId, String partner, YearMonth month, int revision, long mrrMinor) {}

  /** An event a worker's listener received. */
  record Delivered(long sequence, String type) {}

  /** An operation as a worker reported it: when it started and ended (epoch milliseconds), and how. */
  record Outcome(int worker, String op, String result, long startMillis, long endMillis) {}

  /** The lines of the workers' files, by kind. */
  static final class Acks {
    long ops;
    final Map<String, Integer> attempted = new TreeMap<>();
    final Map<String, Integer> acknowledged = new TreeMap<>();
    final Map<String, Integer> conflicts = new TreeMap<>();
    final List<String> failures = new ArrayList<>();
    final Map<String, List<Versioned>> partnerUpdates = new HashMap<>();
    final Map<String, List<Versioned>> tierUpdates = new HashMap<>();
    final Map<String, List<Versioned>> contactUpdates = new HashMap<>();
    final Map<String, List<Versioned>> serverUpdates = new HashMap<>();
    final List<Ack> entries = new ArrayList<>();
    int entriesCreatedInBatches;
    final Set<String> addedCerts = new HashSet<>();
    final Map<String, Integer> renewalsOf = new HashMap<>();
    final Set<String> renewalIds = new HashSet<>();
    final List<Integer> policyVersions = new ArrayList<>();
    long retries;
    /** Of the retries, those after the driver failed over to another host (25S03). */
    long failovers;
    long exportedRows;
    final List<Long> workerMillis = new ArrayList<>();
    final List<Outcome> outcomes = new ArrayList<>();
    /** Errors whose outcome the worker did not know (commit outcome unknown, a broken connection), by kind. */
    final Map<String, Integer> unknown = new TreeMap<>();
    /** Operations sent again after an unknown outcome, by operation. */
    final Map<String, Integer> resent = new TreeMap<>();
    /** Unknown outcomes the worker settled by reading: found committed, or found absent (then resent). */
    final Map<String, Integer> settled = new TreeMap<>();
    /** Versioned updates whose commit outcome stayed unknown (the record changed meanwhile): kind, then the line. */
    final List<String[]> unresolved = new ArrayList<>();
    /** The first moment (epoch ms) each worker saw an unknown outcome, if it saw one. */
    final Map<Integer, Long> firstUnknownMillis = new TreeMap<>();
    /** The unsettled updates as {@code resolveUnresolved} settled them: kind, committed or not. */
    final Map<String, Integer> resolvedUnresolved = new TreeMap<>();
    /** What each worker's listener received, in order. */
    final Map<Integer, List<Delivered>> deliveries = new TreeMap<>();
    final List<String> deliveryFailures = new ArrayList<>();
    /** The listener's stored cursor and the last sequence, once checked. */
    long cursor;
    long lastSequence;

    void read(int worker, List<String> lines) {
      for (String line : lines) {
        String[] f = line.split(" ");
        switch (f[0]) {
          case "OP" -> {
            ops++;
            attempted.merge(f[1], 1, Integer::sum);
            long start = Long.parseLong(f[f.length - 2].substring(1));
            long end = Long.parseLong(f[f.length - 1].substring(1));
            outcomes.add(new Outcome(worker, f[1], f[2], start, end));
            switch (f[2]) {
              case "OK" -> acknowledged.merge(f[1], 1, Integer::sum);
              case "CONFLICT" -> conflicts.merge(f[1] + " " + f[3], 1, Integer::sum);
              case "UNRESOLVED" -> { }
              default -> failures.add(line);
            }
          }
          case "TIER" -> {
            Versioned v = new Versioned(Long.parseLong(f[2]), f);
            partnerUpdates.computeIfAbsent(f[1], k -> new ArrayList<>()).add(v);
            tierUpdates.computeIfAbsent(f[1], k -> new ArrayList<>()).add(v);
          }
          case "CONTACT" -> {
            Versioned v = new Versioned(Long.parseLong(f[2]), f);
            partnerUpdates.computeIfAbsent(f[1], k -> new ArrayList<>()).add(v);
            contactUpdates.computeIfAbsent(f[1], k -> new ArrayList<>()).add(v);
          }
          case "SERVERS" -> serverUpdates.computeIfAbsent(f[1], k -> new ArrayList<>())
              .add(new Versioned(Long.parseLong(f[2]), f));
          case "ENTRY" -> {
            entries.add(new Ack(f[2], f[3], f[4], YearMonth.parse(f[5]), Integer.parseInt(f[6]), Long.parseLong(f[7])));
            if (f.length > 8 && Boolean.parseBoolean(f[8])) {
              entriesCreatedInBatches++;
            }
          }
          case "CERT_ADD" -> addedCerts.add(f[1]);
          case "RENEW" -> {
            renewalsOf.merge(f[1], 1, Integer::sum);
            renewalIds.add(f[2]);
          }
          case "POLICY" -> policyVersions.add(Integer.parseInt(f[1]));
          case "READ" -> exportedRows += Long.parseLong(f[1]);
          case "UNKNOWN" -> {
            unknown.merge(f[2], 1, Integer::sum);
            firstUnknownMillis.merge(worker, Long.parseLong(f[3].substring(1)), Math::min);
          }
          case "RESENT" -> resent.merge(f[1], 1, Integer::sum);
          case "SETTLED" -> settled.merge(f[1] + " " + f[2], 1, Integer::sum);
          case "UNRESOLVED" -> unresolved.add(f);
          case "EVENT" -> deliveries.computeIfAbsent(worker, k -> new ArrayList<>())
              .add(new Delivered(Long.parseLong(f[1]), f[2]));
          case "DELIVERY_FAILED" -> deliveryFailures.add(line);
          case "END" -> {
            retries += Long.parseLong(f[2]);
            failovers += f.length > 6 ? Long.parseLong(f[6]) : 0;
            workerMillis.add(Long.parseLong(f[4]));
          }
          default -> throw new AssertionError("unexpected line in a worker's file: " + line);
        }
      }
    }
  }

  // ---- invariants ----------------------------------------------------------------------------

  private void check(String invariant) {
    invariants.merge(invariant, 1, Integer::sum);
  }

  /**
   * Versioned updates whose commit outcome the worker could not settle (it broke at COMMIT, and the
   * record had changed when the worker read it again): each names the version it would have made.
   * Versions are dense (each update adds one, checked below), so a version that no acknowledged
   * update made, yet the record reached, was made by the unsettled update that names it: that one
   * committed and counts from here on as acknowledged; the others did not. A renewal whose
   * certification is RENEWED without an acknowledged renewal committed.
   */
  private void resolveUnresolved(PartnerProgram program, Acks acks) {
    for (String[] u : acks.unresolved) {
      String[] line = Arrays.copyOfRange(u, 1, u.length);
      boolean committed;
      switch (line[0]) {
        case "CONTACT" -> {
          long v = Long.parseLong(line[2]);
          long stored = program.registry().get(PartnerId.parse(line[1])).version();
          committed = v <= stored
              && acks.partnerUpdates.getOrDefault(line[1], List.of()).stream().noneMatch(x -> x.version() == v);
          if (committed) {
            Versioned ack = new Versioned(v, line);
            acks.partnerUpdates.computeIfAbsent(line[1], k -> new ArrayList<>()).add(ack);
            acks.contactUpdates.computeIfAbsent(line[1], k -> new ArrayList<>()).add(ack);
          }
        }
        case "SERVERS" -> {
          long v = Long.parseLong(line[2]);
          long stored = program.registry().findClient(ClientId.parse(line[1])).orElseThrow().version();
          committed = v <= stored
              && acks.serverUpdates.getOrDefault(line[1], List.of()).stream().noneMatch(x -> x.version() == v);
          if (committed) {
            acks.serverUpdates.computeIfAbsent(line[1], k -> new ArrayList<>()).add(new Versioned(v, line));
          }
        }
        case "RENEW" -> {
          CertificationId id = CertificationId.parse(line[1]);
          committed = program.certifications().get(id).state() == CertificationState.RENEWED
              && acks.renewalsOf.getOrDefault(line[1], 0) == 0;
          if (committed) {
            acks.renewalsOf.merge(line[1], 1, Integer::sum);
            program.certifications().history(PartnerId.parse(line[2]), PageRequest.first(PageRequest.MAX_LIMIT)).items()
                .stream().filter(c -> c.renewalOf().equals(Optional.of(id)))
                .forEach(c -> acks.renewalIds.add(c.id().toString()));
          }
        }
        default -> throw new AssertionError("unexpected unsettled update: " + String.join(" ", u));
      }
      acks.resolvedUnresolved.merge(line[0] + (committed ? " committed" : " not committed"), 1, Integer::sum);
    }
  }

  private void checkPartners(PartnerProgram program, WorkerMain.Fixtures fx, Acks acks) {
    for (PartnerId id : fx.partners()) {
      Partner p = program.registry().get(id);
      List<Versioned> updates = acks.partnerUpdates.getOrDefault(id.toString(), List.of());
      assertEquals(1 + updates.size(), p.version(), "version of " + id + " counts its acknowledged updates");
      check("partner version = 1 + acknowledged tier and contact updates (both processes)");
      Set<Long> versions = updates.stream().map(Versioned::version).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(updates.size(), versions.size(), "no two acknowledged updates of " + id + " got the same version");
      check("no two acknowledged updates share a version (no lost update)");

      Versioned lastContact = acks.contactUpdates.getOrDefault(id.toString(), List.of()).stream()
          .max(Comparator.comparingLong(Versioned::version)).orElse(null);
      if (lastContact != null) {
        assertEquals(lastContact.fields()[3], p.companyName(), "company name of " + id);
        assertEquals(lastContact.fields()[4], p.contactEmail(), "contact email of " + id);
        check("contact = the acknowledged contact update with the highest version");
      }

      List<TierChange> history = program.registry().tierHistory(id, PageRequest.first(PageRequest.MAX_LIMIT)).items();
      List<Versioned> tiers = acks.tierUpdates.getOrDefault(id.toString(), List.of());
      assertEquals(1 + tiers.size(), history.size(), "tier history of " + id + " has one entry per acknowledged change");
      check("tier history = initial tier + one entry per acknowledged tier change");
      Optional<Tier> replayed = Optional.empty();
      for (TierChange change : history) {
        assertEquals(replayed, change.from(), "tier history of " + id + " chains");
        replayed = Optional.of(change.to());
      }
      assertEquals(replayed, Optional.of(p.tier()), "tier history of " + id + " replays to the current tier");
      check("tier history replays to the current tier");
      Versioned lastTier = tiers.stream().max(Comparator.comparingLong(Versioned::version)).orElse(null);
      if (lastTier != null) {
        assertEquals(Tier.valueOf(lastTier.fields()[3]), p.tier(), "tier of " + id);
        check("tier = the acknowledged tier change with the highest version");
      }
    }
  }

  private void checkClients(PartnerProgram program, WorkerMain.Fixtures fx, Acks acks) {
    for (int i = 0; i < fx.partners().size(); i++) {
      long total = 0;
      for (ClientId id : fx.clients().get(i)) {
        Client c = program.registry().findClient(id).orElseThrow();
        List<Versioned> updates = acks.serverUpdates.getOrDefault(id.toString(), List.of());
        assertEquals(1 + updates.size(), c.version(), "version of client " + id);
        check("client version = 1 + acknowledged server-count changes");
        updates.stream().max(Comparator.comparingLong(Versioned::version)).ifPresent(last -> {
          assertEquals(Integer.parseInt(last.fields()[3]), c.serverCount(), "server count of client " + id);
          check("client server count = the acknowledged change with the highest version");
        });
        total += c.serverCount();
      }
      assertEquals(total, program.registry().get(fx.partners().get(i)).serverCount(), "partner server total");
      check("partner server count = sum of its clients' counts");
    }
  }

  /** Checks the ledger; returns the ids of its rows. */
  private Set<String> checkLedger(PartnerProgram program, String schema, WorkerMain.Fixtures fx, Acks acks)
      throws SQLException {
    Map<String, Long> rowsByKey = new HashMap<>();
    Set<String> storedIds = new HashSet<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT idempotency_key, id FROM " + db.qualified(schema, "revenue_entries"))) {
      while (rs.next()) {
        rowsByKey.merge(rs.getString(1), 1L, Long::sum);
        storedIds.add(rs.getString(2));
      }
    }
    for (Map.Entry<String, Long> e : rowsByKey.entrySet()) {
      assertEquals(1L, e.getValue(), "rows of idempotency key " + e.getKey());
      check("exactly one ledger row per idempotency key (SQL count)");
    }
    Map<String, String> idByKey = new HashMap<>();
    for (Ack a : acks.entries) {
      String first = idByKey.putIfAbsent(a.key(), a.entryId());
      assertEquals(first == null ? a.entryId() : first, a.entryId(), "every acknowledgement of key " + a.key());
      check("every acknowledgement of a key names the same entry");
    }
    for (Map.Entry<String, String> e : idByKey.entrySet()) {
      RevenueEntry stored = program.revenue().findByKey(e.getKey()).orElseThrow();
      assertEquals(e.getValue(), stored.id().toString(), "stored entry of key " + e.getKey());
      check("each acknowledged key is stored with the acknowledged entry");
    }
    assertEquals(storedIds, new HashSet<>(idByKey.values()), "the ledger holds exactly the acknowledged entries");
    check("ledger rows = acknowledged entries (nothing unacknowledged committed)");

    Map<String, Ack> currentAck = new HashMap<>();
    for (Ack a : acks.entries) {
      currentAck.merge(a.partner() + " " + a.month(), a, (x, y) -> x.revision() >= y.revision() ? x : y);
    }
    Map<YearMonth, Long> expectedByMonth = new TreeMap<>();
    for (Ack a : currentAck.values()) {
      RevenueEntry cur = program.revenue().current(PartnerId.parse(a.partner()), a.month()).orElseThrow();
      assertEquals(a.entryId(), cur.id().toString(), "current entry of " + a.partner() + " " + a.month());
      check("current entry of a month = the acknowledged entry with the highest revision");
      List<RevenueEntry> history = program.revenue().history(PartnerId.parse(a.partner()), a.month(), PageRequest.first(PageRequest.MAX_LIMIT)).items();
      for (int r = 0; r < history.size(); r++) {
        assertEquals(r + 1, history.get(r).revision(), "revisions of " + a.partner() + " " + a.month());
      }
      check("revisions of a month are contiguous from 1");
      expectedByMonth.merge(a.month(), a.mrrMinor(), Long::sum);
    }
    Currency usd = Currency.getInstance("USD");
    long expectedTotal = 0;
    long reportedTotal = 0;
    for (ProgramMonth m : program.revenue().programReport(
        new MonthRange(Reliability.MONTHS.get(0), Reliability.MONTHS.get(Reliability.MONTHS.size() - 1))).months()) {
      long expected = expectedByMonth.getOrDefault(m.month(), 0L);
      long reported = m.mrrTotal(usd).map(Money::minorUnits).orElse(0L);
      assertEquals(expected, reported, "program MRR total of " + m.month());
      check("program report month total = sum of acknowledged current entries");
      expectedTotal += expected;
      reportedTotal += reported;
    }
    assertEquals(expectedTotal, reportedTotal, "program MRR total");
    assertTrue(expectedTotal > 0, "the load recorded revenue");
    check("ledger total = sum of acknowledged current entries");
    return storedIds;
  }

  private void checkCertifications(PartnerProgram program, WorkerMain.Fixtures fx, Acks acks) {
    int records = 0;
    for (PartnerId p : fx.partners()) {
      for (Certification c : program.certifications().history(p, PageRequest.first(PageRequest.MAX_LIMIT)).items()) {
        records++;
        int renewals = acks.renewalsOf.getOrDefault(c.id().toString(), 0);
        assertTrue(renewals <= 1, "certification " + c.id() + " renewed at most once");
        assertEquals(1 + renewals, c.version(), "version of certification " + c.id() + " counts its renewal");
        assertEquals(renewals == 1 ? CertificationState.RENEWED : CertificationState.CURRENT, c.state(),
            "state of certification " + c.id());
        check("certification version = 1 + acknowledged renewals, state follows");
        if (c.renewalOf().isPresent()) {
          assertTrue(acks.renewalIds.contains(c.id().toString()), "renewal " + c.id() + " was acknowledged");
        } else {
          assertTrue(fx.certs().contains(c.id()) || acks.addedCerts.contains(c.id().toString()),
              "certification " + c.id() + " was acknowledged");
        }
        check("every certification record was acknowledged (added or renewed)");
      }
    }
    assertEquals(fx.certs().size() + acks.addedCerts.size() + acks.renewalIds.size(), records,
        "certification records = fixtures + acknowledged adds + acknowledged renewals");
    check("certification records = fixtures + acknowledged adds + renewals");
  }

  private void checkPolicies(PartnerProgram program, Acks acks) {
    List<Integer> stored = program.discounts().policyHistory().stream().map(PolicyVersion::version).toList();
    List<Integer> expected = new ArrayList<>();
    for (int v = 1; v <= acks.policyVersions.size(); v++) {
      expected.add(v);
    }
    assertEquals(expected, stored, "policy versions are contiguous and one per acknowledged change");
    assertEquals(expected, acks.policyVersions.stream().sorted().toList(), "acknowledged policy versions");
    check("policy versions contiguous 1..n, n = acknowledged policy changes");
  }

  /**
   * The event log: sequences 1..last, each once; one ledger event (recorded or corrected) per
   * ledger row and none for anything else; one TierChanged per tier history entry after the
   * first; one DiscountPolicyVersionCreated per policy version, in version order.
   */
  private void checkEvents(PartnerProgram program, WorkerMain.Fixtures fx, Acks acks, Set<String> ledgerIds) {
    List<EventRecord> all = new ArrayList<>();
    for (List<EventRecord> page = program.events().after(0, 1000); !page.isEmpty();
        page = program.events().after(page.get(page.size() - 1).sequence(), 1000)) {
      all.addAll(page);
    }
    for (int i = 0; i < all.size(); i++) {
      assertEquals(i + 1L, all.get(i).sequence(), "event sequences are 1..n with no gap or repeat");
    }
    assertEquals(all.size(), program.events().lastSequence(), "last sequence = number of events");
    check("event sequences 1..last, each once (no gap, no duplicate)");

    List<String> ledgerEvents = new ArrayList<>();
    Map<PartnerId, List<TierChange>> tierEvents = new HashMap<>();
    List<Integer> policyEvents = new ArrayList<>();
    for (EventRecord r : all) {
      if (r.event() instanceof RevenueRecorded e) {
        ledgerEvents.add(e.entry().id().toString());
      } else if (r.event() instanceof RevenueCorrected e) {
        ledgerEvents.add(e.correction().id().toString());
      } else if (r.event() instanceof TierChanged e) {
        tierEvents.computeIfAbsent(e.change().partnerId(), k -> new ArrayList<>()).add(e.change());
      } else if (r.event() instanceof DiscountPolicyVersionCreated e) {
        policyEvents.add(e.version());
      }
    }
    assertEquals(ledgerEvents.size(), new HashSet<>(ledgerEvents).size(), "no ledger entry has two events");
    assertEquals(ledgerIds, new HashSet<>(ledgerEvents), "one event per ledger row, none for anything else");
    check("one RevenueRecorded/RevenueCorrected event per ledger row, no other");
    for (PartnerId p : fx.partners()) {
      List<TierChange> history = program.registry().tierHistory(p, PageRequest.first(PageRequest.MAX_LIMIT)).items();
      assertEquals(history.subList(1, history.size()), tierEvents.getOrDefault(p, List.of()),
          "TierChanged events of " + p + " = its tier history after the first entry, in order");
      check("TierChanged events of a partner = its tier history after the first entry, in log order");
    }
    List<Integer> versions = new ArrayList<>();
    for (int v = 1; v <= acks.policyVersions.size(); v++) {
      versions.add(v);
    }
    assertEquals(versions, policyEvents, "one DiscountPolicyVersionCreated per policy version, in version order");
    check("DiscountPolicyVersionCreated events = policy versions 1..n, in log order");
    // the listener both workers subscribed: at least once, in order, up to its stored cursor
    assertEquals(List.of(), acks.deliveryFailures, "the workers' last deliverPending() did not fail");
    acks.cursor = program.events().cursor(WorkerMain.LISTENER);
    acks.lastSequence = all.size();
    assertTrue(acks.cursor <= all.size(), "cursor " + acks.cursor + " within the log");
    Set<Long> received = new HashSet<>();
    for (Map.Entry<Integer, List<Delivered>> e : acks.deliveries.entrySet()) {
      // the lease moves between the processes, so each one's deliveries have jumps (the other
      // delivered those) and repeats (at least once); together they must cover the log
      for (Delivered d : e.getValue()) {
        assertTrue(d.sequence() >= 1 && d.sequence() <= all.size(), "delivered sequence " + d.sequence() + " exists");
        assertEquals(all.get((int) d.sequence() - 1).event().type(), d.type(), "event " + d.sequence() + " as stored");
        received.add(d.sequence());
      }
    }
    for (long seq = 1; seq <= acks.cursor; seq++) {
      assertTrue(received.contains(seq), "event " + seq + " (at or below the cursor " + acks.cursor + ") was delivered");
    }
    check("listener shared by both processes: every event up to its stored cursor delivered (by one or the other), as stored");
  }

  // ---- figures -------------------------------------------------------------------------------

  /** The figures of the run, under {@code heading} (a markdown heading line). */
  String figures(String heading) {
    StringBuilder sb = new StringBuilder();
    sb.append(heading).append("\n\n");
    sb.append(PROCESSES).append(" JVM processes x ").append(WorkerMain.THREADS).append(" threads x ")
        .append(opsPerThread).append(" operations = ").append(acks.ops).append(" operations (seed ").append(SEED)
        .append("), ").append(PARTNERS).append(" shared partners with ").append(CLIENTS_PER_PARTNER)
        .append(" clients each; wall time ").append(millis).append(" ms (workers: ")
        .append(acks.workerMillis.stream().map(m -> m + " ms").collect(Collectors.joining(", "))).append(").\n\n");
    sb.append("| operation | attempted | acknowledged | typed conflicts |\n|---|---:|---:|---|\n");
    for (String op : acks.attempted.keySet()) {
      String conflicts = acks.conflicts.entrySet().stream().filter(e -> e.getKey().startsWith(op + " "))
          .map(e -> e.getKey().substring(op.length() + 1) + " " + e.getValue()).collect(Collectors.joining(", "));
      sb.append("| ").append(op).append(" | ").append(acks.attempted.get(op)).append(" | ")
          .append(acks.acknowledged.getOrDefault(op, 0)).append(" | ").append(conflicts.isEmpty() ? "0" : conflicts)
          .append(" |\n");
    }
    sb.append("\nLedger entries acknowledged: ").append(acks.entries.size()).append(" (distinct keys ")
        .append(acks.entries.stream().map(Ack::key).distinct().count()).append("; created inside batches ")
        .append(acks.entriesCreatedInBatches).append("). Rows exported by the concurrent READs: ")
        .append(acks.exportedRows).append(".\n");
    sb.append("Store retries (SQLSTATE 40001/40P01, and 25S03 before COMMIT; summed over both processes): ")
        .append(acks.retries).append(acks.failovers > 0 ? " (of which after a failover, 25S03: " + acks.failovers + ")"
            : "").append(". Errors other than typed conflicts: ").append(acks.failures.size()).append(".\n");
    sb.append("Listener `").append(WorkerMain.LISTENER).append("` (subscribed in both processes): deliveries by process ")
        .append(acks.deliveries.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().size())
            .collect(Collectors.joining(", ", "{", "}")))
        .append(" (").append(acks.deliveries.values().stream().mapToLong(List::size).sum()
            - acks.deliveries.values().stream().flatMap(List::stream).map(Delivered::sequence).distinct().count())
        .append(" delivered more than once); stored cursor ").append(acks.cursor).append(" of ")
        .append(acks.lastSequence).append(" events.\n");
    if (!acks.unknown.isEmpty()) {
      sb.append("Errors of unknown outcome seen by the workers (by kind): ").append(acks.unknown)
          .append("; settled by reading: ").append(acks.settled).append("; operations sent again: ")
          .append(acks.resent).append("; versioned updates left unsettled by the worker and settled by the check: ")
          .append(acks.resolvedUnresolved.isEmpty() ? "none" : acks.resolvedUnresolved).append(".\n");
    }
    sb.append("\n");
    sb.append("| invariant | times checked |\n|---|---:|\n");
    invariants.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    return sb.toString();
  }

  private static String log(Path dir, int worker) {
    try {
      return "\n--- worker " + worker + " ---\n" + Files.readString(dir.resolve("worker-" + worker + ".log"));
    } catch (java.io.IOException e) {
      return "\n(no log of worker " + worker + ": " + e + ")";
    }
  }
}
