package cloud.quazzar.partner.internal.revenue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.internal.Checks;
import cloud.quazzar.partner.internal.PageTokens;
import cloud.quazzar.partner.internal.events.OutboxStore;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.MonthReport;
import cloud.quazzar.partner.revenue.PartnerReport;
import cloud.quazzar.partner.revenue.ProgramMonth;
import cloud.quazzar.partner.revenue.ProgramReport;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRow;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Reading the ledger (rules REV-3 to REV-5): a month's history and current entry, the
 * month-over-month trend of one partner, the program's months with totals per currency (no
 * conversion), the largest MRRs of a month. Reports always use a month's highest revision; nothing
 * here writes.
 */
final class Reports {
  private final OutboxStore store;
  private final PageTokens tokens;

  Reports(OutboxStore store) {
    this.store = store;
    this.tokens = new PageTokens(store);
  }

  Page<RevenueEntry> history(PartnerId partnerId, YearMonth month, PageRequest page) {
    Checks.start().notNull("partnerId", partnerId).notNull("month", month).bean("page", page).done();
    // LIST-2: a token belongs to one partner's month
    String scope = "revenueHistory\n" + partnerId + "\n" + month;
    int after = page.pageToken().map(t -> tokens.verify(scope, t).getInt()).orElse(0);
    return store.read(tx -> {
      LedgerChecks.requirePartner(tx, partnerId);
      return tokens.page(scope, tx.revenue().history(partnerId, month, after, page.limit() + 1), page.limit(),
          e -> PageTokens.number(e.revision()));
    });
  }

  Optional<RevenueEntry> current(PartnerId partnerId, YearMonth month) {
    Checks.start().notNull("partnerId", partnerId).notNull("month", month).done();
    return store.read(tx -> {
      LedgerChecks.requirePartner(tx, partnerId);
      return tx.revenue().current(partnerId, month, month).stream().findFirst();
    });
  }

  Optional<RevenueEntry> findByKey(String idempotencyKey) {
    Checks.start().check(idempotencyKey != null && !idempotencyKey.isBlank(), "idempotencyKey", "must not be blank")
        .done();
    return store.read(tx -> tx.revenue().findByKey(idempotencyKey));
  }

  PartnerReport partnerReport(PartnerId partnerId, MonthRange range) {
    Checks.start().notNull("partnerId", partnerId).notNull("range", range).done();
    LedgerChecks.checkRange(range);
    return store.read(tx -> {
      LedgerChecks.requirePartner(tx, partnerId);
      List<RevenueEntry> entries = tx.revenue().current(partnerId, range.from().minusMonths(1), range.to());
      Map<YearMonth, RevenueEntry> byMonth = new HashMap<>();
      entries.forEach(e -> byMonth.put(e.month(), e));
      List<MonthReport> months = new ArrayList<>(entries.size());
      for (RevenueEntry e : entries) {
        if (range.contains(e.month())) {
          // REV-4: the trend compares with the previous calendar month; a
          // missing month gives no change and no percent
          months.add(MonthReport.of(e, Optional.ofNullable(byMonth.get(e.month().minusMonths(1)))));
        }
      }
      return new PartnerReport(partnerId, range, months);
    });
  }

  Optional<MonthReport> latest(PartnerId partnerId) {
    Checks.start().notNull("partnerId", partnerId).done();
    return store.read(tx -> {
      LedgerChecks.requirePartner(tx, partnerId);
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

  ProgramReport programReport(MonthRange range) {
    Checks.start().notNull("range", range).done();
    LedgerChecks.checkRange(range);
    Map<YearMonth, Totals> totals = store.read(tx -> {
      Map<YearMonth, Totals> byMonth = new HashMap<>();
      tx.revenue().scan(RevenueFilter.all().withMonths(range),
          row -> byMonth.computeIfAbsent(row.entry().month(), m -> new Totals()).add(row.entry()));
      return byMonth;
    });
    List<ProgramMonth> months = new ArrayList<>((int) range.size());
    for (YearMonth m : range.months()) {
      Totals t = totals.get(m);
      months.add(t == null ? new ProgramMonth(m, List.of(), 0, 0, 0) : t.toMonth(m));
    }
    return new ProgramReport(range, months);
  }

  /** One month's sums, per currency for MRR (rule REV-5: no currency conversion). */
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

  List<RevenueRow> topByMrr(YearMonth month, Currency currency, int n) {
    Checks.start().notNull("month", month).notNull("currency", currency)
        .check(n >= 1 && n <= RevenueLedger.MAX_TOP, "n", "must be from 1 to " + RevenueLedger.MAX_TOP + ", got " + n)
        .done();
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
}
