package cloud.quazzar.partner.discount;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a quote is based on: the date quoted for, the policy version in force that day, and the
 * partner's adjustment in force that day, if any. Quotes of one date and version without an
 * adjustment share one basis (a billing run has one), which keeps each {@link DiscountQuote} small.
 *
 * @param date the date quoted for
 * @param policyVersion the policy version in force on {@code date}
 * @param adjustment the partner's EXTRA or REPLACE_BASE adjustment in force on {@code date}, if any
 */
public record QuoteBasis(LocalDate date, PolicyVersion policyVersion, Optional<PartnerAdjustment> adjustment) {
  /**
   * @throws IllegalArgumentException if the adjustment is a NONE adjustment (which means none)
   */
  public QuoteBasis {
    requireNonNull(date, "date");
    requireNonNull(policyVersion, "policyVersion");
    requireNonNull(adjustment, "adjustment");
    if (adjustment.isPresent() && adjustment.get().kind() == AdjustmentKind.NONE) {
      throw new IllegalArgumentException("a NONE adjustment means no adjustment: pass Optional.empty()");
    }
  }
}
