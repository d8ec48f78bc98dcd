package cloud.quazzar.partner.testkit.generators;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile but valid free text (docs/rules.md TEXT-1): a hand-written corpus and generators that put
 * together pieces of every kind the text rules treat specially: letters of many scripts inside and
 * beyond the Basic Multilingual Plane, decomposed and compatibility forms, case pairs that fold in
 * several ways, right-to-left text, every kind of Unicode white space, invisible format characters
 * (those cleaning removes and those it keeps), combining marks, emoji sequences, and the characters
 * that start a spreadsheet formula. Nothing here is refused: for refused text see {@link
 * InvalidInput#freeText} and {@link InvalidInput#emails}.
 */
public final class TextGenerators {
  /** Letters, symbols and sequences that stay visible once cleaned, in many scripts and planes. */
  public static final List<String> VISIBLE = List.of(
      "a", "Z", "Acme", "cloud", "0", "9", "ß", "ẞ", "SS", "İ", "ı", "i", "Σ", "σ", "ς", "é", "e\u0301", "Å",
      "\u212B", "\u2126", "\u212A", "ǅ", "ﬁ", "Ａ", "ｶ", "²", "①", "Ⅻ", "ﷺ", "日本", "한", "\u1100\u1161",
      "مرحبا", "שלום", "Ελλάς", "Кирилл", "हिन्दी", "𠜎", "﨎", "\uF900", "\uE000", "\uFFFD", "🚀", "👨\u200D👩\u200D👧",
      "🇩🇪", "👍🏽", "❤\uFE0F", "𝐀", "𝔘", "𐐀", "𐐨", "\u0378", "\u0600", "=", "+", "-", "@", "'", "\"", ",", ";",
      "%", "_", "\\", "<b>", "$$");

  /** The Unicode White_Space characters but U+0085 (NEL, refused as a control). */
  public static final List<String> WHITE_SPACE = List.of(
      " ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004",
      "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200A", "\u2028", "\u2029", "\u202F", "\u205F", "\u3000");

  /** Invisible characters cleaning removes (docs/rules.md TEXT-1). */
  public static final List<String> REMOVED_INVISIBLE = List.of(
      "\u00AD", "\u200B", "\u2060", "\u2061", "\u2064", "\u206A", "\u206F", "\uFEFF", "\u3164", "\uFFA0", "\u115F",
      "\u180E", "\u17B4", "\uFFF9", "\uFFFB", new String(Character.toChars(0x1D173)),
      new String(Character.toChars(0xE0000)), new String(Character.toChars(0xE0002)));

  /** Invisible characters cleaning keeps and keys ignore (joiners, bidi marks, variation selectors, tags). */
  public static final List<String> KEPT_INVISIBLE = List.of(
      "\u200C", "\u200D", "\u200E", "\u200F", "\u061C", "\uFE0F", "\uFE0E", "\u034F", "\u180B",
      new String(Character.toChars(0xE0041)), new String(Character.toChars(0xE0100)));

  /** Combining marks, also in an order that NFC changes. */
  public static final List<String> COMBINING = List.of("\u0301", "\u0308", "\u0323", "\u0307", "\u030A", "\u20E3");

  /**
   * A corpus of valid free text written by hand: white space of every kind, invisible characters,
   * decomposed and compatibility forms, case pairs, scripts in both directions, characters beyond
   * U+FFFF, emoji sequences, private-use and unassigned code points, formula triggers and quotes.
   * Every entry is valid in every free-text field (at most 100 characters, not blank once cleaned,
   * no refused character); several share a name key on purpose.
   */
  public static final List<String> HOSTILE_TEXT = List.of(
      "\u00A0Acme", "Acme\u00A0", "\uFEFFAcme", "Ac\u200Bme", "Ac\u00ADme", "A\u2060cme", "Acme\u3164",
      "Acme\u2003Cloud", "Acme\u3000Cloud", "Acme\u2029Cloud", "Acme\u2028Cloud", "Acme\t\tCloud", "Acme\r\nCloud",
      "Acme\u1680Cloud", "Acme\u202FCloud", "Acme\u205FCloud", "Acme\u000BCloud", "Acme\fCloud", "Acme\u2000\u200ACloud",
      " \u2002 padded \u2009 ", "zero\u200Bwidth\uFEFF", "soft\u00ADhyphen", "invisible\u2062times", "\u180Emongolian",
      "anno\uFFF9tation\uFFFB", "tag" + new String(Character.toChars(0xE0000)) + "zero",
      "👨\u200D👩\u200D👧 family", "می\u200Cخواهم", "क्\u200Dष", "\u200Frtl mark\u200E", "\u061Carabic mark",
      "❤\uFE0F heart", "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F England", "a\u034Fb cgj",
      "e\u0301 combining", "A\u030Angstrom", "\u212Bngstrom sign", "\u2126hm", "\u212Aelvin", "a\u0307\u0323 marks",
      "\u1100\u1161\u11A8 jamo", "\uF900 compatibility ideograph", "﨎 unified", "ＡＣＭＥ fullwidth", "ﬁnance",
      "x² squared", "① circled", "Ⅻ twelve", "𝐀𝐜𝐦𝐞 bold", "ﷺ", "ｶﾀｶﾅ", "Straße", "STRASSE", "ẞ capital", "İstanbul",
      "ıstanbul", "ΣΊΣΥΦΟΣ", "σίσυφος", "ǅemal", "مرحبا بالعالم", "שלום עולם", "日本語の会社", "한국어 회사",
      "Ελληνικά", "Кириллица", "हिन्दी", "𠜎 CJK-B", "🚀🔥 rockets", "𐐀 Deseret", "𐐨 deseret",
      "\uD83C\uDDE9\uD83C\uDDEA flag", "👍🏽 skin", "1\uFE0F\u20E3 keycap", "\uE000 private", "\uFFFD replacement",
      "\uFFFC object", "\u0378 unassigned", "\u0600 number sign", "=1+1", "'=1+1", "''=1+1", "+SUM(A1)", "-2",
      "@cmd", "'quote", "''", "'", "\"quoted\", comma", "line\nbreak", "\t=tab", "x".repeat(100));

  private TextGenerators() {}

  /**
   * Valid free text of at most {@code maxLength} characters (20 or more): 1 to 12 pieces of {@link
   * #VISIBLE}, {@link #WHITE_SPACE}, {@link #REMOVED_INVISIBLE}, {@link #KEPT_INVISIBLE} and {@link
   * #COMBINING}, at least one of them visible, or an entry of {@link #HOSTILE_TEXT} that fits.
   *
   * @param maxLength the field's length limit, 20 or more
   * @return a generator of valid free text
   */
  public static Gen<String> freeText(int maxLength) {
    if (maxLength < 20) {
      throw new IllegalArgumentException("maxLength must be 20 or more, got " + maxLength);
    }
    Gen<String> piece = Generate.frequency(
        Pair.of(6, Generate.pick(VISIBLE)),
        Pair.of(2, Generate.pick(WHITE_SPACE)),
        Pair.of(1, Generate.pick(REMOVED_INVISIBLE)),
        Pair.of(1, Generate.pick(KEPT_INVISIBLE)),
        Pair.of(1, Generate.pick(COMBINING)));
    Gen<String> built = lists().of(piece).ofSizeBetween(0, 11)
        .zip(Generate.pick(VISIBLE), integers().between(0, 11), (pieces, visible, at) -> {
          List<String> all = new ArrayList<>(pieces);
          all.add(Math.min(at, all.size()), visible);
          StringBuilder out = new StringBuilder();
          for (String p : all) {
            if (out.length() + p.length() <= maxLength) {
              out.append(p);
            }
          }
          return out.toString();
        });
    List<String> fitting = HOSTILE_TEXT.stream().filter(s -> s.length() <= maxLength).toList();
    return Generate.frequency(Pair.of(4, built), Pair.of(1, Generate.pick(fitting)));
  }

  /**
   * Text for CSV cells: {@link #freeText} of at most 90 characters after a start that a spreadsheet
   * or the export's neutralisation treats specially (apostrophes, formula triggers, both).
   *
   * @return a generator of text for CSV cells
   */
  public static Gen<String> csvText() {
    List<String> starts = List.of("", "'", "''", "'''", "=", "'=", "''=", "+", "'+", "-", "'-", "@", "'@", "\t",
        "'\t", "\r", "'\r", "' ", "'a", "\"", "'\"", ",");
    return Generate.pick(starts).zip(freeText(90), (start, text) -> start + text);
  }

  /**
   * Pairs of names: a name of {@link #freeText} and a variant of it. Most variants change only
   * what the name key ignores (case, the kind and amount of white space, invisible characters, the
   * normal form, full-width letters); some change a visible character, which gives another key.
   *
   * @return a generator of pairs: a name, then its variant
   */
  public static Gen<List<String>> nameVariants() {
    Gen<Integer> mutation = integers().between(0, 8);
    return freeText(60).zip(mutation, Generate.pick(KEPT_INVISIBLE), Generate.pick(REMOVED_INVISIBLE),
        Generate.pick(WHITE_SPACE), (name, m, kept, removed, space) -> {
          String v = variant(name, m, kept, removed, space);
          // NFKD may expand a character many times: stay within every name field's 200 characters
          return List.of(name, v.length() <= 200 ? v : name.toUpperCase(Locale.ROOT));
        });
  }

  private static String variant(String name, int mutation, String kept, String removed, String space) {
    return switch (mutation) {
      case 0 -> name.toUpperCase(Locale.ROOT);
      case 1 -> name.toLowerCase(Locale.ROOT);
      case 2 -> insertEverywhere(name, kept);
      case 3 -> insertEverywhere(name, removed);
      case 4 -> space + name.replace(" ", space + space) + space;
      case 5 -> Normalizer.normalize(name, Normalizer.Form.NFD);
      case 6 -> Normalizer.normalize(name, Normalizer.Form.NFKD);
      case 7 -> fullWidth(name);
      default -> name + "x";
    };
  }

  /** {@code c} between every two code points of {@code s}. */
  private static String insertEverywhere(String s, String c) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(cp -> {
      if (out.length() > 0) {
        out.append(c);
      }
      out.appendCodePoint(cp);
    });
    return out.toString();
  }

  /** ASCII letters and digits as their full-width forms (U+FF10 to U+FF5A). */
  private static String fullWidth(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> out.appendCodePoint(
        (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ? cp - 0x20 + 0xFF00 : cp));
    return out.toString();
  }
}
