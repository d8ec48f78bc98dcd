package cloud.quazzar.partner.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.SortDirection;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code V8__partner_lists.sql} on a database that already holds partners (migrated to V7, rows
 * written as the store of that version wrote them): every row gets its tier's rank, the check keeps
 * rank and tier together from then on, and the lists page in order; on PostgreSQL the name key's
 * column, and so its unique index, takes the collation "C" whatever it had (a linguistic one here,
 * as a database created with en_US would give it), and still refuses a duplicate key.
 */
@DisplayName("Migration V8: partner lists")
class PartnerListsMigrationTest {
  /** Name, key, tier of the partners written before V8. */
  private static final List<List<String>> OLD = List.of(
      List.of("Beta", "beta", "PLATINUM"), List.of("acme", "acme", "SILVER"), List.of("_Under", "_under", "GOLD"),
      List.of("Zed", "zed", "GOLD"), List.of("a-b", "a-b", "SILVER"), List.of("ab", "ab", "PLATINUM"));

  @TempDir
  Path dir;

  @AfterAll
  static void dropLeftovers() {
    OldDatabase.dropLeftovers();
  }

  private static void writeOldRows(Statement s) throws SQLException {
    int i = 0;
    for (List<String> row : OLD) {
      s.execute("INSERT INTO partners (id, company_name, name_key, contact_email, tier, status, created_at, updated_at,"
          + " version) VALUES ('00000000-0000-0000-0000-00000000000" + i + "', '" + row.get(0) + "', '" + row.get(1)
          + "', 'ops@x.example', '" + row.get(2) + "', 'ACTIVE', TIMESTAMP WITH TIME ZONE '2025-01-0" + (i + 1)
          + " 00:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 1)");
      i++;
    }
  }

  private static Map<String, Integer> ranks(Statement s) throws SQLException {
    Map<String, Integer> out = new TreeMap<>();
    try (ResultSet rs = s.executeQuery("SELECT company_name, tier_rank FROM partners")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
    }
    return out;
  }

  private static final Map<String, Integer> EXPECTED_RANKS =
      Map.of("Beta", 3, "acme", 1, "_Under", 2, "Zed", 2, "a-b", 1, "ab", 3);

  /** What V8 must leave on either database. */
  private static void checkMigrated(Statement s, StorageSettings settings) throws SQLException {
    assertEquals(new TreeMap<>(EXPECTED_RANKS), ranks(s), "every stored row got its tier's rank");
    SQLException wrongRank = assertThrows(SQLException.class,
        () -> s.executeUpdate("UPDATE partners SET tier_rank = 3 WHERE company_name = 'Zed'"));
    assertTrue(wrongRank.getSQLState().startsWith("23"), wrongRank.getSQLState() + " " + wrongRank.getMessage());
    SQLException noRank = assertThrows(SQLException.class,
        () -> s.executeUpdate("INSERT INTO partners (id, company_name, name_key, contact_email, tier, status, created_at,"
            + " updated_at, version) VALUES ('00000000-0000-0000-0000-0000000000ff', 'New', 'new', 'n@x.example', 'GOLD',"
            + " 'ACTIVE', TIMESTAMP WITH TIME ZONE '2025-02-01 00:00:00+00',"
            + " TIMESTAMP WITH TIME ZONE '2025-02-01 00:00:00+00', 1)"));
    assertTrue(noRank.getSQLState().startsWith("23"), noRank.getSQLState() + " " + noRank.getMessage());
    try (Store store = new JdbcStorageProvider().open(settings)) {
      assertEquals(List.of("_Under", "a-b", "ab", "acme", "Beta", "Zed"), names(store, PartnerSort.NAME,
          SortDirection.ASCENDING), "by the keys' code points");
      assertEquals(List.of("a-b", "acme", "_Under", "Zed", "ab", "Beta"), names(store, PartnerSort.TIER,
          SortDirection.ASCENDING), "by rank, then key");
      assertEquals(List.of("ab", "a-b", "Zed", "_Under", "acme", "Beta"), names(store, PartnerSort.CREATED,
          SortDirection.DESCENDING), "newest first");
    }
  }

