package cloud.quazzar.partner.jdbc;

import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.tck.StoreTck;
import cloud.quazzar.partner.testkit.tck.StoredText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The JDBC store on MariaDB passes the TCK, each test in a fresh database that is dropped
 * afterwards. Skipped when the server is unreachable, unless MariaDB is required (see {@link
 * MariaDbTestDatabase}).
 */
@DisplayName("MariaDB store TCK")
class MariaDbStoreTckTest extends StoreTck {
  @AfterAll
  static void dropLeftovers() {
    MariaDbTestDatabase.ifReachable().ifPresent(MariaDbTestDatabase::dropLeftoverSchemas);
  }

  @Override
  protected Store newStore() {
    return MariaDbTestDatabase.require().openInFreshSchema();
  }

  @Override
  protected StoredText storedText() {
    return MariaDbTestDatabase.require().storedText(store);
  }
}
