package cloud.quazzar.partner.registry;

import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How names are compared. DESIGN.md: company names are unique ignoring case and
 * surrounding/duplicated spaces; the same holds for a partner's client names.
 */
public final class Names {
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * The order of name keys in every listing: by Unicode code point, which is also the byte order of
   * UTF-8 and so the order of a database's binary ("C") collation. ({@link String#compareTo}
   * compares UTF-16 units and differs for characters beyond U+FFFF.)
   */
  public static final Comparator<String> KEY_ORDER = Names::compareCodePoints;

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
   * The name as stored and shown: surrounding white space removed, every inner run of white space
   * made one space. {@code "  Acme   Cloud "} becomes {@code "Acme Cloud"}.
   */
  public static String clean(String name) {
    return SPACES.matcher(name.strip()).replaceAll(" ");
  }

  /**
   * The key that must be unique: {@link #clean} then lower case (root locale). {@code "ACME
   * cloud"} and {@code " acme  Cloud"} share the key {@code "acme cloud"}.
   */
  public static String key(String name) {
    return clean(name).toLowerCase(Locale.ROOT);
  }
}
