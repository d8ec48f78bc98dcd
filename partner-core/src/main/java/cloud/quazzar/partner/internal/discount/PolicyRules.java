package cloud.quazzar.partner.internal.discount;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.discount.Combination;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.discount.VolumeStep;
import cloud.quazzar.partner.registry.Tier;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The validation of a {@link DiscountPolicy}, once, for its constructor and its builder: every
 * component present, every tier with a base rate, and the monotonic rule (rule DISC-4 of {@code
 * docs/rules.md}: a higher tier or more servers never gets a smaller total rate; a policy that would
 * break it is refused, naming the offending entries). {@link DiscountPolicy}'s javadoc says what is
 * checked; the checks are here. One of the two internal classes that an API class refers to (see
 * {@link QuoteAccess}).
 */
public final class PolicyRules {
  private static final Tier[] TIERS = Tier.values();

  private PolicyRules() {}

  /**
   * A step as entered, named for its violations ({@code volumeSchedule[2]}, {@code
   * tierSchedules.GOLD[0]}).
   *
   * @param field the step's name
   * @param minServerCount its threshold (inclusive)
   * @param bonus its bonus; null when the entered value was already reported as invalid
   */
  public record Step(String field, long minServerCount, @Nullable Rate bonus) {}

  /**
   * The components of a valid policy as unmodifiable copies (checked as copied, so a caller that
   * changes its maps or lists afterwards changes nothing).
   *
   * @param baseRates every tier's base rate, in tier order
   * @param volumeSchedule the shared schedule
   * @param tierSchedules the tiers' own schedules, in tier order
   */
  public record Valid(Map<Tier, Rate> baseRates, List<VolumeStep> volumeSchedule, Map<Tier, List<VolumeStep>> tierSchedules) {}

  /**
   * Checks a policy's components as the record's constructor receives them.
   *
   * @return unmodifiable copies of the collections
   * @throws ValidationException listing every problem, each entry by name
   */
  public static Valid check(
      @Nullable Map<Tier, Rate> baseRates,
      @Nullable List<VolumeStep> volumeSchedule,
      @Nullable Map<Tier, List<VolumeStep>> tierSchedules,
      @Nullable Combination combination,
      @Nullable Rate cap,
      @Nullable RoundingMode rounding) {
    List<Violation> violations = new ArrayList<>();
    if (baseRates == null) {
      violations.add(new Violation("baseRates", "must not be null"));
      baseRates = Map.of();
    }
    if (volumeSchedule == null) {
      violations.add(new Violation("volumeSchedule", "must not be null; use an empty list for no steps"));
      volumeSchedule = List.of();
    }
    if (tierSchedules == null) {
      violations.add(new Violation("tierSchedules", "must not be null; use an empty map for none"));
      tierSchedules = Map.of();
    }
    if (combination == null) {
      violations.add(new Violation("combination", "must not be null"));
    }
    if (cap == null) {
      violations.add(new Violation("cap", "must not be null; use Rate.FULL (100%) for no cap"));
    }
    if (rounding == null) {
      violations.add(new Violation("rounding", "must not be null"));
    }
    Map<Tier, Rate> base = new EnumMap<>(Tier.class);
    java.util.Set<Tier> given = java.util.EnumSet.noneOf(Tier.class);
    baseRates.forEach((tier, rate) -> {
      if (tier == null) {
        violations.add(new Violation("baseRates", "tier must not be null"));
      } else if (rate == null) {
        given.add(tier);
        violations.add(new Violation("baseRates." + tier, "must not be null"));
      } else {
        given.add(tier);
        base.put(tier, rate);
      }
    });
    for (Tier t : TIERS) {
      if (!given.contains(t)) {
        violations.add(new Violation("baseRates." + t, "must be set: every tier needs a base rate (0% is allowed)"));
      }
    }
    // checked on snapshots, so a caller changing its lists meanwhile cannot slip anything past
    List<VolumeStep> shared = new ArrayList<>(volumeSchedule);
    List<@Nullable Step> schedule = steps("volumeSchedule", shared, violations);
    Map<Tier, List<VolumeStep>> own = new EnumMap<>(Tier.class);
    Map<Tier, List<@Nullable Step>> perTier = new EnumMap<>(Tier.class);
    tierSchedules.forEach((tier, steps) -> {
      if (tier == null) {
        violations.add(new Violation("tierSchedules", "tier must not be null"));
      } else if (steps == null) {
        violations.add(new Violation("tierSchedules." + tier, "must not be null; leave the tier out for the shared schedule"));
      } else {
        List<VolumeStep> snapshot = new ArrayList<>(steps);
        own.put(tier, snapshot);
        perTier.put(tier, steps("tierSchedules." + tier, snapshot, violations));
      }
    });
    check(base, schedule, perTier, combination, cap, rounding, violations);
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    Map<Tier, List<VolumeStep>> ownCopies = new EnumMap<>(Tier.class);
    own.forEach((tier, steps) -> ownCopies.put(tier, List.copyOf(steps)));
    return new Valid(Collections.unmodifiableMap(base), List.copyOf(shared), Collections.unmodifiableMap(ownCopies));
  }

