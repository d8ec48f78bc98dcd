package cloud.quazzar.partner.internal.revenue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.internal.Checks;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.spi.StoreTransaction;
import jakarta.validation.ConstraintViolation;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's input rules (BAD-1, BAD-2), shared by recordings, corrections,
 * reports and the export: every violation is collected into one {@link Checks}; an id of nothing
 * is a {@link NotFoundException}.
 */
public final class LedgerChecks {
  static final String PARTNER = "partner";

  /** The earliest month the ledger takes. */
  public static final YearMonth EARLIEST = YearMonth.of(1900, 1);

  private LedgerChecks() {}

  static void requirePartner(StoreTransaction tx, PartnerId id) {
    if (tx.partners().find(id).isEmpty()) {
      throw new NotFoundException(PARTNER, id);
    }
  }

  static void checkRange(MonthRange range) {
    Checks.start().check(range.size() <= RevenueLedger.MAX_REPORT_MONTHS, "range",
        "must span at most " + RevenueLedger.MAX_REPORT_MONTHS + " months, got " + range.size()).done();
  }

  /**
   * The rules of one recording: {@code index} is its place in a batch, or -1 for a lone recording
   * (then its fields are named {@code recording}, {@code month}, ...; in a batch {@code
   * recordings[3].month}, ...). The names are built only for a violation: a month-end batch checks
   * a thousand valid recordings.
   */
  static void checkRecording(Checks c, int index, @Nullable RevenueRecording r, YearMonth thisMonth) {
    if (r == null) {
      c.add(index < 0 ? "recording" : "recordings[" + index + "]", "must not be null");
      return;
    }
    validate(c, index, r);
    YearMonth month = r.month();
    if (month != null && outside(month, thisMonth)) {
      c.add(prefix(index) + "month", monthOutside(month, thisMonth));
    }
    Money mrr = r.mrr();
    if (mrr != null && mrr.isNegative()) {
      c.add(prefix(index) + "mrr", "must be 0 or more, got " + mrr);
    }
    if (IdempotencyKeys.surroundedByWhiteSpace(r.idempotencyKey())) {
      c.add(prefix(index) + "idempotencyKey", IdempotencyKeys.SURROUNDED);
    }
  }

  private static String prefix(int index) {
    return index < 0 ? "" : "recordings[" + index + "].";
  }

  private static boolean outside(YearMonth month, YearMonth thisMonth) {
    return month.isBefore(EARLIEST) || month.isAfter(thisMonth);
  }

  static void checkMonth(Checks c, String field, @Nullable YearMonth month, YearMonth thisMonth) {
    if (month != null && outside(month, thisMonth)) {
      c.add(field, monthOutside(month, thisMonth));
    }
  }

  private static String monthOutside(YearMonth month, YearMonth thisMonth) {
    return "must be from " + EARLIEST + " to the current month " + thisMonth + ", got " + month;
  }

  /** Bean Validation of {@code bean}, named {@code field} when it is null. */
  static void bean(Checks c, String field, @Nullable Object bean) {
    if (bean == null) {
      c.add(field, "must not be null");
      return;
    }
    validate(c, -1, bean);
  }

  /**
   * Bean Validation of {@code bean}, each violation's path prefixed as {@link #prefix} names the
   * element {@code index} of a batch (nothing for -1).
   */
  private static void validate(Checks c, int index, Object bean) {
    // the beans have constraints on their components only, so every path names one
    for (ConstraintViolation<Object> v : Checks.validator().validate(bean)) {
      c.add(prefix(index) + v.getPropertyPath(), v.getMessage());
    }
  }
}
