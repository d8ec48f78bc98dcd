package cloud.quazzar.partner.discount;

import cloud.quazzar.partner.ValidationException;
import java.time.Instant;
import java.util.ArrayList;

/**
 * The record that a scheduled version (of the policy or of a partner's adjustment) was cancelled
 * before it took effect: when, by whom and why. Appended, never removed: the cancelled version
 * stays in the history.
 *
 * @param cancelledAt when it was cancelled
 * @param cancelledBy who cancelled it ({@link CancelRequest#cancelledBy()}, cleaned)
 * @param reason why
 */
public record Cancellation(Instant cancelledAt, String cancelledBy, String reason) {
  /**
   * @param cancelledAt when it was cancelled
   * @param cancelledBy who cancelled it ({@link CancelRequest#cancelledBy()}, cleaned)
   * @param reason why
   * @throws ValidationException listing every null component
   */
  public Cancellation {
    ComponentChecks.requireAll(new ArrayList<>(0), "cancelledAt", cancelledAt, "cancelledBy", cancelledBy,
        "reason", reason);
  }
}
