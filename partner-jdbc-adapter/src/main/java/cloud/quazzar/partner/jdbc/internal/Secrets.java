package cloud.quazzar.partner.jdbc.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Keeps passwords out of descriptions, messages and logs. */
final class Secrets {
  private static final String MASK = "****";

  /** {@code password=...} as a URL query parameter ({@code ?&}) or an H2 option ({@code ;}). */
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)((?:password|pwd)\\s*=)[^&;]*");

  /** {@code //user:secret@host}. */
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@;?]*:)[^@/;?]*@");

  private Secrets() {}

  /** The URL with any password in it replaced by {@value #MASK}. */
  static String maskUrl(String url) {
    String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    return USER_INFO.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
  }

  /** {@code text} without any occurrence of {@code password} (nor of a password in a URL). */
  static String scrub(@Nullable String text, @Nullable String password) {
    String out = maskUrl(String.valueOf(text));
    if (password != null && !password.isEmpty()) {
      out = out.replace(password, MASK);
    }
    return out;
  }
}
