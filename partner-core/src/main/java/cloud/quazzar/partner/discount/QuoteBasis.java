package cloud.quazzar.partner.discount;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a quote is based on: the date quoted for, the policy version in force that day, and the
 * partner's adjustment in force that day, if any. Quotes of one date and version without an
 * adjustment share one basis (a billing run has one), which keeps each {@link DiscountQuote} small.
 *
 * @param date the date quoted for
 * @param policyVersion the policy version in force on {@code date}: not cancelled, effective on or
 *     before it
 * @param adjustment the partner's EXTRA or REPLACE_BASE adjustment in force on {@code date}, if
 *     any: not cancelled, its period containing the date
 */
public record QuoteBasis(LocalDate date, PolicyVersion policyVersion, Optional<PartnerAdjustment> adjustment) {
  /**
   * @param date the date quoted for
   * @param policyVersion the policy version in force on {@code date}: not cancelled, effective on
   *     or before it
   * @param adjustment the partner's EXTRA or REPLACE_BASE adjustment in force on {@code date}, if
   *     any: not cancelled, its period containing the date
   * @throws ValidationException listing a null component, a cancelled version or one effective
   *     after {@code date} ({@code policyVersion}), and a NONE adjustment (which means none: pass
   *     {@code Optional.empty()}) or one that does not cover {@code date} ({@code adjustment})
   */
  public QuoteBasis {
    // one test on the quote path; the violations are worked out only when it fails
    if (date == null || policyVersion == null || adjustment == null || policyVersion.isCancelled()
        || date.isBefore(policyVersion.effectiveFrom())
        || (adjustment.isPresent() && (adjustment.get().kind() == AdjustmentKind.NONE || !adjustment.get().covers(date)))) {
      throw invalid(date, policyVersion, adjustment);
    }
  }

  @SuppressWarnings("NullableOptional") // a caller may pass null for the component: it is reported, never used
  private static ValidationException invalid(@Nullable LocalDate date, @Nullable PolicyVersion version,
      @Nullable Optional<PartnerAdjustment> adjustment) {
    List<Violation> violations = new ArrayList<>(2);
    if (date == null) {
      violations.add(new Violation("date", "must not be null"));
    }
    if (version == null) {
      violations.add(new Violation("policyVersion", "must not be null"));
    } else if (version.isCancelled()) {
      violations.add(new Violation("policyVersion", "must not be cancelled: " + version.label() + " is never in force"));
    } else if (date != null && date.isBefore(version.effectiveFrom())) {
      violations.add(new Violation("policyVersion", "must be in force on " + date + ", but " + version.label()
          + " starts later"));
    }
    if (adjustment == null) {
      violations.add(new Violation("adjustment", "must not be null; use Optional.empty() for none"));
    } else if (adjustment.isPresent() && adjustment.get().kind() == AdjustmentKind.NONE) {
      violations.add(new Violation("adjustment", "must not be a NONE adjustment (which means none): pass Optional.empty()"));
    } else if (adjustment.isPresent() && date != null && !adjustment.get().covers(date)) {
      violations.add(new Violation("adjustment", "must be in force on " + date + ", but " + adjustment.get().label()
          + (adjustment.get().isCancelled() ? " was cancelled" : " does not cover it")));
    }
    return new ValidationException(violations);
  }
}
