package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.EntryKind;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueEntryId;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueRow;
import cloud.quazzar.partner.spi.RevenueRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The revenue ledger in the table of {@code V4__revenue.sql}, inside one transaction. Append-only
 * (REV-1): the only statements that write are inserts. The unique index on the idempotency key makes
 * a key record one entry across processes (REV-2); the unique index on (partner, month, revision) keeps each
 * month one chain of revisions.
 *
 * <p>Appending many entries (a month-end run) first tries the plain bulk insert under a savepoint
 * (COPY on PostgreSQL, a JDBC batch INSERT on H2): a new run's keys are all new, and the unique index
 * still guards them. If a key is taken (a repeated run), it rolls back to the savepoint and takes the
 * idempotent path: on PostgreSQL, COPY into a temporary staging table, then one {@code INSERT ...
 * SELECT ... ON CONFLICT (idempotency_key) DO NOTHING}; on H2, one JDBC batch of standard {@code MERGE
 * ... WHEN NOT MATCHED THEN INSERT} (H2's own {@code MERGE ... KEY} would overwrite). Keys already
 * taken are then read back in one query. MariaDB has neither (its {@code INSERT IGNORE} would also
 * turn other errors into warnings): the plain batch as on H2 first, and if a key is taken, the keys
 * are looked up and only the others inserted ({@link #insertAbsent}).
 */
final class JdbcRevenue implements RevenueRepository {
  static final String COLUMNS = "id, partner_id, month_start, revision, kind, mrr_minor, currency, server_count,"
      + " client_count, idempotency_key, reason, recorded_at, supersedes_id";
  private static final String E_COLUMNS = "e." + COLUMNS.replace(", ", ", e.");
  private static final String VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

  /** PostgreSQL: insert unless the key is taken; waits for a concurrent holder of the key to finish. */
  private static final String PG_INSERT = "INSERT INTO revenue_entries (" + COLUMNS + ") VALUES (" + VALUES + ")"
      + " ON CONFLICT (idempotency_key) DO NOTHING";

  /** H2: standard MERGE inserts only the missing row (the key is bound first, then the row). */
  private static final String H2_MERGE = "MERGE INTO revenue_entries t"
      + " USING (SELECT CAST(? AS VARCHAR(200)) AS k) s ON t.idempotency_key = s.k"
      + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (" + VALUES + ")";

  private static final String STAGING = "revenue_staging";

  /** The unique index on the idempotency key ({@code V4__revenue.sql}), as MariaDB names it in errors. */
  private static final String KEY_INDEX = "revenue_entries_key_ux";

  /** The current entry of its month: no higher revision exists (answered from the revision index). */
  private static final String IS_CURRENT = " NOT EXISTS (SELECT 1 FROM revenue_entries n WHERE n.partner_id ="
      + " e.partner_id AND n.month_start = e.month_start AND n.revision > e.revision)";

  /** Rows a scan fetches per round trip. */
  static final int FETCH_SIZE = 1000;

  /** Keys per IN list when reading back taken keys. */
  private static final int MAX_IN_LIST = 1000;

  private final Jdbc jdbc;

  JdbcRevenue(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<RevenueEntry> appendAbsent(List<RevenueEntry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    Supplier<String> duplicate = () -> "a partner month already has the revision being appended (or an id is"
        + " taken) among " + entries.size() + " revenue entries, e.g. partner " + entries.get(0).partnerId()
        + " month " + entries.get(0).month();
    List<String> taken;
    Dialect dialect = jdbc.dialect();
    if (dialect == Dialect.MARIADB) {
      // no ON CONFLICT or standard MERGE: look the keys up, insert the rest (one batch, sent by the
      // driver as one bulk command); a single entry skips the optimistic try
      taken = jdbc.withConnection("INSERT INTO revenue_entries", duplicate, entries.size() == 1
          ? c -> insertAbsent(c, dialect, entries)
          : c -> optimistically(c, () -> insertBatch(c, dialect, entries), () -> insertAbsent(c, dialect, entries)));
    } else if (entries.size() == 1) {
      RevenueEntry e = entries.get(0);
      int inserted = jdbc.dialect() == Dialect.POSTGRESQL
          ? jdbc.update(duplicate, PG_INSERT, params(e))
          : jdbc.update(duplicate, H2_MERGE, withKeyFirst(e));
      taken = inserted == 1 ? List.of() : List.of(e.idempotencyKey());
    } else if (jdbc.dialect() == Dialect.POSTGRESQL) {
      taken = jdbc.withConnection("COPY revenue_entries", duplicate,
          c -> optimistically(c, () -> copy(c, "revenue_entries", entries), () -> copyThenInsert(c, entries)));
    } else {
      taken = jdbc.withConnection(H2_MERGE, duplicate,
          c -> optimistically(c, () -> insertBatch(c, dialect, entries), () -> mergeBatch(c, dialect, entries)));
    }
    return taken.isEmpty() ? List.of() : readTaken(entries, taken);
  }

  /** The stored entries of the taken keys, in the order of {@code entries}. */
  private List<RevenueEntry> readTaken(List<RevenueEntry> entries, List<String> taken) {
    Map<String, RevenueEntry> byKey = new HashMap<>();
    for (int from = 0; from < taken.size(); from += MAX_IN_LIST) {
      List<String> chunk = taken.subList(from, Math.min(taken.size(), from + MAX_IN_LIST));
      for (RevenueEntry e : jdbc.list("SELECT " + COLUMNS + " FROM revenue_entries WHERE idempotency_key IN ("
          + Jdbc.placeholders(chunk.size()) + ")", this::entry, chunk.toArray())) {
        byKey.put(e.idempotencyKey(), e);
      }
    }
    List<RevenueEntry> out = new ArrayList<>(taken.size());
    for (RevenueEntry e : entries) {
      RevenueEntry stored = byKey.get(e.idempotencyKey());
      if (stored != null && !stored.id().equals(e.id())) {
        out.add(stored);
      }
    }
    if (out.size() != taken.size()) {
      // the holder of a key was rolled back after we waited for it: let core run the write again
      throw new ConflictException(ConflictException.Reason.DUPLICATE,
          "an idempotency key was taken by a concurrent transaction that did not commit; try again");
    }
    return out;
  }

  /** A bulk step that may hit a taken key. */
  @FunctionalInterface
  private interface Step<T> {
    T run() throws SQLException;
  }

  /**
   * The month-end fast path: a new run's keys are all new, so first try the plain bulk insert
   * (COPY on PostgreSQL, a batch INSERT on H2) under a savepoint; only if a key turns out to be
   * taken, roll back to the savepoint and take the idempotent path, which reports the taken keys.
   * Any other error propagates (the transaction then rolls back).
   */
  private static List<String> optimistically(Connection c, Step<?> plain, Step<List<String>> idempotent)
      throws SQLException {
    java.sql.Savepoint savepoint = c.setSavepoint();
    try {
      plain.run();
    } catch (SQLException e) {
      if (!Jdbc.uniqueViolation(e)) {
        throw e;
      }
      c.rollback(savepoint);
      return idempotent.run();
    }
    c.releaseSavepoint(savepoint);
    return List.of();
  }

  /** The plain batch INSERT (H2, MariaDB), the same statement as a host's own batch would be. */
  private static int[] insertBatch(Connection c, Dialect dialect, List<RevenueEntry> entries) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO revenue_entries (" + COLUMNS + ") VALUES (" + VALUES + ")")) {
      Binder binder = new Binder(dialect);
      for (RevenueEntry e : entries) {
        binder.bind(ps, 1, e);
        ps.addBatch();
      }
      return ps.executeBatch();
    }
  }

  /**
   * MariaDB's idempotent path: reads which keys are stored, inserts the entries of the others in
   * one batch, and returns the stored ones. A key stored by a concurrent transaction in between
   * (InnoDB makes the insert wait for that transaction, then reports the duplicate) is reported as
   * a serialization failure, SQLSTATE 40001, so the store runs the whole transaction again and
   * then finds the key; a duplicate of another unique index (a partner month's revision) stays a
   * unique violation.
   */
  private static List<String> insertAbsent(Connection c, Dialect dialect, List<RevenueEntry> entries)
      throws SQLException {
    java.util.Set<String> stored = new java.util.HashSet<>();
    for (int from = 0; from < entries.size(); from += MAX_IN_LIST) {
      List<RevenueEntry> chunk = entries.subList(from, Math.min(entries.size(), from + MAX_IN_LIST));
      try (PreparedStatement ps = c.prepareStatement("SELECT idempotency_key FROM revenue_entries"
          + " WHERE idempotency_key IN (" + Jdbc.placeholders(chunk.size()) + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i).idempotencyKey());
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            stored.add(rs.getString(1));
          }
        }
      }
    }
    List<RevenueEntry> absent = new ArrayList<>(entries.size() - stored.size());
    List<String> taken = new ArrayList<>(stored.size());
    for (RevenueEntry e : entries) {
      if (stored.contains(e.idempotencyKey())) {
        taken.add(e.idempotencyKey());
      } else {
        absent.add(e);
      }
    }
    if (!absent.isEmpty()) {
      try {
        insertBatch(c, dialect, absent);
      } catch (SQLException e) {
        if (Jdbc.uniqueViolation(e) && String.valueOf(e.getMessage()).contains(KEY_INDEX)) {
          throw new java.sql.SQLTransactionRollbackException("an idempotency key was stored by a concurrent"
              + " transaction meanwhile: " + Jdbc.firstLine(e), "40001", e);
        }
        throw e;
      }
    }
    return taken;
  }

  /** PostgreSQL's idempotent bulk path; returns the keys that were already taken. */
  private static List<String> copyThenInsert(Connection c, List<RevenueEntry> entries) throws SQLException {
    try (Statement st = c.createStatement()) {
      // per connection, emptied at commit; created again if a rolled-back transaction created it
      st.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + STAGING
          + " (LIKE revenue_entries INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
    }
    copy(c, STAGING, entries);
    List<String> taken = new ArrayList<>(0);
    try (Statement st = c.createStatement()) {
      int inserted = st.executeUpdate("INSERT INTO revenue_entries (" + COLUMNS + ") SELECT " + COLUMNS + " FROM "
          + STAGING + " ON CONFLICT (idempotency_key) DO NOTHING");
      if (inserted < entries.size()) {
        try (ResultSet rs = st.executeQuery("SELECT s.idempotency_key FROM " + STAGING + " s"
            + " JOIN revenue_entries e ON e.idempotency_key = s.idempotency_key WHERE e.id <> s.id")) {
          while (rs.next()) {
            taken.add(rs.getString(1));
          }
        }
      }
      st.execute("TRUNCATE " + STAGING);
    }
    return taken;
  }

  /** COPY of the entries into {@code table}, in PostgreSQL's text format, streamed in 64 KB pieces. */
  private static long copy(Connection c, String table, List<RevenueEntry> entries) throws SQLException {
    return PostgresCopy.copyIn(c, "COPY " + table + " (" + COLUMNS + ") FROM STDIN (FORMAT text)", entries, JdbcRevenue::copyLine);
  }

  /** One line of COPY's text format: tab-separated, {@code \N} for NULL, backslash escapes. */
  private static void copyLine(StringBuilder sb, RevenueEntry e) {
    sb.append(e.id()).append('\t')
        .append(e.partnerId()).append('\t')
        .append(e.month().atDay(1)).append('\t')
        .append(e.revision()).append('\t')
        .append(e.kind().name()).append('\t')
        .append(e.mrr().minorUnits()).append('\t')
        .append(e.mrr().currency().getCurrencyCode()).append('\t')
        .append(e.serverCount()).append('\t')
        .append(e.clientCount()).append('\t');
    copyText(sb, e.idempotencyKey());
    sb.append('\t');
    if (e.reason().isEmpty()) {
      sb.append("\\N");
    } else {
      copyText(sb, e.reason().get());
    }
    sb.append('\t').append(e.recordedAt()).append('\t');
    sb.append(e.supersedes().map(RevenueEntryId::toString).orElse("\\N")).append('\n');
  }

  /** Appends {@code text} escaped for COPY's text format (also used for the event log). */
  static void copyText(StringBuilder sb, String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(ch);
      }
    }
  }

  /** H2's bulk path: one batch of MERGE; a row count of 0 means the key was taken. */
  private static List<String> mergeBatch(Connection c, Dialect dialect, List<RevenueEntry> entries)
      throws SQLException {
    List<String> taken = new ArrayList<>(0);
    try (PreparedStatement ps = c.prepareStatement(H2_MERGE)) {
      Binder binder = new Binder(dialect);
      for (RevenueEntry e : entries) {
        ps.setString(1, e.idempotencyKey());
        binder.bind(ps, 2, e);
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          taken.add(entries.get(i).idempotencyKey());
        }
      }
    }
    return taken;
  }

  /**
   * Binds one entry's columns (in {@link #COLUMNS} order) as {@link Jdbc} would, without its
   * per-row boxing: the batch path binds thousands of rows. Keeps the last month and time, which
   * the rows of a month-end batch share.
   */
  private static final class Binder {
    private final Dialect dialect;
    private YearMonth month = YearMonth.of(1, 1);
    private LocalDate monthStart = LocalDate.of(1, 1, 1);
    private java.time.Instant at = java.time.Instant.EPOCH;
    private Object atUtc;

    Binder(Dialect dialect) {
      this.dialect = dialect;
      this.atUtc = dialect.timestamp(at);
    }

    void bind(PreparedStatement ps, int first, RevenueEntry e) throws SQLException {
      if (!e.month().equals(month)) {
        month = e.month();
        monthStart = month.atDay(1);
      }
      if (!e.recordedAt().equals(at)) {
        at = e.recordedAt();
        atUtc = dialect.timestamp(at);
      }
      int i = first;
      ps.setObject(i++, e.id().value());
      ps.setObject(i++, e.partnerId().value());
      ps.setObject(i++, monthStart);
      ps.setInt(i++, e.revision());
      ps.setString(i++, e.kind().name());
      ps.setLong(i++, e.mrr().minorUnits());
      ps.setString(i++, e.mrr().currency().getCurrencyCode());
      ps.setLong(i++, e.serverCount());
      ps.setLong(i++, e.clientCount());
      ps.setString(i++, e.idempotencyKey());
      if (e.reason().isEmpty()) {
        ps.setNull(i++, Types.VARCHAR);
      } else {
        ps.setString(i++, e.reason().get());
      }
      ps.setObject(i++, atUtc);
      if (e.supersedes().isEmpty()) {
        ps.setNull(i, Types.OTHER);
      } else {
        ps.setObject(i, e.supersedes().get().value());
      }
    }
  }

  private static Object[] params(RevenueEntry e) {
    return new Object[] {
        e.id().value(), e.partnerId().value(), e.month().atDay(1), e.revision(), e.kind(), e.mrr().minorUnits(),
        e.mrr().currency().getCurrencyCode(), e.serverCount(), e.clientCount(), e.idempotencyKey(),
        Jdbc.nullable(e.reason(), Types.VARCHAR), e.recordedAt(),
        Jdbc.nullable(e.supersedes().map(RevenueEntryId::value), Types.OTHER)};
  }

  private static Object[] withKeyFirst(RevenueEntry e) {
    Object[] row = params(e);
    Object[] out = new Object[row.length + 1];
    out[0] = e.idempotencyKey();
    System.arraycopy(row, 0, out, 1, row.length);
    return out;
  }

  @Override
  public int eraseReasons(PartnerId partnerId, String replacement) {
    return jdbc.update("UPDATE revenue_entries SET reason = ? WHERE partner_id = ? AND reason IS NOT NULL"
        + " AND reason <> ?", replacement, partnerId.value(), replacement);
  }

  @Override
  public Optional<RevenueEntry> findByKey(String idempotencyKey) {
    return jdbc.first("SELECT " + COLUMNS + " FROM revenue_entries WHERE idempotency_key = ?", this::entry,
        idempotencyKey);
  }

  @Override
  public List<RevenueEntry> history(PartnerId partnerId, YearMonth month) {
    return jdbc.list("SELECT " + COLUMNS + " FROM revenue_entries WHERE partner_id = ? AND month_start = ?"
        + " ORDER BY revision", this::entry, partnerId.value(), month.atDay(1));
  }

  @Override
  public List<RevenueEntry> history(PartnerId partnerId, YearMonth month, int afterRevision, int limit) {
    // LIST-4: seeks through revenue_entries_revision_ux (partner_id, month_start, revision)
    return jdbc.list("SELECT " + COLUMNS + " FROM revenue_entries WHERE partner_id = ? AND month_start = ?"
            + " AND revision > ? ORDER BY partner_id, month_start, revision FETCH FIRST ? ROWS ONLY",
        this::entry, partnerId.value(), month.atDay(1), afterRevision, limit);
  }

  @Override
  public List<RevenueEntry> current(PartnerId partnerId, YearMonth from, YearMonth to) {
    return jdbc.list("SELECT " + E_COLUMNS + " FROM revenue_entries e WHERE e.partner_id = ? AND e.month_start >= ?"
        + " AND e.month_start <= ? AND" + IS_CURRENT + " ORDER BY e.month_start", this::entry,
        partnerId.value(), from.atDay(1), to.atDay(1));
  }

  @Override
  public Optional<YearMonth> lastMonth(PartnerId partnerId) {
    return jdbc.first("SELECT MAX(month_start) AS last_month FROM revenue_entries WHERE partner_id = ?",
            rs -> Optional.ofNullable(rs.getObject("last_month", LocalDate.class)), partnerId.value())
        .flatMap(d -> d.map(YearMonth::from));
  }

  @Override
  public void scan(RevenueFilter filter, Consumer<RevenueRow> visitor) {
    StringBuilder sql = new StringBuilder("SELECT " + E_COLUMNS + ", p.company_name, p.tier"
        + " FROM revenue_entries e JOIN partners p ON p.id = e.partner_id WHERE" + IS_CURRENT);
    List<Object> params = new ArrayList<>();
    if (filter.partnerId().isPresent()) {
      sql.append(" AND e.partner_id = ?");
      params.add(filter.partnerId().get().value());
    }
    if (filter.from().isPresent()) {
      sql.append(" AND e.month_start >= ?");
      params.add(filter.from().get().atDay(1));
    }
    if (filter.to().isPresent()) {
      sql.append(" AND e.month_start <= ?");
      params.add(filter.to().get().atDay(1));
    }
    if (!filter.tiers().isEmpty()) {
      sql.append(" AND p.tier IN (").append(Jdbc.placeholders(filter.tiers().size())).append(')');
      params.addAll(filter.tiers());
    }
    sql.append(" ORDER BY e.month_start, ").append(jdbc.dialect().orderByText("p.name_key")).append(", p.id");
    jdbc.stream(sql.toString(), FETCH_SIZE,
        rs -> new RevenueRow(rs.getString("company_name"), Jdbc.enumValue(rs, "tier", Tier.class), entry(rs)),
        visitor, params.toArray());
  }

  /** The entry of the current row, by the column names of {@link #COLUMNS} (also for joined reads). */
  private RevenueEntry entry(ResultSet rs) throws SQLException {
    return entry(rs, jdbc.dialect());
  }

  /** The entry in the current row ({@link #COLUMNS}), its time read as {@code dialect} stores it. */
  static RevenueEntry entry(ResultSet rs, Dialect dialect) throws SQLException {
    LocalDate month = rs.getObject("month_start", LocalDate.class);
    return new RevenueEntry(
        new RevenueEntryId(Jdbc.uuid(rs, "id")),
        new PartnerId(Jdbc.uuid(rs, "partner_id")),
        YearMonth.from(month),
        rs.getInt("revision"),
        Jdbc.enumValue(rs, "kind", EntryKind.class),
        Money.ofMinor(rs.getLong("mrr_minor"), Currency.getInstance(rs.getString("currency"))),
        rs.getLong("server_count"),
        rs.getLong("client_count"),
        rs.getString("idempotency_key"),
        Jdbc.optionalString(rs, "reason"),
        dialect.instant(rs, "recorded_at"),
        Jdbc.optionalUuid(rs, "supersedes_id").map(RevenueEntryId::new));
  }
}
