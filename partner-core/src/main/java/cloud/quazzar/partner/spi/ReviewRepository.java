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

  /**
   * The partner's running grace period, if any.
   *
   * @param partnerId the partner
   * @return the grace period, or empty
   */
  Optional<GracePeriod> gracePeriod(PartnerId partnerId);

  /**
   * Stores a running grace period.
   *
   * @param gracePeriod the grace period
   * @throws ConflictException ({@code DUPLICATE}) if the partner has one already
   */
  void insertGracePeriod(GracePeriod gracePeriod);

  /**
   * Removes the partner's running grace period if it started on {@code startedOn} (compare-and-set);
   * its history is the stored outcomes.
   *
   * @param partnerId the partner
   * @param startedOn the day the grace period started
   * @return whether it was removed
   */
  boolean deleteGracePeriod(PartnerId partnerId, LocalDate startedOn);

  /**
   * The stored outcome of the partner's review on {@code date}, if any.
   *
   * @param partnerId the partner
   * @param date the review day
   * @return the outcome, or empty
   */
  Optional<ReviewOutcome> outcome(PartnerId partnerId, LocalDate date);

  /**
   * Stores an outcome, every field as given (lists in order; strings of the unmet list hold no line
   * break).
   *
   * @param outcome the outcome
   * @throws ConflictException ({@code DUPLICATE}) if the partner has an outcome on that day already
   */
  void insertOutcome(ReviewOutcome outcome);

  /**
   * Every stored outcome of the partner, ordered by date.
   *
   * @param partnerId the partner
   * @return the outcomes, by date
   */
  List<ReviewOutcome> outcomes(PartnerId partnerId);

  /**
   * One page of the partner's stored outcomes (docs/rules.md LIST-4): those of the days after
   * {@code afterDate} (all, if empty), by date, at most {@code limit}. The default filters {@link
   * #outcomes(PartnerId)}; a database seeks through its (partner, date) key.
   *
   * @param partnerId the partner
   * @param afterDate the day of the previous page's last outcome; empty for the first page
   * @param limit the most outcomes to return, 1 or more
   * @return the page's outcomes, oldest first
   */
  default List<ReviewOutcome> outcomes(PartnerId partnerId, Optional<LocalDate> afterDate, int limit) {
    return outcomes(partnerId).stream()
        .filter(o -> afterDate.map(d -> o.date().isAfter(d)).orElse(true))
        .limit(limit)
        .toList();
  }

  /**
   * The latest day with a stored outcome, of any partner.
   *
   * @return the latest review day, or empty
   */
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

  /**
   * The highest stored policy version, 0 if none.
   *
   * @return the highest policy version
   */
  int lastPolicyVersion();

  /**
   * The policy of the highest version, if any.
   *
   * @return the latest policy, or empty
   */
  Optional<ReviewPolicy> latestPolicy();
}
