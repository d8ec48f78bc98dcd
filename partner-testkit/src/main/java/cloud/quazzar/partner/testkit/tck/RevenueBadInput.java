package cloud.quazzar.partner.testkit.tck;

import static cloud.quazzar.partner.testkit.tck.BadInputContract.USD;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.bad;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.badPages;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.fixed;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.nullList;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.partnerIds;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.testkit.generators.InvalidInput;
import cloud.quazzar.partner.testkit.tck.BadInputContract.Case;
import java.io.StringWriter;
import java.io.Writer;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The bad-input cases of the revenue ledger (recording, batches, corrections, reports, the CSV
 * export and their value types), run by {@link BadInputContract} as the dynamic tests of its
 * "revenue" container: one {@link Case} per operation and kind of bad input.
 */
@SuppressWarnings({"NullAway", "NullOptional"}) // passes null recordings, filters, ranges and writers on purpose: ValidationException expected
final class RevenueBadInput {
  private RevenueBadInput() {}

  /** Adds this capability's cases to {@code c}. */
  static void cases(List<Case> c) {
    c.add(bad("ledger.record", partnerIds(), v -> "unknown id",
        (w, id) -> w.ledger().record(RevenueRecording.of(id, w.month(), Money.of("1", "USD"), "k-unknown"))));
    c.add(bad("ledger.record", InvalidInput.monthsOutsideLedger(YearMonth.of(2026, 1)), v -> "month out of range",
        (w, m) -> w.ledger().record(RevenueRecording.of(w.active().id(), m, Money.of("1", "USD"), "k-month"))));
    c.add(bad("ledger.record", InvalidInput.negativeMoney(), v -> "negative number",
        (w, m) -> w.ledger().record(RevenueRecording.of(w.active().id(), w.month().minusMonths(5), m, "k-neg"))));
    c.add(bad("ledger.record", InvalidInput.idempotencyKeys(), BadInputContract::textKind,
        (w, k) -> w.ledger().record(RevenueRecording.of(w.active().id(), w.month().minusMonths(5), Money.of("1", "USD"), k))));
    c.add(bad("ledger.record", SourceDSL.longs().between(Long.MIN_VALUE, -1).zip(InvalidInput.negativeCounts(), BadInputContract::pair),
        v -> "negative number",
        (w, v) -> w.ledger().record(RevenueRecording.of(w.active().id(), w.month().minusMonths(5), Money.of("1", "USD"), "k-c")
            .withCounts(v.get(0), v.get(1)))));
    c.add(bad("ledger.record", InvalidInput.countsAbove(RevenueRecording.MAX_CLIENT_COUNT), v -> "huge number",
        (w, n) -> w.ledger().record(RevenueRecording.of(w.active().id(), w.month().minusMonths(5), Money.of("1", "USD"), "k-h")
            .withCounts(1, n))));
    c.add(fixed("ledger.record", "null", "null fields",
        w -> w.ledger().record(new RevenueRecording(null, null, null, null, null, null))));
    c.add(fixed("ledger.record", "null", "null fields, counts left out",
        w -> w.ledger().record(new RevenueRecording(null, null, null, Optional.empty(), Optional.empty(), null))));
    c.add(fixed("ledger.record", "null", "null recording", w -> w.ledger().record(null)));
    c.add(bad("ledger.recordAll", InvalidInput.negativeMoney(), v -> "negative number (one bad among good)",
        (w, m) -> w.ledger().recordAll(List.of(
            RevenueRecording.of(w.active().id(), w.month().minusMonths(7), Money.of("5", "USD"), "batch-good-1"),
            RevenueRecording.of(w.active().id(), w.month().minusMonths(8), m, "batch-bad"),
            RevenueRecording.of(w.active().id(), w.month().minusMonths(9), Money.of("6", "USD"), "batch-good-2")))));
    c.add(bad("ledger.recordAll", partnerIds(), v -> "unknown id (one bad among good)",
        (w, id) -> w.ledger().recordAll(List.of(
            RevenueRecording.of(w.active().id(), w.month().minusMonths(7), Money.of("5", "USD"), "batch-good-1"),
            RevenueRecording.of(id, w.month().minusMonths(8), Money.of("5", "USD"), "batch-unknown")))));
    c.add(fixed("ledger.recordAll", "null", "null list", w -> w.ledger().recordAll(null)));
    c.add(fixed("ledger.recordAll", "blank", "empty list", w -> w.ledger().recordAll(List.of())));
    c.add(fixed("ledger.recordAll", "null", "a null recording", w -> w.ledger().recordAll(nullList())));
    c.add(bad("ledger.correct", partnerIds(), v -> "unknown id",
        (w, id) -> w.ledger().correct(RevenueCorrection.of(id, w.month(), "fix-unknown", "why").withMrr(Money.of("1", "USD")))));
    c.add(bad("ledger.correct", InvalidInput.freeText(2000), BadInputContract::textKind,
        (w, why) -> w.ledger().correct(RevenueCorrection.of(w.active().id(), w.month().minusMonths(1), "fix-why", why)
            .withMrr(Money.of("1", "USD")))));
    c.add(bad("ledger.correct", InvalidInput.idempotencyKeys(), BadInputContract::textKind,
        (w, k) -> w.ledger().correct(RevenueCorrection.of(w.active().id(), w.month().minusMonths(1), k, "why")
            .withMrr(Money.of("1", "USD")))));
    c.add(bad("ledger.correct", InvalidInput.negativeMoney(), v -> "negative number",
        (w, m) -> w.ledger().correct(RevenueCorrection.of(w.active().id(), w.month().minusMonths(1), "fix-neg", "why").withMrr(m))));
    c.add(bad("ledger.correct", SourceDSL.integers().between(Integer.MIN_VALUE, 0), v -> "impossible version",
        (w, r) -> w.ledger().correct(RevenueCorrection.of(w.active().id(), w.month().minusMonths(1), "fix-rev", "why")
            .withMrr(Money.of("1", "USD")).withExpectedRevision(r))));
    c.add(bad("ledger.correct", InvalidInput.monthsOutsideLedger(YearMonth.of(2026, 1)), v -> "month out of range",
        (w, m) -> w.ledger().correct(RevenueCorrection.of(w.active().id(), m, "fix-m", "why").withMrr(Money.of("1", "USD")))));
    c.add(fixed("ledger.correct", "null", "null correction", w -> w.ledger().correct(null)));
    c.add(fixed("ledger.history", "null", "null partner and month", w -> w.ledger().history(null, null, PageRequest.first(PageRequest.MAX_LIMIT)).items()));
    c.add(bad("ledger.history", partnerIds(), v -> "unknown id", (w, id) -> w.ledger().history(id, w.month(), PageRequest.first(PageRequest.MAX_LIMIT)).items()));
    c.add(bad("ledger.history", badPages(), BadInputContract::pageKind,
        (w, page) -> w.ledger().history(w.active().id(), w.month(), page)));
    c.add(fixed("ledger.history", "null", "null page", w -> w.ledger().history(w.active().id(), w.month(), null)));
    c.add(fixed("ledger.current", "null", "null partner and month", w -> w.ledger().current(null, null)));
    c.add(bad("ledger.findByKey", Generate.pick(java.util.Arrays.asList(null, "", " ", "\t")), BadInputContract::textKind,
        (w, k) -> w.ledger().findByKey(k)));
    c.add(bad("ledger.partnerReport", partnerIds(), v -> "unknown id",
        (w, id) -> w.ledger().partnerReport(id, MonthRange.of(w.month()))));
    c.add(bad("ledger.partnerReport", InvalidInput.monthsOutOfOrder(YearMonth.of(2026, 1)), v -> "months out of order",
        (w, m) -> w.ledger().partnerReport(w.active().id(), new MonthRange(m.from(), m.to()))));
    c.add(bad("ledger.partnerReport", SourceDSL.longs().between(RevenueLedger.MAX_REPORT_MONTHS + 1, 100_000),
        v -> "range too long",
        (w, n) -> w.ledger().partnerReport(w.active().id(), MonthRange.lastMonths(w.month(), n))));
    c.add(fixed("ledger.partnerReport", "null", "null range", w -> w.ledger().partnerReport(w.active().id(), null)));
    c.add(bad("ledger.current", partnerIds(), v -> "unknown id", (w, id) -> w.ledger().current(id, w.month())));
    c.add(bad("ledger.latest", partnerIds(), v -> "unknown id", (w, id) -> w.ledger().latest(id)));
    c.add(bad("ledger.programReport", SourceDSL.longs().between(RevenueLedger.MAX_REPORT_MONTHS + 1, 100_000),
        v -> "range too long", (w, n) -> w.ledger().programReport(MonthRange.lastMonths(w.month(), n))));
    c.add(bad("ledger.programReport", InvalidInput.monthsOutOfOrder(YearMonth.of(2026, 1)), v -> "months out of order",
        (w, m) -> w.ledger().programReport(new MonthRange(m.from(), m.to()))));
    c.add(bad("ledger.topByMrr", Generate.oneOf(SourceDSL.integers().between(Integer.MIN_VALUE, 0),
            SourceDSL.integers().between(RevenueLedger.MAX_TOP + 1, Integer.MAX_VALUE)), v -> "number out of range",
        (w, n) -> w.ledger().topByMrr(w.month(), USD, n)));
    c.add(fixed("ledger.topByMrr", "null", "null month and currency", w -> w.ledger().topByMrr(null, null, 3)));
    c.add(bad("ledger.exportCsv", InvalidInput.monthsOutOfOrder(YearMonth.of(2026, 1)), v -> "months out of order",
        (w, m) -> w.ledger().exportCsv(new RevenueFilter(Optional.empty(), Optional.of(m.from()), Optional.of(m.to()),
            Set.of()), new StringWriter())));
    c.add(bad("ledger.exportCsv", partnerIds(), v -> "unknown id",
        (w, id) -> w.ledger().exportCsv(RevenueFilter.all().withPartner(id), new StringWriter())));
    c.add(fixed("ledger.exportCsv", "null", "null tier set",
        w -> w.ledger().exportCsv(new RevenueFilter(Optional.empty(), Optional.empty(), Optional.empty(), null),
            new StringWriter())));
    c.add(fixed("ledger.exportCsv", "null", "null filter components",
        w -> w.ledger().exportCsv(new RevenueFilter(null, null, null, Set.of()), new StringWriter())));
    c.add(fixed("ledger.exportCsv", "null", "null filter and writer", w -> w.ledger().exportCsv(null, (Writer) null)));
    c.add(fixed("ledger.exportCsv", "null", "null stream",
        w -> w.ledger().exportCsv(RevenueFilter.all(), (java.io.OutputStream) null)));
    c.add(fixed("RevenueFilter.withPartner", "null", "null id", w -> RevenueFilter.all().withPartner(null)));
    c.add(fixed("RevenueFilter.withMonths", "null", "null range", w -> RevenueFilter.all().withMonths(null)));
    c.add(fixed("RevenueFilter.withTiers", "null", "null tier", w -> RevenueFilter.all().withTiers(null)));
    c.add(bad("MonthRange.lastMonths", InvalidInput.monthCounts(), v -> "number out of range",
        (w, n) -> MonthRange.lastMonths(w.month(), n)));
    c.add(bad("MonthRange.lastMonths", SourceDSL.longs().between(12L * 2_000_000_000L, Long.MAX_VALUE),
        v -> "huge number", (w, n) -> MonthRange.lastMonths(w.month(), n)));
    c.add(fixed("MonthRange", "null", "null months", w -> new MonthRange(null, null)));
  }
}
