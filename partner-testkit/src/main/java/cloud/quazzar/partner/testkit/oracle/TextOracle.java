package cloud.quazzar.partner.testkit.oracle;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text rules of {@code docs/rules.md} ("Text", TEXT-1 to TEXT-6) written again from the
 * document, sharing no code with the library: regular expressions over the Unicode properties and
 * the code point lists the document names, Java's own {@code White_Space} property, and {@link
 * Normalizer} for the normal forms (the one piece of Unicode data both must take from the JDK).
 */
public final class TextOracle {
  /** TEXT-1: white space, by the JDK's Unicode White_Space property. */
  private static final Pattern WHITE_SPACE_RUNS = Pattern.compile("\\p{IsWhite_Space}+");

  /** Unicode's Default_Ignorable_Code_Point characters (DerivedCoreProperties, Unicode 15). */
  private static final String DEFAULT_IGNORABLE = "\\x{00AD}\\x{034F}\\x{061C}\\x{115F}\\x{1160}\\x{17B4}\\x{17B5}"
      + "\\x{180B}-\\x{180F}\\x{200B}-\\x{200F}\\x{202A}-\\x{202E}\\x{2060}-\\x{206F}\\x{3164}\\x{FE00}-\\x{FE0F}"
      + "\\x{FEFF}\\x{FFA0}\\x{FFF0}-\\x{FFF8}\\x{1BCA0}-\\x{1BCA3}\\x{1D173}-\\x{1D17A}\\x{E0000}-\\x{E0FFF}";

  /** TEXT-1: the default-ignorable characters with a function in text, which cleaning keeps. */
  private static final String KEPT = "\\x{034F}\\x{061C}\\x{180B}-\\x{180D}\\x{180F}\\x{200C}-\\x{200F}"
      + "\\x{FE00}-\\x{FE0F}\\x{E0001}\\x{E0020}-\\x{E007F}\\x{E0100}-\\x{E01EF}";

  /** TEXT-1: the refused bidirectional embedding, override and isolate controls. */
  private static final String BIDI_CONTROLS = "\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}";

  /** TEXT-1: removed: default-ignorable, neither kept nor refused; and U+FFF9 to U+FFFB. */
  private static final Pattern REMOVED = Pattern.compile(
      "[[" + DEFAULT_IGNORABLE + "]&&[^" + KEPT + BIDI_CONTROLS + "]]|[\\x{FFF9}-\\x{FFFB}]");

  private static final Pattern IGNORABLE = Pattern.compile("[" + DEFAULT_IGNORABLE + "]");

  /** TEXT-1, refused: controls but tab, LF, VT, FF, CR; unpaired surrogates; non-characters; bidi controls. */
  private static final Pattern REFUSED = Pattern.compile(
      "[\\p{Cc}&&[^\\t\\n\\x0B\\f\\r]]|\\p{Cs}|[\\x{FDD0}-\\x{FDEF}]|[" + BIDI_CONTROLS + "]");

  /** TEXT-4: emails refuse every character of the categories C and Z. */
  private static final Pattern EMAIL_REFUSED = Pattern.compile("[\\p{C}\\p{Z}]");

  /** TEXT-6: a cell the exporter prefixed: one or more apostrophes, then a formula trigger. */
  private static final Pattern PREFIXED_CELL = Pattern.compile("'+[=+\\-@\\t\\r].*", Pattern.DOTALL);

  /** TEXT-6: a text that gets a prefix: any number of apostrophes, then a formula trigger. */
  private static final Pattern NEEDS_PREFIX = Pattern.compile("'*[=+\\-@\\t\\r].*", Pattern.DOTALL);

  /** TEXT-3: text by Unicode code point. */
  public static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    return java.util.Arrays.compare(x, y);
  };

  private TextOracle() {}

  /**
   * Whether TEXT-1 refuses {@code text} for a free-text field (characters only, not its length).
   *
   * @param text the text
   * @return true if TEXT-1 refuses it
   */
  public static boolean refusedAsFreeText(String text) {
    return REFUSED.matcher(text).find() || text.codePoints().anyMatch(TextOracle::isNonCharacter);
  }

  /**
   * Whether TEXT-4 refuses {@code email} for its characters.
   *
   * @param email the email address
   * @return true if TEXT-4 refuses it
   */
  public static boolean refusedInEmail(String email) {
    return EMAIL_REFUSED.matcher(email).find();
  }

  /**
   * A non-character: U+FDD0 to U+FDEF, and U+xxFFFE and U+xxFFFF of every plane.
   *
   * @param cp a code point
   * @return true if it is a non-character
   */
  public static boolean isNonCharacter(int cp) {
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
  }

  /**
   * TEXT-1: free text as stored: invisible characters removed, NFC, white space collapsed and trimmed.
   *
   * @param text the text as given
   * @return the text as stored
   */
  public static String clean(String text) {
    String visible = REMOVED.matcher(text).replaceAll("");
    String nfc = Normalizer.normalize(visible, Normalizer.Form.NFC);
    return WHITE_SPACE_RUNS.matcher(nfc).replaceAll(" ").replaceAll("^ | $", "");
  }

  /**
   * TEXT-2: the uniqueness key of a name, as its code points say it (without the library's marks
   * before supplementary characters, which change neither equality nor code point order): the
   * cleaned name without default-ignorable characters, NFKC, lower-upper-lower case in the root
   * locale, NFKC, white space collapsed, repeated until it stays the same.
   *
   * @param name the name as given
   * @return its key
   */
  public static String key(String name) {
    String k = clean(name);
    for (int round = 0; ; round++) {
      if (round == 10) {
        throw new IllegalStateException("the key of '" + name + "' does not settle");
      }
      String next = IGNORABLE.matcher(k).replaceAll("");
      next = Normalizer.normalize(next, Normalizer.Form.NFKC);
      next = next.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
      next = Normalizer.normalize(next, Normalizer.Form.NFKC);
      next = WHITE_SPACE_RUNS.matcher(next).replaceAll(" ").replaceAll("^ | $", "");
      if (next.equals(k)) {
        return k;
      }
      k = next;
    }
  }

  /**
   * TEXT-6: a text cell as the export writes it (before CSV quoting).
   *
   * @param text the stored text
   * @return the cell
   */
  public static String csvCell(String text) {
    return NEEDS_PREFIX.matcher(text).matches() ? "'" + text : text;
  }

  /**
   * TEXT-6: the stored text of an exported text cell (after CSV unquoting): the documented reading.
   *
   * @param cell the cell read back
   * @return the stored text
   */
  public static String csvRead(String cell) {
    return PREFIXED_CELL.matcher(cell).matches() ? cell.substring(1) : cell;
  }
}
