package cloud.quazzar.partner.discount;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of a billing run ({@link DiscountEngine#quoteAll}): one quote per item, in the items'
 * order, all under one policy version, and the run's totals (exact; {@code totalNet + totalDiscount
 * == totalGross}).
 *
 * @param date the date quoted for
 * @param policyVersion the version in force that day, used for every item
 * @param quotes one quote per item, in order; unmodifiable
 * @param totalGross the sum of the gross amounts
 * @param totalDiscount the sum of the discounts
 * @param totalNet the sum of the net amounts
 */
public record BatchQuote(
    LocalDate date,
    PolicyVersion policyVersion,
    List<DiscountQuote> quotes,
    Money totalGross,
    Money totalDiscount,
    Money totalNet) {

  public BatchQuote {
    requireNonNull(date, "date");
    requireNonNull(policyVersion, "policyVersion");
    requireNonNull(quotes, "quotes");
    requireNonNull(totalGross, "totalGross");
    requireNonNull(totalDiscount, "totalDiscount");
    requireNonNull(totalNet, "totalNet");
  }
}
