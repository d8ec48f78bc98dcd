package cloud.quazzar.partner.internal.revenue;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.internal.ProgramTime;
import cloud.quazzar.partner.internal.events.OutboxStore;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.BatchResult;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.MonthReport;
import cloud.quazzar.partner.revenue.PartnerReport;
import cloud.quazzar.partner.revenue.ProgramReport;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.revenue.RevenueRow;
import cloud.quazzar.partner.spi.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's rules (REV-1 to REV-7 of docs/rules.md), once, over any {@link Store}: the {@link
 * RevenueLedger} the program hands out, each call passed to the class that holds its rules:
 *
 * <ul>
 *   <li>{@link Recordings}: recording a month, alone or in a batch; idempotency (REV-1, REV-2);
 *   <li>{@link Corrections}: correcting a month (REV-3, REV-6);
 *   <li>{@link Reports}: history, current entries, trends, program totals, the top MRRs (REV-4,
 *       REV-5);
 *   <li>{@link CsvExport}: the CSV export (REV-7, TEXT-6);
 * </ul>
 *
 * with the input rules they share in {@link LedgerChecks} and {@link IdempotencyKeys}.
 */
public final class DefaultRevenueLedger implements RevenueLedger {
  private final Recordings recordings;
  private final Corrections corrections;
  private final Reports reports;
  private final OutboxStore store;

  public DefaultRevenueLedger(OutboxStore store, ProgramTime time, IdGenerator ids) {
    this.store = requireNonNull(store, "store");
    requireNonNull(time, "time");
    requireNonNull(ids, "ids");
    this.recordings = new Recordings(store, time, ids);
    this.corrections = new Corrections(store, time, ids);
    this.reports = new Reports(store);
  }

  @Override
  public RevenueEntry record(RevenueRecording recording) {
    return recordings.record(recording);
  }

  @Override
  public BatchResult recordAll(List<RevenueRecording> recordings) {
    return this.recordings.recordAll(recordings);
  }

  @Override
  public RevenueEntry correct(RevenueCorrection correction) {
    return corrections.correct(correction);
  }

  @Override
  public Page<RevenueEntry> history(PartnerId partnerId, YearMonth month, PageRequest page) {
    return reports.history(partnerId, month, page);
  }

  @Override
  public Optional<RevenueEntry> current(PartnerId partnerId, YearMonth month) {
    return reports.current(partnerId, month);
  }

  @Override
  public Optional<RevenueEntry> findByKey(String idempotencyKey) {
    return reports.findByKey(idempotencyKey);
  }

  @Override
  public PartnerReport partnerReport(PartnerId partnerId, MonthRange range) {
    return reports.partnerReport(partnerId, range);
  }

  @Override
  public Optional<MonthReport> latest(PartnerId partnerId) {
    return reports.latest(partnerId);
  }

  @Override
  public ProgramReport programReport(MonthRange range) {
    return reports.programReport(range);
  }

  @Override
  public List<RevenueRow> topByMrr(YearMonth month, Currency currency, int n) {
    return reports.topByMrr(month, currency, n);
  }

  @Override
  public long exportCsv(RevenueFilter filter, Writer out) throws IOException {
    return CsvExport.export(store, filter, out);
  }

  @Override
  public long exportCsv(RevenueFilter filter, OutputStream out) throws IOException {
    return CsvExport.export(store, filter, out);
  }
}
