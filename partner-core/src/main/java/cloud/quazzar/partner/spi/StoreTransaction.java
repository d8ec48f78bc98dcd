package cloud.quazzar.partner.spi;

/**
 * One open transaction: the repositories it offers all act inside it. Valid only while the {@link
 * StoreWork} that received it runs.
 */
public interface StoreTransaction {
  /** Partners, clients and tier history. */
  PartnerRepository partners();

  /** Certifications, their history and the status last reported for each. */
  CertificationRepository certifications();
  /** The append-only revenue ledger. */
  RevenueRepository revenue();

  /** Discount policy versions and partner adjustments. */
  DiscountRepository discounts();

  /** Tier reviews: running grace periods, review outcomes per day, review policy versions. */
  ReviewRepository reviews();

  /** Domain events: the append-only event log (outbox) and the listeners' cursors. */
  EventRepository events();
}
