package cloud.quazzar.partner.revenue;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import java.util.List;

/**
 * The whole program per month over a range: one {@link ProgramMonth} for every month of the range,
 * oldest first (a month nobody recorded has empty totals).
 *
 * @param range the months asked for
 * @param months one per month of the range, unmodifiable
 */
public record ProgramReport(MonthRange range, List<ProgramMonth> months) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param range the months asked for
   * @param months one per month of the range, unmodifiable
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null or out of range
   */
  public ProgramReport {
    requireNonNull(range, "range");
    months = List.copyOf(requireNonNull(months, "months"));
  }
}
