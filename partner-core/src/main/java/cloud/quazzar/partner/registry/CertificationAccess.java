package cloud.quazzar.partner.registry;

/**
 * The "Certification access" row of the benefits matrix, ordered {@code BASIC < ADVANCED < ALL}.
 */
public enum CertificationAccess {
  /** Basic certifications only: Silver. */
  BASIC,
  /** Basic and Advanced certifications: Gold. */
  ADVANCED,
  /** Every level, Expert included: Platinum. */
  ALL
}
