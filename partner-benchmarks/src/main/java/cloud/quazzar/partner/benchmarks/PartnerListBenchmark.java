package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.PartnerSort;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The partners list (docs/rules.md LIST-1 to LIST-3) through {@code program.registry().list(...)}
 * as the program grows, on each JDBC store, against a hand-written keyset query on the same table
 * and the same pool (the baseline, measured in the same run). Pages of {@value #PAGE} partners
 * sorted by name, ascending:
 *
 * <ul>
 *   <li>{@link #firstPage}: the first page;
 *   <li>{@link #page100}: the 100th page, one {@code list} call with the token that page 99 ended
 *       with (obtained in the set-up by paging once);
 *   <li>{@link #prefixSearch}: the name-prefix search {@link PartnerListDatabase#SEARCH_PREFIX},
 *       which matches exactly {@value PartnerListDatabase#PER_PREFIX} partners at every size: one
 *       page, no next;
 *   <li>{@link #sqlFirstPage} and {@link #sqlPage100} (baselines): {@code SELECT} the columns the
 *       store reads {@code FROM partners [WHERE name_key > ?] ORDER BY name_key [COLLATE "C" on
 *       PostgreSQL] FETCH FIRST 50 ROWS ONLY} into a plain record, on a connection of the program's
 *       pool; page 100 starts after the name key of page 99's last partner, the registry's position.
 * </ul>
 *
 * <p>Stores ({@code store}): {@code h2}, an H2 file database; {@code postgres}, a schema of its own
 * on the server of {@code -Dpartner.pg.url} (default {@value BenchStores#PG_URL}). Both are kept and
 * reused by later runs with the same partner count ({@link PartnerListDatabase}: where they are, how
 * they are loaded). The program runs on a pool set up as the store's own ({@code autoCommit} off, 8
 * connections), given with {@code JdbcStorage.dataSource}; the baselines borrow from it too.
 *
 * <p>What a {@code list} call does beyond the baseline: checks the query, verifies the token's
 * signature (page 100), opens a read-only repeatable-read transaction, asks for one row more than
 * the page (to know whether a next page exists), reads the page's client totals (one more query;
 * the benchmark's partners have no clients), makes the {@code Partner}s and signs the next token.
 *
 * <p>Run (see docs/benchmarks.md, "Partners list", for the full command): {@code java -jar
 * partner-benchmarks/target/benchmarks.jar PartnerList -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PartnerListBenchmark {
  /** Partners per page. */
  public static final int PAGE = 50;

  /** The page {@link #page100} reads. */
  static final int DEEP_PAGE = 100;

  /** The columns the store reads for a partner ({@code JdbcPartners}), in the baseline's record. */
  static final String COLUMNS = "id, company_name, contact_email, tier, status, created_at, updated_at, version";

  @Param({"h2", "postgres"})
  public String store;

  @Param({"10000", "100000", "1000000"})
  public int partners;

  private PartnerListDatabase db;
  private HikariDataSource pool;
  private PartnerRegistry registry;
  private PartnerQuery firstQuery;
  private PartnerQuery page100Query;
  private PartnerQuery prefixQuery;
  private String sqlFirst;
  private String sqlAfter;
  private String afterKey;

  /** A partner row as the baseline reads it: the store's columns, no conversion beyond JDBC's. */
  public record PartnerRow(UUID id, String companyName, String contactEmail, String tier, String status,
      Instant createdAt, Instant updatedAt, long version) {}

  @Setup(Level.Trial)
  public void setUp() throws SQLException, IOException {
    db = PartnerListDatabase.open(store, partners);
    pool = db.pool();
    registry = db.program().registry();
    firstQuery = PartnerQuery.all().sortedBy(PartnerSort.NAME, SortDirection.ASCENDING).withLimit(PAGE);
    prefixQuery = firstQuery.withNamePrefix(PartnerListDatabase.SEARCH_PREFIX);
    Page<Partner> page = registry.list(firstQuery);
    for (int n = 2; n < DEEP_PAGE; n++) {
      page = registry.list(firstQuery.withPageToken(nextToken(page, n - 1)));
    }
    page100Query = firstQuery.withPageToken(nextToken(page, DEEP_PAGE - 1));
    afterKey = Names.key(page.items().get(page.items().size() - 1).companyName());
    String order = db.postgres() ? "name_key COLLATE \"C\"" : "name_key";
    sqlFirst = "SELECT " + COLUMNS + " FROM partners ORDER BY " + order + " FETCH FIRST " + PAGE + " ROWS ONLY";
    sqlAfter = "SELECT " + COLUMNS + " FROM partners WHERE name_key > ? ORDER BY " + order + " FETCH FIRST " + PAGE
        + " ROWS ONLY";
    check();
  }

  private static String nextToken(Page<Partner> page, int number) {
    return page.nextPageToken().orElseThrow(() -> new IllegalStateException("set-up broken: page " + number
        + " has no next page"));
  }

  /** The registry and the baseline read the same partners; the search finds its block, alone. */
  private void check() throws SQLException {
    same("first page", firstPage(), sqlFirstPage());
    same("page " + DEEP_PAGE, page100(), sqlPage100());
    Page<Partner> found = prefixSearch();
    String key = Names.key(PartnerListDatabase.SEARCH_PREFIX);
    if (found.items().size() != PartnerListDatabase.PER_PREFIX || found.hasNext()
        || !found.items().stream().allMatch(p -> Names.key(p.companyName()).startsWith(key))) {
      throw new IllegalStateException("set-up broken: the search for '" + PartnerListDatabase.SEARCH_PREFIX
          + "' found " + found.items().size() + " partners" + (found.hasNext() ? " and more" : ""));
    }
  }

  private static void same(String what, Page<Partner> page, List<PartnerRow> rows) {
    List<UUID> listed = page.items().stream().map(Partner::id).map(PartnerId::value).toList();
    List<UUID> read = rows.stream().map(PartnerRow::id).toList();
    if (listed.size() != PAGE || !listed.equals(read)) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "set-up broken: the %s has %d partners by the registry and %d by the query, %s", what, listed.size(),
          read.size(), listed.equals(read) ? "the same" : "not the same"));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    db.close();
  }

  /** The first page of 50 by name. */
  @Benchmark
  public Page<Partner> firstPage() {
    return registry.list(firstQuery);
  }

  /** The 100th page of 50 by name: one call with page 99's token. */
  @Benchmark
  public Page<Partner> page100() {
    return registry.list(page100Query);
  }

  /** The partners whose name starts with {@link PartnerListDatabase#SEARCH_PREFIX}: one page of 50. */
  @Benchmark
  public Page<Partner> prefixSearch() {
    return registry.list(prefixQuery);
  }

  /** Baseline: the first 50 by name key, hand-written SQL on the same pool. */
  @Benchmark
  public List<PartnerRow> sqlFirstPage() throws SQLException {
    return sql(null);
  }

  /** Baseline: the 50 after page 99's last name key, hand-written keyset SQL on the same pool. */
  @Benchmark
  public List<PartnerRow> sqlPage100() throws SQLException {
    return sql(afterKey);
  }

  private List<PartnerRow> sql(@Nullable String after) throws SQLException {
    try (Connection c = pool.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(after == null ? sqlFirst : sqlAfter)) {
        if (after != null) {
          ps.setString(1, after);
        }
        List<PartnerRow> rows = new ArrayList<>(PAGE);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(new PartnerRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getLong(8)));
          }
        }
        return rows;
      } finally {
        // the pool's connections have auto-commit off, as the store's own pool: end the transaction
        // the query began (the pool would roll it back on close otherwise)
        c.rollback();
      }
    }
  }
}
