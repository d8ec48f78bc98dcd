package cloud.quazzar.partner.jdbc;

import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.testkit.tck.StoredText;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Settings for a new, empty H2 database in memory, chosen explicitly (it is volatile, so discovery
 * would refuse it). Without {@code DB_CLOSE_DELAY} H2 drops the database when its last connection
 * closes, that is when the store closes its pool, so a test run does not pile up databases.
 */
final class H2Memory {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private H2Memory() {}

  /** A database of its own, {@code jdbc:h2:mem:<prefix>-<n>}. */
  static StorageSettings fresh(String prefix) {
    return JdbcStorage.url(freshUrl(prefix), "sa", "");
  }

  /** The URL of a database of its own, {@code jdbc:h2:mem:<prefix>-<n>}, for {@link JdbcStorage#url}. */
  static String freshUrl(String prefix) {
    return "jdbc:h2:mem:" + prefix + "-" + DATABASES.incrementAndGet() + ";LOCK_TIMEOUT=10000;TRACE_LEVEL_FILE=0";
  }

  /** Every value of the H2 database at {@code url} (schema PUBLIC), read through connections of its own. */
  static StoredText storedText(String url) {
    return StoredText.ofDatabase(() -> {
      try {
        return DriverManager.getConnection(url, "sa", "");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot connect to " + url, e);
      }
    }, "PUBLIC");
  }
}
