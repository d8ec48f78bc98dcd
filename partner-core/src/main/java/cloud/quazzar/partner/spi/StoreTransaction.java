package cloud.quazzar.partner.spi;

/**
 * One open transaction: the repositories it offers all act inside it. Valid only while the {@link
 * StoreWork} that received it runs.
 */
public interface StoreTransaction {
  /** Partners, clients and tier history. */
  PartnerRepository partners();

  /** Discount policy versions and partner adjustments. */
  DiscountRepository discounts();
}
