package cloud.quazzar.partner.registry;

/**
 * A partner's tier. Declaration order is rank: {@code SILVER < GOLD < PLATINUM}, so
 * {@link #compareTo} and {@link #isAbove} compare rank. Each tier carries its row of the
 * benefits matrix, exactly (rule TIER-2).
 */
public enum Tier {
  /** Entry-level partnership with basic discounts. */
  SILVER(new Benefits(DiscountLevel.STANDARD, true, false, false, false, CertificationAccess.BASIC)),
  /** Mid-tier partnership with higher discounts and priority support. */
  GOLD(new Benefits(DiscountLevel.ENHANCED, true, true, false, false, CertificationAccess.ADVANCED)),
  /** Top tier: maximum discounts, co-marketing, dedicated account management. */
  PLATINUM(new Benefits(DiscountLevel.MAXIMUM, true, true, true, true, CertificationAccess.ALL));

  @SuppressWarnings("ImmutableEnumChecker") // Benefits is a record of booleans and enums: immutable
  private final Benefits benefits;

  Tier(Benefits benefits) {
    this.benefits = benefits;
  }

  /**
   * This tier's benefits (rule TIER-2).
   *
   * @return the benefits
   */
  public Benefits benefits() {
    return benefits;
  }

  /**
   * Whether this tier ranks strictly above {@code other}.
   *
   * @param other another tier
   * @return true if this tier is above it
   */
  public boolean isAbove(Tier other) {
    return compareTo(other) > 0;
  }

  /**
   * Whether this tier ranks strictly below {@code other}.
   *
   * @param other another tier
   * @return true if this tier is below it
   */
  public boolean isBelow(Tier other) {
    return compareTo(other) < 0;
  }
}
