package cloud.quazzar.partner.events;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.EntryKind;
import cloud.quazzar.partner.revenue.RevenueEntry;
import java.time.Instant;

/**
 * A month's revenue was recorded in the ledger (revision 1). A replay of the same idempotency key
 * stores nothing and so raises no event.
 *
 * @param entry the stored entry
 */
public record RevenueRecorded(RevenueEntry entry) implements PartnerEvent {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param entry the stored entry
   * @throws ValidationException naming each component that is null or out of range
   */
  public RevenueRecorded {
    requireNonNull(entry, "entry");
    if (entry.kind() != EntryKind.RECORDED) {
      throw ValidationException.of("entry", "must be a RECORDED entry: a correction is announced by RevenueCorrected");
    }
  }

  @Override
  public PartnerId partnerId() {
    return entry.partnerId();
  }

  @Override
  public Instant at() {
    return entry.recordedAt();
  }
}
