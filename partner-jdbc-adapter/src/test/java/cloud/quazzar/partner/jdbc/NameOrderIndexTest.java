package cloud.quazzar.partner.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider;
import cloud.quazzar.partner.spi.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md TEXT-3 on H2: partners are listed by name key in code point order with H2's plain
 * string comparison (name keys sort alike by UTF-16 units), so the listing still reads the name-key
 * index in order instead of sorting every partner; a partner's clients are still found by index,
 * and a page of them after a position (LIST-1) reads the (partner, name key) index in order, on H2
 * and on PostgreSQL (where V9 gave the client name key the binary collation).
 * The statements mirror {@code JdbcPartners}; the table holds 20,000 partners.
 */
@DisplayName("Name order indexes")
class NameOrderIndexTest {
  private static final String PARTNERS = "SELECT id, company_name FROM partners ORDER BY name_key"
      + " FETCH FIRST 51 ROWS ONLY";
  private static final String CLIENTS = "SELECT id, name FROM partner_clients WHERE partner_id = (SELECT MIN(id) FROM"
      + " partners) ORDER BY name_key, id";

  private static String plan(Connection c, String sql) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
      while (rs.next()) {
        out.append(rs.getString(1)).append('\n');
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  @Test
  @DisplayName("on H2, the partner listing reads the name-key index in order, and clients are found by index")
  @SuppressWarnings("try") // the store is opened for its migrations and closed at the end
  void h2() throws SQLException {
    String name = "nameidx" + UUID.randomUUID().toString().replace("-", "");
    try (Store store = new JdbcStorageProvider().open(JdbcStorage.h2InMemory(name));
        Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO partners (id, company_name, name_key, contact_email, tier, tier_rank, status, created_at,"
          + " updated_at, version) SELECT RANDOM_UUID(), 'P' || X, 'p' || X, 'p@x.example', 'GOLD', 2, 'ACTIVE',"
          + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1 FROM SYSTEM_RANGE(1, 20000)");
      s.execute("INSERT INTO partner_clients (id, partner_id, name, name_key, server_count, created_at, updated_at,"
          + " version) SELECT RANDOM_UUID(), (SELECT MIN(id) FROM partners), 'C' || X, 'c' || X, 1, CURRENT_TIMESTAMP,"
          + " CURRENT_TIMESTAMP, 1 FROM SYSTEM_RANGE(1, 2000)");
      s.execute("ANALYZE");
      String partners = plan(c, PARTNERS);
      assertTrue(partners.contains("partners_name_key_ux") && partners.contains("index sorted"), partners);
      String first;
      try (ResultSet rs = s.executeQuery("SELECT MIN(id) FROM partners")) {
        rs.next();
        first = rs.getString(1);
      }
      String clients = plan(c, CLIENTS.replace("(SELECT MIN(id) FROM partners)", "'" + first + "'"));
      // one partner's clients are found by an index on partner_id (H2 picks the foreign key's) and then
      // sorted, as before keys sorted alike by UTF-16 units: a partner has few clients
      assertTrue(clients.contains("/* public.partner_clients_partner_") && clients.contains(": partner_id ="), clients);
      // a page of clients after a position (LIST-1), as JdbcPartners asks for it: the (partner_id,
      // name_key) index seeks to it and gives the order (H2 sees that only with partner_id in the
      // ORDER BY), so nothing before the position is read and nothing is sorted
      String page = plan(c, "SELECT id, name FROM partner_clients WHERE partner_id = '" + first + "' AND name_key > 'c500'"
          + " ORDER BY partner_id, name_key FETCH FIRST 51 ROWS ONLY");
      assertTrue(page.contains("partner_clients_partner_name_ux") && page.contains("index sorted"), page);
    }
  }
  @Test
  @DisplayName("on PostgreSQL, a page of a partner's clients after a position seeks through the (partner, name key) index")
  @SuppressWarnings("try") // the store is opened for its migrations and closed at the end
  void postgresClientPage() throws SQLException {
    PostgresTestDatabase db = PostgresTestDatabase.require();
    String schema = db.newSchemaName();
    try (Store store = new JdbcStorageProvider().open(db.settings().with(JdbcStorage.SCHEMA, schema));
        Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO \"" + schema + "\"");
      s.execute("INSERT INTO partners (id, company_name, name_key, contact_email, tier, tier_rank, status, created_at,"
          + " updated_at, version) SELECT md5(g::text)::uuid, 'P' || g, 'p' || g, 'p@x.example', 'GOLD', 2, 'ACTIVE',"
          + " now(), now(), 1 FROM generate_series(1, 20) g");
      s.execute("INSERT INTO partner_clients (id, partner_id, name, name_key, server_count, created_at, updated_at,"
          + " version) SELECT md5('c' || g)::uuid, md5(((g % 20) + 1)::text)::uuid, 'C' || g, 'c' || g, 1, now(), now(), 1"
          + " FROM generate_series(1, 20000) g");
      s.execute("ANALYZE partner_clients");
      // the statement JdbcPartners sends for a page after a position (V9: name_key in the binary collation)
      String plan = plan(c, "SELECT id, name FROM partner_clients WHERE partner_id = md5('1')::uuid AND name_key COLLATE"
          + " \"C\" > 'c500' ORDER BY partner_id, name_key COLLATE \"C\" FETCH FIRST 51 ROWS ONLY");
      assertTrue(plan.contains("index scan using partner_clients_partner_name_ux") && !plan.contains("sort"), plan);
    } finally {
      db.dropSchema(schema);
    }
  }
}
