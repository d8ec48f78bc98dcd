package cloud.quazzar.partner.internal.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * TEXT-5's white-space rule for idempotency keys: a key must not begin or end with Unicode
 * White_Space. {@link IdempotencyKeys#surroundedByWhiteSpace} looks at the two ends only; the
 * property holds it to the rule's plain statement, a regular expression over the whole key.
 */
class IdempotencyKeysTest {
  /** The rule as stated: White_Space at the start or at the end of a key that is not blank. */
  private static final Pattern RULE = Pattern.compile("^\\p{IsWhite_Space}|\\p{IsWhite_Space}\\z");

  /**
   * Characters a key may be made of: printable ASCII, every White_Space character (ASCII controls,
   * NEL, the no-break spaces, the Zs/Zl/Zp spaces), characters that look like spaces but are not
   * White_Space (zero-width space, word joiner, BOM), other controls, a letter outside ASCII, both
   * halves of a surrogate pair (so pairs, unpaired halves and a supplementary letter at an end).
   */
  private static final char[] ALPHABET = {
      'a', 'Z', '0', '-', '~', '!', ' ', '\b', '\t', '\n', '\u000B', '\f', '\r', '\u000E', '\u001C', '\u001F', '\u0085',
      '\u00A0', '\u1680', '\u2000', '\u2007', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000',
      '\u200B', '\u2060', '\uFEFF', '\u0000', '\u007F', '\u00E9', '\uD83D', '\uDE00'};

  @Test
  @DisplayName("TEXT-5: surroundedByWhiteSpace answers as the rule's expression over the whole key, for any key")
  void endsOnlyAnswerAsTheRule() {
    qt().withExamples(5_000)
        .forAll(lists().of(integers().between(0, ALPHABET.length - 1)).ofSizeBetween(0, 8))
        .checkAssert(picks -> {
          StringBuilder key = new StringBuilder();
          picks.forEach(i -> key.append(ALPHABET[i]));
          String k = key.toString();
          boolean rule = !k.isBlank() && RULE.matcher(k).find();
          assertEquals(rule, IdempotencyKeys.surroundedByWhiteSpace(k), () -> "key " + codes(k));
        });
  }

  @Test
  @DisplayName("TEXT-5 examples: no-break spaces and a line separator count as white space, a zero-width space does not; blank and null keys are left to Bean Validation")
  void examples() {
    for (String k : List.of(" key", "key ", "\u00A0key", "key\u202F", "key\u2007", "\u2028key", "k\u3000", "\tkey")) {
      assertTrue(IdempotencyKeys.surroundedByWhiteSpace(k), codes(k));
    }
    for (String k : List.of("key", "k e y", "\u200Bkey", "key\uFEFF", "\uD83D\uDE00", "month-end 2026-11", "",
        "   ")) {
      assertFalse(IdempotencyKeys.surroundedByWhiteSpace(k), codes(k));
    }
    assertFalse(IdempotencyKeys.surroundedByWhiteSpace(null), "null is Bean Validation's violation");
  }

  private static String codes(String s) {
    StringBuilder out = new StringBuilder("[");
    s.chars().forEach(c -> out.append(String.format(" U+%04X", c)));
    return out.append(" ]").toString();
  }
}
