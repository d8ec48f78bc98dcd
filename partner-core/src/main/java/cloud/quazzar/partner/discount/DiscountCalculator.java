package cloud.quazzar.partner.discount;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.internal.discount.DefaultDiscountEngine;
import cloud.quazzar.partner.registry.Tier;
import java.time.LocalDate;

/**
 * The policy version in force on one date, compiled for speed: rates and quotes without touching
 * the store. Obtained from a program's {@link DiscountEngine#calculatorOn}, or from a policy alone
 * with {@link #of(DiscountPolicy)} (no program, no store: for rule authors, pricing previews and
 * tests of a policy before it is set). Immutable and thread-safe, so a pricing page or a billing
 * loop may keep one for its date. It applies no partner adjustments (quote the partner through the
 * engine for those).
 *
 * <pre>{@code
 * DiscountPolicy policy = DiscountPolicy.builder()
 *     .baseRate(Tier.SILVER, "10").baseRate(Tier.GOLD, "15").baseRate(Tier.PLATINUM, "20")
 *     .volumeStep(50, "5").volumeStep(200, "8")
 *     .build();
 * DiscountCalculator calc = DiscountCalculator.of(policy);
 * calc.rate(Tier.GOLD, 50);                                   // 20% (15% + 5%, rule DISC-1)
 * calc.quote(Tier.GOLD, 50, Money.of("1000.00", "USD")).net(); // 800.00 USD
 * }</pre>
 *
 * <p>{@link #rate} allocates nothing; {@link #quote} allocates only the quote.
 */
public interface DiscountCalculator {
  /**
   * The calculator of {@code policy} alone, as if it were a program's only policy version: the
   * quotes it gives equal those of a program whose policy is {@code policy} on any date, without
   * partner adjustments. Its {@link #date()} is 1970-01-01 and its {@link #policyVersion()} is a
   * version 1 of {@code policy} in force from that date, created then by {@code
   * "DiscountCalculator.of"}; no program stores it. Use {@link #of(DiscountPolicy, LocalDate)} when
   * the quotes should carry a meaningful date.
   *
   * @param policy the policy, as built by {@link DiscountPolicy#builder()}
   * @return the calculator
   * @throws ValidationException ({@code policy}) if {@code policy} is null
   */
  static DiscountCalculator of(DiscountPolicy policy) {
    return of(policy, LocalDate.EPOCH);
  }

  /**
   * The calculator of {@code policy} alone, quoting for {@code date}: as {@link
   * #of(DiscountPolicy)}, with {@code date} as its {@link #date()}, the date of its quotes' basis
   * and the first day of the version it quotes with.
   *
   * @param policy the policy
   * @param date the date its quotes are for
   * @return the calculator
   * @throws ValidationException listing a null {@code policy} and a null {@code date}
   */
  static DiscountCalculator of(DiscountPolicy policy, LocalDate date) {
    return DefaultDiscountEngine.standalone(policy, date);
  }

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
