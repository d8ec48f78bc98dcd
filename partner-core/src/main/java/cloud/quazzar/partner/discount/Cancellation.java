package cloud.quazzar.partner.discount;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The record that a scheduled version (of the policy or of a partner's adjustment) was cancelled
 * before it took effect: when, by whom and why. Appended, never removed: the cancelled version
 * stays in the history.
 *
 * @param at when it was cancelled
 * @param by who cancelled it
 * @param reason why
 */
public record Cancellation(Instant at, String by, String reason) {
  public Cancellation {
    requireNonNull(at, "at");
    requireNonNull(by, "by");
    requireNonNull(reason, "reason");
  }
}
