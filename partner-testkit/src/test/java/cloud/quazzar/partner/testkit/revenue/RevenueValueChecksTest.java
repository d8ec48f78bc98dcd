package cloud.quazzar.partner.testkit.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.BatchResult;
import cloud.quazzar.partner.revenue.EntryKind;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.MonthReport;
import cloud.quazzar.partner.revenue.ProgramMonth;
import cloud.quazzar.partner.revenue.RecordOutcome;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueEntryId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The revenue value types' own checks and counts as their javadoc states them (docs/rules.md, "Bad
 * input": a bad value is a {@link ValidationException} naming every component that is wrong):
 * {@link BatchResult}'s counts, {@link MonthRange#lastMonths}'s refusal of a null month,
 * {@link MonthReport#of}'s previous month (REV-4: the trend compares with the same partner's
 * previous calendar month) and {@link ProgramMonth}'s sums (REV-5).
 */
class RevenueValueChecksTest {
  private static final YearMonth JUN = YearMonth.of(2026, 6);
  private static final PartnerId PARTNER = new PartnerId(new UUID(0, 1));

  private static List<Violation> violations(Executable call) {
    return assertThrows(ValidationException.class, call).violations();
  }

  private static RevenueEntry entry(int n, PartnerId partner, YearMonth month) {
    return new RevenueEntry(new RevenueEntryId(new UUID(1, n)), partner, month, 1, EntryKind.RECORDED,
        Money.of(n + "0", "USD"), n, n, "k" + n, Optional.empty(), Instant.EPOCH, Optional.empty());
  }

  @Test
  @DisplayName("a batch's result counts the entries it created and, apart, the recordings it replayed")
  void batchCounts() {
    RecordOutcome created = new RecordOutcome(entry(1, PARTNER, JUN), true);
    RecordOutcome replayed = new RecordOutcome(entry(2, PARTNER, JUN.minusMonths(1)), false);
    BatchResult result = new BatchResult(List.of(created, replayed, replayed, created, replayed));
    assertEquals(2, result.createdCount());
    assertEquals(3, result.replayedCount());
    assertEquals(0, new BatchResult(List.of(created)).replayedCount());
    assertEquals(1, new BatchResult(List.of(replayed)).replayedCount());
  }

  @Test
  @DisplayName("lastMonths with a null month and a count of 1 (the least allowed) is refused on last alone")
  void lastMonthsNullWithTheLeastCount() {
    assertEquals(List.of(new Violation("last", "must not be null")), violations(() -> MonthRange.lastMonths(null, 1)));
  }

  @Test
  @DisplayName("REV-4: a month's report takes only the same partner's previous calendar month as its previous; "
      + "another partner's, or another month, is refused on previous")
  void monthReportPrevious() {
    RevenueEntry june = entry(3, PARTNER, JUN);
    RevenueEntry may = entry(2, PARTNER, JUN.minusMonths(1));
    assertEquals(Optional.of(may.mrr()), MonthReport.of(june, Optional.of(may)).mrrTrend().previous());
    PartnerId other = new PartnerId(new UUID(0, 2));
    assertEquals(List.of(new Violation("previous", "must be the same partner's month before 2026-06, got " + other + " 2026-05")),
        violations(() -> MonthReport.of(june, Optional.of(entry(2, other, JUN.minusMonths(1))))));
    assertEquals(List.of(new Violation("previous", "must be the same partner's month before 2026-06, got " + PARTNER + " 2026-04")),
        violations(() -> MonthReport.of(june, Optional.of(entry(2, PARTNER, JUN.minusMonths(2))))));
    assertEquals(List.of("previous"), assertThrows(ValidationException.class,
        () -> MonthReport.of(june, Optional.of(entry(4, PARTNER, JUN)))).fields(), "the month itself is not its previous");
  }

  @Test
  @DisplayName("REV-5: a program month's sums are 0 or more; each negative one is named with its value, all of them at once")
  void programMonthSums() {
    assertEquals(0, new ProgramMonth(JUN, List.of(), 0, 0, 0).partnerCount(), "zero everywhere is a month nobody recorded");
    assertEquals(List.of(new Violation("serverCount", "must be 0 or more, got -1")),
        violations(() -> new ProgramMonth(JUN, List.of(), -1, 0, 0)));
    assertEquals(List.of(new Violation("clientCount", "must be 0 or more, got -2")),
        violations(() -> new ProgramMonth(JUN, List.of(), 0, -2, 0)));
    assertEquals(List.of(new Violation("partnerCount", "must be 0 or more, got -3")),
        violations(() -> new ProgramMonth(JUN, List.of(), 0, 0, -3)));
    assertEquals(List.of("clientCount", "partnerCount", "serverCount"), assertThrows(ValidationException.class,
        () -> new ProgramMonth(JUN, List.of(), Long.MIN_VALUE, -1, -1)).fields());
  }
}
