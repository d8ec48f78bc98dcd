package cloud.quazzar.partner.jdbc;

import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.spi.PartnerListing;
import java.util.Optional;
import java.util.Set;

/** Partner listings as core hands them to a store, for tests that call the repository directly. */
final class Listings {
  private Listings() {}

  /** Every partner in name order, the first {@code limit}. */
  static PartnerListing all(int limit) {
    return all(PartnerSort.NAME, SortDirection.ASCENDING, limit);
  }

  /** Every partner in the given order (not MRR), the first {@code limit}. */
  static PartnerListing all(PartnerSort sort, SortDirection direction, int limit) {
    return new PartnerListing(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), sort,
        direction, Optional.empty(), limit);
  }

  /** {@code listing} with another position and limit. */
  static PartnerListing page(PartnerListing listing, Optional<PartnerListing.Position> after, int limit) {
    return new PartnerListing(listing.tiers(), listing.statuses(), listing.nameKeyPrefix(), listing.nameKeyContains(),
        listing.emailContains(), listing.certificationExpiries(), listing.serverCounts(), listing.clientCounts(),
        listing.mrr(), listing.sort(), listing.direction(), listing.sortMrr(), after, limit);
  }

  /** {@code listing} in another order (not MRR), from its first page. */
  static PartnerListing sorted(PartnerListing listing, PartnerSort sort, SortDirection direction) {
    return sorted(listing, sort, direction, Optional.empty());
  }

  /** {@code listing} in another order, {@code sortMrr} the MRR sort's month and currency, from its first page. */
  static PartnerListing sorted(PartnerListing listing, PartnerSort sort, SortDirection direction,
      Optional<PartnerListing.MrrMonth> sortMrr) {
    return new PartnerListing(listing.tiers(), listing.statuses(), listing.nameKeyPrefix(), listing.nameKeyContains(),
        listing.emailContains(), listing.certificationExpiries(), listing.serverCounts(), listing.clientCounts(),
        listing.mrr(), sort, direction, sortMrr, Optional.empty(), listing.limit());
  }
}
