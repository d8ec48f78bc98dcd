package cloud.quazzar.partner.registry;

/**
 * The "Discount on licensing" row of the benefits matrix, ordered {@code STANDARD < ENHANCED <
 * MAXIMUM}. The actual percentages are the administrator's discount policy, not this enum.
 */
public enum DiscountLevel {
  /** Silver's discount level. */
  STANDARD,
  /** Gold's discount level. */
  ENHANCED,
  /** Platinum's discount level. */
  MAXIMUM
}
