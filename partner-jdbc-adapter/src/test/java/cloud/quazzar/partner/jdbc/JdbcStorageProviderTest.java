package cloud.quazzar.partner.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.StorageProvider;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
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
import org.slf4j.LoggerFactory;

/** The provider: discovery, settings, connection failures, migrations, reopening. */
@DisplayName("JDBC storage provider")
class JdbcStorageProviderTest {
  private static final String SECRET = "S3cret-Pa55word!";

  @TempDir
  Path dir;

  @Test
  @DisplayName("discovery finds jdbc (priority 100) and nothing else: the memory store is never discovered")
  void discovery() {
    Map<String, Integer> found = new TreeMap<>();
    // on the module path this test runs inside the adapter's module, which itself uses no service
    // (core does); there the provider is found through the module's `provides`, on the class path
    // through META-INF/services
    getClass().getModule().addUses(StorageProvider.class);
    for (StorageProvider p : ServiceLoader.load(StorageProvider.class)) {
      found.put(p.name(), p.priority());
    }
    assertEquals(Map.of("jdbc", 100), found);
  }

  @Test
  @DisplayName("with no storage chosen, discovery finds jdbc without a database and fails, saying what it found and how to choose (was a private in-memory H2)")
  void noStoreChosen() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> PartnerProgram.builder().build());
    assertTrue(e.getMessage().startsWith("no store chosen and no durable store available: storage discovery found [jdbc"
        + " (priority 100, "), e.getMessage());
    assertGuidance(e);
  }

  @Test
  @DisplayName("the JDBC provider without a URL, H2 path or DataSource fails with a ConfigurationException saying how to choose")
  void noDatabase() {
    for (StorageSettings settings : List.of(StorageSettings.provider(JdbcStorage.PROVIDER_NAME),
        StorageSettings.provider(JdbcStorage.PROVIDER_NAME).with(JdbcStorage.SCHEMA, "pp").with(JdbcStorage.POOL_SIZE, 2))) {
      ConfigurationException direct = assertThrows(ConfigurationException.class,
          () -> new JdbcStorageProvider().open(settings));
      assertTrue(direct.getMessage().startsWith("the JDBC store needs a database, and the storage settings name none"),
          direct.getMessage());
      assertGuidance(direct);
      ConfigurationException named = assertThrows(ConfigurationException.class,
          () -> PartnerProgram.builder().storage(settings).build());
      assertEquals(direct.getMessage(), named.getMessage());
    }
  }

  @Test
  @DisplayName("discovery refuses a volatile database it was not told to choose; naming the provider chooses it")
  void discoveryRefusesVolatile() {
    String url = "jdbc:h2:mem:refused-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> PartnerProgram.builder().storage(StorageSettings.empty().with(JdbcStorage.URL, url)).build());
    assertTrue(e.getMessage().contains("chose 'jdbc', whose store (jdbc:h2:mem:refused-"), e.getMessage());
    assertTrue(e.getMessage().contains("is volatile; discovery never chooses a volatile store"), e.getMessage());
    assertTrue(e.getMessage().contains("StorageSettings.provider(\"jdbc\")"), e.getMessage());
    assertGuidance(e);
    try (PartnerProgram program = PartnerProgram.builder()
        .storage(StorageSettings.provider(JdbcStorage.PROVIDER_NAME).with(JdbcStorage.URL, url)).build()) {
      assertFalse(program.store().durable());
      Partner acme = program.registry().add(new NewPartner("Acme", "ops@acme.example", Tier.GOLD));
      assertEquals(acme, program.registry().get(acme.id()));
    }
  }

  @Test
  @DisplayName("durable: an H2 file yes; H2 in memory no, by factory, URL, server URL or a host DataSource")
  void durableFlag() throws SQLException {
    try (Store file = new JdbcStorageProvider().open(JdbcStorage.h2File(dir.resolve("durable")))) {
      assertTrue(file.durable(), file.description());
    }
    try (Store named = new JdbcStorageProvider().open(JdbcStorage.h2InMemory("durable-" + UUID.randomUUID()))) {
      assertFalse(named.durable(), named.description());
    }
    try (Store url = new JdbcStorageProvider().open(H2Memory.fresh("durable"))) {
      assertFalse(url.durable(), url.description());
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:durable-host-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setMaximumPoolSize(2);
    try (HikariDataSource host = new HikariDataSource(config);
        Store store = new JdbcStorageProvider().open(JdbcStorage.dataSource(host))) {
      assertFalse(store.durable(), store.description());
    }
  }

  @Test
  @DisplayName("an explicitly chosen H2 in-memory database is used: an explicit choice may be volatile")
  void explicitVolatile() {
    try (PartnerProgram program = PartnerProgram.builder()
        .storage(JdbcStorage.h2InMemory("explicit-" + UUID.randomUUID())).build()) {
      assertFalse(program.store().durable());
      assertTrue(program.store().description().startsWith("jdbc:h2:mem:explicit-"), program.store().description());
      Partner acme = program.registry().add(new NewPartner("Acme", "ops@acme.example", Tier.GOLD));
      assertEquals(acme, program.registry().get(acme.id()));
    }
  }

  @Test
  @DisplayName("settings that name two databases contradict each other: ConfigurationException naming both (was a warning)")
  void twoDatabases() {
    StorageSettings file = JdbcStorage.h2File(dir.resolve("two"));
    ConfigurationException urlAndPath = assertThrows(ConfigurationException.class,
        () -> new JdbcStorageProvider().open(file.with(JdbcStorage.URL, "jdbc:h2:mem:two")));
    assertTrue(urlAndPath.getMessage().startsWith("storage settings 'jdbc.url' and 'jdbc.h2.path' contradict each other"),
        urlAndPath.getMessage());
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:two-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setMaximumPoolSize(2);
    try (HikariDataSource host = new HikariDataSource(config)) {
      for (var other : Map.of(JdbcStorage.URL, "jdbc:h2:mem:x", JdbcStorage.H2_PATH, "/tmp/x", JdbcStorage.POOL_SIZE, "4")
          .entrySet()) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
            () -> new JdbcStorageProvider().open(JdbcStorage.dataSource(host).with(other.getKey(), other.getValue())));
        assertTrue(e.getMessage().startsWith("storage settings 'jdbc.dataSource' and '" + other.getKey() + "' contradict"),
            e.getMessage());
      }
    }
  }

  @Test
  @DisplayName("null arguments of the settings factories are ValidationExceptions naming the argument (were NPE)")
  void nullArguments() {
    assertEquals(List.of("path"), assertThrows(ValidationException.class, () -> JdbcStorage.h2File(null)).fields());
    assertEquals(List.of("name"), assertThrows(ValidationException.class, () -> JdbcStorage.h2InMemory(null)).fields());
    assertEquals(List.of("jdbcUrl"), assertThrows(ValidationException.class, () -> JdbcStorage.url(null, "a", "b")).fields());
    assertEquals(List.of("dataSource"), assertThrows(ValidationException.class, () -> JdbcStorage.dataSource(null)).fields());
    assertEquals(List.of("store"), assertThrows(ValidationException.class, () -> JdbcStorage.retries(null)).fields());
    assertEquals(List.of("settings"), assertThrows(ValidationException.class, () -> new JdbcStorageProvider().open(null))
        .fields());
  }

  @Test
  @DisplayName("retries() reads the JDBC store through the program's store; a store that is not JDBC is refused")
  void retriesThroughTheProgram(@TempDir Path dir) {
    try (PartnerProgram program = PartnerProgram.builder().storage(JdbcStorage.h2File(dir.resolve("retries"))).build()) {
      program.registry().add(new NewPartner("Retry Cloud", "ops@retry.example", Tier.GOLD));
      assertEquals(0, JdbcStorage.retries(program.store()), "one writer: nothing re-run");
    }
    try (PartnerProgram program = PartnerProgram.builder().store(cloud.quazzar.partner.memory.MemoryStorage.create()).build()) {
      ValidationException e = assertThrows(ValidationException.class, () -> JdbcStorage.retries(program.store()));
      assertEquals(List.of("store"), e.fields());
    }
  }

  @Test
  @DisplayName("the start-up log line names the JDBC store and says durable or volatile")
  void startupLine() {
    Logger logger = (Logger) LoggerFactory.getLogger(PartnerProgram.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level before = logger.getLevel();
    logger.setLevel(Level.INFO);
    logger.addAppender(appender);
    Path file = dir.resolve("logged").resolve("partners");
    String memory = "logged-" + UUID.randomUUID();
    try {
      PartnerProgram.builder().storage(JdbcStorage.h2File(file)).build().close();
      PartnerProgram.builder().storage(JdbcStorage.h2InMemory(memory)).build().close();
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(before);
    }
    assertEquals(List.of(
        "INFO partner program storage: jdbc (jdbc:h2:file:" + file.toAbsolutePath()
            + ";LOCK_TIMEOUT=10000;TRACE_LEVEL_FILE=0, durable), named in the storage settings",
        "INFO partner program storage: jdbc (jdbc:h2:mem:" + memory
            + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000, volatile: data is lost when the process exits), named in the"
            + " storage settings"),
        appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList());
  }

  /** The message says how to choose: a database through JdbcStorage, or the memory store explicitly. */
  private static void assertGuidance(ConfigurationException e) {
    for (String choice : List.of("JdbcStorage.h2File(path)", "JdbcStorage.url(jdbcUrl, user, password)",
        "JdbcStorage.dataSource(dataSource)", "store(MemoryStorage.create())")) {
      assertTrue(e.getMessage().contains(choice), "missing " + choice + " in: " + e.getMessage());
    }
  }

  @Test
  @DisplayName("naming a missing provider fails and lists every provider found")
  void missingProvider() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> PartnerProgram.builder().storage(StorageSettings.provider("nope")).build());
    assertTrue(e.getMessage().contains("'nope' not found"), e.getMessage());
    assertTrue(e.getMessage().contains("found: [jdbc (priority 100"), e.getMessage());
    assertFalse(e.getMessage().contains("memory"), e.getMessage());
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
  @DisplayName("invalid settings are ConfigurationExceptions naming the setting (also Connector/J's transactionReplay, which would hide lost updates)")
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
    ConfigurationException replay = assertThrows(ConfigurationException.class, () -> provider.open(JdbcStorage.url(
        "jdbc:mariadb:sequential://n1:3306,n2:3306/panel?transactionReplay=true&password=hunter2", "panel", "hunter2")));
    assertTrue(replay.getMessage().contains("transactionReplay"), replay.getMessage());
    assertFalse(replay.getMessage().contains("hunter2"), replay.getMessage());
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
      assertEquals(1L, (long) program.store().read(tx -> tx.partners().count(Listings.all(1))));
      assertEquals(1, program.registry().tierHistory(acme.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
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
        assertEquals(i + 1L, (long) program.store().read(tx -> tx.partners().count(Listings.all(1))));
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
      assertEquals(shippedVersions().stream().map(v -> v + ":true").toList(), applied);
    }
    // migration off: the tables are there, so the store opens
    try (Store store = new JdbcStorageProvider().open(settings.with(JdbcStorage.MIGRATE, false))) {
      assertEquals(3L, (long) store.read(tx -> tx.partners().count(Listings.all(1))));
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
      List<String> expected = new ArrayList<>(List.of("0:BASELINE"));
      shippedVersions().forEach(v -> expected.add(v + ":SQL"));
      assertEquals(expected, history);
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

  /** The versions of the migration scripts shipped in the jar (V1__...sql and on), in order. */
  private static List<Integer> shippedVersions() {
    String dir = JdbcStorage.MIGRATION_LOCATION.substring("classpath:".length());
    try (var files = Files.list(Path.of(JdbcStorage.class.getResource("/" + dir).toURI()))) {
      List<Integer> versions = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
          .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted().toList();
      assertTrue(versions.size() >= 9, "the shipped scripts: " + versions);
      return versions;
    } catch (IOException | java.net.URISyntaxException e) {
      throw new IllegalStateException("cannot list the migration scripts in " + dir, e);
    }
  }
}
