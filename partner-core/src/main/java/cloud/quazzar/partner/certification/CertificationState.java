package cloud.quazzar.partner.certification;

/**
 * Where a certification record stands in its history. Records are never deleted: a renewal turns
 * the earlier record {@link #RENEWED} and adds a new {@link #CURRENT} one; a revocation turns it
 * {@link #REVOKED}. Only current records have a status, appear in listings, on the warning board,
 * in counts and in the sweep, and count towards eligibility.
 */
public enum CertificationState {
  /** The record in force. */
  CURRENT,
  /** Superseded by a renewal; kept as history. */
  RENEWED,
  /** Withdrawn by an administrator; kept as history. */
  REVOKED
}
