package cloud.quazzar.partner.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.jdbc.PostgresTestDatabase;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.PartnerListing;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.StorageSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration scripts whose comments were reworded after earlier builds had applied them (decision
 * D12): a database migrated with the earlier text opens with the new scripts, and nothing but those
 * known checksums is forgiven. The earlier scripts are kept verbatim as test data in {@value #OLD}
 * (V1, V2 and V7 unchanged), named {@code .sql.txt} since they are no migrations of this build;
 * each test copies them to a folder of its own under their real names and migrates from there.
 */
@DisplayName("Migrations with reworded comments")
class RewordedMigrationsTest {
  /** The migration folder as an earlier build shipped it, each file with {@code .txt} appended. */
  static final String OLD = "cloud/quazzar/partner/jdbc/migration-before-rule-ids";

  static final List<String> FILES = List.of("V1__partners.sql", "V2__discounts.sql", "V3__certifications.sql",
      "V4__revenue.sql", "V5__reviews.sql", "V6__events.sql", "V7__text_rules.sql");

  @TempDir
  Path dir;

  private @Nullable Path oldScripts;

  @AfterAll
  static void dropLeftovers() {
    PostgresTestDatabase.ifReachable().ifPresent(PostgresTestDatabase::dropLeftoverSchemas);
  }

  /** The store's Flyway set-up, with the earlier scripts in place of the shipped ones. */
  private FluentConfiguration old(Dialect dialect, @Nullable String schema) throws IOException {
    if (oldScripts == null) {
      Path folder = Files.createDirectories(dir.resolve("migration-before-rule-ids"));
      for (String file : FILES) {
        try (InputStream in = resource(OLD + "/" + file + ".txt")) {
          Files.copy(in, folder.resolve(file));
        }
      }
      oldScripts = folder;
    }
    return Migrations.configure(dialect, schema).locations("filesystem:" + oldScripts.toAbsolutePath());
  }

  private static InputStream resource(String path) {
    InputStream in = RewordedMigrationsTest.class.getClassLoader().getResourceAsStream(path);
    assertTrue(in != null, "missing test resource " + path);
    return in;
  }

  /** Version -> checksum of every script in a location, as Flyway computes it, in the versions' order (10 after 9). */
  private static Map<String, Integer> checksums(FluentConfiguration config) {
    // by version as Flyway orders them (by text, V11 would come before V2)
    Map<String, Integer> out = new TreeMap<>(Comparator.comparing(MigrationVersion::fromVersion));
    for (MigrationInfo m : config.dataSource("jdbc:h2:mem:checksums", "sa", "").load().info().all()) {
      out.put(m.getVersion().getVersion(), m.getChecksum());
    }
    return out;
  }

  /** A script's statements: its text without comments, blank lines and line-end spaces. */
  private static String statements(String path) throws IOException {
    try (InputStream in = resource(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(l -> l.replaceAll("--.*$", "").stripTrailing())
          .filter(l -> !l.isEmpty())
          .collect(Collectors.joining("\n"));
    }
  }

  /** Version:checksum:success of every row of the history that has a version. */
  private static List<String> history(Connection c, @Nullable String schema) throws SQLException {
    String table = (schema == null ? "" : "\"" + schema + "\".") + "\"" + JdbcStorage.HISTORY_TABLE + "\"";
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"version\", \"checksum\", \"success\" FROM " + table
            + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1) + ":" + rs.getObject(2) + ":" + rs.getBoolean(3));
      }
      return rows;
    }
  }

  /** The history a database migrated with the current scripts has. */
  private static List<String> currentHistory() {
    return checksums(Migrations.configure(Dialect.H2, null)).entrySet().stream()
        .map(e -> e.getKey() + ":" + e.getValue() + ":true").toList();
  }

  @Test
  @DisplayName("the known earlier checksums are those of the kept scripts, which differ from the shipped ones in comments only")
  void knownChecksumsAreTheOldScripts() throws IOException {
    Map<String, Integer> before = checksums(old(Dialect.H2, null));
    Map<String, Integer> now = checksums(Migrations.configure(Dialect.H2, null));
    assertEquals(FILES.size(), before.size(), "the kept scripts");
    assertTrue(now.keySet().containsAll(before.keySet()), "the kept versions are still shipped, later ones added: " + now);
    for (String v : before.keySet()) {
      if (Migrations.REWORDED_CHECKSUMS.containsKey(v)) {
        assertEquals(Migrations.REWORDED_CHECKSUMS.get(v), before.get(v), "V" + v + ": the earlier checksum");
        assertNotEquals(before.get(v), now.get(v), "V" + v + " was reworded");
      } else {
        assertEquals(before.get(v), now.get(v), "V" + v + " is unchanged");
      }
    }
    String shipped = JdbcStorage.MIGRATION_LOCATION.substring("classpath:".length());
    for (String file : FILES) {
      assertEquals(statements(OLD + "/" + file + ".txt"), statements(shipped + "/" + file),
          file + ": the statements are the same, only comments differ");
    }
  }

  @Test
  @DisplayName("H2: a database migrated with the earlier scripts opens with the new ones, keeps its data, and records the new checksums")
  void h2OldThenNew() throws SQLException, IOException {
    Path path = dir.resolve("old");
    String url = "jdbc:h2:file:" + path.toAbsolutePath();
    assertEquals(7, old(Dialect.H2, null).dataSource(url, "sa", "").load().migrate().migrationsExecuted);
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      assertEquals(checksums(old(Dialect.H2, null)).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + ":true").toList(),
          history(c, null), "the earlier scripts' checksums are recorded");
    }
    StorageSettings settings = JdbcStorage.h2File(path);
    // data written while the schema is the earlier scripts', as the store of that build wrote it
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      s.execute("INSERT INTO partners (id, company_name, name_key, contact_email, tier, status, created_at, updated_at,"
          + " version) VALUES (RANDOM_UUID(), 'Old Co', 'old co', 'ops@old.example', 'GOLD', 'ACTIVE',"
          + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
    }
    Partner added;
    try (PartnerProgram program = PartnerProgram.builder().storage(settings).build()) {
      PartnerListing byTier = new PartnerListing(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
          PartnerSort.TIER, SortDirection.ASCENDING, Optional.empty(), 10);
      assertEquals(List.of("Old Co"), program.store().read(tx -> tx.partners().list(byTier)).stream()
          .map(PartnerRecord::companyName).toList(), "the data written under the earlier scripts is there, ranked");
      added = program.registry().add(new NewPartner("New Co", "ops@new.example", Tier.SILVER));
    }
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      assertEquals(currentHistory(), history(c, null), "the new checksums are recorded, nothing is applied again");
    }
    try (PartnerProgram program = PartnerProgram.builder().storage(settings).build()) {
      assertEquals(added, program.registry().get(added.id()), "reopened without any repair");
    }
    for (MigrationInfo m : Migrations.configure(Dialect.H2, null).dataSource(url, "sa", "").load().info().all()) {
      assertEquals(MigrationState.SUCCESS, m.getState(), "V" + m.getVersion());
      assertTrue(m.isChecksumMatching(), "V" + m.getVersion());
    }
  }

  @Test
  @DisplayName("H2: a database of an older build (V1 to V4, two of them reworded since) gets V5 on and the new checksums")
  void h2PartlyOld() throws SQLException, IOException {
    Path path = dir.resolve("partly");
    String url = "jdbc:h2:file:" + path.toAbsolutePath();
    assertEquals(4, old(Dialect.H2, null).dataSource(url, "sa", "").target("4").load().migrate().migrationsExecuted);
    try (PartnerProgram program = PartnerProgram.builder().storage(JdbcStorage.h2File(path)).build()) {
      program.registry().add(new NewPartner("Acme", "ops@acme.example", Tier.GOLD));
    }
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      assertEquals(currentHistory(), history(c, null));
    }
  }

  @Test
  @DisplayName("H2: any other checksum difference still fails, and nothing is realigned, not even the known ones")
  void h2OtherDifferenceFails() throws SQLException, IOException {
    Path path = dir.resolve("tampered");
    String url = "jdbc:h2:file:" + path.toAbsolutePath();
    old(Dialect.H2, null).dataSource(url, "sa", "").load().migrate();
    List<String> before;
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      // V3 with a checksum no build ever shipped: its text was changed by someone else
      s.execute("UPDATE \"" + JdbcStorage.HISTORY_TABLE + "\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '3'");
      before = history(c, null);
    }
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> new JdbcStorageProvider().open(JdbcStorage.h2File(path)));
    assertTrue(e.getMessage().contains("checksum mismatch") && e.getMessage().contains("3"), e.getMessage());
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      assertEquals(before, history(c, null), "the history is untouched");
    }
  }

  @Test
  @DisplayName("PostgreSQL: a schema migrated with the earlier scripts opens with the new ones and records the new checksums")
  void postgresOldThenNew() throws SQLException, IOException {
    PostgresTestDatabase db = PostgresTestDatabase.require();
    String schema = db.newSchemaName();
    try {
      assertEquals(7, old(Dialect.POSTGRESQL, schema).dataSource(db.url(), db.user(), null).load().migrate()
          .migrationsExecuted);
      StorageSettings settings = db.settings().with(JdbcStorage.SCHEMA, schema);
      Partner added;
      try (PartnerProgram program = PartnerProgram.builder().storage(settings).build()) {
        added = program.registry().add(new NewPartner("Acme", "ops@acme.example", Tier.GOLD));
      }
      try (Connection c = db.connect()) {
        assertEquals(currentHistory(), history(c, schema));
      }
      try (PartnerProgram program = PartnerProgram.builder().storage(settings).build()) {
        assertEquals(added, program.registry().get(added.id()));
      }
    } finally {
      db.dropSchema(schema);
    }
  }

  @Test
  @DisplayName("PostgreSQL: any other checksum difference still fails and leaves the history as it was")
  void postgresOtherDifferenceFails() throws SQLException, IOException {
    PostgresTestDatabase db = PostgresTestDatabase.require();
    String schema = db.newSchemaName();
    try {
      old(Dialect.POSTGRESQL, schema).dataSource(db.url(), db.user(), null).load().migrate();
      List<String> before;
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute("UPDATE \"" + schema + "\".\"" + JdbcStorage.HISTORY_TABLE
            + "\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '6'");
        before = history(c, schema);
      }
      ConfigurationException e = assertThrows(ConfigurationException.class,
          () -> new JdbcStorageProvider().open(db.settings().with(JdbcStorage.SCHEMA, schema)));
      assertTrue(e.getMessage().contains("checksum mismatch") && e.getMessage().contains("6"), e.getMessage());
      try (Connection c = db.connect()) {
        assertEquals(before, history(c, schema));
      }
    } finally {
      db.dropSchema(schema);
    }
  }

  @Test
  @DisplayName("rewordedOnly: empty for a fresh database, where there is nothing to realign")
  void nothingToRealign() {
    Flyway flyway = Migrations.configure(Dialect.H2, null).dataSource("jdbc:h2:mem:fresh", "sa", "").load();
    assertEquals(List.of(), Migrations.rewordedOnly(flyway.info().all()));
  }
}
