package cloud.quazzar.partner.revenue;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which partner months an export (or a store scan) covers. Every filter is optional; all that are
 * present must match. Build one from {@link #all()}:
 * {@code RevenueFilter.all().withMonths(MonthRange.lastMonths(m, 12)).withTiers(Tier.GOLD, Tier.PLATINUM)}.
 *
 * <p>Throws {@link ValidationException} listing each problem: a component null or {@code tiers}
 * holding null, {@code to} before {@code from}.
 *
 * @param partnerId only this partner; empty for every partner
 * @param from only months from this one on (inclusive); empty for no lower bound
 * @param to only months up to this one (inclusive); empty for no upper bound
 * @param tiers only partners whose current tier is one of these; empty for any tier
 */
public record RevenueFilter(
    Optional<PartnerId> partnerId, Optional<YearMonth> from, Optional<YearMonth> to, Set<Tier> tiers) {

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param partnerId only this partner; empty for every partner
   * @param from only months from this one on (inclusive); empty for no lower bound
   * @param to only months up to this one (inclusive); empty for no upper bound
   * @param tiers only partners whose current tier is one of these; empty for any tier
   * @throws ValidationException naming each component that is null or out of range
   */
  public RevenueFilter {
    List<Violation> violations = new ArrayList<>(0);
    if (partnerId == null) {
      violations.add(new Violation("partnerId", "must not be null; use Optional.empty() for every partner"));
    }
    if (from == null) {
      violations.add(new Violation("from", "must not be null; use Optional.empty() for no lower bound"));
    }
    if (to == null) {
      violations.add(new Violation("to", "must not be null; use Optional.empty() for no upper bound"));
    }
    if (tiers == null) {
      violations.add(new Violation("tiers", "must not be null; use an empty set for any tier"));
    } else if (tiers.stream().anyMatch(java.util.Objects::isNull)) {
      violations.add(new Violation("tiers", "must not hold null"));
    }
    if (from != null && to != null && from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
      violations.add(new Violation("to", "must not be before from (" + from.get() + "), got " + to.get()));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    tiers = tiers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tiers));
  }

  /**
   * Every partner, every month, every tier.
   *
   * @return the filter
   */
  public static RevenueFilter all() {
    return new RevenueFilter(Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
  }

  /**
   * This filter restricted to one partner.
   *
   * @param id the partner's id
   * @return the restricted filter
   * @throws ValidationException ({@code partnerId}) if {@code id} is null
   */
  public RevenueFilter withPartner(PartnerId id) {
    if (id == null) {
      throw ValidationException.of("partnerId", "must not be null; use all() for every partner");
    }
    return new RevenueFilter(Optional.of(id), from, to, tiers);
  }

  /**
   * This filter restricted to the months of {@code range} (both ends included).
   *
   * @param range the months
   * @return the restricted filter
   * @throws ValidationException ({@code range}) if {@code range} is null
   */
  public RevenueFilter withMonths(MonthRange range) {
    if (range == null) {
      throw ValidationException.of("range", "must not be null");
    }
    return new RevenueFilter(partnerId, Optional.of(range.from()), Optional.of(range.to()), tiers);
  }

  /**
   * This filter restricted to partners of the given tiers.
   *
   * @param first a tier
   * @param more further tiers
   * @return the restricted filter
   * @throws ValidationException ({@code tiers}) if a tier is null
   */
  public RevenueFilter withTiers(Tier first, Tier... more) {
    if (first == null || more == null || java.util.Arrays.stream(more).anyMatch(java.util.Objects::isNull)) {
      throw ValidationException.of("tiers", "must not hold null");
    }
    return new RevenueFilter(partnerId, from, to, EnumSet.of(first, more));
  }

  /**
   * Whether a month passes the month filters.
   *
   * @param month a month
   * @return true if it passes
   */
  public boolean matchesMonth(YearMonth month) {
    return (from.isEmpty() || !month.isBefore(from.get())) && (to.isEmpty() || !month.isAfter(to.get()));
  }

  /**
   * Whether a partner of this tier passes the tier filter.
   *
   * @param tier a tier
   * @return true if it passes
   */
  public boolean matchesTier(Tier tier) {
    return tiers.isEmpty() || tiers.contains(tier);
  }
}