  private static List<@Nullable Step> steps(String field, List<VolumeStep> steps, List<Violation> violations) {
    List<@Nullable Step> out = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      VolumeStep s = steps.get(i);
      if (s == null) {
        violations.add(new Violation(field + "[" + i + "]", "must not be null"));
        out.add(null);
      } else {
        out.add(new Step(field + "[" + i + "]", s.minServerCount(), s.bonus()));
      }
    }
    return out;
  }

  /**
   * Checks the rules between entries: base rates never falling from a lower to a higher tier,
   * thresholds strictly increasing and bonuses never falling within each schedule (at most
   * {@value DiscountPolicy#MAX_STEPS} steps), a cap of at least every base rate, a rounding mode
   * that can round ({@link RoundingMode#UNNECESSARY} cannot), and, with tier schedules, no server
   * count at which a higher tier's total falls below a lower tier's. Entries that are missing or
   * invalid (a tier absent from {@code base}, a null in {@code schedule} or {@code perTier}, a null
   * bonus, a null combination, cap or rounding) must have been reported in {@code violations}
   * already: the checks between entries skip them, and the comparison of tiers runs only when
   * {@code violations} is empty, so it never meets one.
   *
   * @param base the base rates given (tiers without one are reported by the caller)
   * @param schedule the shared schedule; null elements were reported already
   * @param perTier the tiers' own schedules; null elements were reported already
   * @param violations where every problem is added
   */
  public static void check(
      Map<Tier, Rate> base,
      List<@Nullable Step> schedule,
      Map<Tier, List<@Nullable Step>> perTier,
      @Nullable Combination combination,
      @Nullable Rate cap,
      @Nullable RoundingMode rounding,
      List<Violation> violations) {
    // rule DISC-4 (monotonic): "a lower tier with a higher base" is refused, naming it.
    Tier previous = null;
    Rate previousRate = null;
    for (Tier t : TIERS) {
      Rate r = base.get(t);
      if (r == null) {
        continue;
      }
      if (previous != null && previousRate != null && previousRate.compareTo(r) > 0) {
        violations.add(new Violation("baseRates." + previous, "must not exceed " + t + "'s " + r
            + ": a lower tier never gets a higher base rate (was " + previousRate + ")"));
      }
      previous = t;
      previousRate = r;
    }
    checkSchedule("volumeSchedule", schedule, violations);
    for (Map.Entry<Tier, List<@Nullable Step>> e : perTier.entrySet()) {
      checkSchedule("tierSchedules." + e.getKey(), e.getValue(), violations);
    }
    if (rounding == RoundingMode.UNNECESSARY) {
      violations.add(new Violation("rounding", "UNNECESSARY cannot round a discount to the minor unit; "
          + "choose HALF_UP (the default), HALF_EVEN, HALF_DOWN, UP, DOWN, CEILING or FLOOR"));
    }
    if (cap != null) {
      for (Tier t : TIERS) {
        Rate r = base.get(t);
        if (r != null && cap.compareTo(r) < 0) {
          violations.add(new Violation("cap", "must be at least every base rate, but " + t + "'s is " + r + " (cap " + cap + ")"));
          break;
        }
      }
    }
    // With tier schedules, base rates alone no longer prove monotonicity in tier: compare the
    // totals of neighbouring tiers at 0 servers and at every threshold of the lower tier's schedule.
    // That is enough: from one of those points up to the next, the lower tier's total stays the
    // same while the higher tier's can only rise (its bonuses never fall; combining and capping
    // keep order), so a count where the lower tier is ahead has a point at or below it where the
    // lower tier is ahead too, and the first such count is a point. Only for an otherwise valid
    // policy: every missing or invalid entry has been reported by now, so with no violation every
    // value below is present (and the rounding is not UNNECESSARY).
    if (!perTier.isEmpty() && violations.isEmpty()) {
      Combination c = requireNonNull(combination);
      Rate limit = requireNonNull(cap);
      RoundingMode mode = requireNonNull(rounding);
      for (int i = 1; i < TIERS.length; i++) {
        Tier lo = TIERS[i - 1];
        Tier hi = TIERS[i];
        List<@Nullable Step> loSteps = perTier.getOrDefault(lo, schedule);
        List<@Nullable Step> hiSteps = perTier.getOrDefault(hi, schedule);
        TreeSet<Long> points = new TreeSet<>();
        points.add(0L);
        loSteps.forEach(s -> points.add(s.minServerCount()));
        for (long n : points) {
          int loTotal = total(requireNonNull(base.get(lo)), loSteps, n, c, limit, mode);
          int hiTotal = total(requireNonNull(base.get(hi)), hiSteps, n, c, limit, mode);
          if (loTotal > hiTotal) {
            Tier named = perTier.containsKey(hi) ? hi : lo;
            violations.add(new Violation("tierSchedules." + named, "at " + n + " servers " + hi + "'s total rate "
                + Rate.ofBasisPoints(hiTotal) + " would be below " + lo + "'s " + Rate.ofBasisPoints(loTotal)
                + ": a higher tier never gets a smaller total rate"));
            break;
          }
        }
      }
    }
  }

  /** The total rate at {@code n} servers: only called when every step and its bonus are present. */
  private static int total(Rate base, List<@Nullable Step> steps, long n, Combination c, Rate cap, RoundingMode rounding) {
    Rate bonus = Rate.ZERO;
    for (Step s : steps) {
      if (s.minServerCount() <= n) {
        bonus = requireNonNull(s.bonus()); // only called when every bonus is present
      }
    }
    return Math.min(c.combine(base, bonus, rounding), cap.basisPoints());
  }

  /** Checks one schedule's order rules; entries that are missing (reported already) are skipped. */
  private static void checkSchedule(String field, List<@Nullable Step> steps, List<Violation> violations) {
    if (steps.size() > DiscountPolicy.MAX_STEPS) {
      violations.add(new Violation(field, "must have at most " + DiscountPolicy.MAX_STEPS + " steps, got " + steps.size()));
    }
    Step prev = null;
    int prevIndex = -1;
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      if (s == null) {
        continue;
      }
      if (prev != null) {
        // rule DISC-4 (monotonic): thresholds strictly increasing, bonuses never decreasing.
        if (s.minServerCount() <= prev.minServerCount()) {
          violations.add(new Violation(s.field() + ".minServerCount",
              "must be greater than step " + prevIndex + "'s " + prev.minServerCount() + ", got " + s.minServerCount()
                  + " (thresholds strictly increase)"));
        }
        if (s.bonus() != null && prev.bonus() != null && s.bonus().compareTo(prev.bonus()) < 0) {
          violations.add(new Violation(s.field() + ".bonus",
              "must be at least step " + prevIndex + "'s " + prev.bonus() + ", got " + s.bonus()
                  + " (a bonus never falls as servers rise)"));
        }
      }
      prev = s;
      prevIndex = i;
    }
  }
}
