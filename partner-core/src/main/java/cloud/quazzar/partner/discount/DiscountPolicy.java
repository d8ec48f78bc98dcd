package cloud.quazzar.partner.discount;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.registry.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What the administrator configures (source: "The exact discount percentages are configured by the
 * Control Panel administrator"): a base rate per tier, a volume schedule, optionally a schedule per
 * tier, how base and bonus combine, a cap, and the rounding of discount amounts. Immutable and valid
 * by construction; {@link #builder()} is the convenient way to make one. A policy takes effect as a
 * {@link PolicyVersion} through {@link DiscountEngine#setPolicy}.
 *
 * <p>The rules a policy encodes (DESIGN.md, Discounts), for a tier {@code t} and a server count
 * {@code n}:
 *
 * <ul>
 *   <li>the step reached is the highest of {@code t}'s schedule whose minimum is {@code <= n}
 *       (**rule**: "50+ servers" means 50 or more; never a sum over steps);
 *   <li>the combined rate is {@code combination.combine(base(t), bonus)} (**rule**: additive by
 *       default, optionally compounded);
 *   <li>the total rate is the combined rate limited by the cap, which is at most 100% (**rule**: the
 *       total never exceeds 100% or the cap).
 * </ul>
 *
 * <p>Construction refuses, naming every offending entry at once (**rule**: monotonic; a policy that
 * would break it is rejected with an error naming the offending entries): a tier without a base
 * rate; a lower tier with a higher base rate than a higher tier; thresholds that are not strictly
 * increasing; a bonus that falls as servers rise; tier schedules under which a higher tier would
 * get a smaller total than a lower one at some server count; a cap below a base rate; more than
 * {@value #MAX_STEPS} steps; {@link RoundingMode#UNNECESSARY}. Fields are named like {@code
 * baseRates.GOLD}, {@code volumeSchedule[2].minServers} (indices from 0) and {@code
 * tierSchedules.PLATINUM[0].bonus}.
 *
 * @param baseRates the base rate of each tier; every tier present; unmodifiable, in tier order
 * @param volumeSchedule the steps every tier uses unless {@code tierSchedules} has its own; may be
 *     empty; unmodifiable
 * @param tierSchedules schedules that replace {@code volumeSchedule} for some tiers; unmodifiable
 * @param combination how base and bonus combine (default {@link Combination#ADDITIVE})
 * @param cap the most any total rate may be ({@link Rate#FULL}, i.e. no cap, by default)
 * @param rounding how discount amounts round to the currency's minor unit, and compound rates to a
 *     basis point ({@link RoundingMode#HALF_UP} by default)
 */
public record DiscountPolicy(
    Map<Tier, Rate> baseRates,
    List<VolumeStep> volumeSchedule,
    Map<Tier, List<VolumeStep>> tierSchedules,
    Combination combination,
    Rate cap,
    RoundingMode rounding) {

  /** The most steps one schedule may have. */
  public static final int MAX_STEPS = 1000;

  private static final Tier[] TIERS = Tier.values();

  /**
   * @throws ValidationException listing every broken rule (see the class description)
   */
  public DiscountPolicy {
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
    baseRates.forEach((tier, rate) -> {
      if (tier != null && rate != null) {
        base.put(tier, rate);
      } else if (tier != null) {
        violations.add(new Violation("baseRates." + tier, "must not be null"));
      }
    });
    for (Tier t : TIERS) {
      if (!baseRates.containsKey(t)) {
        violations.add(new Violation("baseRates." + t, "must be set: every tier needs a base rate (0% is allowed)"));
      }
    }
    List<StepDraft> schedule = drafts("volumeSchedule", volumeSchedule, violations);
    Map<Tier, List<StepDraft>> perTier = new EnumMap<>(Tier.class);
    tierSchedules.forEach((tier, steps) -> {
      if (tier != null) {
        perTier.put(tier, drafts("tierSchedules." + tier, steps == null ? List.of() : steps, violations));
      }
    });
    validate(base, schedule, perTier, combination, cap, rounding, violations);
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    baseRates = Collections.unmodifiableMap(new EnumMap<>(base));
    volumeSchedule = List.copyOf(volumeSchedule);
    Map<Tier, List<VolumeStep>> copied = new EnumMap<>(Tier.class);
    tierSchedules.forEach((tier, steps) -> copied.put(tier, List.copyOf(steps)));
    tierSchedules = Collections.unmodifiableMap(copied);
  }

  /** A builder with ADDITIVE combination, no cap and HALF_UP rounding. */
  public static Builder builder() {
    return new Builder();
  }

  /** The base rate of {@code tier}. */
  public Rate baseRate(Tier tier) {
    return requireNonNull(baseRates.get(tier), "every tier has a base rate");
  }

  /** The schedule {@code tier} uses: its own from {@link #tierSchedules()}, else the shared one. */
  public List<VolumeStep> scheduleFor(Tier tier) {
    List<VolumeStep> own = tierSchedules.get(tier);
    return own != null ? own : volumeSchedule;
  }

  /** Whether a cap below 100% is set. */
  public boolean hasCap() {
    return cap.basisPoints() < Rate.MAX_BASIS_POINTS;
  }

  /**
   * The step of {@code tier}'s schedule that {@code serverCount} reaches: the highest whose minimum
   * is at most {@code serverCount} (**rule**), or empty if it reaches none.
   */
  public Optional<VolumeStep> stepReached(Tier tier, long serverCount) {
    VolumeStep reached = null;
    for (VolumeStep step : scheduleFor(tier)) {
      if (step.reachedBy(serverCount)) {
        reached = step;
      }
    }
    return Optional.ofNullable(reached);
  }

  /**
   * The combined rate in basis points before the cap: {@code combination.combine(base, bonus)}
   * plus {@code extra} (a partner's extra rate, added after combining). May pass 10,000.
   */
  public int uncappedBasisPoints(Rate base, Rate bonus, Rate extra) {
    return combination.combine(base, bonus, rounding) + extra.basisPoints();
  }

  /** {@code uncappedBasisPoints} limited by the cap (itself at most 100%). */
  public Rate cappedRate(int uncappedBasisPoints) {
    return uncappedBasisPoints > cap.basisPoints() ? cap : Rate.ofBasisPoints(uncappedBasisPoints);
  }

  /**
   * The total rate for {@code tier} at {@code serverCount} servers, without adjustments: the
   * reference definition, written for clarity; the engine computes the same from a compiled form.
   */
  public Rate totalRate(Tier tier, long serverCount) {
    Rate bonus = stepReached(tier, serverCount).map(VolumeStep::bonus).orElse(Rate.ZERO);
    return cappedRate(uncappedBasisPoints(baseRate(tier), bonus, Rate.ZERO));
  }

  /** A builder holding this policy's values, to derive a changed policy. */
  public Builder toBuilder() {
    Builder b = new Builder().combination(combination).cap(cap).rounding(rounding);
    baseRates.forEach(b::baseRate);
    volumeSchedule.forEach(s -> b.volumeStep(s.minServers(), s.bonus()));
    tierSchedules.forEach((tier, steps) -> {
      b.tierSchedule(tier);
      steps.forEach(s -> b.tierVolumeStep(tier, s.minServers(), s.bonus()));
    });
    return b;
  }

  /** One line: {@code base SILVER 10%, GOLD 15%, PLATINUM 20%; steps 50+ servers: +5%; ADDITIVE; no cap; HALF_UP}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("base ");
    baseRates.forEach((t, r) -> sb.append(t).append(' ').append(r).append(", "));
    sb.setLength(sb.length() - 2);
    sb.append("; steps ").append(volumeSchedule.isEmpty() ? "none" : volumeSchedule.toString());
    tierSchedules.forEach((t, s) -> sb.append("; ").append(t).append(" steps ").append(s.isEmpty() ? "none" : s));
    sb.append("; ").append(combination).append("; ").append(hasCap() ? "cap " + cap : "no cap").append("; ").append(rounding);
    return sb.toString();
  }

  // ---- validation, shared by the constructor and the builder ------------------------------------

  /** A step as entered: its bonus is null when the entered value was already reported as invalid. */
  private record StepDraft(String field, long minServers, @Nullable Rate bonus) {}

  private static List<StepDraft> drafts(String field, List<VolumeStep> steps, List<Violation> violations) {
    List<StepDraft> out = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      VolumeStep s = steps.get(i);
      if (s == null) {
        violations.add(new Violation(field + "[" + i + "]", "must not be null"));
        out.add(null);
      } else {
        out.add(new StepDraft(field + "[" + i + "]", s.minServers(), s.bonus()));
      }
    }
    return out;
  }

  private static void validate(
      Map<Tier, Rate> base,
      List<StepDraft> schedule,
      Map<Tier, List<StepDraft>> perTier,
      @Nullable Combination combination,
      @Nullable Rate cap,
      @Nullable RoundingMode rounding,
      List<Violation> out) {
    boolean baseComplete = true;
    for (Tier t : TIERS) {
      if (!base.containsKey(t)) {
        baseComplete = false;
      }
    }
    // DESIGN.md rule (monotonic): "a lower tier with a higher base" is rejected, naming it.
    Tier previous = null;
    Rate previousRate = null;
    for (Tier t : TIERS) {
      Rate r = base.get(t);
      if (r == null) {
        continue;
      }
      if (previous != null && previousRate != null && previousRate.compareTo(r) > 0) {
        out.add(new Violation("baseRates." + previous, "must not exceed " + t + "'s " + r
            + ": a lower tier never gets a higher base rate (was " + previousRate + ")"));
      }
      previous = t;
      previousRate = r;
    }
    boolean schedulesOk = checkSchedule("volumeSchedule", schedule, out);
    for (Map.Entry<Tier, List<StepDraft>> e : perTier.entrySet()) {
      schedulesOk &= checkSchedule("tierSchedules." + e.getKey(), e.getValue(), out);
    }
    if (rounding == RoundingMode.UNNECESSARY) {
      out.add(new Violation("rounding", "UNNECESSARY cannot round a discount to the minor unit; "
          + "choose HALF_UP (the default), HALF_EVEN, HALF_DOWN, UP, DOWN, CEILING or FLOOR"));
    }
    if (cap != null) {
      for (Tier t : TIERS) {
        Rate r = base.get(t);
        if (r != null && cap.compareTo(r) < 0) {
          out.add(new Violation("cap", "must be at least every base rate, but " + t + "'s is " + r + " (cap " + cap + ")"));
          break;
        }
      }
    }
    // With tier schedules, base rates alone no longer prove monotonicity in tier: compare the
    // totals of neighbouring tiers at 0 servers and at every threshold of either schedule (the
    // totals are step functions, constant between those points).
    if (baseComplete && schedulesOk && !perTier.isEmpty() && combination != null && cap != null
        && rounding != null && rounding != RoundingMode.UNNECESSARY && out.isEmpty()) {
      for (int i = 1; i < TIERS.length; i++) {
        Tier lo = TIERS[i - 1];
        Tier hi = TIERS[i];
        List<StepDraft> loSteps = perTier.getOrDefault(lo, schedule);
        List<StepDraft> hiSteps = perTier.getOrDefault(hi, schedule);
        TreeSet<Long> points = new TreeSet<>();
        points.add(0L);
        loSteps.forEach(s -> points.add(s.minServers()));
        hiSteps.forEach(s -> points.add(s.minServers()));
        for (long n : points) {
          int loTotal = total(requireNonNull(base.get(lo)), loSteps, n, combination, cap, rounding);
          int hiTotal = total(requireNonNull(base.get(hi)), hiSteps, n, combination, cap, rounding);
          if (loTotal > hiTotal) {
            Tier named = perTier.containsKey(hi) ? hi : lo;
            out.add(new Violation("tierSchedules." + named, "at " + n + " servers " + hi + "'s total rate "
                + Rate.ofBasisPoints(hiTotal) + " would be below " + lo + "'s " + Rate.ofBasisPoints(loTotal)
                + ": a higher tier never gets a smaller total rate"));
            break;
          }
        }
      }
    }
  }

  private static int total(Rate base, List<StepDraft> steps, long n, Combination c, Rate cap, RoundingMode rounding) {
    Rate bonus = Rate.ZERO;
    for (StepDraft s : steps) {
      if (s.minServers() <= n) {
        bonus = requireNonNull(s.bonus(), "checked by checkSchedule");
      }
    }
    return Math.min(c.combine(base, bonus, rounding), cap.basisPoints());
  }

  /** Checks one schedule's order rules; false if any entry is missing or broken. */
  private static boolean checkSchedule(String field, List<StepDraft> steps, List<Violation> out) {
    int before = out.size();
    boolean complete = true;
    if (steps.size() > MAX_STEPS) {
      out.add(new Violation(field, "must have at most " + MAX_STEPS + " steps, got " + steps.size()));
    }
    StepDraft prev = null;
    int prevIndex = -1;
    for (int i = 0; i < steps.size(); i++) {
      StepDraft s = steps.get(i);
      if (s == null) {
        complete = false;
        continue;
      }
      if (prev != null) {
        // DESIGN.md rule (monotonic): thresholds strictly increasing, bonuses never decreasing.
        if (s.minServers() <= prev.minServers()) {
          out.add(new Violation(s.field() + ".minServers",
              "must be greater than step " + prevIndex + "'s " + prev.minServers() + ", got " + s.minServers()
                  + " (thresholds strictly increase)"));
        }
        if (s.bonus() != null && prev.bonus() != null && s.bonus().compareTo(prev.bonus()) < 0) {
          out.add(new Violation(s.field() + ".bonus",
              "must be at least step " + prevIndex + "'s " + prev.bonus() + ", got " + s.bonus()
                  + " (a bonus never falls as servers rise)"));
        }
      }
      if (s.bonus() == null) {
        complete = false;
      }
      prev = s;
      prevIndex = i;
    }
    return complete && out.size() == before;
  }

  /**
   * Builds a {@link DiscountPolicy} from raw entries, reporting every bad entry by name. Rates may
   * be given as {@link Rate}s or as percentages ({@code "15"}, {@code "15.25"}, {@link
   * BigDecimal}); a percentage outside 0 to 100 or with more than two decimals is reported under its
   * entry's name (e.g. {@code volumeSchedule[1].bonus}) by {@link #build()}, together with every
   * other problem. Not thread-safe.
   */
  public static final class Builder {
    /** A step as entered; {@code bonus} is a {@link Rate}, a percent String or a BigDecimal. */
    private record RawStep(int minServers, Object bonus) {}

    private final Map<Tier, Object> base = new EnumMap<>(Tier.class);
    private final List<RawStep> schedule = new ArrayList<>();
    private final Map<Tier, List<RawStep>> perTier = new EnumMap<>(Tier.class);
    private @Nullable Combination combination = Combination.ADDITIVE;
    private @Nullable Object cap = Rate.FULL;
    private @Nullable RoundingMode rounding = RoundingMode.HALF_UP;
    /** Null tiers given to the setters, reported by {@link #build()} with everything else. */
    private final List<Violation> nullTiers = new ArrayList<>(0);

    private Builder() {}

    /** Whether {@code tier} is usable; a null one is noted for {@link #build()}. */
    private boolean known(@Nullable Tier tier, String what) {
      if (tier == null) {
        nullTiers.add(new Violation(what, "tier must not be null"));
        return false;
      }
      return true;
    }

    /** Sets {@code tier}'s base rate, as a percentage such as {@code "15"} or {@code "15.25"}. */
    public Builder baseRate(Tier tier, String percent) {
      if (known(tier, "baseRates")) {
        base.put(tier, percent);
      }
      return this;
    }

    /** Sets {@code tier}'s base rate. */
    public Builder baseRate(Tier tier, Rate rate) {
      if (known(tier, "baseRates")) {
        base.put(tier, rate);
      }
      return this;
    }

    /** Appends a step to the shared schedule: {@code minServers} or more earn {@code bonusPercent}. */
    public Builder volumeStep(int minServers, String bonusPercent) {
      schedule.add(new RawStep(minServers, bonusPercent));
      return this;
    }

    /** Appends a step to the shared schedule. */
    public Builder volumeStep(int minServers, Rate bonus) {
      schedule.add(new RawStep(minServers, bonus));
      return this;
    }

    /** Gives {@code tier} its own schedule, empty until steps are added (an empty one: no bonus). */
    public Builder tierSchedule(Tier tier) {
      if (known(tier, "tierSchedules")) {
        perTier.computeIfAbsent(tier, k -> new ArrayList<>());
      }
      return this;
    }

    /** Appends a step to {@code tier}'s own schedule (creating it if needed). */
    public Builder tierVolumeStep(Tier tier, int minServers, String bonusPercent) {
      if (known(tier, "tierSchedules")) {
        perTier.computeIfAbsent(tier, k -> new ArrayList<>()).add(new RawStep(minServers, bonusPercent));
      }
      return this;
    }

    /** Appends a step to {@code tier}'s own schedule (creating it if needed). */
    public Builder tierVolumeStep(Tier tier, int minServers, Rate bonus) {
      if (known(tier, "tierSchedules")) {
        perTier.computeIfAbsent(tier, k -> new ArrayList<>()).add(new RawStep(minServers, bonus));
      }
      return this;
    }

    /** How base and bonus combine (default ADDITIVE). */
    public Builder combination(Combination combination) {
      this.combination = combination;
      return this;
    }

    /** Caps every total rate, as a percentage such as {@code "25"}. */
    public Builder cap(String percent) {
      this.cap = percent;
      return this;
    }

    /** Caps every total rate ({@link Rate#FULL}: no cap, the default). */
    public Builder cap(Rate cap) {
      this.cap = cap;
      return this;
    }

    /** How amounts round to the minor unit (default HALF_UP). */
    public Builder rounding(RoundingMode rounding) {
      this.rounding = rounding;
      return this;
    }

    /**
     * The policy.
     *
     * @throws ValidationException listing every bad entry and every broken rule, by entry name
     */
    public DiscountPolicy build() {
      List<Violation> violations = new ArrayList<>(nullTiers);
      Map<Tier, Rate> rates = new EnumMap<>(Tier.class);
      for (Tier t : TIERS) {
        if (!base.containsKey(t)) {
          violations.add(new Violation("baseRates." + t, "must be set: every tier needs a base rate (0% is allowed)"));
        } else {
          Rate r = rate("baseRates." + t, base.get(t), violations);
          if (r != null) {
            rates.put(t, r);
          }
        }
      }
      List<StepDraft> shared = rawDrafts("volumeSchedule", schedule, violations);
      Map<Tier, List<StepDraft>> own = new EnumMap<>(Tier.class);
      perTier.forEach((t, steps) -> own.put(t, rawDrafts("tierSchedules." + t, steps, violations)));
      if (combination == null) {
        violations.add(new Violation("combination", "must not be null"));
      }
      if (rounding == null) {
        violations.add(new Violation("rounding", "must not be null"));
      }
      Rate capRate = rate("cap", cap, violations);
      validate(rates, shared, own, combination, capRate, rounding, violations);
      if (!violations.isEmpty()) {
        throw new ValidationException(violations);
      }
      Map<Tier, List<VolumeStep>> ownSteps = new EnumMap<>(Tier.class);
      own.forEach((t, steps) -> ownSteps.put(t, steps(steps)));
      // no violations: each of these was checked above
      return new DiscountPolicy(rates, steps(shared), ownSteps, requireNonNull(combination),
          requireNonNull(capRate), requireNonNull(rounding));
    }

    private static List<VolumeStep> steps(List<StepDraft> drafts) {
      return drafts.stream().map(d -> new VolumeStep((int) d.minServers(), requireNonNull(d.bonus()))).toList();
    }

    private static @Nullable Rate rate(String field, @Nullable Object raw, List<Violation> violations) {
      Violation v = Rate.problem(field, raw);
      if (v != null) {
        violations.add(v);
        return null;
      }
      return Rate.toRate(raw);
    }

    private static List<StepDraft> rawDrafts(String field, List<RawStep> raw, List<Violation> violations) {
      List<StepDraft> out = new ArrayList<>(raw.size());
      for (int i = 0; i < raw.size(); i++) {
        String entry = field + "[" + i + "]";
        int min = raw.get(i).minServers();
        if (min < 0 || min > VolumeStep.MAX_MIN_SERVERS) {
          violations.add(new Violation(entry + ".minServers", VolumeStep.rangeMessage(min)));
        }
        out.add(new StepDraft(entry, min, rate(entry + ".bonus", raw.get(i).bonus(), violations)));
      }
      return out;
    }
  }
}
