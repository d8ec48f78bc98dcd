package cloud.quazzar.partner.review;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.registry.PartnerId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Tier reviews with grace periods (rules REVIEW-1 to REVIEW-8). Obtained from {@link
 * cloud.quazzar.partner.PartnerProgram#reviews()}; thread-safe. The host schedules {@link #run()},
 * typically once a day.
 *
 * <h2>Promises</h2>
 *
 * <ul>
 *   <li><b>Per partner</b>, a review evaluates the tier requirements on the review day: the
 *       certification, server and client requirements of {@link
 *       cloud.quazzar.partner.certification.EligibilityRequirements} and the revenue requirements of
 *       the {@link ReviewPolicy}, as a ladder (a tier needs the requirements of every lower tier
 *       too). The verdict is {@link ReviewVerdict#KEEP}, {@link ReviewVerdict#PROMOTE} or {@link
 *       ReviewVerdict#AT_RISK}.
 *   <li><b>Grace</b>: a partner that stops qualifying for its tier keeps it (benefits, discount)
 *       for the policy's grace period; requalifying ends the grace period; a review on or after the
 *       day the demotion is due ({@link GracePeriod#demotionDueOn()}, the first day without grace)
 *       demotes the partner to the highest tier it qualifies for (the lowest tier if none) or only
 *       recommends it ({@link ReviewPolicy#demotionMode()}). A partner at the lowest tier
 *       has nowhere to go: it is reported at risk without a grace period. Promotions are applied
 *       or recommended by {@link ReviewPolicy#promotionMode()}.
 *   <li><b>Audited</b>: every applied change goes through {@link
 *       cloud.quazzar.partner.registry.PartnerRegistry#changeTier}: the tier history entry is by
 *       {@value #REVIEWER} with a reason starting {@code "tier review <date>: "}.
 *   <li><b>Once a day</b>: the outcome of each partner and day is stored with the changes, in one
 *       transaction per partner. Running again on a day already reviewed changes nothing (no tier
 *       change, no grace period, no history entry) and returns the stored outcomes. Two nodes
 *       running at once review each partner once: the loser of the race finds the stored outcome.
 *       A run that stops half-way leaves each partner reviewed or not; running again completes it.
 * </ul>
 */
public interface TierReviews {
  /** Who the tier history names for changes made by a review. */
  String REVIEWER = "tier review";

  /**
   * The policy reviews use: the last one {@link #configure configured}, else {@link ReviewPolicy#DEFAULT}.
   *
   * @return the policy in force
   */
  ReviewPolicy policy();

  /**
   * Stores {@code policy} as the policy of every later review, on every node sharing the store.
   * A running grace period keeps the end date it started with.
   *
   * @param policy the policy
   * @return the policy stored
   * @throws ValidationException if {@code policy} is null
   */
  ReviewPolicy configure(ReviewPolicy policy);

  /**
   * Reviews every active partner today (the program's clock and zone); see {@link #run(LocalDate)}.
   *
   * @return one outcome per reviewed partner
   */
  ReviewReport run();

  /**
   * Reviews every active partner as of {@code date}, partner by partner, each in its own
   * transaction. For hosts catching up on missed days: run the days in order.
   *
   * @param date the review day
   * @return one outcome per reviewed partner (stored ones for partners already reviewed that day)
   * @throws ValidationException if {@code date} is null, after today, or before the latest day
   *     already reviewed (reviews move forward in time)
   * @throws ConflictException if a partner stayed in conflict with concurrent writers after
   *     retries; partners reviewed before it stay reviewed
   * @throws cloud.quazzar.partner.StorageException if the store fails; partners reviewed before the
   *     failure stay reviewed, the one under review is not, and running the day again completes it
   */
  ReviewReport run(LocalDate date);

  /**
   * The partner's running grace period, if any.
   *
   * @param partnerId the partner
   * @return the running grace period, or empty
   * @throws ValidationException if {@code partnerId} is null
   * @throws NotFoundException if there is no such partner
   */
  Optional<GracePeriod> gracePeriod(PartnerId partnerId);

  /**
   * One page of the partner's stored review outcomes, oldest first (by review day, one outcome per
   * partner and day: a total order). Keyset pages (docs/rules.md LIST-2, LIST-4): each page but the
   * last has the token of the next; an outcome stored between pages comes on a later page if its
   * day is after the page's last one, and none is skipped or repeated. The token is signed for this
   * partner's history only: another partner's history refuses it.
   *
   * @param partnerId the partner
   * @param page the page size and the previous page's token
   * @return the page, oldest first, with the token of the next one if more outcomes follow
   * @throws ValidationException listing each of: {@code partnerId} or {@code page} null, the limit
   *     outside 1 to {@value cloud.quazzar.partner.PageRequest#MAX_LIMIT}, the token blank, changed,
   *     or made by another list ({@code pageToken})
   * @throws NotFoundException if there is no such partner
   */
  Page<ReviewOutcome> history(PartnerId partnerId, PageRequest page);
}
