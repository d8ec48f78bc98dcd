package cloud.quazzar.partner.events;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.EntryKind;
import cloud.quazzar.partner.revenue.RevenueEntry;
import java.time.Instant;

/**
 * A month's revenue was corrected: a new revision was appended that supersedes the previous one.
 *
 * @param correction the stored correction entry ({@link RevenueEntry#supersedes()} names the entry
 *     it replaces)
 */
public record RevenueCorrected(RevenueEntry correction) implements PartnerEvent {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param correction the stored correction entry ({@link RevenueEntry#supersedes()} names the entry
   *     it replaces)
   * @throws ValidationException naming each component that is null or out of range
   */
  public RevenueCorrected {
    requireNonNull(correction, "correction");
    if (correction.kind() != EntryKind.CORRECTION) {
      throw ValidationException.of("correction", "must be a CORRECTION: a first recording is announced by RevenueRecorded");
    }
  }

  @Override
  public PartnerId partnerId() {
    return correction.partnerId();
  }

  @Override
  public Instant at() {
    return correction.recordedAt();
  }
}
