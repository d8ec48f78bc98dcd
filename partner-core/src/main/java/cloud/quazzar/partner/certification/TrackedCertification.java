package cloud.quazzar.partner.certification;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

/**
 * A current certification with its status on the day it was read.
 *
 * @param certification the record
 * @param status its status on that day
 * @param daysToExpiry days from that day to the expiry date: 0 on the last valid day, negative
 *     once expired
 */
public record TrackedCertification(Certification certification, CertificationStatus status, long daysToExpiry) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param certification the record
   * @param status its status on that day
   * @param daysToExpiry days from that day to the expiry date: 0 on the last valid day, negative
   *     once expired
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null or out of range
   */
  public TrackedCertification {
    requireNonNull(certification, "certification");
    requireNonNull(status, "status");
  }

  /**
   * Shorthand for {@code certification().id()}.
   *
   * @return the certification's id
   */
  public CertificationId id() {
    return certification.id();
  }
}
