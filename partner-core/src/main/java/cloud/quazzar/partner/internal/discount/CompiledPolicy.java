package cloud.quazzar.partner.internal.discount;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.discount.AdjustmentKind;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PartnerAdjustment;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.discount.VolumeStep;
import cloud.quazzar.partner.registry.Tier;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One policy version compiled once into flat arrays, so that a rate is an indexed tier, a few
 * threshold comparisons and one array load, and a quote adds one multiply and one rounding divide on
 * long minor units. Immutable (all fields final), so instances may be shared between threads and
 * published without locks.
 *
 * <p>Per tier, the schedule's thresholds sit in a sorted array padded to a power of two, searched
 * without branches; the total rate of "no step" and of every step is precomputed by {@link
 * DiscountPolicy#uncappedBasisPoints} and the cap, so the rules are written once (in the policy)
 * and looked up here.
 */
final class CompiledPolicy {
  /** Pads threshold arrays; never reached because server counts are clamped below it. */
  private static final int PAD = Integer.MAX_VALUE;
  /** The clamp of server counts: above every real threshold, below {@link #PAD}. */
  private static final long CLAMP = Integer.MAX_VALUE - 1L;
  private static final int CAPPED = 1 << 16;
  private static final int RATE_MASK = CAPPED - 1;
  private static final long BP = Rate.MAX_BASIS_POINTS;

  final PolicyVersion version;
  final DiscountPolicy policy;
  private final Table[] tables;
  /** Round the discount up when the remainder (of 10,000) exceeds this, less the half-even parity. */
  private final long roundAbove;
  /** 1 for HALF_EVEN (a remainder of exactly one half rounds up only from an odd quotient), else 0. */
  private final long halfEven;

  /** One tier's schedule. */
  private static final class Table {
    final int[] thresholds;
    /** For 0..k steps reached: the total rate in basis points, plus {@link #CAPPED} if the cap lowered it. */
    final int[] codes;
    /** For 0..k steps reached: the step (index 0: none). */
    final @Nullable VolumeStep[] steps;

    Table(int[] thresholds, int[] codes, @Nullable VolumeStep[] steps) {
      this.thresholds = thresholds;
      this.codes = codes;
      this.steps = steps;
    }
  }

  CompiledPolicy(PolicyVersion version) {
    this.version = version;
    this.policy = version.policy();
    Tier[] tiers = Tier.values();
    this.tables = new Table[tiers.length];
    for (Tier tier : tiers) {
      tables[tier.ordinal()] = compile(policy, tier);
    }
    RoundingMode mode = policy.rounding();
    this.roundAbove = switch (mode) {
      case UP, CEILING -> 0; // any remainder rounds up (amounts here are never negative)
      case DOWN, FLOOR -> BP; // never
      case HALF_UP -> BP / 2 - 1;
      case HALF_DOWN, HALF_EVEN -> BP / 2;
      case UNNECESSARY -> throw new IllegalArgumentException("a valid policy never rounds UNNECESSARY");
    };
    this.halfEven = mode == RoundingMode.HALF_EVEN ? 1 : 0;
  }

  private static Table compile(DiscountPolicy policy, Tier tier) {
    List<VolumeStep> schedule = policy.scheduleFor(tier);
    int k = schedule.size();
    int[] thresholds = new int[Integer.highestOneBit(Math.max(1, k) * 2 - 1)];
    java.util.Arrays.fill(thresholds, PAD);
    int[] codes = new int[k + 1];
    VolumeStep[] steps = new VolumeStep[k + 1];
    Rate base = policy.baseRate(tier);
    codes[0] = code(policy, policy.uncappedBasisPoints(base, Rate.ZERO, Rate.ZERO));
    for (int i = 0; i < k; i++) {
      VolumeStep s = schedule.get(i);
      thresholds[i] = s.minServers();
      steps[i + 1] = s;
      codes[i + 1] = code(policy, policy.uncappedBasisPoints(base, s.bonus(), Rate.ZERO));
    }
    return new Table(thresholds, codes, steps);
  }

  /** DESIGN.md rule: the total never exceeds 100% or the cap (the cap itself is at most 100%). */
  private static int code(DiscountPolicy policy, int uncapped) {
    int cap = policy.cap().basisPoints();
    return uncapped > cap ? cap | CAPPED : uncapped;
  }

  /**
   * How many steps {@code serverCount} reaches: the index (from 1) of the highest step whose
   * minimum is at most {@code serverCount} (DESIGN.md rule: "50+ servers" means 50 or more, and
   * only the highest step counts), 0 if none. A branch-free binary search over the padded array.
   */
  private static int reached(int[] t, long serverCount) {
    int n = (int) Math.min(serverCount, CLAMP);
    int lo = 0;
    for (int half = t.length >>> 1; half > 0; half >>>= 1) {
      lo = t[lo + half - 1] <= n ? lo + half : lo;
    }
    return t[lo] <= n ? lo + 1 : lo;
  }

  /** The total rate in basis points; allocation-free. */
  int rate(Tier tier, long serverCount) {
    Table t = tables[tier.ordinal()];
    return t.codes[reached(t.thresholds, serverCount)] & RATE_MASK;
  }

  /**
   * The quote. {@code adjustment} must be null or an EXTRA/REPLACE_BASE version in force on {@code
   * date}; with none, everything but the amount comes from the precomputed table.
   */
  DiscountQuote quote(LocalDate date, Tier tier, long serverCount, Money gross, @Nullable PartnerAdjustment adjustment) {
    Table t = tables[tier.ordinal()];
    int idx = reached(t.thresholds, serverCount);
    int code = adjustment == null ? t.codes[idx] : adjusted(tier, t.steps[idx], adjustment);
    int rate = code & RATE_MASK;
    return new DiscountQuote(date, version, tier, serverCount, t.steps[idx], adjustment, rate, code >= CAPPED,
        gross, discount(gross.minorUnits(), rate));
  }

  /** DESIGN.md rule: the adjustment is applied under the same cap and 0-100% bounds. */
  private int adjusted(Tier tier, @Nullable VolumeStep step, PartnerAdjustment adjustment) {
    Rate base = adjustment.kind() == AdjustmentKind.REPLACE_BASE ? adjustment.rate() : policy.baseRate(tier);
    Rate extra = adjustment.kind() == AdjustmentKind.EXTRA ? adjustment.rate() : Rate.ZERO;
    return code(policy, policy.uncappedBasisPoints(base, step == null ? Rate.ZERO : step.bonus(), extra));
  }

  /**
   * {@code gross × rate / 10,000} rounded by the policy's mode, exactly, for every gross from 0 to
   * {@code Long.MAX_VALUE} (DESIGN.md rule: the discount is rounded to the currency's minor unit and
   * arithmetic never wraps). Splitting gross as {@code q × 10,000 + r} keeps every intermediate in
   * range: {@code q × rate <= gross} and {@code r × rate < 10^8}. The result is at most gross.
   */
  long discount(long gross, int rate) {
    long q = gross / BP;
    long r = gross - q * BP;
    long low = r * rate;
    long lowQuotient = low / BP;
    long remainder = low - lowQuotient * BP;
    long truncated = q * rate + lowQuotient;
    return truncated + (remainder > roundAbove - (halfEven & truncated) ? 1 : 0);
  }
}
