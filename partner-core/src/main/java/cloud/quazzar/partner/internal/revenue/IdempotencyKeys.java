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

  /**
   * Adds a violation if {@code key} begins or ends with white space (docs/rules.md TEXT-5; its
   * other checks are Bean Validation's).
   */
  static void check(Checks c, String field, @Nullable String key) {
    if (surroundedByWhiteSpace(key)) {
      c.add(field, SURROUNDED);
    }
  }

  /** The violation's message for a key {@link #surroundedByWhiteSpace surrounded by white space}. */
  static final String SURROUNDED = "must not begin or end with white space";

  /**
   * Whether {@code key} (not blank: a blank key is Bean Validation's violation) begins or ends with
   * white space. Looks at the first and the last code point only, never the whole key.
   */
  static boolean surroundedByWhiteSpace(@Nullable String key) {
    return key != null && !key.isEmpty()
        && (whiteSpace(key.codePointAt(0)) || whiteSpace(key.codePointBefore(key.length())))
        && !key.isBlank();
  }

  /**
   * Unicode White_Space, the white space of TEXT-1: the separators Zs, Zl and Zp (so also the
   * no-break spaces U+00A0, U+2007 and U+202F, which {@link String#strip()} keeps), the controls
   * U+0009 to U+000D and NEL (U+0085). {@code IdempotencyKeysTest} holds it to the regular
   * expression {@code \p{IsWhite_Space}}.
   */
  private static boolean whiteSpace(int codePoint) {
    return Character.isSpaceChar(codePoint) || (codePoint >= '\t' && codePoint <= '\r') || codePoint == '\u0085';
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
