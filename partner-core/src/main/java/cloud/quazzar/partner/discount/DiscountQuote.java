package cloud.quazzar.partner.discount;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.internal.discount.QuoteAccess;
import cloud.quazzar.partner.registry.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An exact discount quote that explains itself: tier, server count, base rate, volume step and
 * bonus, adjustment, cap applied or not, total rate, gross, discount, net and policy version. Made
 * only by the {@link DiscountEngine} and the {@link DiscountCalculator}s it hands out, which apply
 * the policy's rules; there is no public constructor, so every quote a caller holds agrees with the
 * policy version it names. Immutable and thread-safe.
 *
 * <p>Guarantees (rules DISC-3, DISC-6 and DISC-8): {@code 0 <= discount <= gross};
 * {@code net + discount == gross} exactly; the discount is {@code gross × totalRate} rounded to
 * the currency's minor unit with the policy's rounding mode; the total rate never exceeds the cap
 * or 100%; an adjustment, if any, is its own line of {@link #explanation()}.
 *
 * <p>A quote is compact (40 bytes): it shares its {@link QuoteBasis} with the other quotes of its
 * date, keeps the discount as minor units, and makes {@link #discount()}, {@link #net()}, the step
 * and the explanation on request. One accessor per fact (decision A2 in {@code docs/decisions.md}):
 * {@link #totalRate()} is a shared {@link Rate} and allocates nothing. Two quotes are equal when
 * every part is equal.
 */
@SuppressWarnings("EnumOrdinal") // the packed int keeps the tier's rank in 2 bits: the quote stays 40 bytes
public final class DiscountQuote {
  private static final Tier[] TIERS = Tier.values();
  private static final int RATE_BITS = 14;
  private static final int CAPPED = 1 << RATE_BITS;
  private static final int STEPS_SHIFT = RATE_BITS + 1;
  private static final int STEPS_MASK = (1 << 11) - 1;
  private static final int TIER_SHIFT = STEPS_SHIFT + 11;

  private final QuoteBasis basis;
  private final Money gross;
  /** The total rate (14 bits), cap applied (1 bit), steps reached (11 bits), tier ordinal (2 bits). */
  private final int packed;
  private final long serverCount;
  private final long discountMinorUnits;

  static {
    // The engine reaches the package-private constructor through this factory (internal code,
    // not API); see QuoteAccess.
    QuoteAccess.register(DiscountQuote::new);
  }

  /**
   * Made by the engine only (through {@link QuoteAccess}), which has applied the rules; the checks
   * here guard the invariants against a bug in the engine, at the cost of one test of sign bits.
   *
   * @param basis the date, the policy version and the adjustment the quote is based on
   * @param tier the partner's tier
   * @param serverCount the partner's server count
   * @param stepsReached how many steps of the tier's schedule the server count reaches: the
   *     position (from 1) of the step reached, 0 for none
   * @param totalBasisPoints the total rate
   * @param capApplied whether the cap lowered the combined rate
   * @param gross the amount quoted
   * @param discountMinorUnits the discount in the gross's minor units
   * @throws IllegalStateException (a bug in the engine) if the total rate is outside 0 to 10,000
   *     basis points, the server count or gross is negative, the steps reached outside 0 to {@value
   *     DiscountPolicy#MAX_STEPS}, or the discount outside 0 to gross
   */
  private DiscountQuote(
      QuoteBasis basis,
      Tier tier,
      long serverCount,
      int stepsReached,
      int totalBasisPoints,
      boolean capApplied,
      Money gross,
      long discountMinorUnits) {
    this.basis = requireNonNull(basis, "basis");
    this.gross = requireNonNull(gross, "gross");
    // every bound as a sign bit, tested at once: all are non-negative exactly when the quote is consistent
    long signs = totalBasisPoints | (Rate.MAX_BASIS_POINTS - totalBasisPoints) | stepsReached
        | (DiscountPolicy.MAX_STEPS - stepsReached) | serverCount | discountMinorUnits
        | (gross.minorUnits() - discountMinorUnits);
    if (signs < 0) {
      throw inconsistent(totalBasisPoints, serverCount, stepsReached, gross, discountMinorUnits);
    }
    this.packed = totalBasisPoints | (capApplied ? CAPPED : 0) | stepsReached << STEPS_SHIFT
        | tier.ordinal() << TIER_SHIFT;
    this.serverCount = serverCount;
    this.discountMinorUnits = discountMinorUnits;
  }

  /** Out of line, so that the constructor stays small enough to inline. */
  private static IllegalStateException inconsistent(int rate, long servers, int steps, Money gross, long discount) {
    return new IllegalStateException("the engine made an inconsistent quote: rate " + rate + " bp, servers " + servers
        + ", steps " + steps + ", gross " + gross + ", discount " + discount + " minor units");
  }

  /**
   * The date, policy version and adjustment this quote is based on.
   *
   * @return the quote's basis
   */
  public QuoteBasis basis() {
    return basis;
  }

  /**
   * The date quoted for; the policy version is the one in force that day.
   *
   * @return the date
   */
  public LocalDate date() {
    return basis.date();
  }

  /**
   * The policy version applied.
   *
   * @return the policy version
   */
  public PolicyVersion policyVersion() {
    return basis.policyVersion();
  }

  /**
   * The partner's tier.
   *
   * @return the tier
   */
  public Tier tier() {
    return TIERS[packed >>> TIER_SHIFT];
  }

  /**
   * The partner's server count.
   *
   * @return the server count
   */
  public long serverCount() {
    return serverCount;
  }

  /**
   * The tier's base rate in the policy (before any adjustment replaces it).
   *
   * @return the policy's base rate for the tier
   */
  public Rate baseRate() {
    return policyVersion().policy().baseRate(tier());
  }

  /**
   * The base rate actually used: the adjustment's replacement, if any, else {@link #baseRate()}.
   *
   * @return the base rate used
   */
  public Rate effectiveBaseRate() {
    PartnerAdjustment adjustment = basis.adjustment().orElse(null);
    return adjustment != null && adjustment.kind() == AdjustmentKind.REPLACE_BASE ? adjustment.rate() : baseRate();
  }

  /**
   * The volume step reached: the highest whose minimum is at most the server count, if any.
   *
   * @return the step reached, or empty
   */
  public Optional<VolumeStep> volumeStep() {
    return Optional.ofNullable(step());
  }

  private @Nullable VolumeStep step() {
    int reached = (packed >>> STEPS_SHIFT) & STEPS_MASK;
    return reached == 0 ? null : policyVersion().policy().scheduleFor(tier()).get(reached - 1);
  }

  /**
   * The bonus of the step reached, 0% if none.
   *
   * @return the volume bonus
   */
  public Rate volumeBonus() {
    VolumeStep step = step();
    return step == null ? Rate.ZERO : step.bonus();
  }

  /**
   * The partner's adjustment in force on the date, if any (never a NONE adjustment).
   *
   * @return the adjustment applied, or empty
   */
  public Optional<PartnerAdjustment> adjustment() {
    return basis.adjustment();
  }

  /**
   * The extra rate of an EXTRA adjustment, 0% otherwise.
   *
   * @return the extra rate
   */
  public Rate extraRate() {
    PartnerAdjustment adjustment = basis.adjustment().orElse(null);
    return adjustment != null && adjustment.kind() == AdjustmentKind.EXTRA ? adjustment.rate() : Rate.ZERO;
  }

  /**
   * The combined rate before the cap, in basis points; may pass 10,000 for additive policies.
   *
   * @return the combined rate before the cap, in basis points
   */
  public int uncappedBasisPoints() {
    return policyVersion().policy().uncappedBasisPoints(effectiveBaseRate(), volumeBonus(), extraRate());
  }

  /**
   * The cap in force: the policy's cap, or 100% when it has none.
   *
   * @return the cap
   */
  public Rate cap() {
    return policyVersion().policy().cap();
  }

  /**
   * Whether the cap (or the 100% bound) lowered the combined rate.
   *
   * @return true if the cap lowered the rate
   */
  public boolean capApplied() {
    return (packed & CAPPED) != 0;
  }

  /**
   * The total discount rate. A shared {@link Rate} instance: allocates nothing, so a hot loop may
   * read {@code totalRate().basisPoints()}.
   *
   * @return the total rate
   */
  public Rate totalRate() {
    return Rate.shared(packed & (CAPPED - 1)); // 0 to 10,000: checked by the constructor
  }

  /**
   * The amount quoted, before the discount.
   *
   * @return the gross amount
   */
  public Money gross() {
    return gross;
  }

  /**
   * The discount: gross × total rate, rounded to the currency's minor unit. Made on request from
   * the minor units the quote keeps; a compiled loop that reads only {@code
   * discount().minorUnits()} allocates nothing, as escape analysis removes the {@link Money}
   * (measured in {@code docs/benchmarks.md}, "Discounts"), so there is no second accessor for it.
   *
   * @return the discount
   */
  public Money discount() {
    return Money.ofMinor(discountMinorUnits, gross.currency());
  }

  /**
   * What remains to pay: gross - discount, exactly.
   *
   * @return the net amount
   */
  public Money net() {
    return Money.ofMinor(gross.minorUnits() - discountMinorUnits, gross.currency());
  }

  /**
   * The quote as lines a person can check, one per part: date and policy version, tier, base
   * rate, volume step, the adjustment (its own line, if any), combination, cap, total rate, gross,
   * discount and net.
   *
   * @return the explanation, one line per part
   */
  public List<String> explanation() {
    DiscountPolicy policy = policyVersion().policy();
    Tier tier = tier();
    PartnerAdjustment adjustment = basis.adjustment().orElse(null);
    List<String> lines = new ArrayList<>(12);
    lines.add("quote for " + date() + " under " + policyVersion().label());
    lines.add("tier " + tier + " with " + serverCount + " servers");
    lines.add("base rate " + tier + ": " + baseRate());
    VolumeStep step = step();
    lines.add(step == null
        ? "volume step: none reached (no bonus)"
        : "volume step " + step.minServerCount() + "+ servers reached: bonus +" + step.bonus());
    if (adjustment != null) {
      lines.add(adjustment.label());
    }
    lines.add("combined (" + policy.combination() + "): " + BigDecimal.valueOf(uncappedBasisPoints(), 2).stripTrailingZeros().toPlainString() + "%");
    lines.add((policy.hasCap() ? "cap " + cap() : "limit 100%") + (capApplied() ? ": applied" : ": not applied"));
    lines.add("total rate: " + totalRate());
    lines.add("gross: " + gross);
    lines.add("discount: " + discount() + " (gross × " + totalRate() + ", rounded " + policy.rounding()
        + " to " + (gross.scale() == 0 ? "1" : "0." + "0".repeat(gross.scale() - 1) + "1") + " " + gross.currency().getCurrencyCode() + ")");
    lines.add("net: " + net());
    return List.copyOf(lines);
  }

  /** Equal when based on an equal basis, with the same tier, servers, step, rate, cap, gross and discount. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DiscountQuote q
        && packed == q.packed
        && serverCount == q.serverCount
        && discountMinorUnits == q.discountMinorUnits
        && gross.equals(q.gross)
        && basis.equals(q.basis);
  }

  @Override
  public int hashCode() {
    return Objects.hash(basis.date(), basis.policyVersion().version(), packed, serverCount, gross, discountMinorUnits);
  }

  /** {@code GOLD, 50 servers, 2026-01-15, v3: 20% of 1000.00 USD = 200.00 USD, net 800.00 USD}. */
  @Override
  public String toString() {
    return tier() + ", " + serverCount + " servers, " + date() + ", v" + policyVersion().version() + ": " + totalRate()
        + " of " + gross + " = " + discount() + ", net " + net();
  }
}
