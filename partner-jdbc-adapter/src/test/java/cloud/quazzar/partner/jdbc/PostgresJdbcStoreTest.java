package cloud.quazzar.partner.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JDBC store on PostgreSQL")
class PostgresJdbcStoreTest extends JdbcStoreContract {
  @AfterAll
  static void dropLeftovers() {
    PostgresTestDatabase.ifReachable().ifPresent(PostgresTestDatabase::dropLeftoverSchemas);
  }

  @Override
  protected Store newStore() {
    return PostgresTestDatabase.require().openInFreshSchema();
  }

  @Test
  @DisplayName("PostgreSQL is durable: the store says so, and discovery keeps it when the settings name no provider")
  void durable() {
    assertTrue(store.durable(), store.description());
    PostgresTestDatabase db = PostgresTestDatabase.require();
    String schema = db.newSchemaName();
    StorageSettings unnamed = StorageSettings.empty().with(JdbcStorage.URL, db.url()).with(JdbcStorage.USER, db.user())
        .with(JdbcStorage.SCHEMA, schema);
    try (PartnerProgram program = PartnerProgram.builder().storage(unnamed).build()) {
      assertTrue(program.store().durable());
      assertTrue(program.store().description().startsWith("jdbc:postgresql:"), program.store().description());
    } finally {
      db.dropSchema(schema);
    }
  }

  @Test
  @DisplayName("on a host DataSource, the schema applies only inside the store's transactions")
  void hostDataSourceSchema() throws SQLException {
    PostgresTestDatabase db = PostgresTestDatabase.require();
    String schema = db.newSchemaName();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.url());
    config.setUsername(db.user());
    config.setMaximumPoolSize(2); // the migration needs two; the checks below look at both
    config.setMinimumIdle(2);
    try (HikariDataSource host = new HikariDataSource(config)) {
      String searchPath;
      try (Connection c = host.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SHOW search_path")) {
        rs.next();
        searchPath = rs.getString(1);
      }
      try (PartnerProgram program = PartnerProgram.builder()
          .storage(JdbcStorage.dataSource(host).with(JdbcStorage.SCHEMA, schema)).build()) {
        assertTrue(program.store().durable(), "a PostgreSQL DataSource is durable");
        Partner acme = program.registry().add(new NewPartner("Acme", "ops@acme.example", Tier.GOLD));
        assertEquals(acme, program.registry().get(acme.id()));
      }
      assertFalse(host.isClosed());
      try (Connection c1 = host.getConnection(); Connection c2 = host.getConnection()) {
        for (Connection c : new Connection[] {c1, c2}) {
          try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW search_path")) {
            rs.next();
            assertEquals(searchPath, rs.getString(1), "the host's connections keep their search path");
          }
          assertTrue(c.getAutoCommit());
        }
        try (Statement s = c1.createStatement();
            ResultSet rs = s.executeQuery("SELECT company_name FROM \"" + schema + "\".partners")) {
          assertTrue(rs.next());
          assertEquals("Acme", rs.getString(1));
        }
      }
    } finally {
      db.dropSchema(schema);
    }
  }
}
