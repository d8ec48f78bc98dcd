package cloud.quazzar.partner.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider;
import cloud.quazzar.partner.spi.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rule CERT-7: the warning board's query ({@code expiringWithin}) and the sweep's read an index by
 * expiry date instead of every row: the board's index on (record_state, expiry_date, partner_id,
 * id) since V10, which replaced V3's on (record_state, expiry_date). The statements mirror {@code
 * JdbcCertifications}; each database's plan for them, on a table of 20,000 certifications whose
 * reported statuses are those of 2026-01-15, must name an index (for the sweep the planner may
 * pick either of the two). The pages of LIST-4 are checked by {@code CertificationPageIndexTest}.
 */
@DisplayName("Certification indexes")
class CertificationIndexTest {
  private static final int ROWS = 20_000;
  private static final String BOARD = "SELECT * FROM partner_certifications WHERE record_state = 'CURRENT'"
      + " AND expiry_date >= DATE '2026-01-15' AND expiry_date <= DATE '2026-02-14'";
  /** The partner row's columns (tier_rank: 2 for GOLD, see V8). */
  private static final String PARTNER_COLUMNS = "id, company_name, name_key, contact_email, tier, status, created_at,"
      + " updated_at, version, tier_rank";
  private static final String SWEEP = "SELECT * FROM partner_certifications WHERE record_state = 'CURRENT'"
      + " AND reported_status IN ('ACTIVE', 'EXPIRING_SOON', 'CRITICAL') AND expiry_date <= DATE '2026-01-14'";

  private static String plan(Connection c, String sql) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
      while (rs.next()) {
        out.append(rs.getString(1)).append('\n');
      }
    }
    return out.toString();
  }

  private static void assertUses(String plan, String... indexes) {
    String p = plan.toLowerCase(java.util.Locale.ROOT);
    assertTrue(java.util.Arrays.stream(indexes).anyMatch(p::contains),
        "expected one of " + String.join(", ", indexes) + " in:\n" + plan);
  }

  /** The status on 2026-01-15 of a certification expiring {@code d} days later, in SQL. */
  private static String reported(String d) {
    return "CASE WHEN " + d + " < 0 THEN 'EXPIRED' WHEN " + d + " < 30 THEN 'CRITICAL' WHEN " + d
        + " <= 90 THEN 'EXPIRING_SOON' ELSE 'ACTIVE' END";
  }

  @Test
  @DisplayName("on H2, the warning board and the sweep read the expiry indexes")
  @SuppressWarnings("try") // the store is opened for its migrations and closed at the end
  void h2() throws SQLException {
    String name = "certidx" + UUID.randomUUID().toString().replace("-", "");
    try (Store store = new JdbcStorageProvider().open(JdbcStorage.h2InMemory(name));
        Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO partners (" + PARTNER_COLUMNS + ") VALUES (RANDOM_UUID(), 'P', 'p', 'p@x.example', 'GOLD',"
          + " 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, 2)");
      s.execute("INSERT INTO partner_certifications (id, partner_id, name, skill_area, cert_level, issue_date,"
          + " expiry_date, record_state, reported_status, created_at, updated_at, version)"
          + " SELECT RANDOM_UUID(), (SELECT id FROM partners), 'c', 'FLEET_MANAGEMENT', 'BASIC', DATE '2020-01-01',"
          + " DATEADD(DAY, MOD(X * 7919, 2500) - 700, DATE '2026-01-15'), 'CURRENT', "
          + reported("(MOD(X * 7919, 2500) - 700)") + ", CURRENT_TIMESTAMP,"
          + " CURRENT_TIMESTAMP, 1 FROM SYSTEM_RANGE(1, " + ROWS + ")");
      s.execute("ANALYZE");
      assertUses(plan(c, BOARD), "partner_certifications_board_ix");
      assertUses(plan(c, SWEEP), "partner_certifications_reported_ix", "partner_certifications_board_ix");
    }
  }

  @Test
  @DisplayName("on PostgreSQL, the warning board and the sweep read the expiry indexes")
  @SuppressWarnings("try")
  void postgres() throws SQLException {
    PostgresTestDatabase db = PostgresTestDatabase.require();
    String schema = db.newSchemaName();
    try (Store store = new JdbcStorageProvider().open(db.settings().with(JdbcStorage.SCHEMA, schema));
        Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO \"" + schema + "\"");
      s.execute("INSERT INTO partners (" + PARTNER_COLUMNS + ") VALUES ('" + UUID.randomUUID() + "', 'P', 'p',"
          + " 'p@x.example', 'GOLD', 'ACTIVE', now(), now(), 1, 2)");
      s.execute("INSERT INTO partner_certifications (id, partner_id, name, skill_area, cert_level, issue_date,"
          + " expiry_date, record_state, reported_status, created_at, updated_at, version)"
          + " SELECT md5(g::text)::uuid, (SELECT id FROM partners), 'c', 'FLEET_MANAGEMENT', 'BASIC', DATE '2020-01-01',"
          + " DATE '2026-01-15' + ((g * 7919) % 2500 - 700), 'CURRENT', " + reported("((g * 7919) % 2500 - 700)")
          + ", now(), now(), 1"
          + " FROM generate_series(1, " + ROWS + ") g");
      s.execute("ANALYZE partner_certifications");
      assertUses(plan(c, BOARD), "partner_certifications_board_ix");
      assertUses(plan(c, SWEEP), "partner_certifications_reported_ix", "partner_certifications_board_ix");
    } finally {
      db.dropSchema(schema);
    }
  }
}
