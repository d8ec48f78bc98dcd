package cloud.quazzar.partner.registry;

/**
 * Whether a partner takes part in the program. Partners are never hard-deleted: they are
 * deactivated, and their history stays.
 */
public enum PartnerStatus {
  /** Takes part in the program: every operation is open. */
  ACTIVE,
  /** Deactivated: read-only except for contact details and reactivation (decision D8). */
  INACTIVE
}