  /** Every partner in the order, two to a page, each page after the last row of the one before. */
  private static List<String> names(Store store, PartnerSort sort, SortDirection direction) {
    List<String> out = new ArrayList<>();
    Optional<PartnerListing.Position> after = Optional.empty();
    for (int pages = 0; pages < 10; pages++) {
      PartnerListing listing = new PartnerListing(Set.of(), Set.of(), Optional.empty(), Optional.empty(),
          Optional.empty(), sort, direction, after, 2);
      List<PartnerRecord> page = store.read(tx -> tx.partners().list(listing));
      page.forEach(p -> out.add(p.companyName()));
      if (page.size() < 2) {
        return out;
      }
      after = Optional.of(PartnerListing.Position.of(page.get(1), ClientTotals.NONE, Optional.empty()));
    }
    throw new AssertionError("more pages than partners: " + out);
  }

  @Test
  @DisplayName("H2: rows written before V8 get their tier's rank, and the lists page in order")
  void h2() throws SQLException {
    OldDatabase.h2(dir.resolve("v7"), 7, PartnerListsMigrationTest::writeOldRows, (s, settings) -> {
      assertEquals("CHARACTER VARYING 800 NO", scalar(s, "SELECT DATA_TYPE || ' ' || CHARACTER_MAXIMUM_LENGTH || ' ' ||"
          + " IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'PARTNERS' AND COLUMN_NAME = 'NAME_KEY'"),
          "V8's statement for PostgreSQL's collation leaves H2's column as it was");
      checkMigrated(s, settings);
    });
  }

  @Test
  @DisplayName("PostgreSQL: the name key takes collation C from a linguistic one, rows get their rank, duplicates are still refused")
  @SuppressWarnings("try") // the store is opened for its migrations and closed at the end
  void postgres() throws Exception {
    OldDatabase.postgres(7, s -> {
      boolean icu;
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_collation WHERE collname = 'en-x-icu'")) {
        rs.next();
        icu = rs.getInt(1) > 0;
      }
      if (icu) {
        // as on a database whose default collation is linguistic: "a-b" sorts after "ab" there
        s.execute("ALTER TABLE partners ALTER COLUMN name_key SET DATA TYPE VARCHAR(800) COLLATE \"en-x-icu\"");
      }
      writeOldRows(s);
    }, (s, settings, schema) -> {
      try (Store opened = new JdbcStorageProvider().open(settings)) {
        assertEquals("C", scalar(s, "SELECT collation_name FROM information_schema.columns WHERE table_schema = '"
            + schema + "' AND table_name = 'partners' AND column_name = 'name_key'"));
        assertEquals("C", scalar(s, "SELECT co.collname FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid"
            + " JOIN pg_namespace n ON n.oid = x.relnamespace JOIN pg_collation co ON co.oid = i.indcollation[0]"
            + " WHERE x.relname = 'partners_name_key_ux' AND n.nspname = '" + schema + "'"), "the unique index's");
        assertEquals("VARCHAR(800) NOT NULL", scalar(s, "SELECT UPPER(format_type(a.atttypid, a.atttypmod))"
            + " || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END FROM pg_attribute a WHERE a.attrelid ="
            + " 'partners'::regclass AND a.attname = 'name_key'").replace("CHARACTER VARYING", "VARCHAR"));
        SQLException duplicate = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE partners"
            + " SET name_key = 'acme' WHERE company_name = 'ab'"));
        assertEquals("23505", duplicate.getSQLState());
        // a table of six rows is read whole; without that choice, the name order is the index's, no sort
        s.execute("SET enable_seqscan = off");
        String plan = scalarLines(s, "EXPLAIN SELECT id FROM partners ORDER BY name_key COLLATE \"C\" FETCH FIRST 51"
            + " ROWS ONLY").toLowerCase(Locale.ROOT);
        s.execute("RESET enable_seqscan");
        assertTrue(plan.contains("partners_name_key_ux") && !plan.contains("sort"), plan);
        checkMigrated(s, settings);
      }
    });
  }

  private static String scalar(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      String value = rs.getString(1);
      assertFalse(rs.next(), sql);
      return value;
    }
  }

  private static String scalarLines(Statement s, String sql) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.append(rs.getString(1)).append('\n');
      }
    }
    return out.toString();
  }
}
