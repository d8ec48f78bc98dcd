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
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One policy version compiled once into flat arrays, so that a rate is an indexed tier and one
 * array load, and a quote adds one multiply and one rounding divide on long minor units. Immutable
 * (all fields final), so instances may be shared between threads and published without locks.
 *
 * <p>Per tier, an "entry" packs the total rate in basis points (14 bits), whether the cap lowered
 * it (1 bit) and the index of the step reached (0 for none). The entries for every server count
 * below {@value #DIRECT_LIMIT} (and up to the highest threshold) sit in a table indexed by the
 * server count itself; larger counts are at or beyond the highest threshold (one comparison) or,
 * for schedules whose thresholds pass {@value #DIRECT_LIMIT}, found by a branch-free binary search
 * over the thresholds. Memory: at most 4 KB per tier for the table. The totals are precomputed by
 * {@link DiscountPolicy#uncappedBasisPoints} and the cap, so the rules are written once, in the
 * policy, and only looked up here.
 */
final class CompiledPolicy {
  /** Server counts below this are looked up directly. */
  static final int DIRECT_LIMIT = 1024;
  /** Pads threshold arrays; never reached because server counts are clamped below it. */
  private static final int PAD = Integer.MAX_VALUE;
  /** The clamp of server counts: above every real threshold, below {@link #PAD}. */
  private static final long CLAMP = Integer.MAX_VALUE - 1L;
  static final int RATE_MASK = (1 << 14) - 1;
  private static final int CAPPED = 1 << 14;
  private static final int STEP_SHIFT = 15;
  private static final long BP = Rate.MAX_BASIS_POINTS;

  final PolicyVersion version;
  final DiscountPolicy policy;
  /** By tier ordinal: the entry of every server count below the table's length. */
  final int[][] direct;
  /** By tier ordinal: the entry for 0..k steps reached. */
  private final int[][] entries;
  /** By tier ordinal: the thresholds, sorted, padded to a power of two. */
  private final int[][] thresholds;
  /** By tier ordinal: the highest threshold (0 without steps). */
  private final int[] highest;
  /** By tier ordinal: the step for 0..k steps reached (index 0: none). */
  private final @Nullable VolumeStep[][] steps;
  /** Round the discount up when the remainder (of 10,000) exceeds this, less the half-even parity. */
  private final long roundAbove;
  /** 1 for HALF_EVEN (a remainder of exactly one half rounds up only from an odd quotient), else 0. */
  private final long halfEven;

  CompiledPolicy(PolicyVersion version) {
    this.version = version;
    this.policy = version.policy();
    int tiers = Tier.values().length;
    this.direct = new int[tiers][];
    this.entries = new int[tiers][];
    this.thresholds = new int[tiers][];
    this.highest = new int[tiers];
    this.steps = new VolumeStep[tiers][];
    for (Tier tier : Tier.values()) {
      compile(tier);
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

  private void compile(Tier tier) {
    int t = tier.ordinal();
    List<VolumeStep> schedule = policy.scheduleFor(tier);
    int k = schedule.size();
    int[] sorted = new int[Integer.highestOneBit(Math.max(1, k) * 2 - 1)];
    Arrays.fill(sorted, PAD);
    int[] e = new int[k + 1];
    VolumeStep[] s = new VolumeStep[k + 1];
    Rate base = policy.baseRate(tier);
    e[0] = entry(policy, policy.uncappedBasisPoints(base, Rate.ZERO, Rate.ZERO), 0);
    for (int i = 0; i < k; i++) {
      VolumeStep step = schedule.get(i);
      sorted[i] = step.minServers();
      s[i + 1] = step;
      e[i + 1] = entry(policy, policy.uncappedBasisPoints(base, step.bonus(), Rate.ZERO), i + 1);
    }
    thresholds[t] = sorted;
    entries[t] = e;
    steps[t] = s;
    highest[t] = k == 0 ? 0 : sorted[k - 1];
    int[] table = new int[Math.min(highest[t] + 1, DIRECT_LIMIT)];
    for (int n = 0; n < table.length; n++) {
      table[n] = e[reached(sorted, n)];
    }
    direct[t] = table;
  }

  /** DESIGN.md rule: the total never exceeds 100% or the cap (the cap itself is at most 100%). */
  private static int entry(DiscountPolicy policy, int uncapped, int step) {
    int cap = policy.cap().basisPoints();
    return (uncapped > cap ? cap | CAPPED : uncapped) | step << STEP_SHIFT;
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

  /** The entry for {@code serverCount >= direct[tier].length}: the top step, or a search. */
  int far(int tier, long serverCount) {
    int[] e = entries[tier];
    return serverCount >= highest[tier] ? e[e.length - 1] : e[reached(thresholds[tier], serverCount)];
  }

  /** The entry of {@code tier} (ordinal) at {@code serverCount} servers. */
  int entry(int tier, long serverCount) {
    int[] d = direct[tier];
    return serverCount < d.length ? d[(int) serverCount] : far(tier, serverCount);
  }

  /**
   * The quote. {@code adjustment} must be null or an EXTRA/REPLACE_BASE version in force on {@code
   * date}; with none, everything but the amount comes from the precomputed entry.
   */
  DiscountQuote quote(LocalDate date, Tier tier, long serverCount, Money gross, @Nullable PartnerAdjustment adjustment) {
    int t = tier.ordinal();
    int e = entry(t, serverCount);
    VolumeStep step = steps[t][e >>> STEP_SHIFT];
    if (adjustment != null) {
      e = adjusted(tier, step, adjustment);
    }
    int rate = e & RATE_MASK;
    return new DiscountQuote(date, version, tier, serverCount, step, adjustment, rate, (e & CAPPED) != 0,
        gross, discount(gross.minorUnits(), rate));
  }

  /** DESIGN.md rule: the adjustment is applied under the same cap and 0-100% bounds. */
  private int adjusted(Tier tier, @Nullable VolumeStep step, PartnerAdjustment adjustment) {
    Rate base = adjustment.kind() == AdjustmentKind.REPLACE_BASE ? adjustment.rate() : policy.baseRate(tier);
    Rate extra = adjustment.kind() == AdjustmentKind.EXTRA ? adjustment.rate() : Rate.ZERO;
    return entry(policy, policy.uncappedBasisPoints(base, step == null ? Rate.ZERO : step.bonus(), extra), 0);
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
