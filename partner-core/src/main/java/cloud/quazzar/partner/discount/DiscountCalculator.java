package cloud.quazzar.partner.discount;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.registry.Tier;
import java.time.LocalDate;

/**
 * The policy version in force on one date, compiled for speed: rates and quotes without touching
 * the store. Obtained from {@link DiscountEngine#calculatorOn}; immutable and thread-safe, so a
 * pricing page or a billing loop may keep one for its date. It applies no partner adjustments
 * (quote the partner through the engine for those).
 *
 * <p>{@link #rate} allocates nothing; {@link #quote} allocates only the quote.
 */
public interface DiscountCalculator {
  /**
   * The date this calculator quotes for.
   *
   * @return the date
   */
  LocalDate date();

  /**
   * The policy version in force on {@link #date()}.
   *
   * @return the policy version
   */
  PolicyVersion policyVersion();

  /**
   * The total rate for {@code tier} at {@code serverCount} servers: a shared {@link Rate}
   * instance, so it allocates nothing.
   *
   * @param tier the tier
   * @param serverCount the server count, 0 or more
   * @return the total rate
   * @throws ValidationException if {@code tier} is null or {@code serverCount} negative
   */
  Rate rate(Tier tier, long serverCount);

  /**
   * The quote for {@code tier}, {@code serverCount} servers and {@code gross}.
   *
   * @param tier the tier
   * @param serverCount the server count, 0 or more
   * @param gross the gross amount, 0 or more
   * @return the quote
   * @throws ValidationException listing a null tier, a negative server count, a null or negative
   *     gross
   */
  DiscountQuote quote(Tier tier, long serverCount, Money gross);
}
