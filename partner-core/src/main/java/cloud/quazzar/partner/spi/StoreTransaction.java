package cloud.quazzar.partner.spi;

/**
 * One open transaction: the repositories it offers all act inside it. Valid only while the {@link
 * StoreWork} that received it runs.
 */
public interface StoreTransaction {
  /**
   * Partners, clients and tier history.
   *
   * @return the partner repository
   */
  PartnerRepository partners();

  /**
   * Certifications, their history and the status last reported for each.
   *
   * @return the certification repository
   */
  CertificationRepository certifications();
  /**
   * The append-only revenue ledger.
   *
   * @return the revenue repository
   */
  RevenueRepository revenue();

  /**
   * Discount policy versions and partner adjustments.
   *
   * @return the discount repository
   */
  DiscountRepository discounts();

  /**
   * Tier reviews: running grace periods, review outcomes per day, review policy versions.
   *
   * @return the review repository
   */
  ReviewRepository reviews();

  /**
   * Domain events: the append-only event log (outbox) and the listeners' cursors.
   *
   * @return the event repository
   */
  EventRepository events();
}
