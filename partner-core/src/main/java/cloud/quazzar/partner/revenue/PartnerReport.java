package cloud.quazzar.partner.revenue;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.registry.PartnerId;
import java.util.List;

/**
 * One partner over a range of months: a {@link MonthReport} for each month of the range that was
 * recorded, oldest first; months without an entry have no row. The trend of the range's first
 * month compares with the month before the range when that was recorded.
 *
 * @param partnerId the partner
 * @param range the months asked for
 * @param months the recorded months of the range, oldest first, unmodifiable
 */
public record PartnerReport(PartnerId partnerId, MonthRange range, List<MonthReport> months) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param partnerId the partner
   * @param range the months asked for
   * @param months the recorded months of the range, oldest first, unmodifiable
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null or out of range
   */
  public PartnerReport {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(range, "range");
    months = List.copyOf(requireNonNull(months, "months"));
  }
}
