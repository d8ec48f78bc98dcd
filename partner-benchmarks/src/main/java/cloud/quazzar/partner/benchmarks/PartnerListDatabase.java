package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.Tier;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The database of {@link PartnerListBenchmark}: {@code partners} partners on H2 or PostgreSQL,
 * loaded once and reused by every later run that asks for the same number, with a program on it.
 *
 * <ul>
 *   <li>{@code h2}: an H2 file database of its own per partner count, {@code h2-<count>/partners.mv.db}
 *       under {@link #workDir()} (the benchmark module's {@code target/partner-list-bench}).
 *   <li>{@code postgres}: a schema of its own per partner count, {@code bench_partner_list_<count>},
 *       on the server of {@code -Dpartner.pg.url} (default {@value BenchStores#PG_URL}), user {@code
 *       -Dpartner.pg.user} (default {@code postgres}, no password). It is kept after the run, for
 *       the next; drop it with {@code DROP SCHEMA bench_partner_list_<count> CASCADE}.
 * </ul>
 *
 * <p>The store migrates the database first (a new one from nothing); the partners then go straight
 * into {@code partners} and {@code partner_tier_history}, as {@code PartnerRegistry.add} would
 * write them (a cleaned name with its {@link Names#key}, the {@code tier_rank} of {@code
 * V8__partner_lists.sql}, the first tier history entry), but in bulk: batched {@code INSERT}s on
 * H2, {@code COPY} on PostgreSQL, then statistics ({@code ANALYZE}; {@code VACUUM (ANALYZE)} on
 * PostgreSQL), and an H2 file is compacted ({@code SHUTDOWN COMPACT}), as a database that has run
 * for a while would be. A table {@code partner_list_bench_load}, written last, records the count,
 * the version of the name generator and how long the load took; a database without it, or with
 * other values, is dropped and loaded again. The benchmark then opens the database the same way
 * whether it was loaded now or by an earlier run.
 *
 * <p>Names ({@link #name}): partner {@code i} of {@code n} sits at position {@code x = i * }{@value
 * #SPREAD}{@code  mod n} (a permutation, so name order is not insertion order); the positions are
 * cut in blocks of {@value #PER_PREFIX}, each block has its own four-letter prefix, and the name is
 * the prefix, a word and a number: {@code "Legy Cloud 3"}. So every prefix, {@link #SEARCH_PREFIX}
 * included, matches exactly {@value #PER_PREFIX} partners whatever {@code n} is.
 *
 * <p>Run alone ({@link #main}) it loads, or finds already loaded, the databases named on the
 * command line and prints how long each load took; the benchmark's set-up, which may not write to
 * the console, appends the same line to {@code loads.txt} in {@link #workDir()}.
 */
final class PartnerListDatabase implements AutoCloseable {
  /** Partners per four-letter name prefix: the name-prefix search returns one page of this many. */
  static final int PER_PREFIX = 50;

  /**
   * Multiplies the partner's number into its position among the names: a prime that divides no
   * count the benchmark uses ({@link #requireValid}), so the map is a permutation.
   */
  static final long SPREAD = 999_983;

  /** 26 to the 4th: the four-letter prefixes. */
  static final int PREFIXES = 26 * 26 * 26 * 26;

  /** Spreads the blocks over the prefixes: coprime with {@link #PREFIXES} (neither 2 nor 13 divides it). */
  private static final long PREFIX_STEP = 104_729;

  private static final long PREFIX_OFFSET = 271_828;

  /** The block whose prefix the name-prefix search asks for; every count from 10,000 up has it. */
  static final int SEARCH_BLOCK = 104;

  /** The prefix of the search, {@code "Legy"}: {@value #PER_PREFIX} partners have it at every count. */
  static final String SEARCH_PREFIX = prefix(SEARCH_BLOCK);

  /** The version of {@link #name} and of the rows written: a database loaded by another is loaded again. */
  static final int GENERATOR = 2;

  /** The smallest count: page 100 and the search's block exist from here. */
  static final int MIN_PARTNERS = 10_000;

  private static final String[] WORDS = {
    "Cloud", "Systems", "Networks", "Data", "Labs", "Hosting", "Digital", "Solutions", "Partners", "Group"
  };

  /** The creation time of partner 0; partner {@code i} was created {@code i} seconds later. */
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** What the registry writes as a partner's first tier history entry. */
  private static final String INITIAL_BY = "registry";

  private static final String INITIAL_REASON = "initial tier";

  /** Rows per JDBC batch, and per transaction, of the H2 load. */
  private static final int H2_BATCH = 1_000;

  private static final int H2_COMMIT = 20_000;

  private static final String MARKER = "partner_list_bench_load";

  /** Connections of the pool: the store's own pool's default size ({@link JdbcStorage#DEFAULT_POOL_SIZE}). */
  private static final int POOL_SIZE = JdbcStorage.DEFAULT_POOL_SIZE;

  private final String store;
  private final int partners;
  private final HikariDataSource pool;
  private final PartnerProgram program;
  private final boolean loadedNow;
  private final long loadMillis;

  private PartnerListDatabase(String store, int partners, HikariDataSource pool, PartnerProgram program,
      boolean loadedNow, long loadMillis) {
    this.store = store;
    this.partners = partners;
    this.pool = pool;
    this.program = program;
    this.loadedNow = loadedNow;
    this.loadMillis = loadMillis;
  }

  // ---- names ---------------------------------------------------------------------------------

  /** The four-letter prefix of block {@code block}: a capital and three small letters. */
  static String prefix(int block) {
    int c = (int) ((block * PREFIX_STEP + PREFIX_OFFSET) % PREFIXES);
    char[] letters = {
      (char) ('A' + c / (26 * 26 * 26)), (char) ('a' + c / (26 * 26) % 26), (char) ('a' + c / 26 % 26),
      (char) ('a' + c % 26)
    };
    return new String(letters);
  }

  /** The company name of partner {@code i} of {@code n}: cleaned (TEXT-1), unique by key (TEXT-2). */
  static String name(int i, int n) {
    int x = (int) (i * SPREAD % n);
    int member = x % PER_PREFIX;
    return prefix(x / PER_PREFIX) + " " + WORDS[member % WORDS.length] + " " + (member / WORDS.length + 1);
  }

  static String email(int i) {
    return "partner" + i + "@bench.example";
  }

  static UUID id(int i) {
    return new UUID(0xB0B5_1157_0000_4000L, 0x8000_0000_0000_0000L | i);
  }

  static Tier tier(int i) {
    return switch (i % 3) {
      case 0 -> Tier.SILVER;
      case 1 -> Tier.GOLD;
      default -> Tier.PLATINUM;
    };
  }

  /** {@code partners.tier_rank} of V8: SILVER 1, GOLD 2, PLATINUM 3. */
  static int tierRank(int i) {
    return i % 3 + 1;
  }

  static Instant createdAt(int i) {
    return T0.plusSeconds(i);
  }

  /** Refuses counts the names cannot serve: below {@value #MIN_PARTNERS}, not whole blocks, too many. */
  static void requireValid(int partners) {
    if (partners < MIN_PARTNERS || partners % PER_PREFIX != 0 || partners / PER_PREFIX > PREFIXES
        || partners % SPREAD == 0) {
      throw new IllegalArgumentException("partners must be a multiple of " + PER_PREFIX + " from " + MIN_PARTNERS
          + " to " + (long) PER_PREFIX * PREFIXES + " and not a multiple of " + SPREAD + ", got " + partners);
    }
  }

  // ---- where the databases are --------------------------------------------------------------

  /**
   * {@code -Dpartner.bench.dir}, else {@code partner-list-bench} beside the code: {@code
   * partner-benchmarks/target/partner-list-bench} for {@code target/benchmarks.jar} and for {@code
   * target/classes} alike.
   */
  static Path workDir() {
    String set = System.getProperty("partner.bench.dir");
    if (set != null) {
      return Path.of(set).toAbsolutePath();
    }
    try {
      Path code = Path.of(PartnerListDatabase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path parent = code.toAbsolutePath().getParent();
      if (parent == null) {
        throw new IllegalStateException("no directory above " + code + ": set -Dpartner.bench.dir");
      }
      return parent.resolve("partner-list-bench");
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the benchmark's code: set -Dpartner.bench.dir", e);
    }
  }

  private static Path h2Dir(int partners) {
    return workDir().resolve("h2-" + partners);
  }

  private static String h2Url(int partners) {
    // the options of the store's own H2 pool (JdbcStorage.h2File)
    return "jdbc:h2:file:" + h2Dir(partners).resolve("partners") + ";LOCK_TIMEOUT=10000;TRACE_LEVEL_FILE=0";
  }

  static String pgSchema(int partners) {
    return "bench_partner_list_" + partners;
  }

  private static String pgUrl() {
    return System.getProperty("partner.pg.url", BenchStores.PG_URL);
  }

  private static String pgUser() {
    return System.getProperty("partner.pg.user", "postgres");
  }

  private static boolean postgres(String store) {
    return switch (store) {
      case "h2" -> false;
      case "postgres" -> true;
      default -> throw new IllegalArgumentException("store must be h2 or postgres, got " + store);
    };
  }

  // ---- opening ------------------------------------------------------------------------------

  /**
   * The database of {@code partners} partners on {@code store} ({@code h2} or {@code postgres}),
   * loaded now unless a load of the same count and generator is there, with a program on it.
   */
  static PartnerListDatabase open(String store, int partners) throws SQLException, IOException {
    requireValid(partners);
    boolean pg = postgres(store);
    OptionalLong loaded = pg ? loadedPostgres(partners) : loadedH2(partners);
    long loadMillis = loaded.isPresent() ? loaded.getAsLong() : load(store, pg, partners);
    // opened the same way whether loaded now or by an earlier run
    HikariDataSource pool = pool(store, pg, partners);
    try {
      PartnerProgram program = PartnerProgram.builder().storage(JdbcStorage.dataSource(pool)).build();
      PartnerListDatabase db = new PartnerListDatabase(store, partners, pool, program, loaded.isEmpty(), loadMillis);
      if (loaded.isEmpty()) {
        Files.createDirectories(workDir());
        Files.writeString(workDir().resolve("loads.txt"), db.describe() + System.lineSeparator(),
            StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
      return db;
    } catch (IOException | RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * Makes the database from nothing: drops what is there, lets the store migrate it, loads the
   * partners, gathers statistics, compacts an H2 file (it is written as append-only chunks:
   * about ten times its compacted size after a bulk load) and marks it loaded.
   *
   * @return how long it took, in milliseconds
   */
  private static long load(String store, boolean pg, int partners) throws SQLException, IOException {
    long start = System.nanoTime();
    if (pg) {
      try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), null); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + pgSchema(partners) + " CASCADE");
        // the pool's search path names the schema; Flyway needs it to exist to migrate into it
        s.execute("CREATE SCHEMA " + pgSchema(partners));
      }
    } else {
      deleteTree(h2Dir(partners));
      Files.createDirectories(h2Dir(partners));
    }
    try (HikariDataSource loading = pool(store, pg, partners)) {
      PartnerProgram program = PartnerProgram.builder().storage(JdbcStorage.dataSource(loading)).build(); // migrates
      try (Connection c = loading.getConnection()) {
        if (pg) {
          loadPostgres(c, partners);
        } else {
          loadH2(c, partners);
        }
      } finally {
        program.close();
      }
    }
    if (!pg) {
      try (Connection c = DriverManager.getConnection(h2Url(partners), "sa", ""); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN COMPACT");
      }
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    try (Connection c = pg ? DriverManager.getConnection(pgUrl(), pgUser(), null)
            : DriverManager.getConnection(h2Url(partners), "sa", "");
        Statement s = c.createStatement()) {
      String table = pg ? pgSchema(partners) + "." + MARKER : MARKER;
      s.execute("CREATE TABLE " + table + " (partners INTEGER NOT NULL, generator INTEGER NOT NULL,"
          + " load_millis BIGINT NOT NULL)");
      s.execute("INSERT INTO " + table + " VALUES (" + partners + ", " + GENERATOR + ", " + millis + ")");
    }
    return millis;
  }

  /**
   * A pool set up as the store sets up its own ({@code JdbcStorage.h2File}, {@code JdbcStorage.url}
   * with a schema): auto-commit off, {@value JdbcStorage#DEFAULT_POOL_SIZE} connections, the
   * schema as the search path of every PostgreSQL connection. The program and the hand-written
   * queries share it.
   */
  private static HikariDataSource pool(String store, boolean pg, int partners) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("partner-list-" + store + "-" + partners);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(2);
    config.setAutoCommit(false);
    if (pg) {
      config.setJdbcUrl(pgUrl());
      config.setUsername(pgUser());
      config.addDataSourceProperty("currentSchema", pgSchema(partners));
    } else {
      config.setJdbcUrl(h2Url(partners));
      config.setUsername("sa");
      config.setPassword("");
    }
    return new HikariDataSource(config);
  }

  /** The load time recorded by a load of this count and generator, if the H2 database has one. */
  private static OptionalLong loadedH2(int partners) {
    if (!Files.exists(h2Dir(partners).resolve("partners.mv.db"))) {
      return OptionalLong.empty();
    }
    try (Connection c = DriverManager.getConnection(h2Url(partners), "sa", "")) {
      return marked(c, partners, MARKER);
    } catch (SQLException e) {
      return OptionalLong.empty(); // not a database this class finished loading
    }
  }

  /** The load time recorded by a load of this count and generator, if the schema has one. */
  private static OptionalLong loadedPostgres(int partners) throws SQLException {
    try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), null)) {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
        ps.setString(1, pgSchema(partners));
        ps.setString(2, MARKER);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return OptionalLong.empty();
          }
        }
      }
      return marked(c, partners, pgSchema(partners) + "." + MARKER);
    }
  }

  private static OptionalLong marked(Connection c, int partners, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT partners, generator, load_millis FROM " + table)) {
      if (rs.next() && rs.getInt(1) == partners && rs.getInt(2) == GENERATOR) {
        return OptionalLong.of(rs.getLong(3));
      }
      return OptionalLong.empty();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  // ---- loading ------------------------------------------------------------------------------

  private static final String PARTNER_COLUMNS =
      "id, company_name, name_key, contact_email, tier, tier_rank, status, created_at, updated_at, version";

  private static final String HISTORY_COLUMNS =
      "partner_id, sequence_no, from_tier, to_tier, changed_at, changed_by, reason";

  /** Batched INSERTs, {@value #H2_BATCH} rows a batch, a commit every {@value #H2_COMMIT} partners. */
  private static void loadH2(Connection c, int partners) throws SQLException {
    try (PreparedStatement partner = c.prepareStatement(
            "INSERT INTO partners (" + PARTNER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, 1)");
        PreparedStatement history = c.prepareStatement(
            "INSERT INTO partner_tier_history (" + HISTORY_COLUMNS + ") VALUES (?, 1, NULL, ?, ?, ?, ?)")) {
      for (int from = 0; from < partners; from += H2_COMMIT) {
        int to = Math.min(partners, from + H2_COMMIT);
        for (int i = from; i < to; i++) {
          String name = name(i, partners);
          OffsetDateTime created = OffsetDateTime.ofInstant(createdAt(i), ZoneOffset.UTC);
          partner.setObject(1, id(i));
          partner.setString(2, name);
          partner.setString(3, Names.key(name));
          partner.setString(4, email(i));
          partner.setString(5, tier(i).name());
          partner.setInt(6, tierRank(i));
          partner.setObject(7, created);
          partner.setObject(8, created);
          partner.addBatch();
          if ((i + 1) % H2_BATCH == 0 || i + 1 == to) {
            partner.executeBatch();
          }
        }
        for (int i = from; i < to; i++) {
          history.setObject(1, id(i));
          history.setString(2, tier(i).name());
          history.setObject(3, OffsetDateTime.ofInstant(createdAt(i), ZoneOffset.UTC));
          history.setString(4, INITIAL_BY);
          history.setString(5, INITIAL_REASON);
          history.addBatch();
          if ((i + 1) % H2_BATCH == 0 || i + 1 == to) {
            history.executeBatch();
          }
        }
        c.commit();
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
    c.commit();
  }

  /** One {@code COPY} per table in one transaction, then {@code VACUUM (ANALYZE)}. */
  private static void loadPostgres(Connection c, int partners) throws SQLException {
    PGConnection pg = c.unwrap(PGConnection.class);
    copy(pg, "COPY partners (" + PARTNER_COLUMNS + ") FROM STDIN (FORMAT text)", partners, (line, i) -> {
      String name = name(i, partners);
      String created = createdAt(i).toString();
      line.append(id(i)).append('\t').append(name).append('\t').append(Names.key(name)).append('\t')
          .append(email(i)).append('\t').append(tier(i).name()).append('\t').append(tierRank(i))
          .append("\tACTIVE\t").append(created).append('\t').append(created).append("\t1\n");
    });
    copy(pg, "COPY partner_tier_history (" + HISTORY_COLUMNS + ") FROM STDIN (FORMAT text)", partners,
        (line, i) -> line.append(id(i)).append("\t1\t\\N\t").append(tier(i).name()).append('\t')
            .append(createdAt(i)).append('\t').append(INITIAL_BY).append('\t').append(INITIAL_REASON).append('\n'));
    c.commit();
    c.setAutoCommit(true); // VACUUM runs outside a transaction; the pool restores auto-commit off
    try (Statement s = c.createStatement()) {
      s.execute("VACUUM (ANALYZE) partners, partner_tier_history");
    } finally {
      c.setAutoCommit(false);
    }
  }

  /** Writes line {@code i} of a COPY's text, for each partner. */
  private interface Line {
    void write(StringBuilder line, int i);
  }

  /**
   * Streams {@code partners} lines (names, keys and emails hold no tab, backslash or line break, so
   * none needs escaping) in pieces of about 64 KB.
   */
  private static void copy(PGConnection pg, String sql, int partners, Line line) throws SQLException {
    CopyIn copy = pg.getCopyAPI().copyIn(sql);
    try {
      StringBuilder sb = new StringBuilder(70 * 1024);
      for (int i = 0; i < partners; i++) {
        line.write(sb, i);
        if (sb.length() > 64 * 1024 || i + 1 == partners) {
          byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
          copy.writeToCopy(bytes, 0, bytes.length);
          sb.setLength(0);
        }
      }
      long rows = copy.endCopy();
      if (rows != partners) {
        throw new IllegalStateException("COPY wrote " + rows + " rows, expected " + partners + ": " + sql);
      }
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  // ---- use ----------------------------------------------------------------------------------

  /** The pool the program runs on, for the hand-written queries. */
  HikariDataSource pool() {
    return pool;
  }

  PartnerProgram program() {
    return program;
  }

  boolean postgres() {
    return postgres(store);
  }

  /** One line: the store, the count, and the load (now or earlier) with its speed. */
  String describe() {
    double seconds = loadMillis / 1000.0;
    return String.format(Locale.ROOT, "%s, %,d partners: %s %.1f s (%,.0f partners/s; migration, partners and"
            + " tier history, statistics%s), %s", store, partners, loadedNow ? "loaded in" : "reused; its load took",
        seconds, partners / Math.max(seconds, 0.001), postgres() ? "" : ", compaction",
        postgres() ? "schema " + pgSchema(partners) : h2Dir(partners));
  }

  /** Closes the program and the pool; the database stays for the next run. */
  @Override
  public void close() {
    try {
      program.close();
    } finally {
      pool.close();
    }
  }

  /**
   * Loads, or finds loaded, the databases named by the arguments and prints each one's load time:
   * stores ({@code h2}, {@code postgres}; both if none is named) and partner counts (10000, 100000
   * and 1000000 if none is given), in any order, e.g. {@code h2 1000000}.
   *
   * @param args stores and counts
   * @throws Exception if a database cannot be opened or loaded
   */
  public static void main(String[] args) throws Exception {
    List<String> stores = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (String a : args) {
      if (a.chars().allMatch(Character::isDigit) && !a.isEmpty()) {
        counts.add(Integer.parseInt(a));
      } else {
        postgres(a); // checks the name
        stores.add(a);
      }
    }
    if (stores.isEmpty()) {
      stores = List.of("h2", "postgres");
    }
    if (counts.isEmpty()) {
      counts = List.of(10_000, 100_000, 1_000_000);
    }
    PrintStream out = System.out;
    for (String store : stores) {
      for (int count : counts) {
        try (PartnerListDatabase db = open(store, count)) {
          out.println(db.describe());
        }
      }
    }
  }
}
