package cloud.quazzar.partner.discount;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of a billing run ({@link DiscountEngine#quoteAll}): one quote per item, in the items'
 * order, all under one policy version, and the run's totals (exact; {@code totalNet + totalDiscount
 * == totalGross}). The engine's runs total their quotes; the constructor checks what it can without
 * going through the quotes (a run may hold millions).
 *
 * @param date the date quoted for
 * @param policyVersion the version in force that day, used for every item
 * @param quotes one quote per item, in order; unmodifiable
 * @param totalGross the sum of the gross amounts
 * @param totalDiscount the sum of the discounts, 0 to {@code totalGross}
 * @param totalNet the sum of the net amounts: {@code totalGross - totalDiscount}
 */
public record BatchQuote(
    LocalDate date,
    PolicyVersion policyVersion,
    List<DiscountQuote> quotes,
    Money totalGross,
    Money totalDiscount,
    Money totalNet) {

  /**
   * @param date the date quoted for
   * @param policyVersion the version in force that day, used for every item
   * @param quotes one quote per item, in order; unmodifiable
   * @param totalGross the sum of the gross amounts
   * @param totalDiscount the sum of the discounts, 0 to {@code totalGross}
   * @param totalNet the sum of the net amounts: {@code totalGross - totalDiscount}
   * @throws ValidationException listing every null component, a version not in force on the date
   *     ({@code policyVersion}), totals in different currencies ({@code totalDiscount}, {@code
   *     totalNet}), a discount outside 0 to the gross ({@code totalDiscount}), and a net other than
   *     gross - discount ({@code totalNet})
   */
  public BatchQuote {
    List<Violation> violations = new ArrayList<>(0);
    if (date != null && policyVersion != null && (policyVersion.isCancelled() || date.isBefore(policyVersion.effectiveFrom()))) {
      violations.add(new Violation("policyVersion", "must be in force on " + date + ", but " + policyVersion.label()
          + (policyVersion.isCancelled() ? " was cancelled" : " starts later")));
    }
    if (totalGross != null && totalDiscount != null && totalNet != null) {
      if (!totalDiscount.hasCurrency(totalGross.currency())) {
        violations.add(new Violation("totalDiscount", "must be in " + totalGross.currency() + ", got " + totalDiscount));
      } else if (totalDiscount.isNegative() || totalDiscount.compareTo(totalGross) > 0) {
        violations.add(new Violation("totalDiscount", "must be from 0 to the total gross " + totalGross + ", got "
            + totalDiscount));
      }
      if (!totalNet.hasCurrency(totalGross.currency())) {
        violations.add(new Violation("totalNet", "must be in " + totalGross.currency() + ", got " + totalNet));
      } else if (totalDiscount.hasCurrency(totalGross.currency())
          && totalNet.minorUnits() + totalDiscount.minorUnits() != totalGross.minorUnits()) {
        violations.add(new Violation("totalNet", "must be the total gross " + totalGross + " less the total discount "
            + totalDiscount + ", got " + totalNet));
      }
    }
    ComponentChecks.requireAll(violations, "date", date, "policyVersion", policyVersion, "quotes", quotes,
        "totalGross", totalGross, "totalDiscount", totalDiscount, "totalNet", totalNet);
  }
}
