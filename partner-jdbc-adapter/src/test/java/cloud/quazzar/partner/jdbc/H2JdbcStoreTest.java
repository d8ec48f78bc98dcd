package cloud.quazzar.partner.jdbc;

import cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider;
import cloud.quazzar.partner.spi.Store;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JDBC store on H2")
class H2JdbcStoreTest extends JdbcStoreContract {
  @Override
  protected Store newStore() {
    return new JdbcStorageProvider().open(H2Memory.fresh("contract"));
  }
}
