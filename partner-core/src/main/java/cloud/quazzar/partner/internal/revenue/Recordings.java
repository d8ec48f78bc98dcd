package cloud.quazzar.partner.internal.revenue;

import static cloud.quazzar.partner.ConflictException.Reason.DUPLICATE;
import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.events.RevenueRecorded;
import cloud.quazzar.partner.internal.Checks;
import cloud.quazzar.partner.internal.ProgramTime;
import cloud.quazzar.partner.internal.Retry;
import cloud.quazzar.partner.internal.events.OutboxStore;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.BatchResult;
import cloud.quazzar.partner.revenue.EntryKind;
import cloud.quazzar.partner.revenue.RecordOutcome;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueEntryId;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.spi.ClientTotals;
import cloud.quazzar.partner.spi.RevenueRepository;
import cloud.quazzar.partner.spi.StoreTransaction;
import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recording a month, alone or in a batch (rules REV-1, REV-2): a partner's month is recorded
 * once, as revision 1; the same idempotency key again is a no-op returning the first entry if it
 * repeats the request, and a {@code DUPLICATE} conflict otherwise; a month already recorded under
 * another key is a {@code DUPLICATE} conflict that points to corrections. A batch stores all of its
 * recordings or none, in one transaction. A write that collides with a concurrent one is run again
 * by {@link Retry}; the conflicts decided here are not.
 */
final class Recordings {
  /** How many offending recordings a batch conflict names. */
  private static final int NAMED_IN_MESSAGE = 5;

  private final OutboxStore store;
  private final ProgramTime time;
  private final IdGenerator ids;

  Recordings(OutboxStore store, ProgramTime time, IdGenerator ids) {
    this.store = store;
    this.time = time;
    this.ids = ids;
  }

  @SuppressWarnings("ReferenceEquality") // identity: was the entry returned the one this call made?
  RevenueEntry record(RevenueRecording recording) {
    Checks c = Checks.start();
    LedgerChecks.checkRecording(c, -1, recording, time.thisMonth());
    c.done();
    RevenueEntry[] made = {null}; // the entry the committed attempt created, if it created one
    RevenueEntry entry = Retry.write(store, "revenue recording", tx -> recordIn(tx, recording, made));
    boolean created = entry == made[0];
    store.observation().ledger(false, created ? 1 : 0, created ? 0 : 1); // OPS-15
    return entry;
  }

  private RevenueEntry recordIn(StoreTransaction tx, RevenueRecording r, @Nullable RevenueEntry[] made) {
    PartnerId pid = requireNonNull(r.partnerId());
    YearMonth month = requireNonNull(r.month());
    String key = requireNonNull(r.idempotencyKey());
    LedgerChecks.requirePartner(tx, pid);
    RevenueRepository repo = tx.revenue();
    Optional<RevenueEntry> prior = repo.findByKey(key);
    if (prior.isPresent()) {
      return replay(prior.get(), r);
    }
    // the month's first revision, its recording, says whether the month is recorded: one entry,
    // not the month's whole history (LIST-4)
    List<RevenueEntry> first = repo.history(pid, month, 0, 1);
    if (!first.isEmpty()) {
      // read committed: a concurrent recording of this very key may have committed between the
      // two reads above; that is a replay, not a second recording (and so is an entry of any other
      // revision stored under the key meanwhile, which a look-up by key after this read sees)
      Optional<RevenueEntry> mine = IdempotencyKeys.find(first, key).or(() -> repo.findByKey(key));
      if (mine.isPresent()) {
        return replay(mine.get(), r);
      }
      throw Retry.decided(alreadyRecorded(first.get(0), key, ""));
    }
    ClientTotals totals = r.serverCount().isEmpty() || r.clientCount().isEmpty()
        ? tx.partners().clientTotals(pid) : ClientTotals.NONE;
    RevenueEntry entry = newRecorded(r, totals, time.now());
    List<RevenueEntry> taken = repo.appendAbsent(List.of(entry));
    if (!taken.isEmpty()) {
      return replay(taken.get(0), r);
    }
    store.emit(new RevenueRecorded(entry));
    made[0] = entry;
    return entry;
  }

