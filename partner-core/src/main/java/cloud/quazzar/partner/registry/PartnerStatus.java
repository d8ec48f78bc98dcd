package cloud.quazzar.partner.registry;

/**
 * Whether a partner takes part in the program. Partners are never hard-deleted: they are
 * deactivated, and their history stays.
 */
public enum PartnerStatus {
  ACTIVE,
  INACTIVE
}
