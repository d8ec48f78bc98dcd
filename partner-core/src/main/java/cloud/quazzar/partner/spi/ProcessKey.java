package cloud.quazzar.partner.spi;

import java.security.SecureRandom;

/** The default {@link Store#pageTokenKey()}: 32 random bytes made once per JVM. */
final class ProcessKey {
  private static final byte[] KEY = new byte[32];

  static {
    new SecureRandom().nextBytes(KEY);
  }

  private ProcessKey() {}

  static byte[] copy() {
    return KEY.clone();
  }
}
