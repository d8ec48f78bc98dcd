package cloud.quazzar.partner.jdbc;

import cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.tck.StoreTck;
import cloud.quazzar.partner.testkit.tck.StoredText;
import org.junit.jupiter.api.DisplayName;

/** The JDBC store on an H2 in-memory database (volatile, chosen explicitly) passes the TCK. */
@DisplayName("H2 in-memory store TCK")
class H2MemoryStoreTckTest extends StoreTck {
  private String url = "";

  @Override
  protected Store newStore() {
    url = H2Memory.freshUrl("tck");
    return new JdbcStorageProvider().open(JdbcStorage.url(url, "sa", ""));
  }

  @Override
  protected StoredText storedText() {
    return H2Memory.storedText(url);
  }

  @Override
  protected int propertyExamples() {
    return 100;
  }
}
