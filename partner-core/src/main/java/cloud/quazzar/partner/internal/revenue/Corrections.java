package cloud.quazzar.partner.internal.revenue;

import static cloud.quazzar.partner.ConflictException.Reason.DUPLICATE;
import static cloud.quazzar.partner.ConflictException.Reason.STALE_VERSION;
import static cloud.quazzar.partner.ConflictException.Reason.STATE;
import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.events.RevenueCorrected;
import cloud.quazzar.partner.internal.Checks;
import cloud.quazzar.partner.internal.ProgramTime;
import cloud.quazzar.partner.internal.Retry;
import cloud.quazzar.partner.internal.events.OutboxStore;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.EntryKind;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueEntryId;
import cloud.quazzar.partner.spi.RevenueRepository;
import cloud.quazzar.partner.spi.StoreTransaction;
import org.jspecify.annotations.Nullable;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Correcting a month (rule REV-3): a changed figure is a correction entry, with a
 * reason, appended as the month's next revision and superseding the current one, which is never
 * touched. Its rules, in the order they are checked: its idempotency key again replays it (or is
 * a {@code DUPLICATE} conflict if the request differs); a month must be recorded before it is
 * corrected ({@code STATE}); a correction keeps the month's currency (REV-6, a {@code
 * ValidationException}); an expected revision, if given, must be the current one ({@code
 * STALE_VERSION}); a correction changes at least one figure ({@code STATE}). Two corrections racing without an expected revision both land, one after the
 * other ({@link Retry} runs the loser again on top of the winner); the conflicts decided here are
 * not retried.
 */
final class Corrections {
  private final OutboxStore store;
  private final ProgramTime time;
  private final IdGenerator ids;

  Corrections(OutboxStore store, ProgramTime time, IdGenerator ids) {
    this.store = store;
    this.time = time;
    this.ids = ids;
  }

  @SuppressWarnings("ReferenceEquality") // identity: was the entry returned the one this call made?
  RevenueEntry correct(RevenueCorrection correction) {
    Checks c = Checks.start();
    LedgerChecks.bean(c, "correction", correction);
    if (correction != null) {
      LedgerChecks.checkMonth(c, "month", correction.month(), time.thisMonth());
      Optional<Money> mrr = correction.mrr();
      if (mrr != null && mrr.isPresent() && mrr.get().isNegative()) {
        c.add("mrr", "must be 0 or more, got " + mrr.get());
      }
      IdempotencyKeys.check(c, "idempotencyKey", correction.idempotencyKey());
      c.text("reason", correction.reason(), RevenueCorrection.MAX_REASON_LENGTH);
    }
    c.done();
    RevenueEntry[] made = {null}; // the entry the committed attempt created, if it created one
    RevenueEntry entry = Retry.write(store, "revenue correction", tx -> correctIn(tx, correction, made));
    boolean created = entry == made[0];
    store.observation().ledger(true, created ? 1 : 0, created ? 0 : 1); // OPS-15
    return entry;
  }

  private RevenueEntry correctIn(StoreTransaction tx, RevenueCorrection c, @Nullable RevenueEntry[] made) {
    PartnerId pid = requireNonNull(c.partnerId());
    YearMonth month = requireNonNull(c.month());
    String key = requireNonNull(c.idempotencyKey());
    String reason = Names.clean(requireNonNull(c.reason()));
    LedgerChecks.requirePartner(tx, pid);
    RevenueRepository repo = tx.revenue();
    Optional<RevenueEntry> prior = repo.findByKey(key);
    if (prior.isPresent()) {
      return replay(prior.get(), c, reason);
    }
    // the month's whole chain (LIST-4 pages it for readers): its current entry and whether this key's
    // entry committed since the look-up above must come from one read (REV-2), and a month holds
    // one entry per correction of it
    List<RevenueEntry> history = repo.history(pid, month);
    Optional<RevenueEntry> mine = IdempotencyKeys.find(history, key);
    if (mine.isPresent()) {
      return replay(mine.get(), c, reason); // committed concurrently between the two reads
    }
    if (history.isEmpty()) {
      throw Retry.decided(new ConflictException(STATE, "partner " + pid + " has no entry for month " + month
          + " to correct; record the month first"));
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
      throw Retry.decided(new ConflictException(STALE_VERSION, "partner " + pid + " month " + month
          + " was corrected by someone else: expected revision " + expected.get() + " to be current but it is "
          + cur.revision() + "; read the month's history again and decide again"));
    }
    Money mrr = c.mrr().orElse(cur.mrr());
    long servers = c.serverCount().orElse(cur.serverCount());
    long clients = c.clientCount().orElse(cur.clientCount());
    if (mrr.equals(cur.mrr()) && servers == cur.serverCount() && clients == cur.clientCount()) {
      throw Retry.decided(new ConflictException(STATE, "the correction changes no figure of partner " + pid + " month "
          + month + " (revision " + cur.revision() + ": MRR " + cur.mrr() + ", " + cur.serverCount() + " servers, "
          + cur.clientCount() + " clients); a correction must change at least one"));
    }
    // REV-1, REV-3: a changed figure is a correction entry, with a reason, that
    // supersedes the earlier one; the earlier one is never touched.
    RevenueEntry entry = new RevenueEntry(new RevenueEntryId(ids.next()), pid, month, cur.revision() + 1,
        EntryKind.CORRECTION, mrr, servers, clients, key, Optional.of(reason), time.now(), Optional.of(cur.id()));
    List<RevenueEntry> taken = repo.appendAbsent(List.of(entry));
    if (!taken.isEmpty()) {
      return replay(taken.get(0), c, reason);
    }
    store.emit(new RevenueCorrected(entry));
    made[0] = entry;
    return entry;
  }

  /** The same key again repeats the correction it stored, or is a {@code DUPLICATE} conflict. */
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
      throw Retry.decided(new ConflictException(DUPLICATE, IdempotencyKeys.clash(prior)));
    }
    return prior;
  }
}
