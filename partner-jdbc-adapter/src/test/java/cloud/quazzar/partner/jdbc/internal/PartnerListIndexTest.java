package cloud.quazzar.partner.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.jdbc.PostgresTestDatabase;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerId;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
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
 * searches (pages of a range of keys; a prefix ending beyond U+FFFF), are run under {@code EXPLAIN
 * ANALYZE}. Each plan must read the partners through the order's index, never by a full scan, and
 * read a few pages' worth of rows at most ({@value #BOUND} for {@value #LIMIT} rows) rather than
 * the {@value #ROWS} a scan and sort would read: a page after a position reads two ranges of at
 * most a page each, and PostgreSQL may read the range of the position's tier through the name-key
 * index, keeping the rows of that rank (about one in three here).
 *
 * <p>The orders and filters by aggregates (docs/rules.md LIST-5): the server and client counts
 * (running totals on the partner row, decision L2; they tie in groups of 20 and 400) read their
 * {@code (total, name_key)} index like the tier. The MRR order reads the ledger: every partner has
 * an entry of the month before, nine in ten one of the month, one in seven of those in EUR, and one
 * in ten a correction; a page reads the month's USD entries through {@code
 * revenue_entries_month_mrr_ix} in order, checks each is current through the revision index and
 * reads its partner by primary key, so it reads a few rows per listed row: the bound counts the rows
 * of {@code revenue_entries} and {@code partners} together, {@value #MRR_BOUND}. A certification
 * status filter on the name order checks each partner read through {@code
 * partner_certifications_current_ix}; one partner in three holds a current certification in the
 * range, so a page reads about three pages of partners, {@value #FILTER_BOUND} rows with the
 * certifications read. An MRR filter on the name order (a fourth of the partners match) checks
 * each partner's entry of the month through the revision index; a server count range on the name
 * order reads the name index; an MRR filter of the sort's own month bounds the ledger's range.
 * These filters' bounds and the page size are literals in the statements ({@link JdbcPartners}):
 * with parameters, PostgreSQL's generic plans read the certifications or the ledger of the whole
 * range and sorted (13,332 and 9,774 rows here).
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
  /** The MRR order: per listed row its entry, the revision probe and its partner, over two ranges. */
  private static final int MRR_BOUND = 8 * LIMIT;
  /** The certification filter: about three partners and their certifications per listed row. */
  private static final int FILTER_BOUND = 8 * LIMIT;
  /** The partner the deep pages start after: p12346, created 346 s after T0, GOLD, 422 servers, 46 clients, MRR 4.98 USD. */
  private static final int MIDDLE = 12_346;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  /** The month of the MRR order; every partner also has an entry of the month before. */
  private static final YearMonth MONTH = YearMonth.of(2026, 1);
  private static final Currency USD = Currency.getInstance("USD");
  /** A prefix of 1,111 partners (p12, p120 to p129, p1200 to p1299, p12000 to p12999), read as a range. */
  private static final String PREFIX = "p12";
  /** A prefix ending beyond U+FFFF, read as a wider range narrowed by LIKE (no partner has it). */
  private static final String SUPPLEMENTARY_PREFIX = Names.key("p12\uD83D\uDE00");

  /** One listing to explain, the indexes its plan must read, and the most rows it may read. */
  private record Case(String name, PartnerListing listing, List<String> indexes, int bound) {}

  @AfterAll
  static void dropLeftovers() {
    PostgresTestDatabase.ifReachable().ifPresent(PostgresTestDatabase::dropLeftoverSchemas);
  }

  private static PartnerListing listing(PartnerSort sort, SortDirection direction,
      Optional<PartnerListing.Position> after, Optional<String> prefix) {
    Optional<PartnerListing.MrrMonth> sortMrr = sort == PartnerSort.MRR
        ? Optional.of(new PartnerListing.MrrMonth(MONTH, USD)) : Optional.empty();
    return new PartnerListing(Set.of(), Set.of(), prefix, Optional.empty(), Optional.empty(), List.of(),
        PartnerListing.CountRange.ANY, PartnerListing.CountRange.ANY, Optional.empty(), sort, direction, sortMrr, after,
        LIMIT);
  }

  /** The name order with the certification status filter of an expiry range that every current one is in (LIST-5). */
  private static PartnerListing certified(SortDirection direction, Optional<PartnerListing.Position> after) {
    return new PartnerListing(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(new PartnerListing.ExpiryRange(Optional.of(LocalDate.of(2026, 1, 10)),
            Optional.of(LocalDate.of(2026, 7, 31)))),
        PartnerListing.CountRange.ANY, PartnerListing.CountRange.ANY, Optional.empty(), PartnerSort.NAME, direction,
        Optional.empty(), after, LIMIT);
  }

  /** {@code l} with the MRR filter {@code mrr}. */
  private static PartnerListing filtered(PartnerListing l, PartnerListing.MrrRange mrr) {
    return new PartnerListing(l.tiers(), l.statuses(), l.nameKeyPrefix(), l.nameKeyContains(), l.emailContains(),
        l.certificationExpiries(), l.serverCounts(), l.clientCounts(), Optional.of(mrr), l.sort(), l.direction(),
        l.sortMrr(), l.after(), l.limit());
  }

  /** The cases; {@code middle} is the id of partner p{@value #MIDDLE}. */
  private static List<Case> cases(UUID middle) {
    PartnerListing.Position at = new PartnerListing.Position("p" + MIDDLE, T0.plusSeconds(MIDDLE % 500), Tier.GOLD,
        MIDDLE * 7L % 1000, MIDDLE % 50L, Optional.empty(), new PartnerId(middle));
    PartnerListing.Position atMrr = new PartnerListing.Position(at.nameKey(), at.createdAt(), at.tier(), at.serverCount(),
        at.clientCount(), Optional.of(Money.ofMinor(MIDDLE * 13L % 5000, USD)), at.partnerId());
    List<Case> out = new ArrayList<>();
    for (PartnerSort sort : PartnerSort.values()) {
      List<String> index = List.of(switch (sort) {
        case NAME -> "partners_name_key_ux";
        case CREATED -> "partners_created_name_ix";
        case TIER -> "partners_tier_name_ix";
        case SERVER_COUNT -> "partners_servers_name_ix";
        case CLIENT_COUNT -> "partners_clients_name_ix";
        case MRR -> "revenue_entries_month_mrr_ix";
      });
      int bound = sort == PartnerSort.MRR ? MRR_BOUND : BOUND;
      for (SortDirection direction : SortDirection.values()) {
        out.add(new Case(sort + " " + direction + ", first page",
            listing(sort, direction, Optional.empty(), Optional.empty()), index, bound));
        out.add(new Case(sort + " " + direction + ", after p" + MIDDLE,
            listing(sort, direction, Optional.of(sort == PartnerSort.MRR ? atMrr : at), Optional.empty()), index, bound));
      }
    }
    PartnerListing.Position inPrefix = new PartnerListing.Position("p125", T0.plusSeconds(125), Tier.PLATINUM, 0, 0,
        Optional.empty(), new PartnerId(middle));
    List<String> byName = List.of("partners_name_key_ux");
    for (SortDirection direction : SortDirection.values()) {
      out.add(new Case("NAME " + direction + ", prefix " + PREFIX + ", first page",
          listing(PartnerSort.NAME, direction, Optional.empty(), Optional.of(PREFIX)), byName, BOUND));
      out.add(new Case("NAME " + direction + ", prefix " + PREFIX + ", after p125",
          listing(PartnerSort.NAME, direction, Optional.of(inPrefix), Optional.of(PREFIX)), byName, BOUND));
      out.add(new Case("NAME " + direction + ", prefix p12 U+1F600, first page",
          listing(PartnerSort.NAME, direction, Optional.empty(), Optional.of(SUPPLEMENTARY_PREFIX)), byName, BOUND));
      // the certifications are probed per partner through an index that starts with partner_id: V10's
      // partner_certifications_current_ix or V3's partner_certifications_partner_ix (kept for H2's foreign
      // key; PostgreSQL may prefer it); the bound on rows read is what keeps the page cheap
      List<String> certifications = List.of("partners_name_key_ux");
      out.add(new Case("NAME " + direction + ", certification expiring 2026-01-10 to 2026-07-31, first page",
          certified(direction, Optional.empty()), certifications, FILTER_BOUND));
      out.add(new Case("NAME " + direction + ", certification expiring 2026-01-10 to 2026-07-31, after p" + MIDDLE,
          certified(direction, Optional.of(at)), certifications, FILTER_BOUND));
      PartnerListing.MrrRange upTo15 = new PartnerListing.MrrRange(MONTH, USD, Optional.of(Money.ofMinor(0, USD)),
          Optional.of(Money.ofMinor(1500, USD)));
      List<String> mrrFilter = List.of("partners_name_key_ux", "revenue_entries_revision_ux");
      out.add(new Case("NAME " + direction + ", MRR of " + MONTH + " 0.00 to 15.00 USD, first page",
          filtered(listing(PartnerSort.NAME, direction, Optional.empty(), Optional.empty()), upTo15), mrrFilter,
          FILTER_BOUND));
      out.add(new Case("NAME " + direction + ", MRR of " + MONTH + " 0.00 to 15.00 USD, after p" + MIDDLE,
          filtered(listing(PartnerSort.NAME, direction, Optional.of(at), Optional.empty()), upTo15), mrrFilter,
          FILTER_BOUND));
      PartnerListing.CountRange from100 = new PartnerListing.CountRange(OptionalLong.of(100), OptionalLong.empty());
      out.add(new Case("NAME " + direction + ", server count from 100, after p" + MIDDLE,
          new PartnerListing(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
              from100, PartnerListing.CountRange.ANY, Optional.empty(), PartnerSort.NAME, direction, Optional.empty(),
              Optional.of(at), LIMIT), byName, BOUND));
      PartnerListing.MrrRange from20 = new PartnerListing.MrrRange(MONTH, USD, Optional.of(Money.ofMinor(2000, USD)),
          Optional.empty());
      out.add(new Case("MRR " + direction + ", MRR from 20.00 USD, after p" + MIDDLE,
          filtered(listing(PartnerSort.MRR, direction, Optional.of(atMrr), Optional.empty()), from20),
          List.of("revenue_entries_month_mrr_ix"), MRR_BOUND));
    }
    return out;
  }

  /** The tables whose rows a page reads: scans of others (none) are not counted. */
  private static boolean counted(String table) {
    return table.equals("partners") || table.equals("revenue_entries") || table.equals("partner_certifications");
  }

  /** Checks one plan, after adding it with its figures to {@code out}, the report. */
  private static void check(StringBuilder out, Case c, String kind, String plan, String database, int rowsRead,
      List<String> indexes, List<String> fullScans) {
    String report = "-- " + database + " " + kind + ": " + c.name() + " (rows read from partners, the ledger and the"
        + " certifications: " + rowsRead + ")\n" + plan + "\n";
    out.append(report);
    assertEquals(List.of(), fullScans, "full scans in\n" + report);
    assertTrue(indexes.containsAll(c.indexes()), "expected " + c.indexes() + " among " + indexes + " in\n" + report);
    assertTrue(rowsRead <= c.bound(), "read " + rowsRead + " rows (at most " + c.bound() + ") in\n" + report);
  }

  private static void write(String database, StringBuilder report) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "partner-list-plans"));
    Files.writeString(dir.resolve(database + ".txt"), report, StandardCharsets.UTF_8);
  }

  /**
   * The aggregates of the {@value #ROWS} partners, as the H2 and PostgreSQL set-ups write them, for
   * partner {@code x} (its name key is {@code p<x>}): server total {@code 7x mod 1000}, client total
   * {@code x mod 50}; ledger entries of the month before for all, of {@link #MONTH} for nine in ten
   * ({@code x mod 10 <> 0}), in EUR when {@code x mod 7 = 0}, else USD, MRR {@code 13x mod 5000}
   * minor units, corrected (revision 2, MRR {@code 17x mod 5000}) when {@code x mod 10 = 1}; a
   * current certification for one in three ({@code x mod 3 = 0}), expiring {@code x mod 200} days
   * after 2026-01-10, and a revoked one for another third.
   */
  private static String x(String nameKey) {
    return "CAST(SUBSTRING(" + nameKey + ", 2) AS INTEGER)";
  }

  // ---- H2 -----------------------------------------------------------------------------------

  private static final Pattern H2_TABLE = Pattern.compile("(?:FROM|JOIN) \"?PUBLIC\"?\\.\"?([A-Za-z_]+)");
  private static final Pattern H2_INDEX = Pattern.compile("/\\* PUBLIC\\.([A-Za-z0-9_.]+)");
  private static final Pattern H2_SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

  /** The set-up's rows (see {@link #x}), in H2's SQL. */
  private static void fillH2(Statement s) throws SQLException {
    s.execute("INSERT INTO partners (id, company_name, name_key, contact_email, tier, tier_rank, status, created_at,"
        + " updated_at, version, server_total, client_total) SELECT RANDOM_UUID(), 'P' || X, 'p' || X,"
        + " 'p' || X || '@x.example', CASE MOD(X, 3) WHEN 0 THEN 'SILVER' WHEN 1 THEN 'GOLD' ELSE 'PLATINUM' END,"
        + " MOD(X, 3) + 1, 'ACTIVE', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + MOD(X, 500) * INTERVAL '1'"
        + " SECOND, CURRENT_TIMESTAMP, 1, MOD(X * 7, 1000), MOD(X, 50) FROM SYSTEM_RANGE(1, " + ROWS + ")");
    String entry = "INSERT INTO revenue_entries (id, partner_id, month_start, revision, kind, mrr_minor, currency,"
        + " server_count, client_count, idempotency_key, reason, recorded_at, supersedes_id) SELECT RANDOM_UUID(), id, ";
    String x = x("name_key");
    s.execute(entry + "DATE '2025-12-01', 1, 'RECORDED', MOD(" + x + " * 11, 5000), 'USD', 1, 1, 'd' || name_key,"
        + " NULL, CURRENT_TIMESTAMP, NULL FROM partners");
    s.execute(entry + "DATE '2026-01-01', 1, 'RECORDED', MOD(" + x + " * 13, 5000), CASE MOD(" + x + ", 7) WHEN 0"
        + " THEN 'EUR' ELSE 'USD' END, 1, 1, 'j' || name_key, NULL, CURRENT_TIMESTAMP, NULL FROM partners"
        + " WHERE MOD(" + x + ", 10) <> 0");
    s.execute(entry + "DATE '2026-01-01', 2, 'CORRECTION', MOD(" + x + " * 17, 5000), CASE MOD(" + x + ", 7) WHEN 0"
        + " THEN 'EUR' ELSE 'USD' END, 1, 1, 'k' || name_key, 'fix', CURRENT_TIMESTAMP, NULL FROM partners"
        + " WHERE MOD(" + x + ", 10) = 1");
    String certification = "INSERT INTO partner_certifications (id, partner_id, name, skill_area, cert_level,"
        + " issue_date, expiry_date, record_state, revoked_by, revocation_reason, reported_status, created_at,"
        + " updated_at, version) SELECT RANDOM_UUID(), id, 'c', 'FLEET_MANAGEMENT', 'BASIC', DATE '2024-01-01',"
        + " DATE '2026-01-10' + MOD(" + x + ", 200), ";
    s.execute(certification + "'CURRENT', NULL, NULL, 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1"
        + " FROM partners WHERE MOD(" + x + ", 3) = 0");
    s.execute(certification + "'REVOKED', 'ops', 'why', NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 2"
        + " FROM partners WHERE MOD(" + x + ", 3) = 1");
    s.execute("ANALYZE");
  }

  private static UUID middle(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT id FROM partners WHERE name_key = 'p" + MIDDLE + "'")) {
      rs.next();
      return rs.getObject(1, UUID.class);
    }
  }

  @Test
  @DisplayName("on H2, every order's first and deep page, both ways, the prefix search and the certification filter read an index, a few pages' worth of rows")
  @SuppressWarnings("try") // the store is opened for its migrations and closed at the end
  void h2() throws SQLException, IOException {
    String name = "listidx" + UUID.randomUUID().toString().replace("-", "");
    StringBuilder report = new StringBuilder();
    try (Store store = new JdbcStorageProvider().open(JdbcStorage.h2InMemory(name));
        Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name, "sa", "");
        Statement s = c.createStatement()) {
      fillH2(s);
      for (Case k : cases(middle(s))) {
        JdbcPartners.Sql sql = JdbcPartners.listStatement(Dialect.H2, k.listing());
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + sql.text())) {
          Jdbc.bindAll(ps, Dialect.H2, sql.params().toArray());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              plan.append(rs.getString(1)).append('\n');
            }
          }
        }
        // each read of a table: FROM or JOIN and its name, then the index's comment (or tableScan),
        // then the scanCount of that read (a derived table's own scanCount follows no index comment)
        int rowsRead = 0;
        String table = "";
        boolean pending = false;
        List<String> indexes = new ArrayList<>();
        List<String> fullScans = new ArrayList<>();
        for (String line : plan.toString().split("\n")) {
          Matcher from = H2_TABLE.matcher(line);
          if (from.find()) {
            table = from.group(1).toLowerCase(Locale.ROOT);
          }
          Matcher index = H2_INDEX.matcher(line);
          if (index.find() && counted(table)) {
            String read = index.group(1).toLowerCase(Locale.ROOT);
            indexes.add(read);
            if (read.endsWith("tablescan")) {
              fullScans.add(read);
            }
            pending = true;
          }
          Matcher count = H2_SCAN_COUNT.matcher(line);
          if (count.find() && pending) {
            rowsRead += Integer.parseInt(count.group(1));
            pending = false;
          }
        }
        check(report, k, "plan", plan.toString(), "H2", rowsRead, indexes, fullScans);
      }
    } finally {
      write("h2", report);
    }
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
      Jdbc.bindAll(ps, Dialect.POSTGRESQL, params.toArray()); // H2 binds the same way
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    return plan.toString();
  }

  private static void checkPostgres(StringBuilder report, Case k, String kind, String plan) {
    int rowsRead = 0;
    boolean heapNode = false;
    List<String> indexes = new ArrayList<>();
    List<String> fullScans = new ArrayList<>();
    for (String line : plan.split("\n")) {
      Matcher node = PG_NODE.matcher(line);
      if (node.find()) {
        heapNode = false;
        if (node.group(1).equals("Bitmap Index Scan")) {
          indexes.add(node.group(3));
          continue;
        }
        if (!counted(node.group(3))) {
          continue;
        }
        if (node.group(1).equals("Seq Scan")) {
          fullScans.add(node.group(3));
        }
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
    check(report, k, kind, plan, "PostgreSQL", rowsRead, indexes, fullScans);
  }

  /** The set-up's rows (see {@link #x}), in PostgreSQL's SQL. */
  private static void fillPostgres(Statement s) throws SQLException {
    s.execute("INSERT INTO partners (id, company_name, name_key, contact_email, tier, tier_rank, status, created_at,"
        + " updated_at, version, server_total, client_total) SELECT md5(g::text)::uuid, 'P' || g, 'p' || g,"
        + " 'p' || g || '@x.example', CASE g % 3 WHEN 0 THEN 'SILVER' WHEN 1 THEN 'GOLD' ELSE 'PLATINUM' END,"
        + " g % 3 + 1, 'ACTIVE', TIMESTAMPTZ '2026-01-01 00:00:00+00' + (g % 500) * INTERVAL '1 second', now(), 1,"
        + " g * 7 % 1000, g % 50 FROM generate_series(1, " + ROWS + ") g");
    String entry = "INSERT INTO revenue_entries (id, partner_id, month_start, revision, kind, mrr_minor, currency,"
        + " server_count, client_count, idempotency_key, reason, recorded_at, supersedes_id) SELECT"
        + " gen_random_uuid(), md5(g::text)::uuid, ";
    String range = " FROM generate_series(1, " + ROWS + ") g";
    s.execute(entry + "DATE '2025-12-01', 1, 'RECORDED', g * 11 % 5000, 'USD', 1, 1, 'd' || g, NULL, now(), NULL"
        + range);
    s.execute(entry + "DATE '2026-01-01', 1, 'RECORDED', g * 13 % 5000, CASE g % 7 WHEN 0 THEN 'EUR' ELSE 'USD' END,"
        + " 1, 1, 'j' || g, NULL, now(), NULL" + range + " WHERE g % 10 <> 0");
    s.execute(entry + "DATE '2026-01-01', 2, 'CORRECTION', g * 17 % 5000, CASE g % 7 WHEN 0 THEN 'EUR' ELSE 'USD'"
        + " END, 1, 1, 'k' || g, 'fix', now(), NULL" + range + " WHERE g % 10 = 1");
    String certification = "INSERT INTO partner_certifications (id, partner_id, name, skill_area, cert_level,"
        + " issue_date, expiry_date, record_state, revoked_by, revocation_reason, reported_status, created_at,"
        + " updated_at, version) SELECT gen_random_uuid(), md5(g::text)::uuid, 'c', 'FLEET_MANAGEMENT', 'BASIC',"
        + " DATE '2024-01-01', DATE '2026-01-10' + g % 200, ";
    s.execute(certification + "'CURRENT', NULL, NULL, 'ACTIVE', now(), now(), 1" + range + " WHERE g % 3 = 0");
    s.execute(certification + "'REVOKED', 'ops', 'why', NULL, now(), now(), 2" + range + " WHERE g % 3 = 1");
    s.execute("ANALYZE partners");
    s.execute("ANALYZE revenue_entries");
    s.execute("ANALYZE partner_certifications");
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
      fillPostgres(s);
      int n = 0;
      for (Case k : cases(middle(s))) {
        JdbcPartners.Sql sql = JdbcPartners.listStatement(Dialect.POSTGRESQL, k.listing());
        String custom = explain(c, "EXPLAIN (ANALYZE, COSTS OFF) " + sql.text(), sql.params());
        checkPostgres(report, k, "plan for the values", custom);
        String name = "list_" + n++;
        s.execute("SET plan_cache_mode = force_generic_plan");
        s.execute("PREPARE " + name + " AS " + numbered(sql.text()));
        StringBuilder args = new StringBuilder();
        for (Object p : sql.params()) {
          args.append(args.length() == 0 ? "" : ", ").append(literal(p));
        }
        // a first page without a filter has no parameter left (the page size is a literal)
        String generic = explain(c, "EXPLAIN (ANALYZE, COSTS OFF) EXECUTE " + name
            + (args.length() == 0 ? "" : "(" + args + ")"), List.of());
        s.execute("DEALLOCATE " + name);
        s.execute("RESET plan_cache_mode");
        checkPostgres(report, k, "generic plan", generic);
      }
    } finally {
      db.dropSchema(schema);
      write("postgresql", report);
    }
  }
}
