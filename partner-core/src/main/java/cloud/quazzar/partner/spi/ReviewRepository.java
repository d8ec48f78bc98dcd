package cloud.quazzar.partner.spi;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.review.GracePeriod;
import cloud.quazzar.partner.review.ReviewOutcome;
import cloud.quazzar.partner.review.ReviewPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a store must do for tier reviews: running grace periods, the outcome of each partner's
 * review per day, and the versions of the review policy. Only persistence: core decides everything.
 * All methods act inside the enclosing transaction.
 *
 * <p>Uniqueness that must hold under concurrent transactions and across processes (in a database:
 * a primary key or unique index), reported as {@link ConflictException} with reason {@code
 * DUPLICATE}: one running grace period per partner; one outcome per partner and day; one policy
 * per version number. They are what keeps two nodes reviewing at once from starting two grace
 * periods or reviewing a partner twice.
 */
public interface ReviewRepository {

  /** The partner's running grace period, if any. */
  Optional<GracePeriod> gracePeriod(PartnerId partnerId);

  /**
   * Stores a running grace period.
   *
   * @throws ConflictException ({@code DUPLICATE}) if the partner has one already
   */
  void insertGracePeriod(GracePeriod gracePeriod);

  /**
   * Removes the partner's running grace period if it started on {@code startedOn} (compare-and-set);
   * its history is the stored outcomes.
   *
   * @return whether it was removed
   */
  boolean deleteGracePeriod(PartnerId partnerId, LocalDate startedOn);

  /** The stored outcome of the partner's review on {@code date}, if any. */
  Optional<ReviewOutcome> outcome(PartnerId partnerId, LocalDate date);

  /**
   * Stores an outcome, every field as given (lists in order; strings of the unmet list hold no line
   * break).
   *
   * @throws ConflictException ({@code DUPLICATE}) if the partner has an outcome on that day already
   */
  void insertOutcome(ReviewOutcome outcome);

  /** Every stored outcome of the partner, ordered by date. */
  List<ReviewOutcome> outcomes(PartnerId partnerId);

  /** The latest day with a stored outcome, of any partner. */
  Optional<LocalDate> lastReviewDate();

  /**
   * Appends a policy version (append-only: versions are never changed).
   *
   * @param version 1 for the first, then one more than {@link #lastPolicyVersion()}
   * @param policy the policy, every field (revenue requirements per tier, in order)
   * @param configuredAt when (microsecond precision)
   * @throws ConflictException ({@code DUPLICATE}) if the version exists
   */
  void appendPolicy(int version, ReviewPolicy policy, Instant configuredAt);

  /** The highest stored policy version, 0 if none. */
  int lastPolicyVersion();

  /** The policy of the highest version, if any. */
  Optional<ReviewPolicy> latestPolicy();
}
