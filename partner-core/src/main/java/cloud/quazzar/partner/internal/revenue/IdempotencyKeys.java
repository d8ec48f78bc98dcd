package cloud.quazzar.partner.internal.revenue;

import cloud.quazzar.partner.internal.Checks;
import cloud.quazzar.partner.revenue.RevenueEntry;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The idempotency key rule, shared by recordings and corrections (rule REV-2: the
 * same key again is a no-op returning the first entry): a key names one request, so sending it
 * again must repeat that request; a key is an identifier matched exactly (TEXT-5).
 */
final class IdempotencyKeys {
  private IdempotencyKeys() {}

  /** Adds a violation if {@code key} begins or ends with white space (its other checks are Bean Validation's). */
  static void check(Checks c, String field, @Nullable String key) {
    if (key != null && !key.isBlank() && !key.equals(key.strip())) {
      c.add(field, "must not begin or end with white space");
    }
  }

  /** The entry of {@code entries} stored under {@code key}, if any. */
  static Optional<RevenueEntry> find(List<RevenueEntry> entries, String key) {
    return entries.stream().filter(e -> e.idempotencyKey().equals(key)).findFirst();
  }

  /** The message of a key sent again with another request than the one that stored {@code prior}. */
  static String clash(RevenueEntry prior) {
    return "idempotency key '" + prior.idempotencyKey() + "' already recorded entry " + prior.id() + " ("
        + prior.kind() + " for partner " + prior.partnerId() + ", month " + prior.month() + ", MRR " + prior.mrr()
        + ", " + prior.serverCount() + " servers, " + prior.clientCount() + " clients"
        + prior.reason().map(reason -> ", reason '" + reason + "'").orElse("")
        + "); sending a key again must repeat the same request: use a new key for different figures";
  }
}
