package com.example.partner.store;

import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueRow;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.RevenueRepository;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The revenue ledger: append-only, no entry is ever changed or removed. Unique: the idempotency key
 * across all entries, and (partner, month, revision). The current entry of a partner's month is the
 * one with the highest revision.
 */
final class Revenue implements RevenueRepository {
  private final Transaction tx;

  Revenue(Transaction tx) {
    this.tx = tx;
  }

  @Override
  public List<RevenueEntry> appendAbsent(List<RevenueEntry> entries) {
    Data data = tx.dataToChange();
    List<RevenueEntry> taken = new ArrayList<>();
    for (RevenueEntry entry : entries) {
      RevenueEntry stored = data.ledger.get(entry.idempotencyKey());
      if (stored != null) {
        taken.add(stored);
        continue;
      }
      boolean revisionTaken = data.ledger.values().stream().anyMatch(e -> e.partnerId().equals(entry.partnerId())
          && e.month().equals(entry.month()) && e.revision() == entry.revision());
      if (revisionTaken) {
        throw tx.duplicate("revision " + entry.revision() + " of " + entry.month() + " of partner " + entry.partnerId());
      }
      data.ledger.put(entry.idempotencyKey(), entry);
    }
    return taken;
  }

  @Override
  public int eraseReasons(PartnerId partnerId, String replacement) {
    Data data = tx.dataToChange();
    int changed = 0;
    for (RevenueEntry e : List.copyOf(data.ledger.values())) {
      if (e.partnerId().equals(partnerId) && e.reason().filter(r -> !r.equals(replacement)).isPresent()) {
        // replacing the value of a present key keeps the map's order (the order appended)
        data.ledger.put(e.idempotencyKey(), new RevenueEntry(e.id(), e.partnerId(), e.month(), e.revision(), e.kind(),
            e.mrr(), e.serverCount(), e.clientCount(), e.idempotencyKey(), Optional.of(replacement), e.recordedAt(),
            e.supersedes()));
        changed++;
      }
    }
    return changed;
  }

  @Override
  public Optional<RevenueEntry> findByKey(String idempotencyKey) {
    return Optional.ofNullable(tx.data().ledger.get(idempotencyKey));
  }

  @Override
  public List<RevenueEntry> history(PartnerId partnerId, YearMonth month) {
    return entries(partnerId)
        .filter(e -> e.month().equals(month))
        .sorted(Comparator.comparingInt(RevenueEntry::revision))
        .toList();
  }

  @Override
  public List<RevenueEntry> current(PartnerId partnerId, YearMonth from, YearMonth to) {
    return currentByMonth(entries(partnerId).filter(e -> !e.month().isBefore(from) && !e.month().isAfter(to)))
        .stream()
        .sorted(Comparator.comparing(RevenueEntry::month))
        .toList();
  }

  @Override
  public Optional<YearMonth> lastMonth(PartnerId partnerId) {
    return entries(partnerId).map(RevenueEntry::month).max(Comparator.naturalOrder());
  }

  @Override
  public void scan(RevenueFilter filter, Consumer<RevenueRow> visitor) {
    Data data = tx.data();
    Stream<RevenueEntry> selected = data.ledger.values().stream()
        .filter(e -> filter.partnerId().map(e.partnerId()::equals).orElse(true))
        .filter(e -> filter.matchesMonth(e.month()));
    // in memory the rows are in memory already; a database store streams them with a cursor instead
    List<Row> rows = new ArrayList<>();
    for (RevenueEntry entry : currentByMonth(selected)) {
      PartnerRecord partner = data.partners.get(entry.partnerId());
      if (partner != null && filter.matchesTier(partner.tier())) {
        rows.add(new Row(partner.nameKey(), new RevenueRow(partner.companyName(), partner.tier(), entry)));
      }
    }
    rows.sort(Comparator.comparing((Row r) -> r.row().entry().month())
        .thenComparing(Row::nameKey, Names.KEY_ORDER)
        .thenComparing(r -> r.row().partnerId().value().toString()));
    rows.forEach(r -> visitor.accept(r.row()));
  }

  /** A row of {@link #scan} with its partner's name key, to sort by. */
  private record Row(String nameKey, RevenueRow row) {}

  /** A partner's month. */
  private record PartnerMonth(PartnerId partnerId, YearMonth month) {}

  private Stream<RevenueEntry> entries(PartnerId partnerId) {
    return tx.data().ledger.values().stream().filter(e -> e.partnerId().equals(partnerId));
  }

  /** The entry with the highest revision of each partner's month among {@code entries}. */
  private static List<RevenueEntry> currentByMonth(Stream<RevenueEntry> entries) {
    Map<PartnerMonth, RevenueEntry> current = new LinkedHashMap<>();
    entries.forEach(e -> current.merge(new PartnerMonth(e.partnerId(), e.month()), e,
        (a, b) -> a.revision() >= b.revision() ? a : b));
    return new ArrayList<>(current.values());
  }
}
