package cloud.quazzar.partner.discount;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.registry.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An exact discount quote that explains itself (DESIGN.md: "tier, server count, base rate, volume
 * step and bonus, cap applied or not, total rate, gross, discount, net, policy version"), made by
 * the {@link DiscountEngine} or a {@link DiscountCalculator}. Immutable.
 *
 * <p>Guarantees (DESIGN.md **rules**): {@code 0 <= discount <= gross}; {@code net + discount ==
 * gross} exactly; the discount is {@code gross × totalRate} rounded to the currency's minor unit
 * with the policy's rounding mode; the total rate never exceeds the cap or 100%; an adjustment, if
 * any, is its own line of {@link #explanation()}.
 *
 * <p>The quote keeps the discount as minor units and makes {@link #discount()} and {@link #net()}
 * on request, which keeps a quote at 64 bytes. Two quotes are equal when every part is equal.
 */
public final class DiscountQuote {
  private final LocalDate date;
  private final PolicyVersion policyVersion;
  private final Tier tier;
  private final long serverCount;
  private final @Nullable VolumeStep step;
  private final @Nullable PartnerAdjustment adjustment;
  private final int totalBasisPoints;
  private final boolean capApplied;
  private final Money gross;
  private final long discountMinorUnits;

  /**
   * Made by the engine, which has applied the rules; these checks only guard the invariants.
   *
   * @throws IllegalArgumentException if the total rate is outside 0 to 10,000 basis points, the
   *     server count or gross is negative, or the discount is outside 0 to gross
   */
  public DiscountQuote(
      LocalDate date,
      PolicyVersion policyVersion,
      Tier tier,
      long serverCount,
      @Nullable VolumeStep step,
      @Nullable PartnerAdjustment adjustment,
      int totalBasisPoints,
      boolean capApplied,
      Money gross,
      long discountMinorUnits) {
    this.date = requireNonNull(date, "date");
    this.policyVersion = requireNonNull(policyVersion, "policyVersion");
    this.tier = requireNonNull(tier, "tier");
    this.serverCount = serverCount;
    this.step = step;
    this.adjustment = adjustment;
    this.totalBasisPoints = totalBasisPoints;
    this.capApplied = capApplied;
    this.gross = requireNonNull(gross, "gross");
    this.discountMinorUnits = discountMinorUnits;
    if (totalBasisPoints < 0 || totalBasisPoints > Rate.MAX_BASIS_POINTS || serverCount < 0
        || discountMinorUnits < 0 || discountMinorUnits > gross.minorUnits()) {
      throw new IllegalArgumentException("inconsistent quote: rate " + totalBasisPoints + " bp, servers "
          + serverCount + ", gross " + gross + ", discount " + discountMinorUnits + " minor units");
    }
  }

  /** The date quoted for; the policy version is the one in force that day. */
  public LocalDate date() {
    return date;
  }

  /** The policy version applied. */
  public PolicyVersion policyVersion() {
    return policyVersion;
  }

  /** The partner's tier. */
  public Tier tier() {
    return tier;
  }

  /** The partner's server count. */
  public long serverCount() {
    return serverCount;
  }

  /** The tier's base rate in the policy (before any adjustment replaces it). */
  public Rate baseRate() {
    return policyVersion.policy().baseRate(tier);
  }

  /** The base rate actually used: the adjustment's replacement, if any, else {@link #baseRate()}. */
  public Rate effectiveBaseRate() {
    return adjustment != null && adjustment.kind() == AdjustmentKind.REPLACE_BASE ? adjustment.rate() : baseRate();
  }

  /** The volume step reached: the highest whose minimum is at most the server count, if any. */
  public Optional<VolumeStep> volumeStep() {
    return Optional.ofNullable(step);
  }

  /** The bonus of the step reached, 0% if none. */
  public Rate volumeBonus() {
    return step == null ? Rate.ZERO : step.bonus();
  }

  /** The partner's adjustment in force on the date, if any (never a NONE adjustment). */
  public Optional<PartnerAdjustment> adjustment() {
    return Optional.ofNullable(adjustment);
  }

  /** The extra rate of an EXTRA adjustment, 0% otherwise. */
  public Rate extraRate() {
    return adjustment != null && adjustment.kind() == AdjustmentKind.EXTRA ? adjustment.rate() : Rate.ZERO;
  }

  /** The combined rate before the cap, in basis points; may pass 10,000 for additive policies. */
  public int uncappedBasisPoints() {
    return policyVersion.policy().uncappedBasisPoints(effectiveBaseRate(), volumeBonus(), extraRate());
  }

  /** The cap in force: the policy's cap, or 100% when it has none. */
  public Rate cap() {
    return policyVersion.policy().cap();
  }

  /** Whether the cap (or the 100% bound) lowered the combined rate. */
  public boolean capApplied() {
    return capApplied;
  }

  /** The total discount rate. */
  public Rate totalRate() {
    return Rate.ofBasisPoints(totalBasisPoints);
  }

  /** The total discount rate in basis points. */
  public int totalBasisPoints() {
    return totalBasisPoints;
  }

  /** The amount quoted, before the discount. */
  public Money gross() {
    return gross;
  }

  /** The discount: gross × total rate, rounded to the currency's minor unit. */
  public Money discount() {
    return Money.ofMinor(discountMinorUnits, gross.currency());
  }

  /** The discount in minor units. */
  public long discountMinorUnits() {
    return discountMinorUnits;
  }

  /** What remains to pay: gross - discount, exactly. */
  public Money net() {
    return Money.ofMinor(gross.minorUnits() - discountMinorUnits, gross.currency());
  }

  /**
   * The quote as lines a person can check, one per part: date and policy version, tier, base
   * rate, volume step, the adjustment (its own line, if any), combination, cap, total rate, gross,
   * discount and net.
   */
  public List<String> explanation() {
    DiscountPolicy policy = policyVersion.policy();
    List<String> lines = new ArrayList<>(12);
    lines.add("quote for " + date + " under " + policyVersion.label());
    lines.add("tier " + tier + " with " + serverCount + " servers");
    lines.add("base rate " + tier + ": " + baseRate());
    lines.add(step == null
        ? "volume step: none reached (no bonus)"
        : "volume step " + step.minServers() + "+ servers reached: bonus +" + step.bonus());
    if (adjustment != null) {
      lines.add(adjustment.label());
    }
    lines.add("combined (" + policy.combination() + "): " + BigDecimal.valueOf(uncappedBasisPoints(), 2).stripTrailingZeros().toPlainString() + "%");
    lines.add((policy.hasCap() ? "cap " + cap() : "limit 100%") + (capApplied ? ": applied" : ": not applied"));
    lines.add("total rate: " + totalRate());
    lines.add("gross: " + gross);
    lines.add("discount: " + discount() + " (gross × " + totalRate() + ", rounded " + policy.rounding()
        + " to " + (gross.scale() == 0 ? "1" : "0." + "0".repeat(gross.scale() - 1) + "1") + " " + gross.currency().getCurrencyCode() + ")");
    lines.add("net: " + net());
    return List.copyOf(lines);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DiscountQuote q
        && serverCount == q.serverCount
        && totalBasisPoints == q.totalBasisPoints
        && capApplied == q.capApplied
        && discountMinorUnits == q.discountMinorUnits
        && date.equals(q.date)
        && policyVersion.equals(q.policyVersion)
        && tier == q.tier
        && Objects.equals(step, q.step)
        && Objects.equals(adjustment, q.adjustment)
        && gross.equals(q.gross);
  }

  @Override
  public int hashCode() {
    return Objects.hash(date, policyVersion.version(), tier, serverCount, step, adjustment, totalBasisPoints,
        capApplied, gross, discountMinorUnits);
  }

  /** {@code GOLD, 50 servers, 2026-01-15, v3: 20% of 1000.00 USD = 200.00 USD, net 800.00 USD}. */
  @Override
  public String toString() {
    return tier + ", " + serverCount + " servers, " + date + ", v" + policyVersion.version() + ": " + totalRate()
        + " of " + gross + " = " + discount() + ", net " + net();
  }
}
