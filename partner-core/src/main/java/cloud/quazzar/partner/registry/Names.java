package cloud.quazzar.partner.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How names are compared. DESIGN.md: company names are unique ignoring case and
 * surrounding/duplicated spaces; the same holds for a partner's client names.
 */
public final class Names {
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Names() {}

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
