package cloud.quazzar.partner.jdbc;

import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.tck.StoreTck;
import cloud.quazzar.partner.testkit.tck.StoredText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The JDBC store on PostgreSQL passes the TCK, each test in a schema of its own that holds
 * what a new one holds (emptied after an earlier test, {@link ServerTestDatabase#emptySchema}); all are
 * dropped afterwards. Skipped when the server is unreachable, unless PostgreSQL is required (see {@link
 * PostgresTestDatabase}).
 */
@DisplayName("PostgreSQL store TCK")
class PostgresStoreTckTest extends StoreTck {
  @AfterAll
  static void dropLeftovers() {
    PostgresTestDatabase.ifReachable().ifPresent(PostgresTestDatabase::dropLeftoverSchemas);
  }

  @Override
  protected Store newStore() {
    return PostgresTestDatabase.require().openEmptied();
  }

  @Override
  protected StoredText storedText() {
    return PostgresTestDatabase.require().storedText(store);
  }
}
