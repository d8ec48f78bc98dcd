package cloud.quazzar.partner.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/rules.md TEXT-2 on a database written before V7: its name keys follow the old rule (lower
 * case, ASCII white space), so the store brings them to the current rule when it opens, once, and
 * then uniqueness and order hold for the old rows too. Old rows are written here with plain SQL, as
 * the previous version stored them.
 */
@DisplayName("Name keys of an older database")
class TextKeysTest {
  private static final OffsetDateTime T0 = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  @TempDir
  Path dir;

  /** The key an earlier version stored: the name stripped, inner ASCII white space made one space, lower case. */
  private static String oldKey(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }

  /** Partners with their names as an earlier version stored them (cleaned by its rule). */
  private static final List<String> OLD_PARTNERS = List.of(
      "Acme", "\u00A0Acme", "\uD841\uDF0E Cloud", "\uFA0E Cloud", "Straße", "Ｆｕｌｌ Width", "Zeta");

  private static void writeOldRows(Connection c) throws SQLException {
    UUID first = null;
    // tier_rank: V8's column (2 for GOLD), which the store of this version writes with the tier
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO partners (id, company_name, name_key, contact_email,"
        + " tier, tier_rank, status, created_at, updated_at, version)"
        + " VALUES (?, ?, ?, 'old@x.example', 'GOLD', 2, 'ACTIVE', ?, ?, 1)")) {
      for (int i = 0; i < OLD_PARTNERS.size(); i++) {
        UUID id = new UUID(0x7E, i);
        first = first == null ? id : first;
        ps.setObject(1, id);
        ps.setString(2, OLD_PARTNERS.get(i));
        ps.setString(3, oldKey(OLD_PARTNERS.get(i)));
        ps.setObject(4, T0.plusDays(i));
        ps.setObject(5, T0.plusDays(i));
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO partner_clients (id, partner_id, name, name_key,"
        + " server_count, created_at, updated_at, version) VALUES (?, ?, ?, ?, 1, ?, ?, 1)")) {
      List<String> clients = List.of("Shop", "\uFEFFShop", "\uD841\uDF0E", "\uE000");
      for (int i = 0; i < clients.size(); i++) {
        ps.setObject(1, new UUID(0x7C, i));
        ps.setObject(2, first);
        ps.setString(3, clients.get(i));
        ps.setString(4, oldKey(clients.get(i)));
        ps.setObject(5, T0.plusDays(i));
        ps.setObject(6, T0.plusDays(i));
        ps.executeUpdate();
      }
    }
    try (Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE text_rules SET key_rule = 0");
    }
  }

  private static Map<String, String> keys(Connection c, String table, String nameColumn) throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + nameColumn + ", name_key FROM " + table)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  private static long rule(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT key_rule FROM text_rules")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** What every database must show after reopening: new keys, the colliding row's old key kept, order and uniqueness. */
  private static void checkRekeyed(Connection c, StorageSettings settings) throws SQLException {
    assertEquals(1, rule(c));
    Map<String, String> partners = keys(c, "partners", "company_name");
    Map<String, String> expected = new HashMap<>();
    for (String name : OLD_PARTNERS) {
      expected.put(name, Names.key(name));
    }
    expected.put("\u00A0Acme", oldKey("\u00A0Acme")); // collides with the older "Acme": keeps its old key
    assertEquals(expected, partners);
    Map<String, String> clients = keys(c, "partner_clients", "name");
    assertEquals(Map.of("Shop", "shop", "\uFEFFShop", oldKey("\uFEFFShop"), "\uD841\uDF0E", Names.key("\uD841\uDF0E"),
        "\uE000", "\uE000"), clients);
    try (PartnerProgram program = PartnerProgram.builder().storage(settings).build()) {
      List<String> listed = new ArrayList<>();
      program.store().read(tx -> tx.partners().list(Listings.all(100))).forEach(p -> listed.add(p.companyName()));
      // the keys: acme, full width, strasse, zeta, then the kept old key (U+00A0 acme), then beyond ASCII
      assertEquals(List.of("Acme", "Ｆｕｌｌ Width", "Straße", "Zeta", "\u00A0Acme", "\uFA0E Cloud", "\uD841\uDF0E Cloud"),
          listed, "by the code points of the keys");
      assertEquals(ConflictException.Reason.DUPLICATE, assertThrows(ConflictException.class,
          () -> program.registry().add(new NewPartner("STRASSE", "s@x.example", Tier.GOLD))).reason());
      assertThrows(ConflictException.class, () -> program.registry().add(new NewPartner("full width", "f@x.example", Tier.GOLD)));
      assertThrows(ConflictException.class, () -> program.registry().add(new NewPartner("\uD841\uDF0E cloud", "c@x.example", Tier.GOLD)));
      PartnerId first = new PartnerId(new UUID(0x7E, 0));
      assertEquals(List.of("Shop", "\uE000", "\uFEFFShop", "\uD841\uDF0E"),
          program.registry().clients(first, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(Client::name).toList());
      // renaming the partner that kept its old key gives it a key of the current rule
      Partner kept = program.registry().get(new PartnerId(new UUID(0x7E, 1)));
      assertThrows(ConflictException.class, () -> program.registry().updateContact(kept.id(), kept.version(),
          new cloud.quazzar.partner.registry.ContactUpdate("ACME", "a@x.example")));
      program.registry().updateContact(kept.id(), kept.version(),
          new cloud.quazzar.partner.registry.ContactUpdate("Acme Two", "a@x.example"));
    }
    assertEquals("acme two", keys(c, "partners", "company_name").get("Acme Two"));
  }

  @Test
  @DisplayName("on H2, reopening brings old keys to the current rule once; a colliding name keeps its old key")
  @SuppressWarnings("try")
  void h2() throws SQLException {
    Path path = dir.resolve("old");
    StorageSettings settings = JdbcStorage.h2File(path);
    try (Store created = new JdbcStorageProvider().open(settings);
        Connection c = DriverManager.getConnection("jdbc:h2:file:" + path.toAbsolutePath(), "sa", "")) {
      assertEquals(1, rule(c), "a database migrated empty starts at the current rule");
      writeOldRows(c);
    }
    try (Store reopened = new JdbcStorageProvider().open(settings);
        Connection c = DriverManager.getConnection("jdbc:h2:file:" + path.toAbsolutePath(), "sa", "")) {
      checkRekeyed(c, settings);
    }
  }

  @Test
  @DisplayName("on PostgreSQL, two nodes opening an old database at once re-key it once")
  @SuppressWarnings("try")
  void postgres() throws Exception {
    PostgresTestDatabase db = PostgresTestDatabase.require();
    String schema = db.newSchemaName();
    StorageSettings settings = db.settings().with(JdbcStorage.SCHEMA, schema);
    try {
      try (Store created = new JdbcStorageProvider().open(settings); Connection c = db.connect()) {
        c.createStatement().execute("SET search_path TO \"" + schema + "\"");
        assertEquals(1, rule(c));
        writeOldRows(c);
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Store>> opened = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          opened.add(pool.submit(() -> new JdbcStorageProvider().open(settings)));
        }
        for (Future<Store> f : opened) {
          f.get().close();
        }
      } finally {
        pool.shutdownNow();
      }
      try (Connection c = db.connect()) {
        c.createStatement().execute("SET search_path TO \"" + schema + "\"");
        checkRekeyed(c, settings);
      }
    } finally {
      db.dropSchema(schema);
    }
  }
}
