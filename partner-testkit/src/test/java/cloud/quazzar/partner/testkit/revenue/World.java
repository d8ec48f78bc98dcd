package cloud.quazzar.partner.testkit.revenue;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.MonthReport;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.testkit.SequentialIds;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.RevenueGenerators;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A fresh program on a memory store with {@code n} partners, for one property example. */
final class World implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-01-15T09:30:00Z");

  final TestClock clock = TestClock.at(NOW);
  final PartnerProgram program;
  final RevenueLedger ledger;
  final List<PartnerId> ids = new ArrayList<>();

  World(int partners) {
    this(partners, MemoryStorage.create());
  }

  /** The same on {@code store}, which the world closes. */
  World(int partners, Store store) {
    program = PartnerProgram.builder().clock(clock).idGenerator(new SequentialIds(0xCAFE))
        .store(store).build();
    ledger = program.revenue();
    for (int i = 0; i < partners; i++) {
      ids.add(program.registry().add(new NewPartner("Partner " + i, "p" + i + "@x.example", Tier.values()[i % 3])).id());
    }
  }

  /** Every report the ledger gives over {@code range}, as values (ids and times included). */
  List<Object> reports(MonthRange range) {
    List<Object> out = new ArrayList<>();
    for (PartnerId id : ids) {
      out.add(ledger.partnerReport(id, range));
      out.add(ledger.latest(id));
    }
    out.add(ledger.programReport(range));
    return out;
  }

  /** The same reports with ids and times left out: what two ledgers fed the same figures share. */
  List<String> figures(MonthRange range) {
    List<String> out = new ArrayList<>();
    for (PartnerId id : ids) {
      for (MonthReport m : ledger.partnerReport(id, range).months()) {
        RevenueEntry e = m.entry();
        out.add(ids.indexOf(id) + " " + e.month() + " r" + e.revision() + " " + e.kind() + " " + e.mrr() + " "
            + e.serverCount() + " " + e.clientCount() + " " + e.idempotencyKey() + " " + e.reason() + " "
            + m.mrrTrend() + " " + m.serverCountTrend() + " " + m.clientCountTrend());
      }
    }
    out.add(ledger.programReport(range).toString());
    return out;
  }

  /** The months the generated histories use. */
  static MonthRange months(int count) {
    return MonthRange.lastMonths(RevenueGenerators.FIRST_MONTH.plusMonths(count - 1L), count);
  }

  @Override
  public void close() {
    program.store().close();
    program.close();
  }
}
