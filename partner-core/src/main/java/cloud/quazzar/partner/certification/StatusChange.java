package cloud.quazzar.partner.certification;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

import java.time.LocalDate;

/**
 * A certification whose status differs from the one last reported for it, found by {@link
 * CertificationTracker#reportStatusChanges()}. If several steps were crossed between two sweeps
 * (say ACTIVE to CRITICAL), it is one change.
 *
 * @param certification the current record
 * @param from the status last reported (for a renewal: the renewed record's)
 * @param to the status on {@code on}
 * @param on the day of the sweep that found it, in the program's zone
 */
public record StatusChange(Certification certification, CertificationStatus from, CertificationStatus to, LocalDate on) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param certification the current record
   * @param from the status last reported (for a renewal: the renewed record's)
   * @param to the status on {@code on}
   * @param on the day of the sweep that found it, in the program's zone
   * @throws ValidationException naming each component that is null or out of range
   */
  public StatusChange {
    requireNonNull(certification, "certification");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(on, "on");
    if (from == to) {
      throw ValidationException.of("to", "must differ from from (" + from + "): a change needs two statuses");
    }
  }

  /**
   * Whether the status got better (only a renewal does that).
   *
   * @return true if the status improved
   */
  public boolean improved() {
    return from.isWorseThan(to);
  }
}
