package cloud.quazzar.partner.spi;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationStatus;
import java.util.Optional;

/**
 * A certification as stored: the record plus the status the sweep last reported for it.
 *
 * <p>Throws {@link ValidationException} naming the component that is null or breaks the rule above.
 *
 * @param certification the record
 * @param reportedStatus the status last reported for it; present exactly when it is current
 *     (renewed and revoked records are out of the sweep)
 */
public record CertificationRecord(Certification certification, Optional<CertificationStatus> reportedStatus) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param certification the record
   * @param reportedStatus the status last reported for it; present exactly when it is current
   *     (renewed and revoked records are out of the sweep)
   * @throws ValidationException naming each component that is null or out of range
   */
  public CertificationRecord {
    requireNonNull(certification, "certification");
    requireNonNull(reportedStatus, "reportedStatus");
    if (certification.isCurrent() != reportedStatus.isPresent()) {
      throw ValidationException.of("reportedStatus", "must be present exactly for a current certification");
    }
  }
}
