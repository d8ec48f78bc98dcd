package cloud.quazzar.partner.jdbc.reliability;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationState;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Renewal;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.events.StartPosition;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.jdbc.internal.SessionProbe;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.ContactUpdate;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.RecordOutcome;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreTransaction;
import cloud.quazzar.partner.spi.StoreWork;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A Control Panel node in its own JVM, started by the reliability tests. Two modes:
 *
 * <ul>
 *   <li>{@code load url user schema worker seed opsPerThread fixtures out}: 8 threads, each with a
 *       random generator seeded from {@code seed}, run {@code opsPerThread} operations on the
 *       shared partners of the fixture file; every operation writes an {@code OP} line (OK, a
 *       typed conflict, or FAIL) and every acknowledged result its details (versions, entry ids,
 *       amounts) to {@code out}; the last line gives the store's retries and the duration. An
 *       operation whose outcome is unknown (a database node died under it: "commit outcome unknown",
 *       or a broken connection) is settled as a caller would: by reading whether it committed,
 *       and if not, by sending it again unchanged (same idempotency key, same expected version);
 *       {@code UNKNOWN}, {@code SETTLED} and {@code RESENT} lines say so, and a versioned update
 *       whose record changed meanwhile is reported {@code UNRESOLVED} for the check to settle.
 *       Both workers subscribe a listener under {@link #LISTENER}; what it received is reported
 *       as {@code EVENT} lines.
 *   <li>{@code kill url user schema hook fixtures}: runs one multi-record operation ({@code
 *       revenue.appendAbsent}: a month-end batch; {@code certifications.insert}: a renewal, which
 *       updates the old record and inserts the new one) whose store transaction, right after the
 *       repository call named by {@code hook}, prints {@code IN_TRANSACTION} and waits to be
 *       killed.
 * </ul>
 *
 * <p>Fixture file lines: {@code partner <id>}, {@code client <partner index> <id>}, {@code cert
 * <partner index> <id>}.
 */
public final class WorkerMain {
  static final int THREADS = 8;
  static final String IN_TRANSACTION = "IN_TRANSACTION";
  static final String LOAD_STARTED = "LOAD_STARTED";

  /** The name of the listener both load workers subscribe. */
  static final String LISTENER = "load-listener";

  /** How long a thread keeps finding out and resending one operation whose outcome is unknown. */
  static final long UNKNOWN_OUTCOME_BUDGET_SECONDS = 90;

  /** The operations of the load, with their weights out of 100. */
  enum Op {
    TIER(14), CONTACT(14), SERVERS(12), RECORD(12), BATCH(6), CORRECT(12), CERT_ADD(6), RENEW(12), POLICY(8),
    READ(4);

    final int weight;

    Op(int weight) {
      this.weight = weight;
    }

    static Op pick(Random random) {
      int n = random.nextInt(100);
      for (Op op : values()) {
        n -= op.weight;
        if (n < 0) {
          return op;
        }
      }
      throw new AssertionError("weights must add up to 100");
    }
  }

  /** The shared records the workers operate on. */
  record Fixtures(List<PartnerId> partners, List<List<ClientId>> clients, List<CertificationId> certs) {
    static Fixtures read(Path file) throws IOException {
      List<PartnerId> partners = new ArrayList<>();
      List<List<ClientId>> clients = new ArrayList<>();
      List<CertificationId> certs = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] f = line.split(" ");
        switch (f[0]) {
          case "partner" -> {
            partners.add(PartnerId.parse(f[1]));
            clients.add(new ArrayList<>());
          }
          case "client" -> clients.get(Integer.parseInt(f[1])).add(ClientId.parse(f[2]));
          case "cert" -> certs.add(CertificationId.parse(f[2]));
          default -> throw new IllegalArgumentException("fixture line: " + line);
        }
      }
      return new Fixtures(partners, clients, certs);
    }

    void write(Path file) throws IOException {
      List<String> lines = new ArrayList<>();
      for (PartnerId p : partners) {
        lines.add("partner " + p);
      }
      for (int i = 0; i < clients.size(); i++) {
        for (ClientId c : clients.get(i)) {
          lines.add("client " + i + " " + c);
        }
      }
      for (CertificationId c : certs) {
        lines.add("cert 0 " + c);
      }
      Files.createDirectories(file.getParent());
      Files.write(file, lines, StandardCharsets.UTF_8);
    }
  }

  private WorkerMain() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "load" -> load(args[1], args[2], args[3], Integer.parseInt(args[4]), Long.parseLong(args[5]),
          Integer.parseInt(args[6]), Path.of(args[7]), Path.of(args[8]));
      case "kill" -> kill(args[1], args[2], args[3], args[4], Path.of(args[5]));
      case "events" -> EventCrashWorker.run(args[1], args[2], args[3], Integer.parseInt(args[4]),
          Long.parseLong(args[5]), Path.of(args[6]));
      default -> throw new IllegalArgumentException("mode: " + args[0]);
    }
    System.exit(0);
  }

  // ---- load ----------------------------------------------------------------------------------

  private static void load(String url, String user, String schema, int worker, long seed, int opsPerThread,
      Path fixtureFile, Path out) throws Exception {
    Fixtures fx = Fixtures.read(fixtureFile);
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    long started = System.nanoTime();
    try (Store store = Reliability.open(Reliability.settings(url, user, schema).with(JdbcStorage.POOL_SIZE, THREADS))) {
      PartnerProgram program = Reliability.program(store);
      // a durable listener under the same name in both workers: the store's lease lets one
      // program deliver it at a time; each delivery is reported for the check
      List<String> delivered = Collections.synchronizedList(new ArrayList<>());
      program.events().subscribe(LISTENER, StartPosition.EARLIEST,
          r -> delivered.add("EVENT " + r.sequence() + " " + r.event().type()));
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Load load = new Load(program, fx, worker, t, new Random(seed * 1_000 + worker * 100L + t), lines);
        Thread thread = new Thread(() -> {
          try {
            go.await();
            load.run(opsPerThread);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }, "worker-" + worker + "-" + t);
        threads.add(thread);
        thread.start();
      }
      go.countDown();
      System.out.println(LOAD_STARTED);
      System.out.flush();
      for (Thread thread : threads) {
        thread.join(TimeUnit.MINUTES.toMillis(5));
      }
      try {
        program.events().deliverPending();
      } catch (RuntimeException e) {
        lines.add("DELIVERY_FAILED " + e.getClass().getName() + " " + String.valueOf(e.getMessage()).replace('\n', ' '));
      }
      program.events().unsubscribe(LISTENER);
      lines.addAll(delivered);
      lines.add("END retries " + JdbcStorage.retries(store) + " millis "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " failovers " + SessionProbe.failovers(store));
    }
    Files.write(out, lines, StandardCharsets.UTF_8);
  }

  /** One thread's share of the load. */
  private static final class Load {
    private final PartnerProgram program;
    private final Fixtures fx;
    private final int worker;
    private final int thread;
    private final Random random;
    private final List<String> out;
    private final List<String> notes = new ArrayList<>();
    private Op current;
    private int n;

    Load(PartnerProgram program, Fixtures fx, int worker, int thread, Random random, List<String> out) {
      this.program = program;
      this.fx = fx;
      this.worker = worker;
      this.thread = thread;
      this.random = random;
      this.out = out;
    }

    void run(int ops) {
      for (n = 0; n < ops; n++) {
        Op op = Op.pick(random);
        current = op;
        List<String> acks = new ArrayList<>();
        String result;
        long start = System.currentTimeMillis();
        try {
          once(op, acks);
          result = "OK";
        } catch (Unsettled e) {
          acks.clear();
          acks.add("UNRESOLVED " + e.line);
          result = "UNRESOLVED";
        } catch (ConflictException e) {
          acks.clear();
          result = "CONFLICT " + e.reason();
        } catch (RuntimeException | Error e) {
          acks.clear();
          result = "FAIL " + e.getClass().getName() + " " + String.valueOf(e.getMessage()).replace('\n', ' ');
        }
        out.add("OP " + op + " " + result + " @" + start + " @" + System.currentTimeMillis());
        out.addAll(acks);
        out.addAll(notes);
        notes.clear();
      }
    }

    private String tag() {
      return "w" + worker + "t" + thread + "n" + n;
    }

    private void once(Op op, List<String> acks) {
      int pi = random.nextInt(fx.partners().size());
      PartnerId p = fx.partners().get(pi);
      switch (op) {
        case TIER -> {
          Partner cur = read(() -> program.registry().get(p));
          List<Tier> others = new ArrayList<>(List.of(Tier.values()));
          others.remove(cur.tier());
          Tier to = others.get(random.nextInt(others.size()));
          String tag = tag();
          acks.addAll(send(() -> {
            Partner next = program.registry().changeTier(p, cur.version(), new TierChangeRequest(to, tag, "load"));
            return List.of("TIER " + p + " " + next.version() + " " + next.tier());
          }, () -> program.registry().tierHistory(p, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
              .anyMatch(c -> c.changedBy().equals(tag))
              ? Probe.committed("TIER " + p + " " + (cur.version() + 1) + " " + to)
              : Probe.ABSENT));
        }
        case CONTACT -> {
          Partner cur = read(() -> program.registry().get(p));
          String name = "Partner-" + pi + "-" + tag();
          String email = "p" + pi + "." + tag() + "@example.com";
          String line = "CONTACT " + p + " " + (cur.version() + 1) + " " + name + " " + email;
          acks.addAll(send(() -> {
            Partner next = program.registry().updateContact(p, cur.version(), new ContactUpdate(name, email));
            return List.of("CONTACT " + p + " " + next.version() + " " + next.companyName() + " " + next.contactEmail());
          }, () -> {
            Partner now = program.registry().get(p);
            return now.companyName().equals(name) ? Probe.committed(line)
                : now.version() == cur.version() ? Probe.ABSENT : Probe.unsettled(line);
          }));
        }
        case SERVERS -> {
          List<ClientId> cs = fx.clients().get(pi);
          ClientId c = cs.get(random.nextInt(cs.size()));
          Client cur = read(() -> program.registry().findClient(c).orElseThrow());
          int count = random.nextInt(101);
          acks.addAll(send(() -> {
            Client next = program.registry().setServerCount(c, cur.version(), count);
            return List.of("SERVERS " + c + " " + next.version() + " " + next.serverCount());
          }, () -> program.registry().findClient(c).orElseThrow().version() == cur.version() ? Probe.ABSENT
              : Probe.unsettled("SERVERS " + c + " " + (cur.version() + 1) + " " + count)));
        }
        case RECORD -> {
          YearMonth m = month();
          RevenueRecording r = Reliability.recording("rec", pi, p, m);
          acks.addAll(send(() -> List.of(entry("REC", program.revenue().record(r), null)), () -> Probe.ABSENT));
        }
        case BATCH -> {
          List<YearMonth> months = new ArrayList<>(Reliability.MONTHS);
          Collections.shuffle(months, random);
          List<RevenueRecording> batch = new ArrayList<>();
          for (YearMonth m : months.subList(0, 3)) {
            batch.add(Reliability.recording("rec", pi, p, m));
          }
          acks.addAll(send(() -> {
            List<String> lines = new ArrayList<>();
            for (RecordOutcome o : program.revenue().recordAll(batch).outcomes()) {
              lines.add(entry("BATCH", o.entry(), o.created()));
            }
            return lines;
          }, () -> Probe.ABSENT));
        }
        case CORRECT -> {
          YearMonth m = month();
          int k = random.nextInt(3);
          Money mrr = Reliability.recordedMrr(pi, m).plus(Money.of((100 * (k + 1)) + ".00", "USD"));
          RevenueCorrection c = RevenueCorrection.of(p, m, "cor-p" + pi + "-" + m + "-" + k, "load correction " + k)
              .withMrr(mrr);
          acks.addAll(send(() -> List.of(entry("COR", program.revenue().correct(c), null)), () -> Probe.ABSENT));
        }
        case CERT_ADD -> {
          String name = "Cert " + tag();
          SkillArea area = SkillArea.values()[random.nextInt(SkillArea.values().length)];
          acks.addAll(send(() -> {
            TrackedCertification c = program.certifications().add(p, new NewCertification(name, area,
                CertificationLevel.BASIC, Optional.empty(), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)));
            return List.of("CERT_ADD " + c.id() + " " + p);
          }, () -> program.certifications().history(p, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
              .filter(c -> c.name().equals(name)).findFirst()
              .map(c -> Probe.committed("CERT_ADD " + c.id() + " " + p)).orElse(Probe.ABSENT)));
        }
        case RENEW -> {
          List<TrackedCertification> current = read(() -> program.certifications()
              .certifications(p, PageRequest.first(PageRequest.MAX_LIMIT)).items()).stream()
              .filter(c -> c.certification().state() == CertificationState.CURRENT).toList();
          if (current.isEmpty()) {
            throw new ConflictException(ConflictException.Reason.STATE, "no current certification to renew");
          }
          TrackedCertification c = current.get(random.nextInt(current.size()));
          acks.addAll(send(() -> {
            TrackedCertification renewed = program.certifications().renew(c.id(), c.certification().version(),
                new Renewal(LocalDate.of(2026, 6, 1), c.certification().expiryDate().plusYears(1)));
            return List.of("RENEW " + c.id() + " " + renewed.id() + " " + p);
          }, () -> program.certifications().get(c.id()).version() == c.certification().version() ? Probe.ABSENT
              : Probe.unsettled("RENEW " + c.id() + " " + p)));
        }
        case READ -> acks.addAll(send(() -> {
          // one read transaction, one snapshot: each partner's month appears once, whatever is
          // being corrected concurrently
          StringWriter csv = new StringWriter();
          long rows;
          try {
            rows = program.revenue().exportCsv(RevenueFilter.all(), csv);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          List<String> lines = csv.toString().lines().skip(1).toList();
          Set<String> months = new HashSet<>();
          for (String line : lines) {
            String[] f = line.split(",", 3);
            if (!months.add(f[0] + " " + f[1])) {
              throw new AssertionError("the export shows " + f[0] + " of partner " + f[1] + " twice");
            }
          }
          if (lines.size() != rows) {
            throw new AssertionError("export reported " + rows + " rows but wrote " + lines.size());
          }
          program.revenue().programReport(new MonthRange(Reliability.MONTHS.get(0), Reliability.MONTHS.get(5)));
          return List.of("READ " + rows);
        }, () -> Probe.ABSENT));
        case POLICY -> {
          String tag = tag();
          DiscountPolicy policy = DiscountPolicy.builder()
              .baseRate(Tier.SILVER, Integer.toString(5 + random.nextInt(5)))
              .baseRate(Tier.GOLD, Integer.toString(10 + random.nextInt(5)))
              .baseRate(Tier.PLATINUM, Integer.toString(15 + random.nextInt(5)))
              .volumeStep(50, Integer.toString(1 + random.nextInt(5)))
              .build();
          acks.addAll(send(() -> List.of("POLICY " + program.discounts().setPolicy(policy, PolicyChange.today(tag, "load"))
              .version()), () -> program.discounts().policyHistory().stream().filter(v -> v.createdBy().equals(tag))
              .findFirst().map(v -> Probe.committed("POLICY " + v.version())).orElse(Probe.ABSENT)));
        }
      }
    }

    // ---- operations whose outcome is unknown --------------------------------------------------

    /**
     * What reading the store says about an operation whose outcome was unknown: it committed (its
     * acknowledgement lines), nothing of it is there (send it again), or the record changed since
     * so the reader cannot tell (the line of the would-be acknowledgement, for the check).
     */
    private record Probe(String state, List<String> acks, String line) {
      static final Probe ABSENT = new Probe("absent", List.of(), "");

      static Probe committed(String ack) {
        return new Probe("committed", List.of(ack), "");
      }

      static Probe unsettled(String line) {
        return new Probe("unsettled", List.of(), line);
      }
    }

    /** A versioned update whose outcome stays unknown: the worker reports it as UNRESOLVED. */
    private static final class Unsettled extends RuntimeException {
      private static final long serialVersionUID = 1L;
      final String line;

      Unsettled(String line) {
        super(line, null, false, false);
        this.line = line;
      }
    }

    /**
     * Sends {@code call}; when its outcome is unknown (see {@link #unknownKind}) finds out with
     * {@code probe} what happened, as a caller of the library would (FaultInjectionTest): an
     * operation found committed is acknowledged with what was read; one found absent is sent again
     * as it was (the same idempotency key, the same expected version: a versioned update whose first
     * commit did happen answers STALE_VERSION, never a second change); until it has an outcome or
     * {@link #UNKNOWN_OUTCOME_BUDGET_SECONDS} have passed.
     */
    private List<String> send(Supplier<List<String>> call, Supplier<Probe> probe) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(UNKNOWN_OUTCOME_BUDGET_SECONDS);
      for (int attempt = 0; ; attempt++) {
        if (attempt > 0) {
          notes.add("RESENT " + current);
        }
        try {
          return call.get();
        } catch (StorageException e) {
          String kind = unknownKind(e);
          if (kind == null || System.nanoTime() > deadline) {
            throw e;
          }
          notes.add("UNKNOWN " + current + " " + kind + " @" + System.currentTimeMillis());
        }
        Probe found = read(probe);
        notes.add("SETTLED " + current + " " + found.state());
        switch (found.state()) {
          case "committed" -> {
            return found.acks();
          }
          case "unsettled" -> throw new Unsettled(found.line());
          default -> pause();
        }
      }
    }

    /** A read, repeated while its outcome is unknown (a read changes nothing, so repeating is safe). */
    private <T> T read(Supplier<T> read) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(UNKNOWN_OUTCOME_BUDGET_SECONDS);
      while (true) {
        try {
          return read.get();
        } catch (StorageException e) {
          String kind = unknownKind(e);
          if (kind == null || System.nanoTime() > deadline) {
            throw e;
          }
          notes.add("UNKNOWN " + current + " read-" + kind + " @" + System.currentTimeMillis());
          pause();
        }
      }
    }

    private static void pause() {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    /**
     * Why the outcome of a failed call is unknown, or null if the error is a definite one: the
     * connection broke during COMMIT ("commit outcome unknown"), no connection could be had, or
     * the connection broke before COMMIT (SQLSTATE class 08, or 25S03 from a driver that failed
     * over, if the store let it through).
     */
    static String unknownKind(StorageException e) {
      String message = String.valueOf(e.getMessage());
      if (message.startsWith("commit outcome unknown")) {
        return "commit";
      }
      if (message.startsWith("cannot get a connection")) {
        return "no-connection";
      }
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SQLException s && s.getSQLState() != null
            && (s.getSQLState().startsWith("08") || s.getSQLState().equals("25S03"))) {
          return "connection-" + s.getSQLState();
        }
      }
      return null;
    }

    private YearMonth month() {
      return Reliability.MONTHS.get(random.nextInt(Reliability.MONTHS.size()));
    }

    private static String entry(String via, RevenueEntry e, Boolean created) {
      return "ENTRY " + via + " " + e.idempotencyKey() + " " + e.id() + " " + e.partnerId() + " " + e.month() + " "
          + e.revision() + " " + e.mrr().minorUnits() + (created == null ? "" : " " + created);
    }
  }

  // ---- kill ----------------------------------------------------------------------------------

  /** The batch the kill test sends: every partner's six months under {@code kill-} keys. */
  static List<RevenueRecording> killBatch(Fixtures fx) {
    List<RevenueRecording> batch = new ArrayList<>();
    for (int i = 0; i < fx.partners().size(); i++) {
      for (YearMonth m : Reliability.MONTHS) {
        batch.add(Reliability.recording("kill", i, fx.partners().get(i), m));
      }
    }
    return batch;
  }

  /** The renewal the kill test sends, of the fixture's first certification. */
  static Renewal killRenewal() {
    return new Renewal(LocalDate.of(2026, 6, 1), LocalDate.of(2030, 1, 1));
  }

  private static void kill(String url, String user, String schema, String hook, Path fixtureFile) throws Exception {
    Fixtures fx = Fixtures.read(fixtureFile);
    String[] at = hook.split("\\.");
    try (Store store = Reliability.open(Reliability.settings(url, user, schema))) {
      PartnerProgram program = Reliability.program(pausing(store, at[0], at[1]));
      if (at[0].equals("revenue")) {
        program.revenue().recordAll(killBatch(fx));
      } else {
        program.certifications().renew(fx.certs().get(0), 1, killRenewal());
      }
    }
    throw new AssertionError("the operation finished although the process should have been killed inside it");
  }

  /**
   * The store, whose write transactions stop right after {@code capability.method(...)} returns:
   * its rows are written but not committed; the parent kills the process there.
   */
  static Store pausing(Store store, String capability, String method) {
    return new Store() {
      @Override
      public String description() {
        return store.description();
      }

      @Override
      public boolean durable() {
        return store.durable();
      }

      @Override
      public byte[] pageTokenKey() {
        return store.pageTokenKey();
      }

      @Override
      public <T> T read(StoreWork<T> work) {
        return store.read(work);
      }

      @Override
      public <T> T write(StoreWork<T> work) {
        return store.write(tx -> work.run(proxy(StoreTransaction.class, tx, capability, repo ->
            proxy(repoType(tx, capability), repo, method, null))));
      }

      @Override
      public void close() {
        store.close();
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static Class<Object> repoType(StoreTransaction tx, String capability) {
    try {
      return (Class<Object>) StoreTransaction.class.getMethod(capability).getReturnType();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("no capability " + capability + " on " + tx, e);
    }
  }

  /**
   * A proxy of {@code target}: calls to {@code method} return {@code wrap} of the result, or if
   * {@code wrap} is null, pause the thread for good after the call (announcing it on stdout).
   */
  private static <T> T proxy(Class<T> type, T target, String method, java.util.function.UnaryOperator<Object> wrap) {
    Object p = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, m, args) -> {
      Object result;
      try {
        result = m.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (!m.getName().equals(method)) {
        return result;
      }
      if (wrap != null) {
        return wrap.apply(result);
      }
      System.out.println(IN_TRANSACTION);
      System.out.flush();
      Thread.sleep(TimeUnit.MINUTES.toMillis(2));
      throw new AssertionError("not killed within 2 minutes");
    });
    return type.cast(p);
  }
}
