package cloud.quazzar.partner.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.TestClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code V10__certification_lists.sql} on a database that already holds certifications (migrated
 * to V9, rows written as the store of that version wrote them, without name keys): V10 marks their
 * keys missing ({@code certification_key_rule} 0), the store computes them when it opens (once,
 * also when two nodes open the database at once), and a partner's certifications then page by
 * expiry date, name key and id (docs/rules.md LIST-4, TEXT-2, TEXT-3). A database migrated without
 * certifications starts at the current rule.
 */
@DisplayName("Migration V10: certification lists")
class CertificationListsMigrationTest {
  private static final UUID PARTNER = new UUID(0x7A, 1);
  /** Names of the certifications written before V10, all expiring on one day: the key orders them. */
  private static final List<String> OLD = List.of("Zeta", "\u00A0alpha", "ALPHA\u200B", "Ｂeta", "\uD841\uDF0E", "\uE000");

  @TempDir
  Path dir;

  @AfterAll
  static void dropLeftovers() {
    OldDatabase.dropLeftovers();
  }

  private static void writeOldRows(Statement s) throws SQLException {
    s.execute("INSERT INTO partners (id, company_name, name_key, contact_email, tier, tier_rank, status, created_at,"
        + " updated_at, version) VALUES ('" + PARTNER + "', 'Old', 'old', 'o@x.example', 'GOLD', 2, 'ACTIVE',"
        + " TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 1)");
    for (int i = 0; i < OLD.size(); i++) {
      s.execute("INSERT INTO partner_certifications (id, partner_id, name, skill_area, cert_level, issue_date,"
          + " expiry_date, record_state, reported_status, created_at, updated_at, version) VALUES ('"
          + new UUID(0x7C, i) + "', '" + PARTNER + "', '" + OLD.get(i) + "', 'FLEET_MANAGEMENT', 'BASIC',"
          + " DATE '2025-01-01', DATE '2027-01-01', 'CURRENT', 'ACTIVE', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00',"
          + " TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 1)");
    }
  }

  private static long certificationRule(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT certification_key_rule FROM text_rules")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** What every database must show once a store opened it: every key, and the pages in their order. */
  private static void checkKeyed(Statement s, StorageSettings settings) throws SQLException {
    assertEquals(1, certificationRule(s));
    Map<String, String> keys = new HashMap<>();
    try (ResultSet rs = s.executeQuery("SELECT name, name_key FROM partner_certifications")) {
      while (rs.next()) {
        keys.put(rs.getString(1), rs.getString(2));
      }
    }
    Map<String, String> expected = new HashMap<>();
    OLD.forEach(n -> expected.put(n, Names.key(n)));
    assertEquals(expected, keys);
    try (PartnerProgram program = PartnerProgram.builder().clock(TestClock.at(Instant.parse("2026-01-15T10:00:00Z")))
        .storage(settings).build()) {
      List<String> names = new ArrayList<>();
      PageRequest request = PageRequest.first(2);
      while (true) {
        Page<TrackedCertification> page = program.certifications().certifications(new PartnerId(PARTNER), request);
        page.items().stream().map(TrackedCertification::certification).forEach(c -> names.add(c.name()));
        if (page.nextPageToken().isEmpty()) {
          break;
        }
        request = request.withPageToken(page.nextPageToken().get());
      }
      // keys: "alpha" twice (by id), "beta", "zeta", U+E000, then U+FFFF U+2070E (TEXT-2, TEXT-3)
      assertEquals(List.of("\u00A0alpha", "ALPHA\u200B", "Ｂeta", "Zeta", "\uE000", "\uD841\uDF0E"), names);
    }
  }

  @Test
  @DisplayName("H2: certifications written before V10 get their name keys when a store opens, and page in order")
  void h2() throws SQLException {
    OldDatabase.h2(dir.resolve("v9"), 9, CertificationListsMigrationTest::writeOldRows,
        CertificationListsMigrationTest::checkKeyed);
  }

  @Test
  @DisplayName("H2: a database without certifications at V10 starts at the current rule")
  @SuppressWarnings("try")
  void h2Empty() throws SQLException {
    Path path = dir.resolve("empty");
    try (Store opened = new JdbcStorageProvider().open(JdbcStorage.h2File(path));
        Connection c = DriverManager.getConnection("jdbc:h2:file:" + path.toAbsolutePath(), "sa", "");
        Statement s = c.createStatement()) {
      assertEquals(1, certificationRule(s));
    }
  }

  @Test
  @DisplayName("PostgreSQL: two nodes opening a database with certifications written before V10 key them once")
  void postgres() throws Exception {
    OldDatabase.postgres(9, CertificationListsMigrationTest::writeOldRows, (s, settings, schema) -> {
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
      checkKeyed(s, settings);
    });
  }
}
