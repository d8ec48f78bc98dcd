package cloud.quazzar.partner.registry;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text rules of {@code docs/rules.md}, section "Text": how free text is cleaned before it is
 * stored (TEXT-1), how names are compared for uniqueness (TEXT-2), how listings order text
 * (TEXT-3), and what emails may contain (TEXT-4). Every service applies them, so every store sees
 * the same values.
 *
 * <p>Validation (the characters that are refused) is declared on the request records with {@link
 * #TEXT_PATTERN} and {@link #EMAIL_PATTERN}; {@link #clean} and {@link #key} never throw and never
 * validate: given refused characters they keep them.
 */
public final class Names {
  /**
   * TEXT-1: the characters free text may contain, as a Bean Validation {@code @Pattern} (the whole
   * text must match): anything but control characters other than tab, line feed, vertical tab, form
   * feed and carriage return (those are white space); unpaired surrogates; non-characters (U+FDD0 to
   * U+FDEF and the last two code points of every plane); and the bidirectional embedding, override
   * and isolate controls U+202A to U+202E and U+2066 to U+2069, which reorder how the text around
   * them is shown. U+0085 (NEL) counts as a control: it almost always comes from text decoded with
   * the wrong character set. (One character class under {@code *}: Java matches it without
   * recursion, so long text cannot overflow the stack.)
   */
  public static final String TEXT_PATTERN = "[\\P{Cc}\\t\\n\\x0B\\f\\r&&[^\\p{Cs}"
      + "\\x{FDD0}-\\x{FDEF}\\x{FFFE}\\x{FFFF}\\x{1FFFE}\\x{1FFFF}\\x{2FFFE}\\x{2FFFF}\\x{3FFFE}\\x{3FFFF}"
      + "\\x{4FFFE}\\x{4FFFF}\\x{5FFFE}\\x{5FFFF}\\x{6FFFE}\\x{6FFFF}\\x{7FFFE}\\x{7FFFF}\\x{8FFFE}\\x{8FFFF}"
      + "\\x{9FFFE}\\x{9FFFF}\\x{AFFFE}\\x{AFFFF}\\x{BFFFE}\\x{BFFFF}\\x{CFFFE}\\x{CFFFF}\\x{DFFFE}\\x{DFFFF}"
      + "\\x{EFFFE}\\x{EFFFF}\\x{FFFFE}\\x{FFFFF}\\x{10FFFE}\\x{10FFFF}"
      + "\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]]*";

  /** The violation message of {@link #TEXT_PATTERN}. */
  public static final String TEXT_MESSAGE = "must not contain control characters other than white space,"
      + " unpaired surrogates, non-characters, or bidirectional embedding, override or isolate controls"
      + " (U+202A to U+202E, U+2066 to U+2069)";

  /**
   * TEXT-4: the characters an email address may contain, as a Bean Validation {@code @Pattern}:
   * none of the Unicode categories C (control, format, surrogate, private use, unassigned, which
   * includes the non-characters) and Z (every space and line or paragraph separator). Invisible and
   * format characters would let one address look like another.
   */
  public static final String EMAIL_PATTERN = "[^\\p{C}\\p{Z}]*";

  /** The violation message of {@link #EMAIL_PATTERN}. */
  public static final String EMAIL_MESSAGE = "must not contain white space or separators, control, format"
      + " (invisible), private-use, unassigned or non-characters";

  /**
   * TEXT-2: the longest {@link #key} a name may have, in UTF-16 units (the length of the stores'
   * key columns). Only names made mostly of characters that expand under NFKC, such as U+FDFA, reach
   * it before their own length limit.
   */
  public static final int MAX_KEY_LENGTH = 800;

  /**
   * TEXT-3: the order of name keys in every listing: by Unicode code point, which is also the byte
   * order of UTF-8 and so the order of a database's binary ("C") collation. For keys made by {@link
   * #key} it is also the order of {@link String#compareTo} (UTF-16 units, H2's order), which for
   * other strings differs beyond U+FFFF.
   */
  public static final Comparator<String> KEY_ORDER = Names::compareCodePoints;

  /** Marks a supplementary character in a key, so that UTF-16 order equals code point order. */
  private static final char SUPPLEMENTARY_MARK = '\uFFFF';

  /** {@link #SUPPLEMENTARY_MARK} before a supplementary character. */
  private static final Pattern MARKED = Pattern.compile("\\x{FFFF}(?=[\\x{10000}-\\x{10FFFF}])");

  private Names() {}

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /**
   * TEXT-1: free text as it is stored and shown, for every field a person types (company, client
   * and certification names, holders, {@code changedBy}, {@code revokedBy}, {@code cancelledBy},
   * reasons):
   *
   * <ol>
   *   <li>invisible characters without a function in a line of text are removed: the
   *       Default_Ignorable_Code_Point characters of Unicode (soft hyphen, zero width space, word
   *       joiner, byte-order mark, Hangul fillers, ...) except those kept below and the refused
   *       bidirectional controls, and the interlinear annotation characters U+FFF9 to U+FFFB;
   *   <li>the text is put in Unicode normalisation form C (NFC);
   *   <li>white space (the Unicode White_Space characters: tab, line breaks, no-break space,
   *       ideographic space, ...) is removed at both ends and every inner run becomes one space
   *       U+0020.
   * </ol>
   *
   * Kept as given: the joiners U+200C and U+200D (emoji sequences, Persian and Indic scripts), the
   * bidirectional marks U+200E, U+200F and U+061C, variation selectors, tag characters (emoji
   * flags), U+034F, and everything else. A no-break space, then {@code "Acme  Cloud"} with a zero
   * width space before {@code Cloud} and a byte-order mark at the end, becomes {@code "Acme
   * Cloud"}. Idempotent: {@code clean(clean(s)).equals(clean(s))}.
   *
   * @param text the text as given
   * @return the text as stored
   */
  public static String clean(String text) {
    if (isPrintableAscii(text)) {
      return collapseAscii(text);
    }
    StringBuilder visible = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (!isRemoved(cp)) {
        visible.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return collapse(Normalizer.normalize(visible, Normalizer.Form.NFC));
  }

  /**
   * TEXT-2: the key that must be unique (company names across partners; client names within a
   * partner). From the {@link #clean} name: every Default_Ignorable_Code_Point character (joiners,
   * bidirectional marks, variation selectors included) is dropped, the text is put in NFKC, case is
   * folded (lower case of the upper case of the lower case, root locale: {@code ß}, {@code ẞ} and
   * {@code SS} agree), NFKC again and white space collapsed again, repeated until nothing changes.
   * So {@code "ACME cloud"}, {@code " acme  Cloud"}, {@code "Acme Cloud"} after a no-break space or
   * with a zero width joiner inside, and the full-width {@code "ＡＣＭＥ Cloud"} share one key.
   * Finally every supplementary character (beyond U+FFFF) is preceded by U+FFFF, a non-character
   * that names never contain, so that keys sort the same by UTF-16 units ({@link String#compareTo},
   * H2) as by code points ({@link #KEY_ORDER}, UTF-8 bytes, PostgreSQL's {@code COLLATE "C"}).
   *
   * <p>A key is for comparing and indexing, not for display. {@code key(key(s)).equals(key(s))}.
   *
   * @param name the name as given
   * @return its key
   */
  public static String key(String name) {
    if (isPrintableAscii(name)) {
      return collapseAscii(name).toLowerCase(Locale.ROOT);
    }
    // a key given again: its marks would change the case mapping's context (final sigma), so go
    // without them; names never contain U+FFFF
    String key = MARKED.matcher(clean(name)).replaceAll("");
    for (int round = 0; round < 4; round++) {
      String next = fold(key);
      if (next.equals(key)) {
        break;
      }
      key = next;
    }
    return markSupplementary(key);
  }

  private static String fold(String s) {
    StringBuilder kept = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (!isDefaultIgnorable(cp)) {
        kept.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    String t = Normalizer.normalize(kept, Normalizer.Form.NFKC);
    t = t.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    return collapse(Normalizer.normalize(t, Normalizer.Form.NFKC));
  }

  private static String markSupplementary(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
          && (i == 0 || s.charAt(i - 1) != SUPPLEMENTARY_MARK)) {
        if (out == null) {
          out = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        out.append(SUPPLEMENTARY_MARK);
      }
      if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean isPrintableAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }

  /** {@link #collapse} for printable ASCII, where the only white space is U+0020. */
  private static String collapseAscii(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    if (s.indexOf("  ", start) < 0 || s.indexOf("  ", start) >= end) {
      return s.substring(start, end);
    }
    StringBuilder out = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c != ' ' || s.charAt(i - 1) != ' ') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** White space removed at both ends, every inner run made one U+0020. */
  private static String collapse(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isWhiteSpace(cp)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  /** The Unicode White_Space property (stable since Unicode 6.3). */
  static boolean isWhiteSpace(int cp) {
    return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F
        || cp == 0x3000;
  }

  /** The Unicode Default_Ignorable_Code_Point property (Unicode 15). */
  static boolean isDefaultIgnorable(int cp) {
    if (cp < 0xAD) {
      return false;
    }
    return cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160
        || cp == 0x17B4 || cp == 0x17B5 || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x200B && cp <= 0x200F)
        || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164
        || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8)
        || (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A)
        || (cp >= 0xE0000 && cp <= 0xE0FFF);
  }

  /** Default-ignorable characters with a function in text, kept by {@link #clean}. */
  static boolean isKeptIgnorable(int cp) {
    return cp == 0x034F || cp == 0x061C || (cp >= 0x180B && cp <= 0x180D) || cp == 0x180F
        || (cp >= 0x200C && cp <= 0x200F) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xE0001
        || (cp >= 0xE0020 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  /** The bidirectional embedding, override and isolate controls, refused by {@link #TEXT_PATTERN}. */
  static boolean isBidiControl(int cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
  }

  /** What {@link #clean} removes. */
  static boolean isRemoved(int cp) {
    return (isDefaultIgnorable(cp) && !isKeptIgnorable(cp) && !isBidiControl(cp)) || (cp >= 0xFFF9 && cp <= 0xFFFB);
  }
}
