package cloud.quazzar.partner.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider;
import cloud.quazzar.partner.jdbc.internal.JdbcStore;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.StorageProvider;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider: discovery, settings, connection failures, migrations, reopening. */
@DisplayName("JDBC storage provider")
class JdbcStorageProviderTest {
  private static final String SECRET = "S3cret-Pa55word!";

  @TempDir
  Path dir;

  @Test
  @DisplayName("discovery finds jdbc (priority 100) and memory (priority 0)")
  void discovery() {
    Map<String, Integer> found = new TreeMap<>();
    for (StorageProvider p : ServiceLoader.load(StorageProvider.class)) {
      found.put(p.name(), p.priority());
    }
    assertEquals(Map.of("jdbc", 100, "memory", 0), found);
  }

  @Test
  @DisplayName("with no storage configured, the program picks jdbc: a private in-memory H2 database")
  void jdbcIsTheDefault() {
    try (PartnerProgram program = PartnerProgram.builder().build()) {
      // program.store() is the program's outbox over the store it opened: the JDBC store
      assertInstanceOf(JdbcStore.class, ((cloud.quazzar.partner.internal.events.OutboxStore) program.store()).inner());
      assertTrue(program.store().description().startsWith("jdbc:h2:mem:"), program.store().description());
      Partner acme = program.registry().add(new NewPartner("Acme", "ops@acme.example", Tier.GOLD));
      assertEquals(acme, program.registry().get(acme.id()));
    }
  }

