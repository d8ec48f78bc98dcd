package cloud.quazzar.partner.revenue;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

/**
 * What one recording of a batch did.
 *
 * @param entry the stored entry: the new one, or for a repeated key the first entry stored with it
 * @param created whether this call stored it ({@code false}: the key was already recorded, nothing
 *     changed)
 */
public record RecordOutcome(RevenueEntry entry, boolean created) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param entry the stored entry: the new one, or for a repeated key the first entry stored with it
   * @param created whether this call stored it ({@code false}: the key was already recorded, nothing
   *     changed)
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null or out of range
   */
  public RecordOutcome {
    requireNonNull(entry, "entry");
  }
}
