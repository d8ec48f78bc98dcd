package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationState;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.spi.CertificationRecord;
import cloud.quazzar.partner.spi.CertificationRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Certifications in the table of {@code V3__certifications.sql}, inside one transaction. Optimistic
 * locking comes from {@code UPDATE ... WHERE id = ? AND version = ?}, the sweep's compare-and-set
 * (CERT-8) from {@code UPDATE ... WHERE id = ? AND reported_status = ?}; the range queries (CERT-7)
 * use the indexes on {@code (record_state, expiry_date, partner_id, id)} and {@code
 * (reported_status, expiry_date)}. The pages of LIST-4 seek through the indexes of {@code
 * V10__certification_lists.sql}; the store writes each record's {@code name_key} ({@link
 * Names#key} of its name) with it.
 */
final class JdbcCertifications implements CertificationRepository {
  private static final String COLUMNS = "id, partner_id, name, skill_area, cert_level, holder, issue_date,"
      + " expiry_date, record_state, renewal_of, revoked_by, revocation_reason, reported_status, created_at,"
      + " updated_at, version";
  private static final String CURRENT = "record_state = 'CURRENT'";
  private static final String FROM = " FROM partner_certifications WHERE ";
  private static final String LIMIT = " FETCH FIRST ? ROWS ONLY";
  /** The earliest time H2 stores (its timestamps start in year -999999999). */
  static final Instant H2_EARLIEST = Instant.parse("-999999999-01-01T00:00:00Z");

  private final Jdbc jdbc;

