package cloud.quazzar.partner.review;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.registry.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How tier reviews decide and act. Immutable; validated on construction (every violation listed).
 * Stored by {@link TierReviews#configure}, so every node of a multi-node host reviews by the same
 * policy.
 *
 * <p>{@link #DEFAULT}: a grace period of {@value #DEFAULT_GRACE_DAYS} days, demotions {@link
 * ReviewMode#AUTOMATIC}, promotions {@link ReviewMode#RECOMMEND_ONLY}, no revenue requirements.
 * Why these modes: the grace period already is the protection against a hasty demotion, and a
 * demotion that waits for a person after 90 days of warning would leave a partner with benefits it
 * does not earn; a promotion grants a larger discount at once and is a commercial decision, so by
 * default an administrator confirms it.
 *
 * <p>Throws {@link ValidationException} listing every violation.
 *
 * @param gracePeriodDays days a partner keeps its tier after it stops qualifying, 1 to {@value
 *     #MAX_GRACE_DAYS}: the grace covers the review day that starts it and the days after it, this
 *     many days in all; the demotion is due on the review day plus this many days (the first day
 *     without grace, {@link GracePeriod#demotionDueOn()}) and happens at the first review on or
 *     after it
 * @param demotionMode whether the review demotes at the end of a grace period or only recommends it
 * @param promotionMode whether the review promotes a partner that qualifies for a higher tier or
 *     only recommends it
 * @param revenueRequirements each tier's revenue requirements, on top of the certification
 *     requirements; tiers left out have none. As with certifications a tier also needs those of
 *     every lower tier
 */
public record ReviewPolicy(
    long gracePeriodDays,
    ReviewMode demotionMode,
    ReviewMode promotionMode,
    Map<Tier, List<RevenueRequirement>> revenueRequirements) {

  /** The default grace period, 90 days (rule REVIEW-3). */
  public static final long DEFAULT_GRACE_DAYS = 90;

  /** The longest grace period: two years. */
  public static final long MAX_GRACE_DAYS = 730;

  /** The most revenue requirements per tier. */
  public static final int MAX_REQUIREMENTS_PER_TIER = 10;

  /** 90 days, demotions automatic, promotions recommended only, no revenue requirements. */
  public static final ReviewPolicy DEFAULT = builder().build();

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param gracePeriodDays days a partner keeps its tier after it stops qualifying, 1 to {@value
   *     #MAX_GRACE_DAYS}: the grace covers the review day that starts it and the days after it, this
   *     many days in all; the demotion is due on the review day plus this many days (the first day
   *     without grace, {@link GracePeriod#demotionDueOn()}) and happens at the first review on or
   *     after it
   * @param demotionMode whether the review demotes at the end of a grace period or only recommends it
   * @param promotionMode whether the review promotes a partner that qualifies for a higher tier or
   *     only recommends it
   * @param revenueRequirements each tier's revenue requirements, on top of the certification
   *     requirements; tiers left out have none. As with certifications a tier also needs those of
   *     every lower tier
   * @throws ValidationException naming each component that is null or out of range
   */
  public ReviewPolicy {
    List<Violation> v = new ArrayList<>();
    if (gracePeriodDays < 1 || gracePeriodDays > MAX_GRACE_DAYS) {
      v.add(new Violation("gracePeriodDays", "must be from 1 to " + MAX_GRACE_DAYS + ", got " + gracePeriodDays));
    }
    if (demotionMode == null) {
      v.add(new Violation("demotionMode", "must not be null"));
    }
    if (promotionMode == null) {
      v.add(new Violation("promotionMode", "must not be null"));
    }
    EnumMap<Tier, List<RevenueRequirement>> copy = new EnumMap<>(Tier.class);
    for (Tier t : Tier.values()) {
      copy.put(t, List.of());
    }
    if (revenueRequirements == null) {
      v.add(new Violation("revenueRequirements", "must not be null (use an empty map for none)"));
    } else {
      for (Map.Entry<Tier, List<RevenueRequirement>> e : revenueRequirements.entrySet()) {
        Tier tier = e.getKey();
        List<RevenueRequirement> list = e.getValue();
        if (tier == null) {
          v.add(new Violation("revenueRequirements", "must not have a null tier"));
        } else if (list == null || list.stream().anyMatch(r -> r == null)) {
          v.add(new Violation("revenueRequirements." + tier, "must be a list of requirements without null"));
        } else if (list.size() > MAX_REQUIREMENTS_PER_TIER) {
          v.add(new Violation("revenueRequirements." + tier,
              "must hold at most " + MAX_REQUIREMENTS_PER_TIER + " requirements, got " + list.size()));
        } else {
          copy.put(tier, List.copyOf(list));
        }
      }
    }
    if (!v.isEmpty()) {
      throw new ValidationException(v);
    }
    revenueRequirements = Collections.unmodifiableMap(copy);
  }

  /**
   * A builder starting from {@link #DEFAULT}'s values.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The revenue requirements of {@code tier} (its own, not those of lower tiers).
   *
   * @param tier the tier
   * @return its own revenue requirements
   */
  public List<RevenueRequirement> revenueRequirementsOf(Tier tier) {
    return revenueRequirements.getOrDefault(tier, List.of());
  }

  /**
   * A copy with another grace period.
   *
   * @param days the days of grace
   * @return the changed copy
   */
  public ReviewPolicy withGracePeriodDays(long days) {
    return new ReviewPolicy(days, demotionMode, promotionMode, revenueRequirements);
  }

  /**
   * A copy in which {@code tier} requires exactly {@code requirements} (none: no revenue requirement).
   *
   * @param tier the tier
   * @param requirements what it requires, none for no requirement
   * @return the changed copy
   */
  public ReviewPolicy withRevenue(Tier tier, RevenueRequirement... requirements) {
    Map<Tier, List<RevenueRequirement>> copy = new HashMap<>(revenueRequirements);
    copy.put(tier, requirements == null ? null : Arrays.asList(requirements)); // the constructor reports nulls
    return new ReviewPolicy(gracePeriodDays, demotionMode, promotionMode, copy);
  }

  /**
   * Builds a {@link ReviewPolicy}. Not thread-safe. Follows the library's one convention for
   * builders, <b>set-once</b>:
   *
   * <ul>
   *   <li>{@link #gracePeriodDays}, {@link #demotionMode} and {@link #promotionMode} may each be set
   *       at most once; setting one again is a {@link ConfigurationException} naming it. {@link
   *       #revenue} adds a requirement to a tier and may be called for several; adding an equal
   *       requirement to the same tier twice is a {@link ConfigurationException};
   *   <li>a null or out-of-range value is a {@link ValidationException} naming the option, thrown
   *       by the call that received it (which then changes nothing);
   *   <li>{@link #build()} checks what needs every call (at most {@value
   *       ReviewPolicy#MAX_REQUIREMENTS_PER_TIER} requirements per tier) and builds one policy:
   *       calling it after it returned one is a {@link ConfigurationException}.
   * </ul>
   */
  public static final class Builder {
    private long gracePeriodDays = DEFAULT_GRACE_DAYS;
    private ReviewMode demotionMode = ReviewMode.AUTOMATIC;
    private ReviewMode promotionMode = ReviewMode.RECOMMEND_ONLY;
    private final Map<Tier, List<RevenueRequirement>> revenue = new EnumMap<>(Tier.class);
    private final java.util.Set<String> set = new java.util.HashSet<>();
    private boolean built;

    private Builder() {}

    private void once(String option) {
      if (!set.add(option)) {
        throw new ConfigurationException("builder option '" + option + "' is already set: each option may be set once");
      }
    }

    /**
     * Days of grace, 1 to {@value ReviewPolicy#MAX_GRACE_DAYS} (default {@value
     * ReviewPolicy#DEFAULT_GRACE_DAYS}).
     *
     * @param days the days of grace
     * @return this builder
     * @throws ValidationException ({@code gracePeriodDays}) if out of range
     * @throws ConfigurationException if already set
     */
    public Builder gracePeriodDays(long days) {
      if (days < 1 || days > MAX_GRACE_DAYS) {
        throw ValidationException.of("gracePeriodDays", "must be from 1 to " + MAX_GRACE_DAYS + ", got " + days);
      }
      once("gracePeriodDays");
      this.gracePeriodDays = days;
      return this;
    }

    /**
     * Demotions at the end of a grace period (default {@link ReviewMode#AUTOMATIC}).
     *
     * @param mode how demotions are made
     * @return this builder
     * @throws ValidationException ({@code demotionMode}) if null
     * @throws ConfigurationException if already set
     */
    public Builder demotionMode(ReviewMode mode) {
      if (mode == null) {
        throw ValidationException.of("demotionMode", "must not be null");
      }
      once("demotionMode");
      this.demotionMode = mode;
      return this;
    }

    /**
     * Promotions (default {@link ReviewMode#RECOMMEND_ONLY}).
     *
     * @param mode how promotions are made
     * @return this builder
     * @throws ValidationException ({@code promotionMode}) if null
     * @throws ConfigurationException if already set
     */
    public Builder promotionMode(ReviewMode mode) {
      if (mode == null) {
        throw ValidationException.of("promotionMode", "must not be null");
      }
      once("promotionMode");
      this.promotionMode = mode;
      return this;
    }

    /**
     * Adds a revenue requirement to {@code tier}.
     *
     * @param tier the tier
     * @param requirement the requirement
     * @return this builder
     * @throws ValidationException ({@code revenue.tier}, {@code revenue.requirement}) if either is
     *     null, listing both
     * @throws ConfigurationException if {@code tier} already has an equal requirement
     */
    public Builder revenue(Tier tier, RevenueRequirement requirement) {
      List<Violation> nulls = new ArrayList<>(2);
      if (tier == null) {
        nulls.add(new Violation("revenue.tier", "must not be null"));
      }
      if (requirement == null) {
        nulls.add(new Violation("revenue.requirement", "must not be null"));
      }
      if (!nulls.isEmpty()) {
        throw new ValidationException(nulls);
      }
      List<RevenueRequirement> list = revenue.computeIfAbsent(tier, t -> new ArrayList<>());
      if (list.contains(requirement)) {
        throw new ConfigurationException("builder option 'revenue' for " + tier + " already holds " + requirement
            + ": each requirement may be added once");
      }
      list.add(requirement);
      return this;
    }

    /**
     * The policy.
     *
     * @return the policy
     * @throws ValidationException ({@code revenueRequirements.<tier>}) if a tier has more than
     *     {@value ReviewPolicy#MAX_REQUIREMENTS_PER_TIER} requirements
     * @throws ConfigurationException if this builder already built a policy
     */
    public ReviewPolicy build() {
      if (built) {
        throw new ConfigurationException("build() was already called: a builder builds one policy; use a new"
            + " ReviewPolicy.builder() for another");
      }
      ReviewPolicy policy = new ReviewPolicy(gracePeriodDays, demotionMode, promotionMode, revenue);
      built = true;
      return policy;
    }
  }
}
