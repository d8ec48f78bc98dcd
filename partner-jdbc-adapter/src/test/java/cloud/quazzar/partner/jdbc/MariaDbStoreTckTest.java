package cloud.quazzar.partner.jdbc;

import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.tck.StoreTck;
import cloud.quazzar.partner.testkit.tck.StoredText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The JDBC store on MariaDB passes the TCK, each test in a database of its own that holds
 * what a new one holds (emptied after an earlier test, {@link ServerTestDatabase#emptySchema}); all are
 * dropped afterwards. Skipped when the server is unreachable, unless MariaDB is required (see {@link
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
    return MariaDbTestDatabase.require().openEmptied();
  }

  @Override
  protected StoredText storedText() {
    return MariaDbTestDatabase.require().storedText(store);
  }
}
