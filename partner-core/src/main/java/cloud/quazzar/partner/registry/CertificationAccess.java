package cloud.quazzar.partner.registry;

/**
 * The "Certification access" row of the benefits matrix, ordered {@code BASIC < ADVANCED < ALL}.
 */
public enum CertificationAccess {
  BASIC,
  ADVANCED,
  ALL
}
