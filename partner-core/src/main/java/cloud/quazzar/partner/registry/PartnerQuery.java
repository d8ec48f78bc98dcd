package cloud.quazzar.partner.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which partners to list and which page. Results come in a stable order: by company name key
 * ({@link Names#key}) by code point (docs/rules.md TEXT-3), then by id. An empty tier or status set
 * means "any".
 *
 * <p>Throws {@link cloud.quazzar.partner.ValidationException} ({@code tiers}, {@code statuses}) if a set is
 * null or holds null; offset and limit are checked by {@link PartnerRegistry#list}.
 *
 * @param tiers the tiers to include; empty for all
 * @param statuses the statuses to include; empty for all
 * @param offset how many matching partners to skip, 0 or more
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 */
public record PartnerQuery(
    Set<Tier> tiers,
    Set<PartnerStatus> statuses,
    @PositiveOrZero int offset,
    @Min(1) @Max(MAX_LIMIT) int limit) {

  /** The largest page a listing returns. */
  public static final int MAX_LIMIT = 1000;

  /** The page size of {@link #all()}. */
  public static final int DEFAULT_LIMIT = 50;

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param tiers the tiers to include; empty for all
   * @param statuses the statuses to include; empty for all
   * @param offset how many matching partners to skip, 0 or more
   * @param limit page size, 1 to {@value #MAX_LIMIT}
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null or out of range
   */
  public PartnerQuery {
    java.util.List<cloud.quazzar.partner.Violation> violations = new java.util.ArrayList<>(0);
    noNulls("tiers", tiers, violations);
    noNulls("statuses", statuses, violations);
    if (!violations.isEmpty()) {
      throw new cloud.quazzar.partner.ValidationException(violations);
    }
    tiers = tiers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tiers));
    statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
  }

  private static void noNulls(String field, Set<?> set, java.util.List<cloud.quazzar.partner.Violation> out) {
    if (set == null) {
      out.add(new cloud.quazzar.partner.Violation(field, "must not be null; use an empty set for all"));
    } else if (set.stream().anyMatch(java.util.Objects::isNull)) {
      out.add(new cloud.quazzar.partner.Violation(field, "must not hold null"));
    }
  }

  /**
   * Every partner, first page of {@value #DEFAULT_LIMIT}.
   *
   * @return the query
   */
  public static PartnerQuery all() {
    return new PartnerQuery(Set.of(), Set.of(), 0, DEFAULT_LIMIT);
  }

  /**
   * This query restricted to the given tiers.
   *
   * @param first a tier
   * @param more further tiers
   * @return the restricted query
   * @throws cloud.quazzar.partner.ValidationException ({@code tiers}) if a tier is null
   */
  public PartnerQuery withTiers(Tier first, Tier... more) {
    requireNoNull("tiers", first, more);
    return new PartnerQuery(EnumSet.of(first, more), statuses, offset, limit);
  }

  /**
   * This query restricted to the given statuses.
   *
   * @param first a status
   * @param more further statuses
   * @return the restricted query
   * @throws cloud.quazzar.partner.ValidationException ({@code statuses}) if a status is null
   */
  public PartnerQuery withStatuses(PartnerStatus first, PartnerStatus... more) {
    requireNoNull("statuses", first, more);
    return new PartnerQuery(tiers, EnumSet.of(first, more), offset, limit);
  }

  private static void requireNoNull(String field, @Nullable Object first, @Nullable Object @Nullable [] more) {
    if (first == null || more == null || java.util.Arrays.stream(more).anyMatch(java.util.Objects::isNull)) {
      throw cloud.quazzar.partner.ValidationException.of(field, "must not hold null");
    }
  }

  /**
   * This query for another page.
   *
   * @param offset how many matching partners to skip, 0 or more
   * @param limit the page size
   * @return the query for that page
   */
  public PartnerQuery withPage(int offset, int limit) {
    return new PartnerQuery(tiers, statuses, offset, limit);
  }

  /**
   * Whether a partner of this tier and status matches the filters (paging aside).
   *
   * @param tier the partner's tier
   * @param status the partner's status
   * @return true if such a partner matches
   */
  public boolean matches(Tier tier, PartnerStatus status) {
    return (tiers.isEmpty() || tiers.contains(tier)) && (statuses.isEmpty() || statuses.contains(status));
  }
}
