package cloud.quazzar.partner.registry;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a partner's append-only tier history. The first entry of every partner records its
 * initial tier and has no {@link #from()}. Replaying the history from the first entry gives the
 * current tier.
 *
 * @param partnerId the partner
 * @param sequence 1 for the initial tier, then one more per change
 * @param from the tier before; empty exactly for the initial entry (sequence 1)
 * @param to the tier after
 * @param changedAt when the change was made
 * @param changedBy who made it
 * @param reason why
 */
public record TierChange(
    PartnerId partnerId,
    int sequence,
    Optional<Tier> from,
    Tier to,
    Instant changedAt,
    String changedBy,
    String reason) {

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param partnerId the partner
   * @param sequence 1 for the initial tier, then one more per change
   * @param from the tier before; empty exactly for the initial entry (sequence 1)
   * @param to the tier after
   * @param changedAt when the change was made
   * @param changedBy who made it
   * @param reason why
   * @throws ValidationException naming each component that is null or out of range
   */
  public TierChange {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(changedAt, "changedAt");
    requireNonNull(changedBy, "changedBy");
    requireNonNull(reason, "reason");
    if (sequence < 1) {
      throw ValidationException.of("sequence", "must be 1 or more, got " + sequence);
    }
    if (from.isEmpty() != (sequence == 1)) {
      throw ValidationException.of("from", "must be empty exactly for the first entry (sequence 1), got " + from
          + " at sequence " + sequence);
    }
  }

  /**
   * Whether this entry records the partner's initial tier.
   *
   * @return true for the initial entry
   */
  public boolean isInitial() {
    return from.isEmpty();
  }
}