  JdbcCertifications(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(CertificationRecord r) {
    Certification c = r.certification();
    jdbc.update(
        () -> "certification id " + c.id() + " is taken",
        "INSERT INTO partner_certifications (" + COLUMNS + ", name_key)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.id().value(), c.partnerId().value(), c.name(), c.skillArea(), c.level(),
        Jdbc.nullable(c.holder(), Types.VARCHAR), c.issueDate(), c.expiryDate(), c.state(),
        Jdbc.nullable(c.renewalOf().map(CertificationId::value), Types.OTHER),
        Jdbc.nullable(c.revokedBy(), Types.VARCHAR), Jdbc.nullable(c.revocationReason(), Types.VARCHAR),
        Jdbc.nullable(r.reportedStatus(), Types.VARCHAR), c.createdAt(), c.updatedAt(), c.version(),
        Names.key(c.name()));
  }

  @Override
  public Optional<CertificationRecord> find(CertificationId id) {
    return jdbc.first("SELECT " + COLUMNS + " FROM partner_certifications WHERE id = ?",
        this::record, id.value());
  }

  @Override
  public boolean update(CertificationRecord r, long expectedVersion) {
    Certification c = r.certification();
    int rows = jdbc.update(
        "UPDATE partner_certifications SET name = ?, name_key = ?, skill_area = ?, cert_level = ?, holder = ?, issue_date = ?,"
            + " expiry_date = ?, record_state = ?, renewal_of = ?, revoked_by = ?, revocation_reason = ?,"
            + " reported_status = ?, created_at = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?",
        c.name(), Names.key(c.name()), c.skillArea(), c.level(), Jdbc.nullable(c.holder(), Types.VARCHAR),
        c.issueDate(),
        c.expiryDate(), c.state(), Jdbc.nullable(c.renewalOf().map(CertificationId::value), Types.OTHER),
        Jdbc.nullable(c.revokedBy(), Types.VARCHAR), Jdbc.nullable(c.revocationReason(), Types.VARCHAR),
        Jdbc.nullable(r.reportedStatus(), Types.VARCHAR), c.createdAt(), c.updatedAt(), c.version(),
        c.id().value(), expectedVersion);
    return rows == 1;
  }

  @Override
  public List<CertificationRecord> byPartner(PartnerId partnerId) {
    return jdbc.list("SELECT " + COLUMNS + " FROM partner_certifications WHERE partner_id = ?",
        this::record, partnerId.value());
  }

  @Override
  public List<CertificationRecord> current(PartnerId partnerId, Optional<CurrentPosition> after, int limit) {
    return list(currentStatement(jdbc.dialect(), partnerId, after, limit));
  }

  @Override
  public List<CertificationRecord> history(PartnerId partnerId, Optional<HistoryPosition> after, int limit) {
    return list(historyStatement(jdbc.dialect(), partnerId, after, limit));
  }

  @Override
  public List<CertificationRecord> currentExpiringBetween(LocalDate from, LocalDate to) {
    return jdbc.list("SELECT " + COLUMNS + " FROM partner_certifications WHERE " + CURRENT
            + " AND expiry_date >= ? AND expiry_date <= ?",
        this::record, from, to);
  }

  @Override
  public List<CertificationRecord> currentExpiringBetween(
      LocalDate from, LocalDate to, Optional<BoardPosition> after, int limit) {
    return list(boardStatement(from, to, after, limit));
  }

  private List<CertificationRecord> list(Sql sql) {
    return jdbc.list(sql.text(), this::record, sql.params().toArray());
  }

  /** A statement and its parameters. */
  record Sql(String text, List<Object> params) {}

  /**
   * The statement of a page of a partner's current certifications (LIST-4), through {@code
   * partner_certifications_current_ix} (partner_id, record_state, expiry_date, name_key, id); the
   * name key compared by code point ({@link Dialect#orderByText}).
   */
  static Sql currentStatement(Dialect dialect, PartnerId partnerId, Optional<CurrentPosition> after, int limit) {
    String nameKey = dialect.orderByText("name_key");
    Keyset page = new Keyset("partner_id = ? AND " + CURRENT, List.of(partnerId.value()),
        "partner_id, record_state, expiry_date, " + nameKey + ", id", "expiry_date, " + nameKey + ", id", limit);
    if (after.isEmpty()) {
      return page.first();
    }
    CurrentPosition p = after.get();
    return page.after(
        range("expiry_date = ? AND " + nameKey + " = ? AND id > ?", p.expiryDate(), p.nameKey(), p.id().value()),
        range("expiry_date = ? AND " + nameKey + " > ?", p.expiryDate(), p.nameKey()),
        range("expiry_date >= ?", p.expiryDate().plusDays(1)));
  }

  /**
   * The statement of a page of a partner's certification history (LIST-4), through {@code
   * partner_certifications_history_ix} (partner_id, created_at, id). A position finer than the
   * stored microseconds ties with no row. H2's first page is the range from its earliest time
   * ({@link #H2_EARLIEST}): without a range on {@code created_at} its planner reads the index on
   * {@code partner_id} alone (the foreign key's) and sorts the partner's every record.
   */
  static Sql historyStatement(Dialect dialect, PartnerId partnerId, Optional<HistoryPosition> after, int limit) {
    Keyset page = new Keyset("partner_id = ?", List.of(partnerId.value()), "partner_id, created_at, id",
        "created_at, id", limit);
    if (after.isEmpty()) {
      return dialect == Dialect.H2 ? page.after(range("created_at >= ?", H2_EARLIEST)) : page.first();
    }
    Instant at = after.get().createdAt();
    Instant micros = at.truncatedTo(ChronoUnit.MICROS);
    if (!micros.equals(at)) {
      return page.after(range("created_at >= ?", micros.plus(1, ChronoUnit.MICROS)));
    }
    return page.after(
        range("created_at = ? AND id > ?", at, after.get().id().value()),
        range("created_at >= ?", at.plus(1, ChronoUnit.MICROS)));
  }

  /**
   * The statement of a page of the warning board (LIST-4), through {@code
   * partner_certifications_board_ix} (record_state, expiry_date, partner_id, id).
   */
  static Sql boardStatement(LocalDate from, LocalDate to, Optional<BoardPosition> after, int limit) {
    Keyset page = new Keyset(CURRENT + " AND expiry_date <= ?", List.of(to),
        "record_state, expiry_date, partner_id, id", "expiry_date, partner_id, id", limit);
    if (after.isEmpty() || after.get().expiryDate().isBefore(from)) {
      return page.after(range("expiry_date >= ?", from));
    }
    BoardPosition p = after.get();
    return page.after(
        range("expiry_date = ? AND partner_id = ? AND id > ?", p.expiryDate(), p.partnerId().value(), p.id().value()),
        range("expiry_date = ? AND partner_id > ?", p.expiryDate(), p.partnerId().value()),
        range("expiry_date >= ?", p.expiryDate().plusDays(1)));
  }

  /** One range of an index, in SQL: a condition and its parameters. */
  private record Range(String condition, List<Object> params) {}

  private static Range range(String condition, Object... params) {
    return new Range(condition, List.of(params));
  }

  /**
   * The statements of one page by keyset (LIST-4), as {@code JdbcPartners} makes the partners
   * list's: {@code filter} selects the list, {@code indexOrder} is its index's columns (the
   * filter's equality columns first: H2 sees that the index gives the order only with them in the
   * {@code ORDER BY}), {@code order} the list's order. A page after a position is the rows after it
   * as ranges of the index, each read in order and cut at the limit, then merged: {@code SELECT ...
   * FROM ((SELECT ... WHERE filter AND range1 ORDER BY ... FETCH FIRST ? ROWS ONLY) UNION ALL ...)
   * page ORDER BY order FETCH FIRST ? ROWS ONLY}. The last range starts at the first value after the
   * position's (the next day, the next microsecond), so that no database reads and drops the rows
   * of the position's value first; one OR of the ranges would make both databases read the index
   * from its start.
   */
  private record Keyset(String filter, List<Object> filterParams, String indexOrder, String order, int limit) {

    Sql first() {
      List<Object> params = new ArrayList<>(filterParams);
      params.add(limit);
      return new Sql("SELECT " + COLUMNS + FROM + filter + " ORDER BY " + indexOrder + LIMIT, List.copyOf(params));
    }

    Sql after(Range... ranges) {
      List<Object> params = new ArrayList<>();
      List<String> selects = new ArrayList<>();
      for (Range r : ranges) {
        selects.add("SELECT " + COLUMNS + ", name_key" + FROM + filter + " AND " + r.condition() + " ORDER BY "
            + indexOrder + LIMIT);
        params.addAll(filterParams);
        params.addAll(r.params());
        params.add(limit);
      }
      if (selects.size() == 1) {
        return new Sql(selects.get(0), List.copyOf(params));
      }
      params.add(limit);
      return new Sql("SELECT " + COLUMNS + " FROM ((" + String.join(") UNION ALL (", selects) + ")) page ORDER BY "
          + order + LIMIT, List.copyOf(params));
    }
  }

  @Override
  public List<Long> countCurrentByExpiry(Optional<PartnerId> partnerId, List<LocalDate> bounds) {
    // One pass: SUM(CASE ...) per band; band i counts expiry dates in [bounds[i-1], bounds[i]).
    StringBuilder sql = new StringBuilder("SELECT ");
    List<Object> params = new ArrayList<>();
    for (int i = 0; i <= bounds.size(); i++) {
      if (i > 0) {
        sql.append(", ");
      }
      sql.append("SUM(CASE WHEN ");
      if (i > 0) {
        sql.append("expiry_date >= ?");
        params.add(bounds.get(i - 1));
      }
      if (i > 0 && i < bounds.size()) {
        sql.append(" AND ");
      }
      if (i < bounds.size()) {
        sql.append("expiry_date < ?");
        params.add(bounds.get(i));
      }
      if (bounds.isEmpty()) {
        sql.append("1 = 1");
      }
      sql.append(" THEN 1 ELSE 0 END) AS band").append(i);
    }
    sql.append(" FROM partner_certifications WHERE ").append(CURRENT);
    if (partnerId.isPresent()) {
      sql.append(" AND partner_id = ?");
      params.add(partnerId.get().value());
    }
    int bands = bounds.size() + 1;
    return jdbc.first(sql.toString(), rs -> {
      List<Long> counts = new ArrayList<>(bands);
      for (int i = 1; i <= bands; i++) {
        counts.add(rs.getLong(i)); // SUM over no rows is NULL: getLong gives 0
      }
      return counts;
    }, params.toArray()).orElseThrow();
  }

  @Override
  public List<CertificationRecord> currentReportedOtherThan(
      CertificationStatus status, Optional<LocalDate> from, Optional<LocalDate> to) {
    // IN over the other statuses, not "<> ?": each is a range scan of the (reported_status,
    // expiry_date) index, so the sweep touches only records whose reported status is stale.
    EnumSet<CertificationStatus> others = EnumSet.complementOf(EnumSet.of(status));
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM partner_certifications WHERE " + CURRENT
        + " AND reported_status IN (" + Jdbc.placeholders(others.size()) + ")");
    List<Object> params = new ArrayList<>(others);
    if (from.isPresent()) {
      sql.append(" AND expiry_date >= ?");
      params.add(from.get());
    }
    if (to.isPresent()) {
      sql.append(" AND expiry_date <= ?");
      params.add(to.get());
    }
    return jdbc.list(sql.toString(), this::record, params.toArray());
  }