  @Test
  @DisplayName("naming a missing provider fails and lists every provider found")
  void missingProvider() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> PartnerProgram.builder().storage(StorageSettings.provider("nope")).build());
    assertTrue(e.getMessage().contains("'nope' not found"), e.getMessage());
    assertTrue(e.getMessage().contains("jdbc (priority 100"), e.getMessage());
    assertTrue(e.getMessage().contains("memory (priority 0"), e.getMessage());
  }

  @Test
  @DisplayName("an unreachable database is a ConfigurationException that names the URL but never the password")
  void unreachable() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> PartnerProgram.builder()
        .storage(JdbcStorage.url("jdbc:postgresql://127.0.0.1:1/nowhere", "someone", SECRET)).build());
    assertTrue(e.getMessage().startsWith("cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere as user 'someone'"),
        e.getMessage());
    assertNoSecret(e);

    ConfigurationException inUrl = assertThrows(ConfigurationException.class, () -> new JdbcStorageProvider()
        .open(JdbcStorage.url("jdbc:postgresql://127.0.0.1:1/nowhere?user=someone&password=" + SECRET, null, null)));
    assertTrue(inUrl.getMessage().contains("password=****"), inUrl.getMessage());
    assertNoSecret(inUrl);
  }

  @Test
  @DisplayName("invalid settings are ConfigurationExceptions naming the setting")
  void badSettings() {
    StorageSettings h2 = JdbcStorage.h2File(dir.resolve("bad"));
    JdbcStorageProvider provider = new JdbcStorageProvider();
    assertTrue(assertThrows(ConfigurationException.class, () -> provider.open(h2.with(JdbcStorage.POOL_SIZE, 0)))
        .getMessage().contains("'jdbc.pool.size'"));
    assertTrue(assertThrows(ConfigurationException.class, () -> provider.open(h2.with(JdbcStorage.MIGRATE, "maybe")))
        .getMessage().contains("'jdbc.migrate'"));
    assertTrue(assertThrows(ConfigurationException.class,
        () -> provider.open(h2.with(JdbcStorage.SCHEMA, "drop table; --"))).getMessage().contains("'jdbc.schema'"));
    assertTrue(assertThrows(ConfigurationException.class,
        () -> provider.open(h2.with(JdbcStorage.DATA_SOURCE, "not a data source"))).getMessage().contains("'jdbc.dataSource'"));
    assertTrue(assertThrows(ConfigurationException.class,
        () -> provider.open(StorageSettings.empty().with(JdbcStorage.URL, "jdbc:mysql://db/x"))).getMessage().contains("'jdbc.url'"));
    assertThrows(ConfigurationException.class, () -> JdbcStorage.h2InMemory("a;INIT=RUNSCRIPT FROM 'x'"));
    assertThrows(ConfigurationException.class, () -> JdbcStorage.h2File(dir.resolve("a;b")));
    assertThrows(ConfigurationException.class, () -> JdbcStorage.url("postgresql://db/x", null, null));
  }

  @Test
  @DisplayName("an H2 file store reopened after close still has its data")
  void reopen() {
    StorageSettings settings = JdbcStorage.h2File(dir.resolve("data").resolve("partners"));
    Partner acme;
    try (PartnerProgram program = PartnerProgram.builder().storage(settings).build()) {
      acme = program.registry().add(new NewPartner("Acme", "ops@acme.example", Tier.GOLD));
    }
    assertTrue(dir.resolve("data").resolve("partners.mv.db").toFile().isFile());
    try (PartnerProgram program = PartnerProgram.builder().storage(settings).build()) {
      assertEquals(acme, program.registry().get(acme.id()));
      assertEquals(1, program.registry().list(PartnerQuery.all()).total());
      assertEquals(1, program.registry().tierHistory(acme.id()).size());
    }
  }

  @Test
  @DisplayName("migrations run once: reopening applies nothing again and keeps the data")
  void migrationsIdempotent() throws SQLException {
    Path path = dir.resolve("partners");
    StorageSettings settings = JdbcStorage.h2File(path);
    for (int i = 0; i < 3; i++) {
      try (PartnerProgram program = PartnerProgram.builder().storage(settings).build()) {
        program.registry().add(new NewPartner("Partner " + i, "p" + i + "@x.example", Tier.SILVER));
        assertEquals(i + 1, program.registry().list(PartnerQuery.all()).total());
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + path.toAbsolutePath(), "sa", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT \"version\", \"success\" FROM \"" + JdbcStorage.HISTORY_TABLE
                + "\" WHERE \"type\" = 'SQL' ORDER BY \"installed_rank\"")) {
      List<String> applied = new ArrayList<>();
      while (rs.next()) {
        applied.add(rs.getString(1) + ":" + rs.getBoolean(2));
      }
      assertEquals(List.of("1:true", "2:true", "3:true", "4:true", "5:true", "6:true", "7:true"), applied);
    }
    // migration off: the tables are there, so the store opens
    try (Store store = new JdbcStorageProvider().open(settings.with(JdbcStorage.MIGRATE, false))) {
      assertEquals(3L, (long) store.read(tx -> tx.partners().list(PartnerQuery.all()).total()));
    }
  }

  @Test
  @DisplayName("with migration off, missing tables are a ConfigurationException that says how to migrate")
  void migrationOff() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> new JdbcStorageProvider()
        .open(JdbcStorage.h2File(dir.resolve("empty")).with(JdbcStorage.MIGRATE, "false")));
    assertTrue(e.getMessage().contains("jdbc.migrate=true"), e.getMessage());
    assertTrue(e.getMessage().contains(JdbcStorage.MIGRATION_LOCATION), e.getMessage());
  }

  @Test
  @DisplayName("a schema that already holds the host's tables gets the partner tables beside them")
  void sharedSchema() throws SQLException {
    Path path = dir.resolve("shared");
    String url = "jdbc:h2:file:" + path.toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE invoices (id INT PRIMARY KEY)");
    }
    try (PartnerProgram program = PartnerProgram.builder().storage(JdbcStorage.h2File(path)).build()) {
      program.registry().add(new NewPartner("Acme", "ops@acme.example", Tier.GOLD));
    }
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"version\", \"type\" FROM \"" + JdbcStorage.HISTORY_TABLE
            + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      List<String> history = new ArrayList<>();
      while (rs.next()) {
        history.add(rs.getString(1) + ":" + rs.getString(2));
      }
      assertEquals(List.of("0:BASELINE", "1:SQL", "2:SQL", "3:SQL", "4:SQL", "5:SQL", "6:SQL", "7:SQL"), history);
    }
  }

  @Test
  @DisplayName("a failed migration is a ConfigurationException")
  void failedMigration() throws SQLException {
    Path path = dir.resolve("clash");
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + path.toAbsolutePath(), "sa", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE partners (something INT)"); // the host already has a table of that name
    }
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> new JdbcStorageProvider().open(JdbcStorage.h2File(path)));
    assertTrue(e.getMessage().startsWith("migrating the partner schema in jdbc:h2:file:"), e.getMessage());
  }

  @Test
  @DisplayName("a host DataSource is used in the configured schema and never closed by the store")
  void hostDataSource() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:host-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setMaximumPoolSize(2);
    try (HikariDataSource host = new HikariDataSource(config)) {
      Partner acme;
      try (PartnerProgram program = PartnerProgram.builder()
          .storage(JdbcStorage.dataSource(host).with(JdbcStorage.SCHEMA, "partner_program")).build()) {
        assertTrue(program.store().description().startsWith("host DataSource jdbc:h2:mem:host-"));
        assertTrue(program.store().description().endsWith("(schema partner_program)"));
        acme = program.registry().add(new NewPartner("Acme", "ops@acme.example", Tier.GOLD));
        assertEquals(acme, program.registry().get(acme.id()));
      }
      assertFalse(host.isClosed(), "the store must not close the host's DataSource");
      try (Connection c = host.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT company_name FROM \"partner_program\".partners")) {
        assertEquals("PUBLIC", c.getSchema(), "the host's connections keep their own schema");
        assertTrue(rs.next());
        assertEquals("Acme", rs.getString(1));
      }
    }
  }

  @Test
  @DisplayName("an H2 store in a schema keeps its tables there")
  void h2Schema() throws SQLException {
    Path path = dir.resolve("schema");
    try (Store store = new JdbcStorageProvider().open(JdbcStorage.h2File(path).with(JdbcStorage.SCHEMA, "pp"))) {
      assertTrue(store.description().endsWith("(schema pp)"), store.description());
      PartnerProgram program = PartnerProgram.builder().store(store).build();
      program.registry().add(new NewPartner("Acme", "ops@acme.example", Tier.GOLD));
    }
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + path.toAbsolutePath(), "sa", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"pp\".partners")) {
      assertTrue(rs.next());
      assertEquals(1, rs.getInt(1));
    }
  }

  private static void assertNoSecret(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(SECRET), "password leaked in: " + t);
      for (Throwable s : t.getSuppressed()) {
        assertFalse(String.valueOf(s.getMessage()).contains(SECRET), "password leaked in: " + s);
      }
    }
  }
}
