package cloud.quazzar.partner.internal.observe;

import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
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
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The {@link RevenueLedger} the program hands out: each call of the implementation timed and classified
 * by {@link Observation} as operation {@code revenue.<operation>} (docs/operations.md, "Metrics").
 * Written as plain delegation (no reflection) so that an unobserved call costs one volatile read
 * (OPS-14). A method added to the interface must be added here.
 */
public final class ObservedRevenueLedger implements RevenueLedger {
  private final RevenueLedger delegate;
  private final Observation obs;

  /** Observes {@code delegate} through {@code obs}. */
  public ObservedRevenueLedger(RevenueLedger delegate, Observation obs) {
    this.delegate = delegate;
    this.obs = obs;
  }

  @Override
  public RevenueEntry record(RevenueRecording recording) {
    long t = obs.start(Operation.REVENUE_RECORD);
    try {
      return obs.ok(Operation.REVENUE_RECORD, t, delegate.record(recording));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVENUE_RECORD, t, e);
    }
  }

  @Override
  public BatchResult recordAll(List<RevenueRecording> recordings) {
    long t = obs.start(Operation.REVENUE_RECORD_ALL);
    try {
      return obs.ok(Operation.REVENUE_RECORD_ALL, t, delegate.recordAll(recordings));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVENUE_RECORD_ALL, t, e);
    }
  }

  @Override
  public RevenueEntry correct(RevenueCorrection correction) {
    long t = obs.start(Operation.REVENUE_CORRECT);
    try {
      return obs.ok(Operation.REVENUE_CORRECT, t, delegate.correct(correction));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVENUE_CORRECT, t, e);
    }
  }

  @Override
  public Page<RevenueEntry> history(PartnerId partnerId, YearMonth month, PageRequest page) {
    long t = obs.start(Operation.REVENUE_HISTORY);
    try {
      return obs.ok(Operation.REVENUE_HISTORY, t, delegate.history(partnerId, month, page));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVENUE_HISTORY, t, e);
    }
  }

  @Override
  public Optional<RevenueEntry> current(PartnerId partnerId, YearMonth month) {
    long t = obs.start(Operation.REVENUE_CURRENT);
    try {
      return obs.ok(Operation.REVENUE_CURRENT, t, delegate.current(partnerId, month));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVENUE_CURRENT, t, e);
    }
  }

  @Override
  public Optional<RevenueEntry> findByKey(String idempotencyKey) {
    long t = obs.start(Operation.REVENUE_FIND_BY_KEY);
    try {
      return obs.ok(Operation.REVENUE_FIND_BY_KEY, t, delegate.findByKey(idempotencyKey));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVENUE_FIND_BY_KEY, t, e);
    }
  }

  @Override
  public PartnerReport partnerReport(PartnerId partnerId, MonthRange range) {
    long t = obs.start(Operation.REVENUE_PARTNER_REPORT);
    try {
      return obs.ok(Operation.REVENUE_PARTNER_REPORT, t, delegate.partnerReport(partnerId, range));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVENUE_PARTNER_REPORT, t, e);
    }
  }

  @Override
  public Optional<MonthReport> latest(PartnerId partnerId) {
    long t = obs.start(Operation.REVENUE_LATEST);
    try {
      return obs.ok(Operation.REVENUE_LATEST, t, delegate.latest(partnerId));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVENUE_LATEST, t, e);
    }
  }

  @Override
  public ProgramReport programReport(MonthRange range) {
    long t = obs.start(Operation.REVENUE_PROGRAM_REPORT);
    try {
      return obs.ok(Operation.REVENUE_PROGRAM_REPORT, t, delegate.programReport(range));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVENUE_PROGRAM_REPORT, t, e);
    }
  }

  @Override
  public List<RevenueRow> topByMrr(YearMonth month, Currency currency, int n) {
    long t = obs.start(Operation.REVENUE_TOP_BY_MRR);
    try {
      return obs.ok(Operation.REVENUE_TOP_BY_MRR, t, delegate.topByMrr(month, currency, n));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVENUE_TOP_BY_MRR, t, e);
    }
  }

  @Override
  public long exportCsv(RevenueFilter filter, Writer out) throws IOException {
    long t = obs.start(Operation.REVENUE_EXPORT_CSV);
    try {
      return obs.ok(Operation.REVENUE_EXPORT_CSV, t, delegate.exportCsv(filter, out));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVENUE_EXPORT_CSV, t, e);
    } catch (IOException e) {
      throw obs.failed(Operation.REVENUE_EXPORT_CSV, t, e);
    }
  }

  @Override
  public long exportCsv(RevenueFilter filter, OutputStream out) throws IOException {
    long t = obs.start(Operation.REVENUE_EXPORT_CSV);
    try {
      return obs.ok(Operation.REVENUE_EXPORT_CSV, t, delegate.exportCsv(filter, out));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVENUE_EXPORT_CSV, t, e);
    } catch (IOException e) {
      throw obs.failed(Operation.REVENUE_EXPORT_CSV, t, e);
    }
  }
}
