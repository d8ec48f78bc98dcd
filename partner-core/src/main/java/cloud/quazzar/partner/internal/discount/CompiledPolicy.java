package cloud.quazzar.partner.internal.discount;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.discount.AdjustmentKind;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PartnerAdjustment;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.discount.QuoteBasis;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.discount.VolumeStep;
import cloud.quazzar.partner.registry.Tier;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One policy version compiled once into flat arrays, so that a rate is an indexed tier and one
 * array load, and a quote adds one multiply and one rounding divide on long minor units. Immutable
 * but for {@link #basisOn}'s one-entry cache (all other fields final), so instances may be shared
 * between threads and published without locks.
 *
 * <p>Per tier, an "entry" packs the total rate in basis points (14 bits), whether the cap lowered
 * it (1 bit) and how many steps are reached (from bit 15). A tier whose highest threshold is at
 * most {@value #DIRECT_LIMIT} has a "complete" direct table, indexed by the server count, up to that
 * threshold; a larger count is clamped to the last index (a conditional move), whose entry holds
 * from there on. A tier with higher thresholds has a "partial" table of the first {@value
 * #DIRECT_LIMIT} counts whose last index marks a branch-free binary search over the thresholds.
 * Beside each direct table, the same entries' total rates as shared {@link Rate}s (null at the
 * search mark), so that a calculator's rate is as many loads as an {@code int} rate would be.
 * Memory: at most 8 KB per tier. The totals are precomputed by {@link
 * DiscountPolicy#uncappedBasisPoints} and the cap, so the rules are written once, in the policy,
 * and only looked up here.
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
  /** Marks the last index of a partial direct table: search the thresholds. */
  private static final int SEARCH = -1;
  /** The largest gross whose product with any rate fits in a long. */
  static final long FAST_MAX = Long.MAX_VALUE / Rate.MAX_BASIS_POINTS;
  /** The quote's constructor (not API); a constant, so the call inlines like {@code new}. */
  private static final QuoteAccess.Factory QUOTES = QuoteAccess.factory();

  final PolicyVersion version;
  final DiscountPolicy policy;
  /** By tier ordinal: the entry of every server count up to the table's last index (see {@link #entry}). */
  final int[][] direct;
  /**
   * By tier ordinal: the total rate of each entry of {@link #direct}; null at the search mark
   * (element nullness is not declared: NullAway does not check array elements).
   */
  final Rate[][] directRates;
  private final Table silver;
  private final Table gold;
  private final Table platinum;
  /** Round the discount up when the remainder (of 10,000) exceeds this, less the half-even parity. */
  private final long roundAbove;
  /** 1 for HALF_EVEN (a remainder of exactly one half rounds up only from an odd quotient), else 0. */
  private final long halfEven;
  private @Nullable QuoteBasis lastBasis;

  /** One tier's schedule, for server counts beyond its direct table. */
  private static final class Table {
    /** The entry for 0..k steps reached. */
    final int[] entries;
    /** The thresholds, sorted, padded to a power of two. */
    final int[] thresholds;
    /** The highest threshold (0 without steps). */
    final int highest;
    final int[] direct;

    Table(DiscountPolicy policy, Tier tier) {
      List<VolumeStep> schedule = policy.scheduleFor(tier);
      int k = schedule.size();
      thresholds = new int[Integer.highestOneBit(Math.max(1, k) * 2 - 1)];
      Arrays.fill(thresholds, PAD);
      entries = new int[k + 1];
      Rate base = policy.baseRate(tier);
      entries[0] = entry(policy, policy.uncappedBasisPoints(base, Rate.ZERO, Rate.ZERO), 0);
      for (int i = 0; i < k; i++) {
        VolumeStep step = schedule.get(i);
        // a step's threshold is a long (like every count of the API) of at most
        // VolumeStep.MAX_MIN_SERVER_COUNT, 10^9, checked by its constructor: it fits an int below PAD
        thresholds[i] = Math.toIntExact(step.minServerCount());
        entries[i + 1] = entry(policy, policy.uncappedBasisPoints(base, step.bonus(), Rate.ZERO), i + 1);
      }
      highest = k == 0 ? 0 : thresholds[k - 1];
      // complete up to the highest threshold, from where on the entry stays the top one; or
      // partial, up to DIRECT_LIMIT, whose index then holds SEARCH: counts from there on are searched
      direct = new int[Math.min(highest, DIRECT_LIMIT) + 1];
      for (int n = 0; n < direct.length; n++) {
        direct[n] = entries[reached(thresholds, n)];
      }
      if (highest > DIRECT_LIMIT) {
        direct[DIRECT_LIMIT] = SEARCH;
      }
    }

    /** The entry for a count beyond a partial direct table: the top step, or a search. */
    int far(long serverCount) {
      return serverCount >= highest ? entries[entries.length - 1] : entries[reached(thresholds, serverCount)];
    }
  }

  CompiledPolicy(PolicyVersion version) {
    if (Tier.values().length != 3) {
      throw new IllegalStateException("the compiled form knows three tiers: " + Arrays.toString(Tier.values()));
    }
    this.version = version;
    this.policy = version.policy();
    this.silver = new Table(policy, Tier.SILVER);
    this.gold = new Table(policy, Tier.GOLD);
    this.platinum = new Table(policy, Tier.PLATINUM);
    this.direct = new int[][] {silver.direct, gold.direct, platinum.direct};
    this.directRates = new Rate[][] {rates(silver.direct), rates(gold.direct), rates(platinum.direct)};
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

  /** The shared rates of a direct table's entries; null for the search mark. */
  private static Rate[] rates(int[] direct) {
    Rate[] out = new Rate[direct.length];
    Arrays.setAll(out, i -> direct[i] == SEARCH ? null : Rate.ofBasisPoints(rate(direct[i])));
    return out;
  }

  /** Rule DISC-3 ({@code docs/rules.md}): the total never exceeds 100% or the cap (the cap itself is at most 100%). */
  private static int entry(DiscountPolicy policy, int uncapped, int step) {
    int cap = policy.cap().basisPoints();
    return (uncapped > cap ? cap | CAPPED : uncapped) | step << STEP_SHIFT;
  }

  /**
   * How many steps {@code serverCount} reaches: the index (from 1) of the highest step whose
   * minimum is at most {@code serverCount} (rules DISC-1 and DISC-10 of {@code docs/rules.md}: "50+
   * servers" means 50 or more, and only the highest step counts), 0 if none. A branch-free binary
   * search over the padded array.
   */
  private static int reached(int[] t, long serverCount) {
    int n = (int) Math.min(serverCount, CLAMP);
    int lo = 0;
    for (int half = t.length >>> 1; half > 0; half >>>= 1) {
      lo = t[lo + half - 1] <= n ? lo + half : lo;
    }
    return t[lo] <= n ? lo + 1 : lo;
  }

  /** The entry for {@code serverCount} past {@code tier}'s partial direct table. */
  int far(Tier tier, long serverCount) {
    return (tier == Tier.GOLD ? gold : tier == Tier.SILVER ? silver : platinum).far(serverCount);
  }

  /**
   * The entry of {@code tier} at {@code serverCount} servers (not negative): the direct table at
   * the count clamped to its last index (a conditional move, not a branch), searched only when
   * that is the {@link #SEARCH} mark of a partial table.
   */
  @SuppressWarnings("EnumOrdinal") // tables by rank, as EnumMap does it, without its checks on the quote's path
  int entry(Tier tier, long serverCount) {
    int[] d = direct[tier.ordinal()];
    int e = d[(int) Math.min(serverCount, d.length - 1)];
    return e != SEARCH ? e : far(tier, serverCount);
  }

  /** The total rate of an entry, in basis points. */
  static int rate(int entry) {
    return entry & RATE_MASK;
  }

  /**
   * The basis of unadjusted quotes for {@code date}: the last one made, if for the same date
   * (quotes of one date share it), else a new one. A benign race: a {@link QuoteBasis} is
   * immutable, so any thread may see any one of them whole.
   */
  QuoteBasis basisOn(LocalDate date) {
    QuoteBasis b = lastBasis;
    if (b == null || !b.date().equals(date)) {
      b = new QuoteBasis(date, version, Optional.empty());
      lastBasis = b;
    }
    return b;
  }

  /**
   * The quote on {@code basis} (whose version must be this one, and whose adjustment must be
   * {@code adjustment}). Without an adjustment, everything but the amount comes from the
   * precomputed entry.
   */
  DiscountQuote quote(QuoteBasis basis, @Nullable PartnerAdjustment adjustment, Tier tier, long serverCount, Money gross) {
    int e = entry(tier, serverCount);
    int stepsReached = e >>> STEP_SHIFT;
    if (adjustment != null) {
      e = adjusted(tier, stepsReached, adjustment);
    }
    int rate = e & RATE_MASK;
    return QUOTES.quote(basis, tier, serverCount, stepsReached, rate, (e & CAPPED) != 0, gross,
        discount(gross.minorUnits(), rate));
  }

  /** Rule DISC-8 ({@code docs/rules.md}): the adjustment is applied under the same cap and 0-100% bounds. */
  private int adjusted(Tier tier, int stepsReached, PartnerAdjustment adjustment) {
    Rate base = adjustment.kind() == AdjustmentKind.REPLACE_BASE ? adjustment.rate() : policy.baseRate(tier);
    Rate extra = adjustment.kind() == AdjustmentKind.EXTRA ? adjustment.rate() : Rate.ZERO;
    Rate bonus = stepsReached == 0 ? Rate.ZERO : policy.scheduleFor(tier).get(stepsReached - 1).bonus();
    return entry(policy, policy.uncappedBasisPoints(base, bonus, extra), stepsReached);
  }

  /**
   * {@code gross × rate / 10,000} rounded by the policy's mode, exactly, for every gross from 0 to
   * {@code Long.MAX_VALUE} (rules DISC-6 and DISC-7 of {@code docs/rules.md}: the discount is rounded to the currency's minor unit and
   * arithmetic never wraps). Below {@value #FAST_MAX} minor units (92 billion USD) {@code gross ×
   * rate} fits in a long: one multiply, one divide. Above, splitting gross as {@code q × 10,000 +
   * r} keeps every intermediate in range: {@code q × rate <= gross} and {@code r × rate < 10^8}.
   * The result is at most gross.
   */
  long discount(long gross, int rate) {
    if (gross <= FAST_MAX) {
      long product = gross * rate;
      long quotient = product / BP;
      long rest = product - quotient * BP;
      return quotient + (rest > roundAbove - (halfEven & quotient) ? 1 : 0);
    }
    long q = gross / BP;
    long r = gross - q * BP;
    long low = r * rate;
    long lowQuotient = low / BP;
    long remainder = low - lowQuotient * BP;
    long truncated = q * rate + lowQuotient;
    return truncated + (remainder > roundAbove - (halfEven & truncated) ? 1 : 0);
  }
}
