package cloud.quazzar.partner.internal.revenue;

import static cloud.quazzar.partner.ConflictException.Reason.DUPLICATE;
import static cloud.quazzar.partner.ConflictException.Reason.STATE;
import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.internal.Checks;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.BatchResult;
import cloud.quazzar.partner.revenue.EntryKind;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.MonthReport;
import cloud.quazzar.partner.revenue.PartnerReport;
import cloud.quazzar.partner.revenue.ProgramMonth;
import cloud.quazzar.partner.revenue.ProgramReport;
import cloud.quazzar.partner.revenue.RecordOutcome;
import cloud.quazzar.partner.events.RevenueCorrected;
import cloud.quazzar.partner.events.RevenueRecorded;
import cloud.quazzar.partner.internal.events.OutboxStore;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueEntryId;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.revenue.RevenueRow;
import cloud.quazzar.partner.spi.ClientTotals;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.RevenueRepository;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreTransaction;
import jakarta.validation.ConstraintViolation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ledger's rules, once, over any {@link Store}. */
public final class DefaultRevenueLedger implements RevenueLedger {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultRevenueLedger.class);

  static final String PARTNER = "partner";

  /** The earliest month the ledger takes. */
  static final YearMonth EARLIEST = YearMonth.of(1900, 1);

  /**
   * How often a write runs at most when the store reports a duplicate that a concurrent
   * transaction caused (the next attempt then sees the winner's entry and answers as a replay).
   */
  static final int MAX_ATTEMPTS = 4;

  /** How many offending recordings a batch conflict names. */
  private static final int NAMED_IN_MESSAGE = 5;

  private final OutboxStore store;
  private final Clock clock;
  private final ZoneId zone;
  private final IdGenerator ids;

  public DefaultRevenueLedger(OutboxStore store, Clock clock, ZoneId zone, IdGenerator ids) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
    this.zone = requireNonNull(zone, "zone");
    this.ids = requireNonNull(ids, "ids");
  }

  /** Stores keep microseconds (PostgreSQL's precision), so core never hands them more. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private YearMonth currentMonth() {
    return YearMonth.from(LocalDate.now(clock.withZone(zone)));
  }

  // ---------------------------------------------------------------- recording

  @Override
  public RevenueEntry record(RevenueRecording recording) {
    Checks c = Checks.start();
    checkRecording(c, "", "recording", recording, currentMonth());
    c.done();
    return retrying(() -> store.write(tx -> recordIn(tx, recording)));
  }

  private RevenueEntry recordIn(StoreTransaction tx, RevenueRecording r) {
    PartnerId pid = requireNonNull(r.partnerId());
    YearMonth month = requireNonNull(r.month());
    String key = requireNonNull(r.idempotencyKey());
    requirePartner(tx, pid);
    RevenueRepository repo = tx.revenue();
    Optional<RevenueEntry> prior = repo.findByKey(key);
    if (prior.isPresent()) {
      return replay(prior.get(), r);
    }
    List<RevenueEntry> history = repo.history(pid, month);
    if (!history.isEmpty()) {
      // read committed: a concurrent recording of this very key may have committed between the
      // two reads above; that is a replay, not a second recording
      Optional<RevenueEntry> mine = withKey(history, key);
      if (mine.isPresent()) {
        return replay(mine.get(), r);
      }
      throw new Refusal(alreadyRecorded(history.get(0), key, ""));
    }
    ClientTotals totals = r.serverCount().isEmpty() || r.clientCount().isEmpty()
        ? tx.partners().clientTotals(pid) : ClientTotals.NONE;
    RevenueEntry entry = newRecorded(r, totals, now());
    List<RevenueEntry> taken = repo.appendAbsent(List.of(entry));
    if (!taken.isEmpty()) {
      return replay(taken.get(0), r);
    }
    store.emit(new RevenueRecorded(entry));
    return entry;
  }

  @Override
  public BatchResult recordAll(List<RevenueRecording> recordings) {
    Checks c = Checks.start();
    if (recordings == null) {
      c.add("recordings", "must not be null").done();
    }
    requireNonNull(recordings);
    if (recordings.isEmpty() || recordings.size() > MAX_BATCH) {
      c.add("recordings", "must hold 1 to " + MAX_BATCH + " recordings, got " + recordings.size()
          + (recordings.isEmpty() ? "" : "; split the run into batches"));
    }
    YearMonth thisMonth = currentMonth();
    for (int i = 0; i < recordings.size(); i++) {
      checkRecording(c, "recordings[" + i + "].", "recordings[" + i + "]", recordings.get(i), thisMonth);
    }
    c.done();
    // Within one batch a key names one recording, and a partner's month has one key.
    Map<String, Integer> firstOfKey = new HashMap<>();
    Map<PartnerMonth, Integer> firstOfMonth = new HashMap<>();
    List<RevenueRecording> unique = new ArrayList<>();
    for (int i = 0; i < recordings.size(); i++) {
      RevenueRecording r = recordings.get(i);
      Integer j = firstOfKey.putIfAbsent(r.idempotencyKey(), i);
      if (j != null) {
        if (!r.equals(recordings.get(j))) {
          c.add("recordings[" + i + "].idempotencyKey",
              "repeats the key of recordings[" + j + "] with other figures; a key names one recording");
        }
        continue;
      }
      // checked non-null by checkRecording above
      Integer k = firstOfMonth.putIfAbsent(new PartnerMonth(requireNonNull(r.partnerId()), requireNonNull(r.month())), i);
      if (k != null) {
        c.add("recordings[" + i + "].month", "partner " + r.partnerId() + " month " + r.month()
            + " is already in recordings[" + k + "] under another key; a month is recorded once "
            + "(change it later with a correction)");
        continue;
      }
      unique.add(r);
    }
    c.done();
    Stored stored = retrying(() -> {
      try {
        return store.write(tx -> recordAllIn(tx, unique));
      } catch (ConflictException e) {
        if (e.reason() == DUPLICATE) {
          diagnose(unique, firstOfKey, e);
        }
        throw e;
      }
    });
    List<RecordOutcome> outcomes = new ArrayList<>(recordings.size());
    for (int i = 0; i < recordings.size(); i++) {
      String key = recordings.get(i).idempotencyKey();
      RevenueEntry e = requireNonNull(stored.byKey.get(key));
      // only the first occurrence of a key created its entry; a repeat inside the batch did not
      boolean created = stored.created.contains(key) && Integer.valueOf(i).equals(firstOfKey.get(key));
      outcomes.add(new RecordOutcome(e, created));
    }
    return new BatchResult(outcomes);
  }

  /** What a batch's transaction stored or found, by key. */
  private record Stored(Map<String, RevenueEntry> byKey, Set<String> created) {}

  private Stored recordAllIn(StoreTransaction tx, List<RevenueRecording> unique) {
    Set<PartnerId> partnerIds = new LinkedHashSet<>();
    Set<PartnerId> needTotals = new LinkedHashSet<>();
    for (RevenueRecording r : unique) {
      partnerIds.add(r.partnerId());
      if (r.serverCount().isEmpty() || r.clientCount().isEmpty()) {
        needTotals.add(r.partnerId());
      }
    }
    Map<PartnerId, PartnerRecord> found = tx.partners().findAll(partnerIds);
    for (PartnerId id : partnerIds) {
      if (!found.containsKey(id)) {
        throw new NotFoundException(PARTNER, id);
      }
    }
    Map<PartnerId, ClientTotals> totals = needTotals.isEmpty() ? Map.of() : tx.partners().clientTotals(needTotals);
    Instant now = now();
    List<RevenueEntry> entries = new ArrayList<>(unique.size());
    Map<String, RevenueRecording> requests = new HashMap<>(unique.size() * 2);
    for (RevenueRecording r : unique) {
      entries.add(newRecorded(r, totals.getOrDefault(r.partnerId(), ClientTotals.NONE), now));
      requests.put(r.idempotencyKey(), r);
    }
    // one lock order for every batch: concurrent batches that share keys wait for each other
    // instead of deadlocking on each other's uncommitted keys
    entries.sort(Comparator.comparing(RevenueEntry::idempotencyKey));
    List<RevenueEntry> taken = tx.revenue().appendAbsent(entries);
    Map<String, RevenueEntry> byKey = new HashMap<>(entries.size() * 2);
    Set<String> created = new java.util.HashSet<>(entries.size() * 2);
    for (RevenueEntry e : entries) {
      byKey.put(e.idempotencyKey(), e);
      created.add(e.idempotencyKey());
    }
    List<String> clashes = new ArrayList<>();
    for (RevenueEntry prior : taken) {
      RevenueRecording r = requireNonNull(requests.get(prior.idempotencyKey()));
      if (!matches(prior, r)) {
        clashes.add(keyClash(prior));
      }
      byKey.put(prior.idempotencyKey(), prior);
      created.remove(prior.idempotencyKey());
    }
    if (!clashes.isEmpty()) {
      throw new Refusal(new ConflictException(DUPLICATE, clashes.size() + " recording(s) repeat a key with other figures, "
          + "so nothing was stored: " + String.join("; ", clashes.subList(0, Math.min(NAMED_IN_MESSAGE, clashes.size())))
          + (clashes.size() > NAMED_IN_MESSAGE ? "; ..." : "")));
    }
    for (RevenueEntry e : entries) {
      if (created.contains(e.idempotencyKey())) {
        store.emit(new RevenueRecorded(e));
      }
    }
    return new Stored(byKey, created);
  }

  /**
   * The store refused a batch with a duplicate (partner, month, revision): find the recordings
   * whose month is already recorded under another key and name them. Finding none means a
   * concurrent transaction caused it; the caller then retries.
   */
  private void diagnose(List<RevenueRecording> unique, Map<String, Integer> indexOfKey, ConflictException cause) {
    List<String> recorded = store.read(tx -> {
      List<String> out = new ArrayList<>();
      for (RevenueRecording r : unique) {
        // recordAll checked every recording before it got here
        String key = requireNonNull(r.idempotencyKey());
        List<RevenueEntry> history = tx.revenue().history(requireNonNull(r.partnerId()), requireNonNull(r.month()));
        if (!history.isEmpty() && !history.get(0).idempotencyKey().equals(key)
            && tx.revenue().findByKey(key).isEmpty()) {
          out.add(alreadyRecorded(history.get(0), key,
              "recordings[" + indexOfKey.get(key) + "]: ").getMessage());
          if (out.size() > NAMED_IN_MESSAGE) {
            break;
          }
        }
      }
      return out;
    });
    if (!recorded.isEmpty()) {
      throw new Refusal(new ConflictException(DUPLICATE, "nothing was stored: "
          + String.join("; ", recorded.subList(0, Math.min(NAMED_IN_MESSAGE, recorded.size())))
          + (recorded.size() > NAMED_IN_MESSAGE ? "; ..." : ""), cause));
    }
  }

  private static Optional<RevenueEntry> withKey(List<RevenueEntry> entries, String key) {
    return entries.stream().filter(e -> e.idempotencyKey().equals(key)).findFirst();
  }

  private RevenueEntry newRecorded(RevenueRecording r, ClientTotals totals, Instant now) {
    return new RevenueEntry(new RevenueEntryId(ids.next()), requireNonNull(r.partnerId()), requireNonNull(r.month()), 1,
        EntryKind.RECORDED, requireNonNull(r.mrr()),
        r.serverCount().orElse(totals.serverCount()),
        r.clientCount().orElse(totals.clientCount()),
        requireNonNull(r.idempotencyKey()), Optional.empty(), now, Optional.empty());
  }

  /** DESIGN.md rule: the same key again is a no-op returning the first entry, if the figures match. */
  private static RevenueEntry replay(RevenueEntry prior, RevenueRecording r) {
    if (!matches(prior, r)) {
      throw new Refusal(new ConflictException(DUPLICATE, keyClash(prior)));
    }
    return prior;
  }

  /** Counts the request left out match whatever snapshot the first call took. */
  private static boolean matches(RevenueEntry e, RevenueRecording r) {
    return e.kind() == EntryKind.RECORDED
        && e.partnerId().equals(r.partnerId())
        && e.month().equals(r.month())
        && e.mrr().equals(r.mrr())
        && r.serverCount().map(servers -> servers == e.serverCount()).orElse(true)
        && r.clientCount().map(clients -> clients == e.clientCount()).orElse(true);
  }

  private static String keyClash(RevenueEntry prior) {
    return "idempotency key '" + prior.idempotencyKey() + "' already recorded entry " + prior.id() + " ("
        + prior.kind() + " for partner " + prior.partnerId() + ", month " + prior.month() + ", MRR " + prior.mrr()
        + ", " + prior.serverCount() + " servers, " + prior.clientCount() + " clients"
        + prior.reason().map(reason -> ", reason '" + reason + "'").orElse("")
        + "); sending a key again must repeat the same request: use a new key for different figures";
  }

  private static ConflictException alreadyRecorded(RevenueEntry first, String key, String prefix) {
    return new ConflictException(DUPLICATE, prefix + "partner " + first.partnerId() + " month " + first.month()
        + " is already recorded (entry " + first.id() + ", key '" + first.idempotencyKey() + "'), so key '" + key
        + "' cannot record it again; to change a figure, correct the month with a reason");
  }

  // ---------------------------------------------------------------- corrections

  @Override
  public RevenueEntry correct(RevenueCorrection correction) {
    Checks c = Checks.start();
    bean(c, "", "correction", correction);
    if (correction != null) {
      checkMonth(c, "month", correction.month(), currentMonth());
      Optional<Money> mrr = correction.mrr();
      if (mrr != null && mrr.isPresent() && mrr.get().isNegative()) {
        c.add("mrr", "must be 0 or more, got " + mrr.get());
      }
      checkKey(c, "idempotencyKey", correction.idempotencyKey());
      c.text("reason", correction.reason(), RevenueCorrection.MAX_REASON_LENGTH);
    }
    c.done();
    return retrying(() -> store.write(tx -> correctIn(tx, correction)));
  }

  private RevenueEntry correctIn(StoreTransaction tx, RevenueCorrection c) {
    PartnerId pid = requireNonNull(c.partnerId());
    YearMonth month = requireNonNull(c.month());
    String key = requireNonNull(c.idempotencyKey());
    String reason = Names.clean(requireNonNull(c.reason()));
    requirePartner(tx, pid);
    RevenueRepository repo = tx.revenue();
    Optional<RevenueEntry> prior = repo.findByKey(key);
    if (prior.isPresent()) {
      return replay(prior.get(), c, reason);
    }
    List<RevenueEntry> history = repo.history(pid, month);
    Optional<RevenueEntry> mine = withKey(history, key);
    if (mine.isPresent()) {
      return replay(mine.get(), c, reason); // committed concurrently between the two reads
    }
    if (history.isEmpty()) {
      throw new ConflictException(STATE, "partner " + pid + " has no entry for month " + month
          + " to correct; record the month first");
    }
    RevenueEntry cur = history.get(history.size() - 1);
    // Rule REV-6 (docs/rules.md): a correction keeps the currency of the month it corrects, so a
    // month's trend, the per-currency totals and the average-MRR review never see it switch.
    Optional<Money> newMrr = c.mrr();
    if (newMrr.isPresent() && !newMrr.get().hasCurrency(cur.mrr().currency())) {
      throw ValidationException.of("mrr.currency", "must be " + cur.mrr().currency().getCurrencyCode()
          + ", the currency of the entry it corrects (partner " + pid + " month " + month + " revision "
          + cur.revision() + ": MRR " + cur.mrr() + "), got " + newMrr.get().currency().getCurrencyCode()
          + "; a correction never changes a month's currency");
    }
    Optional<Integer> expected = c.expectedRevision();
    if (expected.isPresent() && expected.get() != cur.revision()) {
      throw new ConflictException(ConflictException.Reason.STALE_VERSION, "partner " + pid + " month " + month
          + " was corrected by someone else: expected revision " + expected.get() + " to be current but it is "
          + cur.revision() + "; read the month's history again and decide again");
    }
    Money mrr = c.mrr().orElse(cur.mrr());
    long servers = c.serverCount().orElse(cur.serverCount());
    long clients = c.clientCount().orElse(cur.clientCount());
    if (mrr.equals(cur.mrr()) && servers == cur.serverCount() && clients == cur.clientCount()) {
      throw new ConflictException(STATE, "the correction changes no figure of partner " + pid + " month " + month
          + " (revision " + cur.revision() + ": MRR " + cur.mrr() + ", " + cur.serverCount() + " servers, "
          + cur.clientCount() + " clients); a correction must change at least one");
    }
    // DESIGN.md rule: a changed figure is a correction entry, with a reason, that supersedes the
    // earlier one; the earlier one is never touched.
    RevenueEntry entry = new RevenueEntry(new RevenueEntryId(ids.next()), pid, month, cur.revision() + 1,
        EntryKind.CORRECTION, mrr, servers, clients, key, Optional.of(reason), now(), Optional.of(cur.id()));
    List<RevenueEntry> taken = repo.appendAbsent(List.of(entry));
    if (!taken.isEmpty()) {
      return replay(taken.get(0), c, reason);
    }
    store.emit(new RevenueCorrected(entry));
    return entry;
  }

  private static RevenueEntry replay(RevenueEntry prior, RevenueCorrection c, String reason) {
    boolean same = prior.kind() == EntryKind.CORRECTION
        && prior.partnerId().equals(c.partnerId())
        && prior.month().equals(c.month())
        && prior.reason().equals(Optional.of(reason))
        && c.mrr().map(mrr -> mrr.equals(prior.mrr())).orElse(true)
        && c.serverCount().map(servers -> servers == prior.serverCount()).orElse(true)
        && c.clientCount().map(clients -> clients == prior.clientCount()).orElse(true)
        && c.expectedRevision().map(expected -> expected == prior.revision() - 1).orElse(true);
    if (!same) {
      throw new Refusal(new ConflictException(DUPLICATE, keyClash(prior)));
    }
    return prior;
  }

  // ---------------------------------------------------------------- reading

  @Override
  public List<RevenueEntry> history(PartnerId partnerId, YearMonth month) {
    Checks.start().notNull("partnerId", partnerId).notNull("month", month).done();
    return store.read(tx -> {
      requirePartner(tx, partnerId);
      return List.copyOf(tx.revenue().history(partnerId, month));
    });
  }

  @Override
  public Optional<RevenueEntry> current(PartnerId partnerId, YearMonth month) {
    Checks.start().notNull("partnerId", partnerId).notNull("month", month).done();
    return store.read(tx -> {
      requirePartner(tx, partnerId);
      return tx.revenue().current(partnerId, month, month).stream().findFirst();
    });
  }

  @Override
  public Optional<RevenueEntry> findByKey(String idempotencyKey) {
    Checks.start().check(idempotencyKey != null && !idempotencyKey.isBlank(), "idempotencyKey", "must not be blank")
        .done();
    return store.read(tx -> tx.revenue().findByKey(idempotencyKey));
  }

  @Override
  public PartnerReport partnerReport(PartnerId partnerId, MonthRange range) {
    Checks.start().notNull("partnerId", partnerId).notNull("range", range).done();
    checkRange(range);
    return store.read(tx -> {
      requirePartner(tx, partnerId);
      List<RevenueEntry> entries = tx.revenue().current(partnerId, range.from().minusMonths(1), range.to());
      Map<YearMonth, RevenueEntry> byMonth = new HashMap<>();
      entries.forEach(e -> byMonth.put(e.month(), e));
      List<MonthReport> months = new ArrayList<>(entries.size());
      for (RevenueEntry e : entries) {
        if (range.contains(e.month())) {
          // DESIGN.md rule: the trend compares with the previous calendar month; a missing month
          // gives no change and no percent
          months.add(MonthReport.of(e, Optional.ofNullable(byMonth.get(e.month().minusMonths(1)))));
        }
      }
      return new PartnerReport(partnerId, range, months);
    });
  }

  @Override
  public Optional<MonthReport> latest(PartnerId partnerId) {
    Checks.start().notNull("partnerId", partnerId).done();
    return store.read(tx -> {
      requirePartner(tx, partnerId);
      Optional<YearMonth> last = tx.revenue().lastMonth(partnerId);
      if (last.isEmpty()) {
        return Optional.empty();
      }
      List<RevenueEntry> two = tx.revenue().current(partnerId, last.get().minusMonths(1), last.get());
      RevenueEntry latest = two.get(two.size() - 1);
      Optional<RevenueEntry> previous = two.size() == 2 ? Optional.of(two.get(0)) : Optional.empty();
      return Optional.of(MonthReport.of(latest, previous));
    });
  }

  @Override
  public ProgramReport programReport(MonthRange range) {
    Checks.start().notNull("range", range).done();
    checkRange(range);
    Map<YearMonth, Totals> totals = new TreeMap<>();
    store.read(tx -> {
      tx.revenue().scan(RevenueFilter.all().withMonths(range),
          row -> totals.computeIfAbsent(row.entry().month(), m -> new Totals()).add(row.entry()));
      return totals;
    });
    List<ProgramMonth> months = new ArrayList<>((int) range.size());
    for (YearMonth m : range.months()) {
      Totals t = totals.get(m);
      months.add(t == null ? new ProgramMonth(m, List.of(), 0, 0, 0) : t.toMonth(m));
    }
    return new ProgramReport(range, months);
  }

  /** One month's sums, per currency for MRR (DESIGN.md: no currency conversion). */
  private static final class Totals {
    private final Map<String, Money> mrr = new TreeMap<>();
    private long servers;
    private long clients;
    private long partners;

    void add(RevenueEntry e) {
      mrr.merge(e.mrr().currency().getCurrencyCode(), e.mrr(), Money::plus);
      servers = Math.addExact(servers, e.serverCount());
      clients = Math.addExact(clients, e.clientCount());
      partners++;
    }

    ProgramMonth toMonth(YearMonth month) {
      return new ProgramMonth(month, List.copyOf(mrr.values()), servers, clients, partners);
    }
  }

  @Override
  public List<RevenueRow> topByMrr(YearMonth month, Currency currency, int n) {
    Checks.start().notNull("month", month).notNull("currency", currency)
        .check(n >= 1 && n <= MAX_TOP, "n", "must be from 1 to " + MAX_TOP + ", got " + n).done();
    Comparator<RevenueRow> order = Comparator.comparing((RevenueRow r) -> r.entry().mrr()).reversed()
        .thenComparing(r -> Names.key(r.companyName()), Names.KEY_ORDER)
        .thenComparing(r -> r.partnerId().value());
    // the worst of the best n at the head, so the heap never holds more than n rows
    PriorityQueue<RevenueRow> best = new PriorityQueue<>(n + 1, order.reversed());
    store.read(tx -> {
      tx.revenue().scan(RevenueFilter.all().withMonths(MonthRange.of(month)), row -> {
        if (row.entry().mrr().hasCurrency(currency)) {
          best.add(row);
          if (best.size() > n) {
            best.poll();
          }
        }
      });
      return best;
    });
    List<RevenueRow> out = new ArrayList<>(best);
    out.sort(order);
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------- export

  @Override
  public long exportCsv(RevenueFilter filter, Writer out) throws IOException {
    Checks.start().notNull("filter", filter).notNull("out", out).done();
    try {
      return store.read(tx -> {
        // an id of nothing is a NotFoundException, as everywhere, not an empty export
        filter.partnerId().ifPresent(id -> requirePartner(tx, id));
        try {
          CsvExport csv = new CsvExport(out);
          tx.revenue().scan(filter, csv);
          return csv.finish();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public long exportCsv(RevenueFilter filter, OutputStream out) throws IOException {
    Checks.start().notNull("filter", filter).notNull("out", out).done();
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    long rows = exportCsv(filter, writer);
    writer.flush();
    return rows;
  }

  // ---------------------------------------------------------------- checks

  private static void requirePartner(StoreTransaction tx, PartnerId id) {
    if (tx.partners().find(id).isEmpty()) {
      throw new NotFoundException(PARTNER, id);
    }
  }

  private static void checkRange(MonthRange range) {
    Checks.start().check(range.size() <= MAX_REPORT_MONTHS, "range",
        "must span at most " + MAX_REPORT_MONTHS + " months, got " + range.size()).done();
  }

  private static void checkRecording(Checks c, String prefix, String field, @Nullable RevenueRecording r,
      YearMonth thisMonth) {
    bean(c, prefix, field, r);
    if (r == null) {
      return;
    }
    checkMonth(c, prefix + "month", r.month(), thisMonth);
    Money mrr = r.mrr();
    if (mrr != null && mrr.isNegative()) {
      c.add(prefix + "mrr", "must be 0 or more, got " + mrr);
    }
    checkKey(c, prefix + "idempotencyKey", r.idempotencyKey());
  }

  private static void checkMonth(Checks c, String field, @Nullable YearMonth month, YearMonth thisMonth) {
    if (month != null && (month.isBefore(EARLIEST) || month.isAfter(thisMonth))) {
      c.add(field, "must be from " + EARLIEST + " to the current month " + thisMonth + ", got " + month);
    }
  }

  private static void checkKey(Checks c, String field, @Nullable String key) {
    if (key != null && !key.isBlank() && !key.equals(key.strip())) {
      c.add(field, "must not begin or end with white space");
    }
  }

  /** Bean Validation of {@code bean}, each violation's path prefixed (e.g. {@code recordings[3].}). */
  private static void bean(Checks c, String prefix, String field, @Nullable Object bean) {
    if (bean == null) {
      c.add(field, "must not be null");
      return;
    }
    for (ConstraintViolation<Object> v : Checks.validator().validate(bean)) {
      String path = v.getPropertyPath().toString();
      c.add(path.isEmpty() ? field : prefix + path, v.getMessage());
    }
  }

  // ---------------------------------------------------------------- retries

  /**
   * Runs a write, again when the store reports a duplicate that core did not detect itself: a
   * concurrent transaction stored the same key or month between our read and our append. The next
   * attempt reads the winner's entry and answers as a replay (or refuses with a precise message).
   */
  private static <T> T retrying(Supplier<T> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (Refusal r) {
        throw r.conflict;
      } catch (ConflictException e) {
        if (e.reason() != DUPLICATE || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        LOG.debug("revenue write collided with a concurrent one (attempt {}): {}", attempt, e.getMessage());
      }
    }
  }

  /** A conflict core decided on: not retried. Carried through the store's rollback unchanged. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final ConflictException conflict;

    Refusal(ConflictException conflict) {
      super(conflict.getMessage(), null, false, false);
      this.conflict = conflict;
    }
  }

  private record PartnerMonth(PartnerId partnerId, YearMonth month) {}
}
