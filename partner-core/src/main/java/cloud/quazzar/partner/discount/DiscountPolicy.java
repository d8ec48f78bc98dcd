package cloud.quazzar.partner.discount;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.internal.discount.PolicyRules;
import cloud.quazzar.partner.registry.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the Control Panel administrator configures (the exact discount percentages): a base rate
 * per tier, a volume schedule, optionally a schedule per tier, how base and bonus combine, a cap,
 * and the rounding of discount amounts. Immutable and valid by construction; {@link #builder()} is
 * the convenient way to make one. A policy takes effect as a {@link PolicyVersion} through {@link
 * DiscountEngine#setPolicy}.
 *
 * <p>The rules a policy encodes (ids of {@code docs/rules.md}, Discounts), for a tier {@code t}
 * and a server count {@code n}:
 *
 * <ul>
 *   <li>the step reached is the highest of {@code t}'s schedule whose minimum is {@code <= n}
 *       (DISC-1: "50+ servers" means 50 or more; DISC-10: never a sum over steps);
 *   <li>the combined rate is {@code combination.combine(base(t), bonus)} (DISC-2: additive by default,
 *       optionally compounded);
 *   <li>the total rate is the combined rate limited by the cap, which is at most 100% (DISC-3: the
 *       total never exceeds 100% or the cap).
 * </ul>
 *
 * <p>Construction (the constructor and {@link Builder#build()}) refuses, naming every offending
 * entry in one {@link ValidationException} (DISC-4: monotonic; a policy that would break it is refused,
 * naming the offending entries): a null component, step or rate; a tier without a base rate; a
 * lower tier with a higher base rate than a higher tier; thresholds that are not strictly
 * increasing; a bonus that falls as servers rise; tier schedules under which a higher tier would
 * get a smaller total than a lower one at some server count; a cap below a base rate; more than
 * {@value #MAX_STEPS} steps; {@link RoundingMode#UNNECESSARY}. Fields are named like {@code
 * baseRates.GOLD}, {@code volumeSchedule[2].minServerCount} (indices from 0) and {@code
 * tierSchedules.PLATINUM[0].bonus}. The checks live in internal code (not API), once for both
 * ways of making a policy; the collections are copied as they are checked.
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

  /**
   * @param baseRates the base rate of each tier; every tier present; unmodifiable, in tier order
   * @param volumeSchedule the steps every tier uses unless {@code tierSchedules} has its own; may
   *     be empty; unmodifiable
   * @param tierSchedules schedules that replace {@code volumeSchedule} for some tiers; unmodifiable
   * @param combination how base and bonus combine (default {@link Combination#ADDITIVE})
   * @param cap the most any total rate may be ({@link Rate#FULL}, i.e. no cap, by default)
   * @param rounding how discount amounts round to the currency's minor unit, and compound rates to
   *     a basis point ({@link RoundingMode#HALF_UP} by default)
   * @throws ValidationException listing every broken rule (see the class description)
   */
  public DiscountPolicy {
    PolicyRules.Valid valid = PolicyRules.check(baseRates, volumeSchedule, tierSchedules, combination, cap, rounding);
    baseRates = valid.baseRates();
    volumeSchedule = valid.volumeSchedule();
    tierSchedules = valid.tierSchedules();
  }

  /**
   * A builder with ADDITIVE combination, no cap and HALF_UP rounding.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The base rate of {@code tier}.
   *
   * @param tier the tier
   * @return its base rate
   */
  public Rate baseRate(Tier tier) {
    return requireNonNull(baseRates.get(tier), "every tier has a base rate"); // checked on construction
  }

  /**
   * The schedule {@code tier} uses: its own from {@link #tierSchedules()}, else the shared one.
   *
   * @param tier the tier
   * @return its schedule, steps in increasing threshold order
   */
  public List<VolumeStep> scheduleFor(Tier tier) {
    List<VolumeStep> own = tierSchedules.get(tier);
    return own != null ? own : volumeSchedule;
  }

  /**
   * Whether a cap below 100% is set.
   *
   * @return true if a cap below 100% is set
   */
  public boolean hasCap() {
    return cap.basisPoints() < Rate.MAX_BASIS_POINTS;
  }

  /**
   * The step of {@code tier}'s schedule that {@code serverCount} reaches: the highest whose minimum
   * is at most {@code serverCount} (rule DISC-1), or empty if it reaches none.
   *
   * @param tier the tier
   * @param serverCount the server count, 0 or more
   * @return the step reached, or empty
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
   *
   * @param base the tier's base rate
   * @param bonus the volume bonus
   * @param extra the partner's extra rate, 0% for none
   * @return the combined rate, in basis points
   */
  public int uncappedBasisPoints(Rate base, Rate bonus, Rate extra) {
    return combination.combine(base, bonus, rounding) + extra.basisPoints();
  }

  /**
   * {@code uncappedBasisPoints} limited by the cap (itself at most 100%).
   *
   * @param uncappedBasisPoints the combined rate, in basis points
   * @return the rate after the cap
   */
  public Rate cappedRate(int uncappedBasisPoints) {
    return uncappedBasisPoints > cap.basisPoints() ? cap : Rate.ofBasisPoints(uncappedBasisPoints);
  }

  /**
   * The total rate for {@code tier} at {@code serverCount} servers, without adjustments: the
   * reference definition, written for clarity; the engine computes the same from a compiled form.
   *
   * @param tier the tier
   * @param serverCount the server count, 0 or more
   * @return the total rate
   */
  public Rate totalRate(Tier tier, long serverCount) {
    Rate bonus = stepReached(tier, serverCount).map(VolumeStep::bonus).orElse(Rate.ZERO);
    return cappedRate(uncappedBasisPoints(baseRate(tier), bonus, Rate.ZERO));
  }

  /**
   * A builder starting from this policy's values, to derive a changed policy: each option still
   * may be set once, replacing this policy's value (as it replaces a default of {@link
   * #builder()}); steps added are appended to this policy's schedules.
   *
   * @return a builder holding this policy's values
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * One line: {@code base SILVER 10%, GOLD 15%, PLATINUM 20%; steps 50+ servers: +5%, 200+ servers: +8%;
   * ADDITIVE; no cap; HALF_UP}, with the tiers' own schedules after the shared one, in tier order ({@code
   * PLATINUM steps 10+ servers: +6%}) and a cap as {@code cap 25%}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("base ");
    baseRates.forEach((t, r) -> sb.append(t).append(' ').append(r).append(", "));
    sb.setLength(sb.length() - 2);
    sb.append("; steps ").append(steps(volumeSchedule));
    tierSchedules.forEach((t, s) -> sb.append("; ").append(t).append(" steps ").append(steps(s)));
    sb.append("; ").append(combination).append("; ").append(hasCap() ? "cap " + cap : "no cap").append("; ").append(rounding);
    return sb.toString();
  }

  /** {@code 50+ servers: +5%, 200+ servers: +8%}, or {@code none}. */
  private static String steps(List<VolumeStep> steps) {
    return steps.isEmpty() ? "none" : String.join(", ", steps.stream().map(VolumeStep::toString).toList());
  }

  /**
   * Builds a {@link DiscountPolicy} from raw entries, reporting every bad entry by name. Rates may
   * be given as {@link Rate}s or as percentages ({@code "15"}, {@code "15.25"}).
   *
   * <p>Options follow the library's builder convention, set-once: each option ({@code
   * baseRate} of a tier, {@code tierSchedule} of a tier, {@code combination}, {@code cap}, {@code
   * rounding}) may be set at most once, and {@link #build()} may be called once; a second time is a
   * {@link ConfigurationException} naming the option, at once. Steps are entries, not options:
   * each {@code volumeStep} or {@code tierVolumeStep} call appends one. The values themselves
   * (null, a percentage outside 0 to 100 or with more than two decimals, a threshold outside 0 to
   * {@value VolumeStep#MAX_MIN_SERVER_COUNT}) and
   * the rules between entries are checked by {@link #build()}, all at once, so that one {@link
   * ValidationException} lists every problem under its entry's name (e.g. {@code
   * volumeSchedule[1].bonus}), as an administrator's form needs. Not thread-safe.
   */
  public static final class Builder {
    /** A step as entered; {@code bonus} is a {@link Rate} or a percent String, or null. */
    private record RawStep(long minServerCount, @Nullable Object bonus) {}

    private final Map<Tier, @Nullable Object> base = new EnumMap<>(Tier.class);
    private final List<RawStep> schedule = new ArrayList<>();
    private final Map<Tier, List<RawStep>> perTier = new EnumMap<>(Tier.class);
    private @Nullable Combination combination = Combination.ADDITIVE;
    private @Nullable Object cap = Rate.FULL;
    private @Nullable RoundingMode rounding = RoundingMode.HALF_UP;
    /** The options set on this builder (defaults and values taken over by toBuilder() are not). */
    private final Set<String> set = new HashSet<>();
    /** Null tiers given to the setters, reported by {@link #build()} with everything else. */
    private final List<Violation> nullTiers = new ArrayList<>(0);
    private boolean built;

    private Builder() {}

    private Builder(DiscountPolicy from) {
      base.putAll(from.baseRates);
      from.volumeSchedule.forEach(s -> schedule.add(new RawStep(s.minServerCount(), s.bonus())));
      from.tierSchedules.forEach((tier, steps) -> {
        List<RawStep> own = new ArrayList<>();
        steps.forEach(s -> own.add(new RawStep(s.minServerCount(), s.bonus())));
        perTier.put(tier, own);
      });
      combination = from.combination;
      cap = from.cap;
      rounding = from.rounding;
    }

    /** A builder that has built its policy takes nothing more: its policy would not show it. */
    private void notBuilt(String option) {
      if (built) {
        throw new ConfigurationException("this DiscountPolicy.Builder has built its policy; start a new one "
            + "(DiscountPolicy.builder() or policy.toBuilder()) to set " + option);
      }
    }

    /** The set-once convention: a second setting of {@code option} is a configuration error. */
    private void once(String option) {
      notBuilt(option);
      if (!set.add(option)) {
        throw new ConfigurationException("builder option '" + option + "' is already set: each option may be set once");
      }
    }

    /** Whether {@code tier} is usable; a null one is noted for {@link #build()}. */
    private boolean known(@Nullable Tier tier, String what) {
      if (tier == null) {
        nullTiers.add(new Violation(what, "tier must not be null"));
        return false;
      }
      return true;
    }

    /**
     * Sets {@code tier}'s base rate, as a percentage such as {@code "15"} or {@code "15.25"}.
     *
     * @param tier the tier
     * @param percent the rate as a percentage, 0 to 100, at most two decimals
     * @return this builder
     * @throws ConfigurationException if {@code tier}'s base rate was set on this builder already
     */
    public Builder baseRate(Tier tier, String percent) {
      return setBase(tier, percent);
    }

    /**
     * Sets {@code tier}'s base rate.
     *
     * @param tier the tier
     * @param rate the rate
     * @return this builder
     * @throws ConfigurationException if {@code tier}'s base rate was set on this builder already
     */
    public Builder baseRate(Tier tier, Rate rate) {
      return setBase(tier, rate);
    }

    private Builder setBase(@Nullable Tier tier, @Nullable Object rate) {
      if (known(tier, "baseRates")) {
        once("baseRates." + tier);
        base.put(tier, rate);
      }
      return this;
    }

    /**
     * Appends a step to the shared schedule: {@code minServerCount} or more servers earn {@code
     * bonusPercent}.
     *
     * @param minServerCount the step's lowest server count, 0 or more
     * @param bonusPercent the bonus as a percentage, such as {@code "5"}
     * @return this builder
     */
    public Builder volumeStep(long minServerCount, String bonusPercent) {
      return addStep(minServerCount, bonusPercent);
    }

    /**
     * Appends a step to the shared schedule: {@code minServerCount} or more servers earn {@code bonus}.
     *
     * @param minServerCount the step's lowest server count, 0 or more
     * @param bonus the bonus
     * @return this builder
     */
    public Builder volumeStep(long minServerCount, Rate bonus) {
      return addStep(minServerCount, bonus);
    }

    private Builder addStep(long minServerCount, @Nullable Object bonus) {
      notBuilt("volumeSchedule");
      schedule.add(new RawStep(minServerCount, bonus));
      return this;
    }

    /**
     * Gives {@code tier} its own schedule, empty until steps are added (an empty one: no bonus).
     *
     * @param tier the tier
     * @return this builder
     * @throws ConfigurationException if {@code tier} has its own schedule already (from an earlier
     *     call, from {@link #tierVolumeStep}, or from the policy of {@link #toBuilder()})
     */
    public Builder tierSchedule(Tier tier) {
      if (known(tier, "tierSchedules")) {
        notBuilt("tierSchedules." + tier);
        if (perTier.containsKey(tier)) {
          throw new ConfigurationException("builder option 'tierSchedules." + tier + "' is already set: each option may be"
              + " set once (" + tier + " has its own schedule already; add steps with tierVolumeStep)");
        }
        perTier.put(tier, new ArrayList<>());
      }
      return this;
    }

    /**
     * Appends a step to {@code tier}'s own schedule (creating it if needed).
     *
     * @param tier the tier
     * @param minServerCount the step's lowest server count, 0 or more
     * @param bonusPercent the bonus as a percentage, such as {@code "5"}
     * @return this builder
     */
    public Builder tierVolumeStep(Tier tier, long minServerCount, String bonusPercent) {
      return addTierStep(tier, minServerCount, bonusPercent);
    }

    /**
     * Appends a step to {@code tier}'s own schedule (creating it if needed).
     *
     * @param tier the tier
     * @param minServerCount the step's lowest server count, 0 or more
     * @param bonus the bonus
     * @return this builder
     */
    public Builder tierVolumeStep(Tier tier, long minServerCount, Rate bonus) {
      return addTierStep(tier, minServerCount, bonus);
    }

    private Builder addTierStep(@Nullable Tier tier, long minServerCount, @Nullable Object bonus) {
      if (known(tier, "tierSchedules")) {
        notBuilt("tierSchedules." + tier);
        perTier.computeIfAbsent(tier, k -> new ArrayList<>()).add(new RawStep(minServerCount, bonus));
      }
      return this;
    }

    /**
     * How base and bonus combine (default ADDITIVE).
     *
     * @param combination how base and bonus combine
     * @return this builder
     * @throws ConfigurationException if set on this builder already
     */
    public Builder combination(Combination combination) {
      once("combination");
      this.combination = combination;
      return this;
    }

    /**
     * Caps every total rate, as a percentage such as {@code "25"}.
     *
     * @param percent the cap as a percentage, 0 to 100
     * @return this builder
     * @throws ConfigurationException if set on this builder already
     */
    public Builder cap(String percent) {
      once("cap");
      this.cap = percent;
      return this;
    }

    /**
     * Caps every total rate ({@link Rate#FULL}: no cap, the default).
     *
     * @param cap the cap
     * @return this builder
     * @throws ConfigurationException if set on this builder already
     */
    public Builder cap(Rate cap) {
      once("cap");
      this.cap = cap;
      return this;
    }

    /**
     * How amounts round to the minor unit (default HALF_UP).
     *
     * @param rounding the rounding mode
     * @return this builder
     * @throws ConfigurationException if set on this builder already
     */
    public Builder rounding(RoundingMode rounding) {
      once("rounding");
      this.rounding = rounding;
      return this;
    }

    /**
     * The policy.
     *
     * @return the policy
     * @throws ValidationException listing every bad entry and every broken rule, by entry name
     * @throws ConfigurationException if this builder has built a policy already
     */
    public DiscountPolicy build() {
      once("build");
      built = true;
      List<Violation> violations = new ArrayList<>(nullTiers);
      Map<Tier, Rate> rates = new EnumMap<>(Tier.class);
      for (Tier t : Tier.values()) {
        if (!base.containsKey(t)) {
          violations.add(new Violation("baseRates." + t, "must be set: every tier needs a base rate (0% is allowed)"));
        } else {
          Rate r = rate("baseRates." + t, base.get(t), violations);
          if (r != null) {
            rates.put(t, r);
          }
        }
      }
      List<PolicyRules.@Nullable Step> shared = steps("volumeSchedule", schedule, violations);
      Map<Tier, List<PolicyRules.@Nullable Step>> own = new EnumMap<>(Tier.class);
      perTier.forEach((t, steps) -> own.put(t, steps("tierSchedules." + t, steps, violations)));
      if (combination == null) {
        violations.add(new Violation("combination", "must not be null"));
      }
      if (rounding == null) {
        violations.add(new Violation("rounding", "must not be null"));
      }
      Rate capRate = rate("cap", cap, violations);
      PolicyRules.check(rates, shared, own, combination, capRate, rounding, violations);
      if (!violations.isEmpty()) {
        throw new ValidationException(violations);
      }
      Map<Tier, List<VolumeStep>> ownSteps = new EnumMap<>(Tier.class);
      own.forEach((t, steps) -> ownSteps.put(t, volumeSteps(steps)));
      // no violation: every value below is present
      return new DiscountPolicy(rates, volumeSteps(shared), ownSteps, requireNonNull(combination),
          requireNonNull(capRate), requireNonNull(rounding));
    }

    private static List<VolumeStep> volumeSteps(List<PolicyRules.@Nullable Step> steps) {
      List<VolumeStep> out = new ArrayList<>(steps.size());
      for (PolicyRules.Step s : steps) {
        out.add(new VolumeStep(s.minServerCount(), requireNonNull(s.bonus())));
      }
      return out;
    }

    private static @Nullable Rate rate(String field, @Nullable Object raw, List<Violation> violations) {
      Violation v = Rate.problem(field, raw);
      if (v != null) {
        violations.add(v);
        return null;
      }
      return Rate.toRate(raw);
    }

    private static List<PolicyRules.@Nullable Step> steps(String field, List<RawStep> raw, List<Violation> violations) {
      List<PolicyRules.@Nullable Step> out = new ArrayList<>(raw.size());
      for (int i = 0; i < raw.size(); i++) {
        String entry = field + "[" + i + "]";
        long min = raw.get(i).minServerCount();
        if (min < 0 || min > VolumeStep.MAX_MIN_SERVER_COUNT) {
          violations.add(new Violation(entry + ".minServerCount", VolumeStep.rangeMessage(min)));
        }
        out.add(new PolicyRules.Step(entry, min, rate(entry + ".bonus", raw.get(i).bonus(), violations)));
      }
      return out;
    }
  }
}
