package cloud.quazzar.partner.discount;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One immutable version of the discount policy. Versions are numbered 1, 2, 3, ... in the order
 * they were set and are never changed or removed; a version scheduled for a future date can be
 * cancelled until that date, which appends its {@link #cancellation()}.
 *
 * <p>The version in force on a date (rule DISC-5 of {@code docs/rules.md}: a quote for a date uses the version in
 * force on that date) is, among the versions not cancelled whose {@link #effectiveFrom()} is on or
 * before the date, the one with the latest {@code effectiveFrom}; of two with the same date, the
 * higher number.
 *
 * @param version the version number, 1 or more
 * @param effectiveFrom the first day it is in force (inclusive); it stays in force until the day
 *     before another version's first day
 * @param policy the policy
 * @param createdAt when it was set
 * @param createdBy who set it ({@link PolicyChange#createdBy()}, cleaned)
 * @param reason why
 * @param cancellation its cancellation, if it was cancelled before taking effect
 */
public record PolicyVersion(
    int version,
    LocalDate effectiveFrom,
    DiscountPolicy policy,
    Instant createdAt,
    String createdBy,
    String reason,
    Optional<Cancellation> cancellation) {

  /**
   * @param version the version number, 1 or more
   * @param effectiveFrom the first day it is in force (inclusive); it stays in force until the day
   *     before another version's first day
   * @param policy the policy
   * @param createdAt when it was set
   * @param createdBy who set it ({@link PolicyChange#createdBy()}, cleaned)
   * @param reason why
   * @param cancellation its cancellation, if it was cancelled before taking effect
   * @throws ValidationException listing every null component and a version below 1
   */
  public PolicyVersion {
    List<Violation> violations = new ArrayList<>(0);
    if (version < 1) {
      violations.add(new Violation("version", "must be 1 or more, got " + version));
    }
    ComponentChecks.requireAll(violations, "effectiveFrom", effectiveFrom, "policy", policy, "createdAt", createdAt,
        "createdBy", createdBy, "reason", reason, "cancellation", cancellation);
  }

  /**
   * Whether it was cancelled (and so is never in force).
   *
   * @return true if it was cancelled
   */
  public boolean isCancelled() {
    return cancellation.isPresent();
  }

  /**
   * This version with {@code cancellation} recorded.
   *
   * @param cancellation who cancelled it, when and why
   * @return the cancelled version
   * @throws ValidationException ({@code cancellation}) if {@code cancellation} is null
   */
  public PolicyVersion withCancellation(Cancellation cancellation) {
    return new PolicyVersion(version, effectiveFrom, policy, createdAt, createdBy, reason,
        Optional.of(ValidationException.requireNonNull(cancellation, "cancellation")));
  }

  /**
   * {@code policy version 3 (effective 2026-01-01)}.
   *
   * @return the label
   */
  public String label() {
    return "policy version " + version + " (effective " + effectiveFrom + ")";
  }
}
