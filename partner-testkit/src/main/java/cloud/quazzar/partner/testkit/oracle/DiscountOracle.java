package cloud.quazzar.partner.testkit.oracle;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.discount.AdjustmentKind;
import cloud.quazzar.partner.discount.Combination;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PartnerAdjustment;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.discount.VolumeStep;
import cloud.quazzar.partner.registry.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quote rules of {@code docs/rules.md} (DISC-1, DISC-2, DISC-3, DISC-6, DISC-8, DISC-10)
 * written the obvious way, in {@link BigDecimal} percentages, read straight from a {@link
 * DiscountPolicy}'s fields: no compiled tables, no basis-point tricks, no shared code with the
 * engine beyond the value types. Property tests compare the engine with it
 * exactly; rule authors may do the same with any property library.
 *
 * <pre>{@code
 * DiscountOracle.Expected expected = DiscountOracle.quote(policy, Tier.GOLD, 50, Money.of("1000.00", "USD"));
 * assertEquals(List.of(), expected.differences(engineQuote));
 * }</pre>
 */
public final class DiscountOracle {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private DiscountOracle() {}

  /**
   * What a quote must say; each component has the name of the {@link DiscountQuote} accessor it is
   * compared with (rates here in percent).
   *
   * @param volumeStep the volume step reached, if any
   * @param effectiveBaseRate the base rate used, in percent (the adjustment's if it replaces the
   *     tier's base rate)
   * @param uncappedRate the combined rate before the cap, adjustment included, in percent; may pass
   *     100
   * @param capApplied whether the cap (or 100%) lowered it
   * @param totalRate the total rate, in percent
   * @param gross the gross amount
   * @param discount the discount, with the currency's scale
   * @param net gross minus discount
   */
  public record Expected(
      Optional<VolumeStep> volumeStep,
      BigDecimal effectiveBaseRate,
      BigDecimal uncappedRate,
      boolean capApplied,
      BigDecimal totalRate,
      Money gross,
      BigDecimal discount,
      BigDecimal net) {

    /**
     * Every way {@code actual} differs from this expectation (empty when it agrees exactly).
     *
     * @param actual the quote the engine gave
     * @return one line per difference, empty if none
     */
    public List<String> differences(DiscountQuote actual) {
      List<String> out = new ArrayList<>();
      compare(out, "volume step", volumeStep, actual.volumeStep());
      compare(out, "effective base rate", effectiveBaseRate.compareTo(actual.effectiveBaseRate().toPercent()) == 0,
          effectiveBaseRate.toPlainString() + "%", actual.effectiveBaseRate());
      BigDecimal uncapped = BigDecimal.valueOf(actual.uncappedBasisPoints(), 2);
      compare(out, "uncapped rate", uncappedRate.compareTo(uncapped) == 0, uncappedRate.toPlainString() + "%",
          uncapped.toPlainString() + "%");
      compare(out, "cap applied", capApplied, actual.capApplied());
      compare(out, "total rate", totalRate.compareTo(actual.totalRate().toPercent()) == 0,
          totalRate.toPlainString() + "%", actual.totalRate());
      compare(out, "gross", gross, actual.gross());
      compare(out, "discount", discount, actual.discount().toBigDecimal());
      compare(out, "net", net, actual.net().toBigDecimal());
      return out;
    }

    private static void compare(List<String> out, String what, Object expected, Object actual) {
      if (!expected.equals(actual)) {
        out.add(what + ": expected " + expected + " but the quote says " + actual);
      }
    }

    private static void compare(List<String> out, String what, boolean same, Object expected, Object actual) {
      if (!same) {
        out.add(what + ": expected " + expected + " but the quote says " + actual);
      }
    }
  }

  /**
   * The expected quote without an adjustment.
   *
   * @param policy the policy version in force on the quote's date
   * @param tier the partner's tier
   * @param serverCount the partner's server count
   * @param gross the gross amount
   * @return the expected quote
   */
  public static Expected quote(DiscountPolicy policy, Tier tier, long serverCount, Money gross) {
    return quote(policy, tier, serverCount, gross, Optional.empty());
  }

