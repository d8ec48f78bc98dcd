package cloud.quazzar.partner.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.jdbc.PostgresTestDatabase;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.spi.CertificationRecord;
import cloud.quazzar.partner.spi.CertificationRepository;
import cloud.quazzar.partner.spi.CertificationRepository.BoardPosition;
import cloud.quazzar.partner.spi.CertificationRepository.CurrentPosition;
import cloud.quazzar.partner.spi.CertificationRepository.HistoryPosition;
import cloud.quazzar.partner.spi.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md LIST-4 on H2 and PostgreSQL: a page of a partner's current certifications, of its
 * certification history and of the warning board reads through the list's index of {@code
 * V10__certification_lists.sql}, the first page and a page after a position alike, and never the
 * rows before the position. On a table of {@value #ROWS} certifications of {@value #PARTNERS}
 * partners with random ids (so ids beyond the signed range of either half) whose expiry dates,
 * name keys and creation times tie in groups, the statements of {@link JdbcCertifications} (not
 * copies of them) are run under {@code EXPLAIN ANALYZE}: each plan must name the list's index, scan
 * no table in full, and read at most {@value #BOUND} rows for a page of {@value #LIMIT} (a page
 * after a position reads three ranges of at most a page each). Then every list is read page by
 * page through the store and must equal the list sorted in Java by the SPI's position order: the
 * databases' order (ids as unsigned halves, keys by code point) is the SPI's.
 */
@DisplayName("Certification page indexes")
class CertificationPageIndexTest {
  private static final int ROWS = 20_000;
  private static final int PARTNERS = 10;
  /** Core asks for one row more than the page: 50 + 1. */
  private static final int LIMIT = 51;
  private static final int BOUND = 4 * LIMIT;
  private static final LocalDate DAY0 = LocalDate.of(2026, 1, 15);
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  /** A position in the middle of the ids' order, whose halves do not fit a signed comparison. */
  private static final UUID MIDDLE = new UUID(0x8000_0000_0000_0000L, 0x8000_0000_0000_0000L);

  /** One statement to explain, and the index its plan must read. */
  private record Case(String name, JdbcCertifications.Sql sql, String index) {}

  private static List<Case> cases(Dialect dialect, PartnerId partner) {
    PartnerId middlePartner = new PartnerId(MIDDLE);
    CertificationId middle = new CertificationId(MIDDLE);
    String current = "partner_certifications_current_ix";
    String history = "partner_certifications_history_ix";
    String board = "partner_certifications_board_ix";
    return List.of(
        new Case("a partner's certifications, first page",
            JdbcCertifications.currentStatement(dialect, partner, Optional.empty(), LIMIT), current),
        new Case("a partner's certifications, after a position",
            JdbcCertifications.currentStatement(dialect, partner,
                Optional.of(new CurrentPosition(DAY0.plusDays(200), "c18", middle)), LIMIT), current),
        new Case("a partner's history, first page",
            JdbcCertifications.historyStatement(dialect, partner, Optional.empty(), LIMIT), history),
        new Case("a partner's history, after a position",
            JdbcCertifications.historyStatement(dialect, partner, Optional.of(new HistoryPosition(T0.plusSeconds(150), middle)),
                LIMIT), history),
        new Case("the board, first page",
            JdbcCertifications.boardStatement(DAY0, DAY0.plusDays(90), Optional.empty(), LIMIT), board),
        new Case("the board, after a position",
            JdbcCertifications.boardStatement(DAY0, DAY0.plusDays(90),
                Optional.of(new BoardPosition(DAY0.plusDays(45), middlePartner, middle)), LIMIT), board));
  }

  /**
   * Every page of a list through {@code page} (the position of the last row, a page size), as ids.
   */
  private static <P> List<CertificationId> paged(Store store,
      BiFunction<CertificationRepository, Optional<P>, List<CertificationRecord>> page,
      Function<Certification, P> position) {
    List<CertificationId> out = new ArrayList<>();
    Optional<P> after = Optional.empty();
    while (true) {
      Optional<P> from = after;
      List<CertificationRecord> rows = store.read(tx -> page.apply(tx.certifications(), from));
      rows.forEach(r -> out.add(r.certification().id()));
      if (rows.size() < 700) {
        return out;
      }
      after = Optional.of(position.apply(rows.get(rows.size() - 1).certification()));
    }
  }

  private static <P extends Comparable<P>> List<CertificationId> sorted(List<CertificationRecord> rows,
      Function<Certification, P> position) {
    return rows.stream().map(CertificationRecord::certification)
        .sorted(Comparator.comparing(position)).map(Certification::id).toList();
  }

  /** Every list read page by page through the store equals the list sorted by the SPI's positions. */
  private static void pagesInTheSpiOrder(Store store, PartnerId partner) {
    List<CertificationRecord> mine = store.read(tx -> tx.certifications().byPartner(partner));
    assertEquals(sorted(mine.stream().filter(r -> r.certification().isCurrent()).toList(), CurrentPosition::of),
        paged(store, (repo, after) -> repo.current(partner, after, 700), CurrentPosition::of),
        "a partner's certifications");
    assertEquals(sorted(mine, HistoryPosition::of),
        paged(store, (repo, after) -> repo.history(partner, after, 700), HistoryPosition::of), "a partner's history");
    LocalDate to = DAY0.plusDays(90);
    assertEquals(sorted(store.read(tx -> tx.certifications().currentExpiringBetween(DAY0, to)), BoardPosition::of),
        paged(store, (repo, after) -> repo.currentExpiringBetween(DAY0, to, after, 700), BoardPosition::of),
        "the board");
  }

  private static void checkPlan(Case k, String database, String plan, List<String> indexes, boolean fullScan,
      int rowsRead) {
    String report = database + ": " + k.name() + " (rows read: " + rowsRead + ")\n" + plan;
    assertFalse(fullScan, "a full scan of partner_certifications in\n" + report);
    assertTrue(indexes.contains(k.index()), "expected " + k.index() + " among " + indexes + " in\n" + report);
    assertTrue(rowsRead <= BOUND, "read " + rowsRead + " rows (at most " + BOUND + ") in\n" + report);
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

  /** The columns of the rows below; reported status only for current ones (V3's check). */
  private static final String INSERT = "INSERT INTO partner_certifications (id, partner_id, name, name_key, skill_area,"
      + " cert_level, issue_date, expiry_date, record_state, reported_status, created_at, updated_at, version)";

  // ---- H2 -----------------------------------------------------------------------------------

  private static final Pattern H2_INDEX = Pattern.compile("/\\* PUBLIC\\.([A-Za-z0-9_.]+)");
  private static final Pattern H2_SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

  @Test
  @DisplayName("on H2, each list's first and deep page read its index, a page's worth of rows, in the SPI's order")
  void h2() throws SQLException {
    String name = "certpages" + UUID.randomUUID().toString().replace("-", "");
    try (Store store = new JdbcStorageProvider().open(JdbcStorage.h2InMemory(name));
        Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO partners (id, company_name, name_key, contact_email, tier, tier_rank, status, created_at,"
          + " updated_at, version) SELECT RANDOM_UUID(), 'P' || X, 'p' || X, 'p@x.example', 'GOLD', 2, 'ACTIVE',"
          + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1 FROM SYSTEM_RANGE(1, " + PARTNERS + ")");
      s.execute(INSERT + " SELECT RANDOM_UUID(), (SELECT id FROM partners WHERE company_name = 'P' || (MOD(X, "
          + PARTNERS + ") + 1)), 'C' || MOD(X, 37), 'c' || MOD(X, 37), 'FLEET_MANAGEMENT', 'BASIC', DATE '2020-01-01',"
          + " DATEADD(DAY, MOD(X * 7919, 400), DATE '2026-01-15'),"
          + " CASE WHEN MOD(X, 5) = 0 THEN 'RENEWED' ELSE 'CURRENT' END,"
          + " CASE WHEN MOD(X, 5) = 0 THEN NULL ELSE 'ACTIVE' END,"
          + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + MOD(X, 300) * INTERVAL '1' SECOND,"
          + " CURRENT_TIMESTAMP, 1 FROM SYSTEM_RANGE(1, " + ROWS + ")");
      s.execute("ANALYZE");
      PartnerId partner;
      try (ResultSet rs = s.executeQuery("SELECT id FROM partners WHERE company_name = 'P1'")) {
        rs.next();
        partner = new PartnerId(rs.getObject(1, UUID.class));
      }
      for (Case k : cases(Dialect.H2, partner)) {
        String plan = explain(c, "EXPLAIN ANALYZE " + k.sql().text(), k.sql().params());
        int rowsRead = 0;
        boolean pending = false;
        List<String> indexes = new ArrayList<>();
        for (String line : plan.split("\n")) {
          Matcher index = H2_INDEX.matcher(line);
          if (index.find() && index.group(1).startsWith("PARTNER_CERTIFICATIONS")) {
            indexes.add(index.group(1).toLowerCase(Locale.ROOT));
            pending = true;
          }
          Matcher count = H2_SCAN_COUNT.matcher(line);
          if (count.find() && pending) {
            rowsRead += Integer.parseInt(count.group(1));
            pending = false;
          }
        }
        checkPlan(k, "H2", plan, indexes, indexes.stream().anyMatch(i -> i.contains("tablescan")), rowsRead);
      }
      pagesInTheSpiOrder(store, partner);
    }
  }

  // ---- PostgreSQL ---------------------------------------------------------------------------

  private static final Pattern PG_NODE = Pattern.compile(
      "(Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan|Bitmap Index Scan)(?: Backward)?(?: using (\\S+))? on"
          + " (\\S+).*?rows=(\\d+) loops=(\\d+)");
  private static final Pattern PG_REMOVED = Pattern.compile("Rows Removed by (?:Filter|Index Recheck): (\\d+)");

  @Test
  @DisplayName("on PostgreSQL, the same")
  void postgres() throws SQLException {
    PostgresTestDatabase db = PostgresTestDatabase.require();
    String schema = db.newSchemaName();
    try (Store store = new JdbcStorageProvider().open(db.settings().with(JdbcStorage.SCHEMA, schema));
        Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO \"" + schema + "\"");
      s.execute("INSERT INTO partners (id, company_name, name_key, contact_email, tier, tier_rank, status, created_at,"
          + " updated_at, version) SELECT gen_random_uuid(), 'P' || g, 'p' || g, 'p@x.example', 'GOLD', 2, 'ACTIVE',"
          + " now(), now(), 1 FROM generate_series(1, " + PARTNERS + ") g");
      s.execute(INSERT + " SELECT gen_random_uuid(), (SELECT id FROM partners WHERE company_name = 'P' || (g % "
          + PARTNERS + " + 1)), 'C' || (g % 37), 'c' || (g % 37), 'FLEET_MANAGEMENT', 'BASIC', DATE '2020-01-01',"
          + " DATE '2026-01-15' + (g * 7919) % 400,"
          + " CASE WHEN g % 5 = 0 THEN 'RENEWED' ELSE 'CURRENT' END,"
          + " CASE WHEN g % 5 = 0 THEN NULL ELSE 'ACTIVE' END,"
          + " TIMESTAMPTZ '2026-01-01 00:00:00+00' + (g % 300) * INTERVAL '1 second', now(), 1"
          + " FROM generate_series(1, " + ROWS + ") g");
      s.execute("ANALYZE partner_certifications");
      PartnerId partner;
      try (ResultSet rs = s.executeQuery("SELECT id FROM partners WHERE company_name = 'P1'")) {
        rs.next();
        partner = new PartnerId(rs.getObject(1, UUID.class));
      }
      for (Case k : cases(Dialect.POSTGRESQL, partner)) {
        String plan = explain(c, "EXPLAIN (ANALYZE, COSTS OFF) " + k.sql().text(), k.sql().params());
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
            if (!node.group(3).startsWith("partner_certifications")) {
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
        checkPlan(k, "PostgreSQL", plan, indexes, fullScan, rowsRead);
      }
      pagesInTheSpiOrder(store, partner);
    } finally {
      db.dropSchema(schema);
    }
  }
}
