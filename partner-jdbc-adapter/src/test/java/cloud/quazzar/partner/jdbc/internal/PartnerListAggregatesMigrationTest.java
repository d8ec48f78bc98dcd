package cloud.quazzar.partner.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.spi.ClientTotals;
import cloud.quazzar.partner.spi.PartnerListing;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code V11__partner_list_aggregates.sql} on a database that already holds partners and clients
 * (migrated to V9, rows written as the store of that version wrote them): every partner's running
 * totals are backfilled from its clients (decision L2), the check refuses a negative total, the lists
 * sort by the totals, and the store keeps them from then on; the narrower indexes it replaces are
 * gone.
 */
@DisplayName("Migration V11: partner list aggregates")
class PartnerListAggregatesMigrationTest {
  /** Partner name, then its clients' server counts. */
  private static final Map<String, List<Integer>> OLD = new TreeMap<>(Map.of(
      "Alpha", List.of(), "Beta", List.of(5), "Gamma", List.of(3, 0, 4), "Delta", List.of(0), "Echo", List.of(2, 2)));

  private static final Map<String, ClientTotals> EXPECTED = Map.of("Alpha", ClientTotals.NONE,
      "Beta", new ClientTotals(5, 1), "Gamma", new ClientTotals(7, 3), "Delta", new ClientTotals(0, 1),
      "Echo", new ClientTotals(4, 2));

  @TempDir
  Path dir;

  @AfterAll
  static void dropLeftovers() {
    OldDatabase.dropLeftovers();
  }

  private static void writeOldRows(Statement s) throws SQLException {
    int i = 0;
    for (Map.Entry<String, List<Integer>> partner : OLD.entrySet()) {
      String id = new UUID(0, ++i).toString();
      s.execute("INSERT INTO partners (id, company_name, name_key, contact_email, tier, tier_rank, status, created_at,"
          + " updated_at, version) VALUES ('" + id + "', '" + partner.getKey() + "', '" + partner.getKey().toLowerCase(Locale.ROOT)
          + "', 'ops@x.example', 'GOLD', 2, 'ACTIVE', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00',"
          + " TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 1)");
      int k = 0;
      for (int servers : partner.getValue()) {
        s.execute("INSERT INTO partner_clients (id, partner_id, name, name_key, server_count, created_at, updated_at,"
            + " version) VALUES ('" + new UUID(i, ++k) + "', '" + id + "', 'c" + k + "', 'c" + k + "', " + servers
            + ", TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00',"
            + " 1)");
      }
    }
  }

  /** What V11 must leave on either database; {@code indexes} lists the index names of the schema. */
  private static void checkMigrated(Statement s, StorageSettings settings, List<String> indexes) throws SQLException {
    Map<String, ClientTotals> totals = new TreeMap<>();
    try (ResultSet rs = s.executeQuery("SELECT company_name, server_total, client_total FROM partners")) {
      while (rs.next()) {
        totals.put(rs.getString(1), new ClientTotals(rs.getLong(2), rs.getLong(3)));
      }
    }
    assertEquals(new TreeMap<>(EXPECTED), totals, "every partner's totals are its clients' sums");
    SQLException negative = assertThrows(SQLException.class,
        () -> s.executeUpdate("UPDATE partners SET server_total = -1 WHERE company_name = 'Beta'"));
    assertTrue(negative.getSQLState().startsWith("23"), negative.getSQLState() + " " + negative.getMessage());
    assertTrue(indexes.containsAll(List.of("partners_servers_name_ix", "partners_clients_name_ix",
        "partner_certifications_current_ix", "revenue_entries_month_mrr_ix")), indexes.toString());
    assertTrue(!indexes.contains("revenue_entries_month_ix"),
        "the index the new one replaces is gone: " + indexes);
    try (Store store = new JdbcStorageProvider().open(settings)) {
      assertEquals(List.of("Alpha", "Delta", "Echo", "Beta", "Gamma"), names(store, PartnerSort.SERVER_COUNT),
          "by server count (0, 0, 4, 5, 7), then name key");
      assertEquals(List.of("Alpha", "Beta", "Delta", "Echo", "Gamma"), names(store, PartnerSort.CLIENT_COUNT));
      PartnerId beta = new PartnerId(new UUID(0, 2));
      Instant now = Instant.parse("2026-01-01T00:00:00Z");
      store.write(tx -> {
        tx.partners().insertClient(new Client(new ClientId(UUID.randomUUID()), beta, "new", 10, now, now, 1));
        return null;
      });
      assertEquals(new ClientTotals(15, 2), store.read(tx -> tx.partners().clientTotals(beta)),
          "the store adds to the backfilled totals");
    }
  }

  private static List<String> names(Store store, PartnerSort sort) {
    PartnerListing listing = new PartnerListing(Set.of(), Set.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), sort, SortDirection.ASCENDING, Optional.empty(), 10);
    return store.read(tx -> tx.partners().list(listing)).stream().map(PartnerRecord::companyName).toList();
  }

  private static List<String> indexes(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1).toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  @Test
  @DisplayName("H2: partners with clients before V11 get their totals, and the lists sort by them")
  void h2() throws SQLException {
    OldDatabase.h2(dir.resolve("v9"), 9, PartnerListAggregatesMigrationTest::writeOldRows, (s, settings) ->
        checkMigrated(s, settings, indexes(s, "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
            + " WHERE TABLE_SCHEMA = 'PUBLIC'")));
  }

  @Test
  @DisplayName("PostgreSQL: partners with clients before V11 get their totals, and the lists sort by them")
  @SuppressWarnings("try") // the store is opened for its migrations and closed at the end
  void postgres() throws Exception {
    OldDatabase.postgres(9, PartnerListAggregatesMigrationTest::writeOldRows, (s, settings, schema) -> {
      try (Store opened = new JdbcStorageProvider().open(settings)) {
        checkMigrated(s, settings, indexes(s, "SELECT indexname FROM pg_indexes WHERE schemaname = '" + schema + "'"));
      }
    });
  }
}
