package cloud.quazzar.partner.internal.memory;

import static cloud.quazzar.partner.ConflictException.Reason.DUPLICATE;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueRow;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.PartnerRepository;
import cloud.quazzar.partner.spi.RevenueRepository;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Revenue tables of the memory store; guarded by the store's lock. Append-only: the only changes are
 * {@link View#appendAbsent}, whose inverse (for rollback) removes exactly what it appended, and
 * {@link View#eraseReasons} (docs/rules.md PRIV-1), which replaces a correction's reason only.
 */
final class MemoryRevenue {
  /** Unique index of idempotency keys. */
  private final Map<String, RevenueEntry> byKey = new HashMap<>();
  /** Each partner's months; each month's revisions in order (revision n at index n - 1). */
  private final Map<PartnerId, TreeMap<YearMonth, List<RevenueEntry>>> byPartner = new HashMap<>();
  /** Each month's current entry per partner: what scans read. */
  private final TreeMap<YearMonth, Map<PartnerId, RevenueEntry>> currentByMonth = new TreeMap<>();

  RevenueRepository view(@Nullable Deque<Runnable> undo, PartnerRepository partners) {
    return new View(undo, partners);
  }

  private final class View implements RevenueRepository {
    private final @Nullable Deque<Runnable> undo;
    private final PartnerRepository partners;

    View(@Nullable Deque<Runnable> undo, PartnerRepository partners) {
      this.undo = undo;
      this.partners = partners;
    }

    @Override
    public List<RevenueEntry> appendAbsent(List<RevenueEntry> entries) {
      Deque<Runnable> log = UndoLogs.writable(undo);
      List<RevenueEntry> taken = new ArrayList<>(0);
      for (RevenueEntry e : entries) {
        RevenueEntry existing = byKey.get(e.idempotencyKey());
        if (existing != null) {
          taken.add(existing);
          continue;
        }
        List<RevenueEntry> revisions = byPartner.computeIfAbsent(e.partnerId(), k -> new TreeMap<>())
            .computeIfAbsent(e.month(), k -> new ArrayList<>(1));
        if (e.revision() != revisions.size() + 1) {
          // (partner, month, revision) is unique, and revisions form one chain without gaps
          if (revisions.isEmpty()) {
            byPartner.get(e.partnerId()).remove(e.month());
          }
          throw new ConflictException(DUPLICATE, "partner " + e.partnerId() + " month " + e.month()
              + " cannot take revision " + e.revision() + ": it has " + revisions.size());
        }
        byKey.put(e.idempotencyKey(), e);
        revisions.add(e);
        Map<PartnerId, RevenueEntry> month = currentByMonth.computeIfAbsent(e.month(), k -> new HashMap<>());
        RevenueEntry before = month.put(e.partnerId(), e);
        log.push(() -> {
          byKey.remove(e.idempotencyKey());
          revisions.remove(revisions.size() - 1);
          if (revisions.isEmpty()) {
            byPartner.get(e.partnerId()).remove(e.month());
          }
          if (before != null) {
            month.put(e.partnerId(), before);
          } else {
            month.remove(e.partnerId());
            if (month.isEmpty()) {
              currentByMonth.remove(e.month());
            }
          }
        });
      }
      return taken;
    }

    @Override
    public int eraseReasons(PartnerId partnerId, String replacement) {
      Deque<Runnable> log = UndoLogs.writable(undo);
      TreeMap<YearMonth, List<RevenueEntry>> months = byPartner.get(partnerId);
      if (months == null) {
        return 0;
      }
      int changed = 0;
      for (List<RevenueEntry> revisions : months.values()) {
        for (int i = 0; i < revisions.size(); i++) {
          RevenueEntry e = revisions.get(i);
          if (e.reason().isPresent() && !e.reason().get().equals(replacement)) {
            RevenueEntry erased = new RevenueEntry(e.id(), e.partnerId(), e.month(), e.revision(), e.kind(), e.mrr(),
                e.serverCount(), e.clientCount(), e.idempotencyKey(), Optional.of(replacement), e.recordedAt(),
                e.supersedes());
            put(revisions, i, erased);
            log.push(() -> put(revisions, revisions.indexOf(erased), e));
            changed++;
          }
        }
      }
      return changed;
    }

    /** Puts {@code entry} at {@code index} of its month's revisions and into both indexes. */
    private void put(List<RevenueEntry> revisions, int index, RevenueEntry entry) {
      revisions.set(index, entry);
      byKey.put(entry.idempotencyKey(), entry);
      Map<PartnerId, RevenueEntry> month = currentByMonth.get(entry.month());
      RevenueEntry current = month == null ? null : month.get(entry.partnerId());
      if (month != null && current != null && current.revision() == entry.revision()) {
        month.put(entry.partnerId(), entry);
      }
    }

    @Override
    public Optional<RevenueEntry> findByKey(String idempotencyKey) {
      return Optional.ofNullable(byKey.get(idempotencyKey));
    }

    @Override
    public List<RevenueEntry> history(PartnerId partnerId, YearMonth month) {
      TreeMap<YearMonth, List<RevenueEntry>> months = byPartner.get(partnerId);
      List<RevenueEntry> revisions = months == null ? null : months.get(month);
      return revisions == null ? List.of() : List.copyOf(revisions);
    }

    @Override
    public List<RevenueEntry> history(PartnerId partnerId, YearMonth month, int afterRevision, int limit) {
      // revision n is at index n - 1 (appendAbsent keeps the chain without gaps)
      TreeMap<YearMonth, List<RevenueEntry>> months = byPartner.get(partnerId);
      List<RevenueEntry> revisions = months == null ? null : months.get(month);
      if (revisions == null) {
        return List.of();
      }
      int from = Math.min(Math.max(afterRevision, 0), revisions.size());
      return List.copyOf(revisions.subList(from, (int) Math.min(revisions.size(), (long) from + limit)));
    }

    @Override
    public List<RevenueEntry> current(PartnerId partnerId, YearMonth from, YearMonth to) {
      TreeMap<YearMonth, List<RevenueEntry>> months = byPartner.get(partnerId);
      if (months == null || to.isBefore(from)) {
        return List.of();
      }
      List<RevenueEntry> out = new ArrayList<>();
      for (List<RevenueEntry> revisions : months.subMap(from, true, to, true).values()) {
        out.add(revisions.get(revisions.size() - 1));
      }
      return out;
    }

    @Override
    public Optional<YearMonth> lastMonth(PartnerId partnerId) {
      TreeMap<YearMonth, List<RevenueEntry>> months = byPartner.get(partnerId);
      return months == null || months.isEmpty() ? Optional.empty() : Optional.of(months.lastKey());
    }

    @Override
    public void scan(RevenueFilter filter, Consumer<RevenueRow> visitor) {
      NavigableMap<YearMonth, Map<PartnerId, RevenueEntry>> months = currentByMonth;
      if (filter.from().isPresent()) {
        months = months.tailMap(filter.from().get(), true);
      }
      if (filter.to().isPresent()) {
        months = months.headMap(filter.to().get(), true);
      }
      if (filter.partnerId().isPresent()) {
        PartnerId only = filter.partnerId().get();
        Optional<PartnerRecord> rec = partners.find(only);
        if (rec.isEmpty() || !filter.matchesTier(rec.get().tier())) {
          return;
        }
        for (Map<PartnerId, RevenueEntry> month : months.values()) {
          RevenueEntry e = month.get(only);
          if (e != null) {
            visitor.accept(new RevenueRow(rec.get().companyName(), rec.get().tier(), e));
          }
        }
        return;
      }
      // Rank the scanned partners once by name key (a regex and a string sort per partner, not per
      // row); then each month comes out in rank order, by walking the ranks when the month holds
      // many partners or by sorting its few rows by rank. Memory grows with partners, not rows.
      Set<PartnerId> seen = new HashSet<>();
      for (Map<PartnerId, RevenueEntry> month : months.values()) {
        seen.addAll(month.keySet());
      }
      List<Named> ranked = new ArrayList<>(seen.size());
      for (PartnerId id : seen) {
        partners.find(id).filter(r -> filter.matchesTier(r.tier())).ifPresent(r -> ranked.add(new Named(r)));
      }
      ranked.sort(BY_NAME);
      Map<PartnerId, Named> byId = new HashMap<>(ranked.size() * 2);
      for (int i = 0; i < ranked.size(); i++) {
        Named n = ranked.get(i);
        n.rank = i;
        byId.put(n.record.id(), n);
      }
      List<Pending> few = new ArrayList<>();
      for (Map<PartnerId, RevenueEntry> month : months.values()) {
        if ((long) month.size() * 8 >= ranked.size()) {
          for (Named n : ranked) {
            RevenueEntry e = month.get(n.record.id());
            if (e != null) {
              visitor.accept(new RevenueRow(n.record.companyName(), n.record.tier(), e));
            }
          }
        } else {
          few.clear();
          for (RevenueEntry e : month.values()) {
            Named n = byId.get(e.partnerId());
            if (n != null) {
              few.add(new Pending(n, e));
            }
          }
          few.sort(BY_RANK);
          for (Pending p : few) {
            visitor.accept(new RevenueRow(p.named.record.companyName(), p.named.record.tier(), p.entry));
          }
        }
      }
    }
  }

  /**
   * Name keys by code point (docs/rules.md TEXT-3), as {@link RevenueRepository#scan} asks. Name keys
   * are unique, so the id only breaks ties that cannot occur.
   */
  private static final Comparator<Named> BY_NAME =
      Comparator.comparing((Named n) -> n.nameKey, Names.KEY_ORDER).thenComparing(n -> n.record.id().value());

  private static final Comparator<Pending> BY_RANK = Comparator.comparingInt(p -> p.named.rank);

  private record Pending(Named named, RevenueEntry entry) {}

  /** A partner with its name key computed once, and its rank in one scan. */
  private static final class Named {
    final PartnerRecord record;
    final String nameKey;
    int rank;

    Named(PartnerRecord record) {
      this.record = record;
      this.nameKey = record.nameKey();
    }
  }
}
