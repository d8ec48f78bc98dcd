package cloud.quazzar.partner.registry;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

/**
 * One tier's column of the benefits matrix (rule TIER-2).
 *
 * @param discountLevel Standard, Enhanced or Maximum discount on licensing
 * @param portalAccess partner portal access
 * @param prioritySupport priority support
 * @param coMarketing co-marketing materials
 * @param dedicatedAccountManager a dedicated account manager
 * @param certificationAccess Basic, Advanced or All certifications
 */
public record Benefits(
    DiscountLevel discountLevel,
    boolean portalAccess,
    boolean prioritySupport,
    boolean coMarketing,
    boolean dedicatedAccountManager,
    CertificationAccess certificationAccess) {

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param discountLevel Standard, Enhanced or Maximum discount on licensing
   * @param portalAccess partner portal access
   * @param prioritySupport priority support
   * @param coMarketing co-marketing materials
   * @param dedicatedAccountManager a dedicated account manager
   * @param certificationAccess Basic, Advanced or All certifications
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null or out of range
   */
  public Benefits {
    requireNonNull(discountLevel, "discountLevel");
    requireNonNull(certificationAccess, "certificationAccess");
  }

  /**
   * Whether these benefits are at least {@code other} in every row: each level at least as high,
   * and every yes of {@code other} a yes here. Rule TIER-3: a higher tier never has fewer benefits.
   *
   * @param other other benefits
   * @return true if these include them
   */
  public boolean includes(Benefits other) {
    return discountLevel.compareTo(other.discountLevel) >= 0
        && (portalAccess || !other.portalAccess)
        && (prioritySupport || !other.prioritySupport)
        && (coMarketing || !other.coMarketing)
        && (dedicatedAccountManager || !other.dedicatedAccountManager)
        && certificationAccess.compareTo(other.certificationAccess) >= 0;
  }
}
