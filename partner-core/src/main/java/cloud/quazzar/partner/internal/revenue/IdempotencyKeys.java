package cloud.quazzar.partner.internal.revenue;

import cloud.quazzar.partner.internal.Checks;
import cloud.quazzar.partner.revenue.RevenueEntry;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The idempotency key rule, shared by recordings and corrections (rule REV-2: the
 * same key again is a no-op returning the first entry): a key names one request, so sending it
 * again must repeat that request; a key is an identifier matched exactly (TEXT-5).
 */
final class IdempotencyKeys {
  private IdempotencyKeys() {}

  /** Unicode White_Space: the white space of TEXT-1, so also the no-break spaces (U+00A0, U+2007, U+202F), which {@link String#strip()} keeps. */
  private static final Pattern WHITE_SPACE = Pattern.compile("\\p{IsWhite_Space}");

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
    if (key == null || key.isEmpty()) {
      return false;
    }
    char a = key.charAt(0);
    char z = key.charAt(key.length() - 1);
    if (a > ' ' && a < '\u0085' && z > ' ' && z < '\u0085') {
      return false; // the usual key: no White_Space between U+0020 and NEL (U+0085)
    }
    int first = Character.charCount(key.codePointAt(0));
    int last = key.length() - Character.charCount(key.codePointBefore(key.length()));
    Matcher m = WHITE_SPACE.matcher(key);
    return (m.region(0, first).matches() || m.region(last, key.length()).matches()) && !key.isBlank();
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