  /**
   * The expected quote.
   *
   * @param policy the policy version in force on the quote's date
   * @param tier the partner's tier
   * @param serverCount the partner's server count
   * @param gross the gross amount
   * @param adjustment the partner's adjustment in force on the date, if any (NONE means none)
   * @return the expected quote
   */
  public static Expected quote(
      DiscountPolicy policy, Tier tier, long serverCount, Money gross, Optional<PartnerAdjustment> adjustment) {
    requireNonNull(policy, "policy");
    requireNonNull(tier, "tier");
    requireNonNull(gross, "gross");
    if (serverCount < 0 || gross.isNegative()) {
      throw new IllegalArgumentException("server count and gross must not be negative");
    }
    BigDecimal base = percent(requireNonNull(policy.baseRates().get(tier), "a policy has every tier's base rate"));
    BigDecimal extra = BigDecimal.ZERO;
    if (adjustment.isPresent() && adjustment.get().kind() == AdjustmentKind.REPLACE_BASE) {
      base = percent(adjustment.get().rate());
    }
    if (adjustment.isPresent() && adjustment.get().kind() == AdjustmentKind.EXTRA) {
      extra = percent(adjustment.get().rate());
    }

    // The schedule: the tier's own if it has one, else the shared one.
    Map<Tier, List<VolumeStep>> own = policy.tierSchedules();
    List<VolumeStep> schedule = own.containsKey(tier) ? own.get(tier) : policy.volumeSchedule();
    // "50+ servers" means 50 or more; the highest step reached counts, alone.
    VolumeStep reached = null;
    for (VolumeStep step : schedule) {
      if (serverCount >= step.minServerCount()) {
        reached = step;
      }
    }
    BigDecimal bonus = reached == null ? BigDecimal.ZERO : percent(reached.bonus());

    BigDecimal combined;
    if (policy.combination() == Combination.ADDITIVE) {
      combined = base.add(bonus);
    } else {
      // 1 - (1 - base)(1 - bonus), in percent, rounded to two decimals (a whole basis point).
      BigDecimal keep = HUNDRED.subtract(base).multiply(HUNDRED.subtract(bonus)).divide(HUNDRED);
      combined = HUNDRED.subtract(keep).setScale(2, policy.rounding());
    }
    combined = combined.add(extra);

    BigDecimal cap = percent(policy.cap()).min(HUNDRED);
    boolean capApplied = combined.compareTo(cap) > 0;
    BigDecimal total = capApplied ? cap : combined;

    int scale = gross.currency().getDefaultFractionDigits();
    BigDecimal amount = gross.toBigDecimal();
    BigDecimal discount = amount.multiply(total).divide(HUNDRED).setScale(scale, policy.rounding());
    BigDecimal net = amount.subtract(discount);
    return new Expected(Optional.ofNullable(reached), base, combined, capApplied, total, gross, discount, net);
  }

  /**
   * The version in force on {@code date} by the rule, from the full history: not cancelled,
   * effective on or before the date, latest effective date, then highest number.
   *
   * @param history every policy version, cancelled ones included, in any order
   * @param date the day asked about
   * @return the version in force, or empty if none is
   */
  public static Optional<PolicyVersion> versionOn(List<PolicyVersion> history, LocalDate date) {
    PolicyVersion best = null;
    for (PolicyVersion v : history) {
      if (v.isCancelled() || v.effectiveFrom().isAfter(date)) {
        continue;
      }
      if (best == null || v.effectiveFrom().isAfter(best.effectiveFrom())
          || (v.effectiveFrom().equals(best.effectiveFrom()) && v.version() > best.version())) {
        best = v;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The adjustment in force on {@code date} by the rule, from one partner's full history: not
   * cancelled, period containing the date, latest start, then highest number; a NONE in force
   * means none.
   *
   * @param history every adjustment of one partner, cancelled ones included, in any order
   * @param date the day asked about
   * @return the adjustment in force, or empty if none is (or a NONE is)
   */
  public static Optional<PartnerAdjustment> adjustmentOn(List<PartnerAdjustment> history, LocalDate date) {
    PartnerAdjustment best = null;
    for (PartnerAdjustment a : history) {
      boolean covers = !a.isCancelled() && !date.isBefore(a.effectiveFrom())
          && (a.effectiveUntil().isEmpty() || !date.isAfter(a.effectiveUntil().get()));
      if (!covers) {
        continue;
      }
      if (best == null || a.effectiveFrom().isAfter(best.effectiveFrom())
          || (a.effectiveFrom().equals(best.effectiveFrom()) && a.version() > best.version())) {
        best = a;
      }
    }
    return best == null || best.kind() == AdjustmentKind.NONE ? Optional.empty() : Optional.of(best);
  }

  private static BigDecimal percent(Rate rate) {
    return new BigDecimal(rate.basisPoints()).divide(HUNDRED);
  }
}