  @Override
  public boolean markReported(CertificationId id, CertificationStatus expected, CertificationStatus reported) {
    int rows = jdbc.update(
        "UPDATE partner_certifications SET reported_status = ? WHERE id = ? AND " + CURRENT
            + " AND reported_status = ?",
        reported, id.value(), expected);
    return rows == 1;
  }

  private CertificationRecord record(ResultSet rs) throws SQLException {
    Certification c = new Certification(
        new CertificationId(Jdbc.uuid(rs, "id")),
        new PartnerId(Jdbc.uuid(rs, "partner_id")),
        rs.getString("name"),
        Jdbc.enumValue(rs, "skill_area", SkillArea.class),
        Jdbc.enumValue(rs, "cert_level", CertificationLevel.class),
        Jdbc.optionalString(rs, "holder"),
        Jdbc.date(rs, "issue_date"),
        Jdbc.date(rs, "expiry_date"),
        Jdbc.enumValue(rs, "record_state", CertificationState.class),
        Jdbc.optionalUuid(rs, "renewal_of").map(CertificationId::new),
        Jdbc.optionalString(rs, "revoked_by"),
        Jdbc.optionalString(rs, "revocation_reason"),
        jdbc.dialect().instant(rs, "created_at"),
        jdbc.dialect().instant(rs, "updated_at"),
        rs.getLong("version"));
    return new CertificationRecord(c, Jdbc.optionalEnum(rs, "reported_status", CertificationStatus.class));
  }
}
