package cloud.quazzar.partner.revenue;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

import java.time.YearMonth;
import java.util.Optional;

/**
 * A partner's month as reports show it: the current entry (the highest revision, so corrections
 * supersede what they correct) and the trend against the previous calendar month.
 *
 * @param entry the month's current entry (its MRR and counts: {@code entry().mrr()}, ...)
 * @param mrrTrend the MRR's change from the previous month
 * @param serverCountTrend the server count's change from the previous month
 * @param clientCountTrend the client count's change from the previous month
 */
public record MonthReport(RevenueEntry entry, MoneyTrend mrrTrend, CountTrend serverCountTrend,
    CountTrend clientCountTrend) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param entry the month's current entry (its MRR and counts: {@code entry().mrr()}, ...)
   * @param mrrTrend the MRR's change from the previous month
   * @param serverCountTrend the server count's change from the previous month
   * @param clientCountTrend the client count's change from the previous month
   * @throws ValidationException naming each component that is null or out of range
   */
  public MonthReport {
    requireNonNull(entry, "entry");
    requireNonNull(mrrTrend, "mrrTrend");
    requireNonNull(serverCountTrend, "serverCountTrend");
    requireNonNull(clientCountTrend, "clientCountTrend");
  }

  /**
   * The report of {@code entry} against {@code previous}, the current entry of the month before,
   * if that month was recorded.
   *
   * @param entry the month's current entry
   * @param previous the previous month's current entry, if that month was recorded
   * @return the report
   * @throws ValidationException ({@code previous}) if it is not the same partner's previous month
   */
  public static MonthReport of(RevenueEntry entry, Optional<RevenueEntry> previous) {
    requireNonNull(entry, "entry");
    requireNonNull(previous, "previous");
    previous.ifPresent(p -> {
      if (!p.partnerId().equals(entry.partnerId()) || !p.month().equals(entry.month().minusMonths(1))) {
        throw ValidationException.of("previous", "must be the same partner's month before " + entry.month()
            + ", got " + p.partnerId() + " " + p.month());
      }
    });
    return new MonthReport(entry,
        MoneyTrend.of(previous.map(RevenueEntry::mrr), entry.mrr()),
        CountTrend.of(previous.map(RevenueEntry::serverCount), entry.serverCount()),
        CountTrend.of(previous.map(RevenueEntry::clientCount), entry.clientCount()));
  }

  /**
   * The month: {@code entry().month()}.
   *
   * @return the month
   */
  public YearMonth month() {
    return entry.month();
  }
}
