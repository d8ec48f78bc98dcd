package cloud.quazzar.partner.certification;

import cloud.quazzar.partner.ValidationException;

/**
 * How many current certifications are in each status.
 *
 * @param active ACTIVE (green)
 * @param expiringSoon EXPIRING_SOON (yellow)
 * @param critical CRITICAL (orange)
 * @param expired EXPIRED (red)
 */
public record StatusCounts(long active, long expiringSoon, long critical, long expired) {
  /** No certifications. */
  public static final StatusCounts NONE = new StatusCounts(0, 0, 0, 0);

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param active ACTIVE (green)
   * @param expiringSoon EXPIRING_SOON (yellow)
   * @param critical CRITICAL (orange)
   * @param expired EXPIRED (red)
   * @throws ValidationException naming each component that is null or out of range
   */
  public StatusCounts {
    if (active < 0 || expiringSoon < 0 || critical < 0 || expired < 0) {
      throw ValidationException.of(active < 0 ? "active" : expiringSoon < 0 ? "expiringSoon" : critical < 0 ? "critical"
          : "expired", "must be 0 or more");
    }
  }

  /**
   * The count of {@code status}.
   *
   * @param status a status
   * @return how many current certifications are in it
   */
  public long count(CertificationStatus status) {
    return switch (status) {
      case ACTIVE -> active;
      case EXPIRING_SOON -> expiringSoon;
      case CRITICAL -> critical;
      case EXPIRED -> expired;
    };
  }

  /**
   * All current certifications.
   *
   * @return the sum of the four counts
   */
  public long total() {
    return active + expiringSoon + critical + expired;
  }
}
