package cloud.quazzar.partner.discount;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Discounts (rules DISC-1 to DISC-13): the administrator's versioned policy, per-partner
 * adjustments, and exact quotes that explain themselves. Obtained from {@link
 * cloud.quazzar.partner.PartnerProgram#discounts()}; thread-safe. "Today" is the program's clock's
 * date in the program's zone.
 *
 * <p>Versions: {@link #setPolicy} makes a new immutable version effective from today or a later
 * date; earlier versions stay, and a version still in the future can be cancelled. The version in
 * force on a date is described at {@link PolicyVersion}. Rule DISC-5 of {@code docs/rules.md}: a quote for a date
 * uses the version in force on that date, so any past quote can be reproduced: no change ever takes
 * effect before today.
 *
 * <p>Every operation validates all of its input first and throws {@link ValidationException}
 * listing each violation by field; a change that throws stores nothing. Quoting with no policy in
 * force on the date is a {@link NotFoundException} (entity {@code "discount policy"}), never a zero
 * discount.
 *
 * <p>Caching and freshness (rule DISC-11 of {@code docs/rules.md}): the engine compiles each version
 * once and keeps the history (versions, adjustments, cancellations) in memory. Quotes for a date
 * before the day the cache was last confirmed against the store need no store access, ever (no
 * change can reach back before its own today). For today and later dates, what the engine promises
 * about changes made by <em>other</em> programs sharing the store (other nodes) depends on the
 * program's {@code discountStaleness} (see {@link
 * cloud.quazzar.partner.PartnerProgram.Builder#discountStaleness}):
 *
 * <ul>
 *   <li>{@link java.time.Duration#ZERO} (the default): every such call first reads the store's
 *       discount revision (one cheap read, but a database round trip on a JDBC store) and reloads
 *       when it moved, so another node's committed change is used by the next call;
 *   <li>a staleness {@code N} (up to 1 hour): a change another node committed at time {@code t}, by
 *       this program's clock, is used by every call that starts at {@code t + N} or later, and may
 *       be used sooner; between two checks of the revision, quotes for today cost no store access.
 *       A clock that goes back makes the next call check the store (going back never lengthens the
 *       wait).
 * </ul>
 *
 * <p>Changes made through this program ({@link #setPolicy}, {@link #cancelPolicy}, {@link
 * #adjust}, {@link #cancelAdjustment}) are used by its next call whatever the staleness, including
 * after a host transaction that joined them commits or rolls back. All of this assumes the nodes
 * sharing a store agree on the date (their clocks and zones).
 */
public interface DiscountEngine {

  /**
   * Makes {@code policy} a new version, effective from {@code change.effectiveFrom()} (today if
   * empty).
   *
   * @param policy the policy
   * @param change when it takes effect, who sets it and why
   * @return the new version, numbered one more than the latest
   * @throws ValidationException if the policy or change is missing or invalid, or the effective
   *     date is before today
   */
  PolicyVersion setPolicy(DiscountPolicy policy, PolicyChange change);

  /**
   * Cancels a version that has not yet taken effect; it stays in the history, marked cancelled.
   *
   * @param version the version to cancel
   * @param request who cancels it and why
   * @return the cancelled version
   * @throws ValidationException if {@code version < 1} or the request is invalid
   * @throws NotFoundException if there is no such version
   * @throws ConflictException ({@code STATE}) if it is already cancelled or already in force
   *     (its date is today or past)
   */
  PolicyVersion cancelPolicy(int version, CancelRequest request);

  /**
   * Every version ever set, cancelled ones included, oldest first.
   *
   * @return every version, oldest first
   */
  List<PolicyVersion> policyHistory();

  /**
   * The version in force on {@code date}, if any.
   *
   * @param date the day asked about
   * @return the version in force, or empty if none is
   * @throws ValidationException if {@code date} is null
   */
  Optional<PolicyVersion> policyOn(LocalDate date);

  /**
   * The version in force on {@code date}, compiled for fast quoting.
   *
   * @param date the day asked about
   * @return a calculator for that day
   * @throws ValidationException if {@code date} is null
   * @throws NotFoundException if no version is in force on {@code date}
   */
  DiscountCalculator calculatorOn(LocalDate date);

  /**
   * Sets a new version of {@code partnerId}'s adjustment.
   *
   * @param partnerId the partner
   * @param request the adjustment
   * @return the new version, numbered one more than the partner's latest
   * @throws ValidationException if the request is invalid: start before today, end before start,
   *     a NONE adjustment with a rate other than 0%
   * @throws NotFoundException if there is no such partner
   */
  PartnerAdjustment adjust(PartnerId partnerId, AdjustmentRequest request);

  /**
   * Cancels a version of a partner's adjustment that has not yet taken effect.
   *
   * @param partnerId the partner
   * @param version the adjustment version to cancel
   * @param request who cancels it and why
   * @return the cancelled version
   * @throws ValidationException if the arguments are invalid
   * @throws NotFoundException if there is no such partner or version
   * @throws ConflictException ({@code STATE}) if it is already cancelled or already started
   */
  PartnerAdjustment cancelAdjustment(PartnerId partnerId, int version, CancelRequest request);

  /**
   * One page of the versions of the partner's adjustment, cancelled ones included, oldest first.
   * Keyset pages by version (docs/rules.md LIST-1, LIST-2), a token signed for this partner's
   * history only.
   *
   * @param partnerId the partner
   * @param page the page size and the previous page's token
   * @return the page, oldest first, with the token of the next one if more versions follow
   * @throws ValidationException if an argument is null, the limit is outside 1 to {@value
   *     PageRequest#MAX_LIMIT}, or the token is not one this list made for this partner
   * @throws NotFoundException if there is no such partner
   */
  Page<PartnerAdjustment> adjustmentHistory(PartnerId partnerId, PageRequest page);

  /**
   * The partner's adjustment in force on {@code date}, if any (a NONE version in force means none).
   *
   * @param partnerId the partner
   * @param date the day asked about
   * @return the adjustment in force, or empty if none is
   * @throws NotFoundException if there is no such partner
   */
  Optional<PartnerAdjustment> adjustmentOn(PartnerId partnerId, LocalDate date);

  /**
   * Today's quote for the partner: its current tier and server count from the registry, its
   * adjustment in force today, the policy version in force today.
   *
   * @param partnerId the partner
   * @param gross the gross amount, 0 or more
   * @return the quote
   * @throws ValidationException if an argument is null or {@code gross} negative
   * @throws NotFoundException if there is no such partner, or no policy is in force today
   */
  DiscountQuote quote(PartnerId partnerId, Money gross);

  /**
   * The partner's quote for {@code date}: its current tier and server count from the registry, its
   * adjustment in force on {@code date}, the policy version in force on {@code date}.
   *
   * @param partnerId the partner
   * @param date the day quoted for
   * @param gross the gross amount, 0 or more
   * @return the quote
   * @throws ValidationException if an argument is null or {@code gross} negative
   * @throws NotFoundException if there is no such partner, or no policy is in force on the date
   */
  DiscountQuote quote(PartnerId partnerId, LocalDate date, Money gross);

  /**
   * The quote for an explicit tier and server count on {@code date} (no adjustment).
   *
   * @param tier the tier
   * @param serverCount the server count, 0 or more
   * @param date the day quoted for
   * @param gross the gross amount, 0 or more
   * @return the quote
   * @throws ValidationException listing a null tier, date or gross, a negative server count or
   *     gross
   * @throws NotFoundException if no policy is in force on the date
   */
  DiscountQuote quote(Tier tier, long serverCount, LocalDate date, Money gross);

  /**
   * A billing run: quotes every item for {@code date} under the one version in force that day,
   * looked up once, with each item's partner adjustment in force that day, and totals the run.
   *
   * @param date the day quoted for
   * @param currency the run's currency: every item's gross must be in it
   * @param items the items, each a partner and a gross amount
   * @return the quotes, in the items' order, and the totals
   * @throws ValidationException listing null items and items in another currency by index (e.g.
   *     {@code items[7].gross}; the first 100 are listed, then a count), or totals that would not
   *     fit in an amount
   * @throws NotFoundException if no policy is in force on the date
   */
  BatchQuote quoteAll(LocalDate date, Currency currency, List<QuoteItem> items);
}
