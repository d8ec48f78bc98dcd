package cloud.quazzar.partner.revenue;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The whole program in one month, over every partner's current entry (corrections supersede what
 * they correct). Totals per currency, no currency conversion (rule REV-5).
 *
 * @param month the month
 * @param mrrTotals the sum of the MRR per currency, one {@link Money} per currency that occurs,
 *     ordered by ISO code; empty when no partner recorded the month
 * @param serverCount the sum of the server counts
 * @param clientCount the sum of the client counts
 * @param partnerCount how many partners recorded the month
 */
public record ProgramMonth(YearMonth month, List<Money> mrrTotals, long serverCount, long clientCount, long partnerCount) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param month the month
   * @param mrrTotals the sum of the MRR per currency, one {@link Money} per currency that occurs,
   *     ordered by ISO code; empty when no partner recorded the month
   * @param serverCount the sum of the server counts
   * @param clientCount the sum of the client counts
   * @param partnerCount how many partners recorded the month
   * @throws ValidationException naming each component that is null or out of range
   */
  public ProgramMonth {
    requireNonNull(month, "month");
    mrrTotals = List.copyOf(requireNonNull(mrrTotals, "mrrTotals"));
    List<Violation> v = new ArrayList<>(0);
    if (serverCount < 0) {
      v.add(new Violation("serverCount", "must be 0 or more, got " + serverCount));
    }
    if (clientCount < 0) {
      v.add(new Violation("clientCount", "must be 0 or more, got " + clientCount));
    }
    if (partnerCount < 0) {
      v.add(new Violation("partnerCount", "must be 0 or more, got " + partnerCount));
    }
    if (!v.isEmpty()) {
      throw new ValidationException(v);
    }
  }

  /**
   * The MRR total in {@code currency}, if any partner recorded the month in it.
   *
   * @param currency a currency
   * @return the total, or empty if no partner recorded the month in it
   */
  public Optional<Money> mrrTotal(Currency currency) {
    return mrrTotals.stream().filter(m -> m.hasCurrency(currency)).findFirst();
  }
}
