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
import org.jspecify.annotations.Nullable;

/**
 * Which partner months an export (or a store scan) covers. Every filter is optional; all that are
 * set must match. Build one from {@link #all()}:
 * {@code RevenueFilter.all().months(MonthRange.lastMonths(m, 12)).tiers(Tier.GOLD, Tier.PLATINUM)}.
 *
 * <p>Throws {@link ValidationException} listing each problem: {@code tiers} null or holding null, {@code to}
 * before {@code from}.
 *
 * @param partnerId only this partner, or {@code null} for every partner
 * @param from only months from this one on, or {@code null} for no lower bound
 * @param to only months up to this one, or {@code null} for no upper bound
 * @param tiers only partners whose current tier is one of these; empty for any tier
 */
public record RevenueFilter(
    @Nullable PartnerId partnerId, @Nullable YearMonth from, @Nullable YearMonth to, Set<Tier> tiers) {

  public RevenueFilter {
    List<Violation> violations = new ArrayList<>(0);
    if (tiers == null) {
      violations.add(new Violation("tiers", "must not be null; use an empty set for any tier"));
    } else if (tiers.stream().anyMatch(java.util.Objects::isNull)) {
      violations.add(new Violation("tiers", "must not hold null"));
    }
    if (from != null && to != null && to.isBefore(from)) {
      violations.add(new Violation("to", "must not be before from (" + from + "), got " + to));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    tiers = tiers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tiers));
  }

  /** Every partner, every month, every tier. */
  public static RevenueFilter all() {
    return new RevenueFilter(null, null, null, Set.of());
  }

  /**
   * This filter restricted to one partner.
   *
   * @throws ValidationException ({@code partnerId}) if {@code id} is null
   */
  public RevenueFilter partner(PartnerId id) {
    if (id == null) {
      throw ValidationException.of("partnerId", "must not be null; use all() for every partner");
    }
    return new RevenueFilter(id, from, to, tiers);
  }

  /** This filter restricted to the months of {@code range}. */
  public RevenueFilter months(MonthRange range) {
    return new RevenueFilter(partnerId, range.from(), range.to(), tiers);
  }

  /** This filter restricted to partners of the given tiers. */
  public RevenueFilter tiers(Tier first, Tier... more) {
    return new RevenueFilter(partnerId, from, to, EnumSet.of(first, more));
  }

  /** The partner filter, if set. */
  public Optional<PartnerId> partner() {
    return Optional.ofNullable(partnerId);
  }

  /** Whether a month passes the month filters. */
  public boolean matchesMonth(YearMonth month) {
    return (from == null || !month.isBefore(from)) && (to == null || !month.isAfter(to));
  }

  /** Whether a partner of this tier passes the tier filter. */
  public boolean matchesTier(Tier tier) {
    return tiers.isEmpty() || tiers.contains(tier);
  }
}
