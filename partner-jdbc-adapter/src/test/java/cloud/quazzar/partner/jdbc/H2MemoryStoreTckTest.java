package cloud.quazzar.partner.jdbc;

import cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.tck.StoreTck;
import org.junit.jupiter.api.DisplayName;

/** The JDBC store on an H2 in-memory database (volatile, chosen explicitly) passes the TCK. */
@DisplayName("H2 in-memory store TCK")
class H2MemoryStoreTckTest extends StoreTck {
  @Override
  protected Store newStore() {
    return new JdbcStorageProvider().open(H2Memory.fresh("tck"));
  }

  @Override
  protected int propertyExamples() {
    return 100;
  }
}