  BatchResult recordAll(List<RevenueRecording> recordings) {
    Checks c = Checks.start();
    if (recordings == null) {
      c.add("recordings", "must not be null").done();
    }
    requireNonNull(recordings);
    if (recordings.isEmpty() || recordings.size() > RevenueLedger.MAX_BATCH) {
      c.add("recordings", "must hold 1 to " + RevenueLedger.MAX_BATCH + " recordings, got " + recordings.size()
          + (recordings.isEmpty() ? "" : "; split the run into batches"));
    }
    YearMonth thisMonth = time.thisMonth();
    for (int i = 0; i < recordings.size(); i++) {
      LedgerChecks.checkRecording(c, i, recordings.get(i), thisMonth);
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
    Stored stored = Retry.write(store, "revenue batch", tx -> recordAllIn(tx, unique), conflict -> {
      if (conflict.reason() == DUPLICATE) {
        diagnose(unique, firstOfKey, conflict);
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
    BatchResult result = new BatchResult(outcomes);
    store.observation().ledger(false, result.createdCount(), result.replayedCount()); // OPS-15
    return result;
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
    Set<PartnerId> found = tx.partners().existing(partnerIds);
    for (PartnerId id : partnerIds) {
      if (!found.contains(id)) {
        throw new NotFoundException(LedgerChecks.PARTNER, id);
      }
    }
    Map<PartnerId, ClientTotals> totals = needTotals.isEmpty() ? Map.of() : tx.partners().clientTotals(needTotals);
    Instant now = time.now();
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
    Set<String> created = new HashSet<>(entries.size() * 2);
    for (RevenueEntry e : entries) {
      byKey.put(e.idempotencyKey(), e);
      created.add(e.idempotencyKey());
    }
    List<String> clashes = new ArrayList<>();
    for (RevenueEntry prior : taken) {
      RevenueRecording r = requireNonNull(requests.get(prior.idempotencyKey()));
      if (!matches(prior, r)) {
        clashes.add(IdempotencyKeys.clash(prior));
      }
      byKey.put(prior.idempotencyKey(), prior);
      created.remove(prior.idempotencyKey());
    }
    if (!clashes.isEmpty()) {
      throw Retry.decided(new ConflictException(DUPLICATE, clashes.size() + " recording(s) repeat a key with other figures, "
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
   * concurrent transaction caused it; {@link Retry} then runs the batch again.
   */
  private void diagnose(List<RevenueRecording> unique, Map<String, Integer> indexOfKey, ConflictException cause) {
    List<String> recorded = store.read(tx -> {
      List<String> out = new ArrayList<>();
      for (RevenueRecording r : unique) {
        // recordAll checked every recording before it got here
        String key = requireNonNull(r.idempotencyKey());
        List<RevenueEntry> first = tx.revenue().history(requireNonNull(r.partnerId()), requireNonNull(r.month()), 0, 1);
        if (!first.isEmpty() && !first.get(0).idempotencyKey().equals(key)
            && tx.revenue().findByKey(key).isEmpty()) {
          out.add(alreadyRecorded(first.get(0), key,
              "recordings[" + indexOfKey.get(key) + "]: ").getMessage());
          if (out.size() > NAMED_IN_MESSAGE) {
            break;
          }
        }
      }
      return out;
    });
    if (!recorded.isEmpty()) {
      throw Retry.decided(new ConflictException(DUPLICATE, "nothing was stored: "
          + String.join("; ", recorded.subList(0, Math.min(NAMED_IN_MESSAGE, recorded.size())))
          + (recorded.size() > NAMED_IN_MESSAGE ? "; ..." : ""), cause));
    }
  }

  private RevenueEntry newRecorded(RevenueRecording r, ClientTotals totals, Instant now) {
    return new RevenueEntry(new RevenueEntryId(ids.next()), requireNonNull(r.partnerId()), requireNonNull(r.month()), 1,
        EntryKind.RECORDED, requireNonNull(r.mrr()),
        r.serverCount().orElse(totals.serverCount()),
        r.clientCount().orElse(totals.clientCount()),
        requireNonNull(r.idempotencyKey()), Optional.empty(), now, Optional.empty());
  }

  /** The same key again is a no-op returning the first entry, if the figures match (rule REV-2). */
  private static RevenueEntry replay(RevenueEntry prior, RevenueRecording r) {
    if (!matches(prior, r)) {
      throw Retry.decided(new ConflictException(DUPLICATE, IdempotencyKeys.clash(prior)));
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

  private static ConflictException alreadyRecorded(RevenueEntry first, String key, String prefix) {
    return new ConflictException(DUPLICATE, prefix + "partner " + first.partnerId() + " month " + first.month()
        + " is already recorded (entry " + first.id() + ", key '" + first.idempotencyKey() + "'), so key '" + key
        + "' cannot record it again; to change a figure, correct the month with a reason");
  }

  private record PartnerMonth(PartnerId partnerId, YearMonth month) {}
}
