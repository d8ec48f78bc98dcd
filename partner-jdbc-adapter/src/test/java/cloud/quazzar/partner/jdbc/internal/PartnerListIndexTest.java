package cloud.quazzar.partner.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.jdbc.PostgresTestDatabase;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.PartnerListing;
import cloud.quazzar.partner.spi.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The partners list pages by position through an index on each database (the cost that {@link
 * cloud.quazzar.partner.spi.PartnerRepository#list} asks of a store: a deep page costs what the
 * first costs). On a table of {@value #ROWS} partners whose creation times tie in groups of 40, the
 * statements of {@link JdbcPartners#listStatement} (not copies of them) for the first page and for
 * a page after a position in the middle, of each order in both directions, and for name-prefix
 * searches (pages of a range of keys; a prefix ending beyond U+FFFF), are run under {@code EXPLAIN ANALYZE}. Each plan must read the partners through the
 * order's index, never by a full scan, and read a few pages' worth of rows at most ({@value
 * #BOUND} for {@value #LIMIT} rows) rather than the {@value #ROWS} a scan and sort would read: a page
 * after a position reads two ranges of at most a page each, and PostgreSQL may read the range of
 * the position's tier through the name-key index, keeping the rows of that rank (about one in
 * three here).
 *
 * <p>On PostgreSQL both the plan of the first executions (made for the parameters' values) and the
 * generic plan that PostgreSQL may switch to for a statement prepared on a connection (made
 * without them: {@code plan_cache_mode = force_generic_plan}) are checked. The plans are written to
 * {@code target/partner-list-plans/}.
 */
@DisplayName("Partner list indexes")
class PartnerListIndexTest {
  private static final int ROWS = 20_000;
  /** Core asks for one row more than the page: 50 + 1. */
  private static final int LIMIT = 51;
  private static final int BOUND = 4 * LIMIT;
  /** The partner the deep pages start after: p12346, created 346 s after T0, GOLD. */
  private static final int MIDDLE = 12_346;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  /** A prefix of 1,111 partners (p12, p120 to p129, p1200 to p1299, p12000 to p12999), read as a range. */
  private static final String PREFIX = "p12";
  /** A prefix ending beyond U+FFFF, read as a wider range narrowed by LIKE (no partner has it). */
  private static final String SUPPLEMENTARY_PREFIX = Names.key("p12\uD83D\uDE00");

  /** One listing to explain, and the index its plan must read. */
  private record Case(String name, PartnerListing listing, String index) {}

  @AfterAll
  static void dropLeftovers() {
    PostgresTestDatabase.ifReachable().ifPresent(PostgresTestDatabase::dropLeftoverSchemas);
  }

  private static PartnerListing listing(PartnerSort sort, SortDirection direction,
      Optional<PartnerListing.Position> after, Optional<String> prefix) {
    return new PartnerListing(Set.of(), Set.of(), prefix, Optional.empty(), Optional.empty(), sort, direction, after,
        LIMIT);
  }

  private static List<Case> cases() {
    PartnerListing.Position middle = new PartnerListing.Position("p" + MIDDLE, T0.plusSeconds(MIDDLE % 500), Tier.GOLD);
    List<Case> out = new ArrayList<>();
    for (PartnerSort sort : PartnerSort.values()) {
      String index = switch (sort) {
        case NAME -> "partners_name_key_ux";
        case CREATED -> "partners_created_name_ix";
        case TIER -> "partners_tier_name_ix";
      };
      for (SortDirection direction : SortDirection.values()) {
        out.add(new Case(sort + " " + direction + ", first page",
            listing(sort, direction, Optional.empty(), Optional.empty()), index));
        out.add(new Case(sort + " " + direction + ", after p" + MIDDLE,
            listing(sort, direction, Optional.of(middle), Optional.empty()), index));
      }
    }
    PartnerListing.Position inPrefix = new PartnerListing.Position("p125", T0.plusSeconds(125), Tier.PLATINUM);
    for (SortDirection direction : SortDirection.values()) {
      out.add(new Case("NAME " + direction + ", prefix " + PREFIX + ", first page",
          listing(PartnerSort.NAME, direction, Optional.empty(), Optional.of(PREFIX)), "partners_name_key_ux"));
      out.add(new Case("NAME " + direction + ", prefix " + PREFIX + ", after p125",
          listing(PartnerSort.NAME, direction, Optional.of(inPrefix), Optional.of(PREFIX)), "partners_name_key_ux"));
      out.add(new Case("NAME " + direction + ", prefix p12 U+1F600, first page",
          listing(PartnerSort.NAME, direction, Optional.empty(), Optional.of(SUPPLEMENTARY_PREFIX)),
          "partners_name_key_ux"));
    }
    return out;
  }

  /** Checks one plan; returns it with its figures, for the report. */
  private static String check(Case c, String kind, String plan, String database, int rowsRead, List<String> indexes,
      boolean fullScan, int bound) {
    String report = "-- " + database + " " + kind + ": " + c.name() + " (rows read from partners: " + rowsRead + ")\n"
        + plan + "\n";
    assertFalse(fullScan, "a full scan of partners in\n" + report);
    assertTrue(indexes.contains(c.index()), "expected " + c.index() + " among " + indexes + " in\n" + report);
    assertTrue(rowsRead <= bound, "read " + rowsRead + " rows (at most " + bound + ") in\n" + report);
    return report;
  }

  private static void write(String database, StringBuilder report) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "partner-list-plans"));
    Files.writeString(dir.resolve(database + ".txt"), report, StandardCharsets.UTF_8);
  }

  // ---- H2 -----------------------------------------------------------------------------------

  private static final Pattern H2_INDEX = Pattern.compile("/\\* PUBLIC\\.([A-Za-z0-9_.]+)");
  private static final Pattern H2_SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

  @Test
  @DisplayName("on H2, every order's first and deep page, both ways, and the prefix search read an index, a page's worth of rows")
  @SuppressWarnings("try") // the store is opened for its migrations and closed at the end
  void h2() throws SQLException, IOException {
    String name = "listidx" + UUID.randomUUID().toString().replace("-", "");
    StringBuilder report = new StringBuilder();
    try (Store store = new JdbcStorageProvider().open(JdbcStorage.h2InMemory(name));
        Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO partners (id, company_name, name_key, contact_email, tier, tier_rank, status, created_at,"
          + " updated_at, version) SELECT RANDOM_UUID(), 'P' || X, 'p' || X, 'p' || X || '@x.example',"
          + " CASE MOD(X, 3) WHEN 0 THEN 'SILVER' WHEN 1 THEN 'GOLD' ELSE 'PLATINUM' END, MOD(X, 3) + 1, 'ACTIVE',"
          + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + MOD(X, 500) * INTERVAL '1' SECOND,"
          + " CURRENT_TIMESTAMP, 1 FROM SYSTEM_RANGE(1, " + ROWS + ")");
      s.execute("ANALYZE");
      for (Case k : cases()) {
        JdbcPartners.Sql sql = JdbcPartners.listStatement(Dialect.H2, k.listing());
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + sql.text())) {
          Jdbc.bindAll(ps, sql.params().toArray());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              plan.append(rs.getString(1)).append('\n');
            }
          }
        }
        // the scanCount after each read of the partners table (an index's comment or tableScan)
        int rowsRead = 0;
        boolean pending = false;
        List<String> indexes = new ArrayList<>();
        for (String line : plan.toString().split("\n")) {
          Matcher index = H2_INDEX.matcher(line);
          if (index.find() && index.group(1).startsWith("PARTNERS")) {
            indexes.add(index.group(1).toLowerCase(Locale.ROOT));
            pending = true;
          }
          Matcher count = H2_SCAN_COUNT.matcher(line);
          if (count.find() && pending) {
            rowsRead += Integer.parseInt(count.group(1));
            pending = false;
          }
        }
        report.append(check(k, "plan", plan.toString(), "H2", rowsRead, indexes,
            indexes.stream().anyMatch(i -> i.contains("tablescan")), BOUND));
      }
    }
    write("h2", report);
  }

  // ---- PostgreSQL ---------------------------------------------------------------------------

  private static final Pattern PG_NODE = Pattern.compile(
      "(Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan|Bitmap Index Scan)(?: Backward)?(?: using (\\S+))? on"
          + " (\\S+).*?rows=(\\d+) loops=(\\d+)");
  private static final Pattern PG_REMOVED = Pattern.compile("Rows Removed by (?:Filter|Index Recheck): (\\d+)");

  /** A parameter as an SQL literal, for EXECUTE. */
  private static String literal(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    return "'" + value.toString().replace("'", "''") + "'";
  }

  /** {@code ?} to {@code $1, $2, ...}; the store's statements hold no {@code ?} in a literal. */
  private static String numbered(String sql) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (char ch : sql.toCharArray()) {
      if (ch == '?') {
        out.append('$').append(++n);
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static String explain(Connection c, String sql, List<Object> params) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.bindAll(ps, params.toArray());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    return plan.toString();
  }

  private static String checkPostgres(Case k, String kind, String plan, int bound) {
    int rowsRead = 0;
    boolean fullScan = false;
    boolean heapNode = false;
    List<String> indexes = new ArrayList<>();
    for (String line : plan.split("\n")) {
      Matcher node = PG_NODE.matcher(line);
      if (node.find()) {
        heapNode = false;
        if (node.group(1).equals("Bitmap Index Scan")) {
          indexes.add(node.group(3));
          continue;
        }
        if (!node.group(3).startsWith("partners")) {
          continue;
        }
        fullScan |= node.group(1).equals("Seq Scan");
        if (node.group(2) != null) {
          indexes.add(node.group(2));
        }
        rowsRead += Integer.parseInt(node.group(4)) * Integer.parseInt(node.group(5));
        heapNode = true;
        continue;
      }
      Matcher removed = PG_REMOVED.matcher(line);
      if (removed.find() && heapNode) {
        rowsRead += Integer.parseInt(removed.group(1));
      }
    }
    return check(k, kind, plan, "PostgreSQL", rowsRead, indexes, fullScan, bound);
  }

  @Test
  @DisplayName("on PostgreSQL, the same, in the plan made for the values and in the generic plan")
  @SuppressWarnings("try")
  void postgres() throws SQLException, IOException {
    PostgresTestDatabase db = PostgresTestDatabase.require();
    String schema = db.newSchemaName();
    StringBuilder report = new StringBuilder();
    try (Store store = new JdbcStorageProvider().open(db.settings().with(JdbcStorage.SCHEMA, schema));
        Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO \"" + schema + "\"");
      s.execute("INSERT INTO partners (id, company_name, name_key, contact_email, tier, tier_rank, status, created_at,"
          + " updated_at, version) SELECT md5(g::text)::uuid, 'P' || g, 'p' || g, 'p' || g || '@x.example',"
          + " CASE g % 3 WHEN 0 THEN 'SILVER' WHEN 1 THEN 'GOLD' ELSE 'PLATINUM' END, g % 3 + 1, 'ACTIVE',"
          + " TIMESTAMPTZ '2026-01-01 00:00:00+00' + (g % 500) * INTERVAL '1 second', now(), 1"
          + " FROM generate_series(1, " + ROWS + ") g");
      s.execute("ANALYZE partners");
      int n = 0;
      for (Case k : cases()) {
        JdbcPartners.Sql sql = JdbcPartners.listStatement(Dialect.POSTGRESQL, k.listing());
        String custom = explain(c, "EXPLAIN (ANALYZE, COSTS OFF) " + sql.text(), sql.params());
        report.append(checkPostgres(k, "plan for the values", custom, BOUND));
        String name = "list_" + n++;
        s.execute("SET plan_cache_mode = force_generic_plan");
        s.execute("PREPARE " + name + " AS " + numbered(sql.text()));
        StringBuilder args = new StringBuilder();
        for (Object p : sql.params()) {
          args.append(args.length() == 0 ? "" : ", ").append(literal(p));
        }
        String generic = explain(c, "EXPLAIN (ANALYZE, COSTS OFF) EXECUTE " + name + "(" + args + ")", List.of());
        s.execute("DEALLOCATE " + name);
        s.execute("RESET plan_cache_mode");
        report.append(checkPostgres(k, "generic plan", generic, BOUND));
      }
    } finally {
      db.dropSchema(schema);
    }
    write("postgresql", report);
  }
}
