package cloud.quazzar.partner.internal.memory;

import static cloud.quazzar.partner.ConflictException.Reason.DUPLICATE;

import cloud.quazzar.partner.ConflictException;
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
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Revenue tables of the memory store; guarded by the store's lock. Append-only: the only change is
 * {@link View#appendAbsent}, whose inverse (for rollback) removes exactly what it appended.
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
      Deque<Runnable> log = undo;
      if (log == null) {
        throw new IllegalStateException("write attempted in a read-only transaction");
      }
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
      YearMonth from = filter.from();
      YearMonth to = filter.to();
      if (from != null) {
        months = months.tailMap(from, true);
      }
      if (to != null) {
        months = months.headMap(to, true);
      }
      // One look-up per partner per scan (name keys cost a regex), then one sort per month:
      // memory grows with the partners of a month, never with the rows of the export.
      Map<PartnerId, Named> named = new HashMap<>();
      List<Pending> rows = new ArrayList<>();
      PartnerId only = filter.partnerId();
      for (Map<PartnerId, RevenueEntry> month : months.values()) {
        rows.clear();
        Iterable<RevenueEntry> entries = only == null ? month.values()
            : Optional.ofNullable(month.get(only)).map(List::of).orElse(List.of());
        for (RevenueEntry e : entries) {
          Named n = named.get(e.partnerId());
          if (n == null) {
            Optional<PartnerRecord> rec = partners.find(e.partnerId());
            if (rec.isEmpty()) {
              continue;
            }
            n = new Named(rec.get());
            named.put(e.partnerId(), n);
          }
          if (filter.matchesTier(n.record.tier())) {
            rows.add(new Pending(n, e));
          }
        }
        // name keys are unique, so the id only breaks ties that cannot occur
        rows.sort(BY_NAME);
        for (Pending p : rows) {
          visitor.accept(new RevenueRow(p.named.record.companyName(), p.named.record.tier(), p.entry));
        }
      }
    }
  }

  private static final Comparator<Pending> BY_NAME =
      Comparator.comparing((Pending p) -> p.named.nameKey).thenComparing(p -> p.named.record.id().value());

  private record Pending(Named named, RevenueEntry entry) {}

  /** A partner with its name key computed once. */
  private static final class Named {
    final PartnerRecord record;
    final String nameKey;

    Named(PartnerRecord record) {
      this.record = record;
      this.nameKey = record.nameKey();
    }
  }
}
