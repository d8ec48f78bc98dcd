package cloud.quazzar.partner.revenue;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which partner months an export (or a store scan) covers. Every filter is optional; all that are
 * set must match. Build one from {@link #all()}:
 * {@code RevenueFilter.all().months(MonthRange.lastMonths(m, 12)).tiers(Tier.GOLD, Tier.PLATINUM)}.
 *
 * @param partnerId only this partner, or {@code null} for every partner
 * @param from only months from this one on, or {@code null} for no lower bound
 * @param to only months up to this one, or {@code null} for no upper bound
 * @param tiers only partners whose current tier is one of these; empty for any tier
 * @throws IllegalArgumentException if {@code to} is before {@code from}
 */
public record RevenueFilter(
    @Nullable PartnerId partnerId, @Nullable YearMonth from, @Nullable YearMonth to, Set<Tier> tiers) {

  public RevenueFilter {
    tiers = requireNonNull(tiers, "tiers").isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tiers));
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("the month filter ends (" + to + ") before it starts (" + from + ")");
    }
  }

  /** Every partner, every month, every tier. */
  public static RevenueFilter all() {
    return new RevenueFilter(null, null, null, Set.of());
  }

  /** This filter restricted to one partner. */
  public RevenueFilter partner(PartnerId id) {
    return new RevenueFilter(requireNonNull(id, "id"), from, to, tiers);
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
