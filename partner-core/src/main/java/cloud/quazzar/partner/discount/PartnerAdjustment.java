package cloud.quazzar.partner.discount;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.registry.PartnerId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One immutable version of a partner's discount adjustment, numbered 1, 2, ... per partner and
 * audited like the policy. A version still in the future can be cancelled, which appends its
 * {@link #cancellation()}.
 *
 * <p>The adjustment in force for a partner on a date is, among its versions not cancelled whose
 * period ({@link #effectiveFrom()} to {@link #effectiveUntil()}, both inclusive) contains the
 * date, the one with the latest {@code effectiveFrom}; of two with the same start, the higher
 * number. So a time-limited adjustment overlays an open-ended one, which applies again after it
 * ends; a {@link AdjustmentKind#NONE} version ends or pauses the others. Rule DISC-8 of {@code docs/rules.md}: the
 * quote shows it as its own line, and the cap and the 0-100% bounds still hold.
 *
 * @param partnerId the partner
 * @param version 1 or more, per partner
 * @param kind what it does
 * @param rate the extra or replacement rate (0% for NONE)
 * @param effectiveFrom the first day it applies (inclusive)
 * @param effectiveUntil the last day it applies (inclusive), if it ends; empty for open-ended
 * @param createdAt when it was set
 * @param createdBy who set it ({@link AdjustmentRequest#createdBy()}, cleaned)
 * @param reason why
 * @param cancellation its cancellation, if cancelled before taking effect
 */
public record PartnerAdjustment(
    PartnerId partnerId,
    int version,
    AdjustmentKind kind,
    Rate rate,
    LocalDate effectiveFrom,
    Optional<LocalDate> effectiveUntil,
    Instant createdAt,
    String createdBy,
    String reason,
    Optional<Cancellation> cancellation) {

  /**
   * @param partnerId the partner
   * @param version 1 or more, per partner
   * @param kind what it does
   * @param rate the extra or replacement rate (0% for NONE)
   * @param effectiveFrom the first day it applies (inclusive)
   * @param effectiveUntil the last day it applies (inclusive), if it ends; empty for open-ended
   * @param createdAt when it was set
   * @param createdBy who set it ({@link AdjustmentRequest#createdBy()}, cleaned)
   * @param reason why
   * @param cancellation its cancellation, if cancelled before taking effect
   * @throws ValidationException listing every null component, a version below 1, an end before
   *     the start ({@code effectiveUntil}), and a NONE adjustment with a rate other than 0%
   *     ({@code rate})
   */
  public PartnerAdjustment {
    List<Violation> violations = new ArrayList<>(0);
    if (version < 1) {
      violations.add(new Violation("version", "must be 1 or more, got " + version));
    }
    if (effectiveUntil != null && effectiveFrom != null && effectiveUntil.isPresent()
        && effectiveUntil.get().isBefore(effectiveFrom)) {
      violations.add(new Violation("effectiveUntil", "must be on or after effectiveFrom " + effectiveFrom + ", got "
          + effectiveUntil.get()));
    }
    if (kind == AdjustmentKind.NONE && rate != null && !rate.isZero()) {
      violations.add(new Violation("rate", "must be 0% for a NONE adjustment, got " + rate));
    }
    ComponentChecks.requireAll(violations, "partnerId", partnerId, "kind", kind, "rate", rate,
        "effectiveFrom", effectiveFrom, "effectiveUntil", effectiveUntil, "createdAt", createdAt,
        "createdBy", createdBy, "reason", reason, "cancellation", cancellation);
  }

  /**
   * Whether it was cancelled (and so never applies).
   *
   * @return true if it was cancelled
   */
  public boolean isCancelled() {
    return cancellation.isPresent();
  }

  /**
   * Whether it is not cancelled and its period ({@code effectiveFrom} to {@code effectiveUntil},
   * both inclusive) contains {@code date}.
   *
   * @param date the day asked about
   * @return true if it applies on that day
   */
  public boolean covers(LocalDate date) {
    return !isCancelled() && !date.isBefore(effectiveFrom) && effectiveUntil.map(u -> !date.isAfter(u)).orElse(true);
  }

  /**
   * This version with {@code cancellation} recorded.
   *
   * @param cancellation who cancelled it, when and why
   * @return the cancelled version
   * @throws ValidationException ({@code cancellation}) if {@code cancellation} is null
   */
  public PartnerAdjustment withCancellation(Cancellation cancellation) {
    return new PartnerAdjustment(partnerId, version, kind, rate, effectiveFrom, effectiveUntil, createdAt,
        createdBy, reason, Optional.of(ValidationException.requireNonNull(cancellation, "cancellation")));
  }

  /**
   * {@code adjustment v2: extra +2% (2026-01-01 to 2026-06-30): strategic account}.
   *
   * @return the label
   */
  public String label() {
    String what = switch (kind) {
      case EXTRA -> "extra +" + rate;
      case REPLACE_BASE -> "base rate replaced by " + rate;
      case NONE -> "none";
    };
    return "adjustment v" + version + ": " + what + " (" + effectiveFrom
        + effectiveUntil.map(u -> " to " + u).orElse(" onwards") + "): " + reason;
  }
}
