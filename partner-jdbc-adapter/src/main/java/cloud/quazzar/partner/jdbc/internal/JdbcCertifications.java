package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationState;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.spi.CertificationRecord;
import cloud.quazzar.partner.spi.CertificationRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Certifications in the table of {@code V3__certifications.sql}, inside one transaction. Optimistic
 * locking comes from {@code UPDATE ... WHERE id = ? AND version = ?}, the sweep's compare-and-set
 * (CERT-8) from {@code UPDATE ... WHERE id = ? AND reported_status = ?}; the range queries (CERT-7) use the indexes on
 * {@code (record_state, expiry_date)} and {@code (reported_status, expiry_date)}.
 */
final class JdbcCertifications implements CertificationRepository {
  private static final String COLUMNS = "id, partner_id, name, skill_area, cert_level, holder, issue_date,"
      + " expiry_date, record_state, renewal_of, revoked_by, revocation_reason, reported_status, created_at,"
      + " updated_at, version";
  private static final String CURRENT = "record_state = 'CURRENT'";

  private final Jdbc jdbc;

  JdbcCertifications(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(CertificationRecord r) {
    Certification c = r.certification();
    jdbc.update(
        () -> "certification id " + c.id() + " is taken",
        "INSERT INTO partner_certifications (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.id().value(), c.partnerId().value(), c.name(), c.skillArea(), c.level(),
        Jdbc.nullable(c.holder(), Types.VARCHAR), c.issueDate(), c.expiryDate(), c.state(),
        Jdbc.nullable(c.renewalOf().map(CertificationId::value), Types.OTHER),
        Jdbc.nullable(c.revokedBy(), Types.VARCHAR), Jdbc.nullable(c.revocationReason(), Types.VARCHAR),
        Jdbc.nullable(r.reportedStatus(), Types.VARCHAR), c.createdAt(), c.updatedAt(), c.version());
  }

  @Override
  public Optional<CertificationRecord> find(CertificationId id) {
    return jdbc.first("SELECT " + COLUMNS + " FROM partner_certifications WHERE id = ?",
        JdbcCertifications::record, id.value());
  }

  @Override
  public boolean update(CertificationRecord r, long expectedVersion) {
    Certification c = r.certification();
    int rows = jdbc.update(
        "UPDATE partner_certifications SET name = ?, skill_area = ?, cert_level = ?, holder = ?, issue_date = ?,"
            + " expiry_date = ?, record_state = ?, renewal_of = ?, revoked_by = ?, revocation_reason = ?,"
            + " reported_status = ?, created_at = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?",
        c.name(), c.skillArea(), c.level(), Jdbc.nullable(c.holder(), Types.VARCHAR), c.issueDate(),
        c.expiryDate(), c.state(), Jdbc.nullable(c.renewalOf().map(CertificationId::value), Types.OTHER),
        Jdbc.nullable(c.revokedBy(), Types.VARCHAR), Jdbc.nullable(c.revocationReason(), Types.VARCHAR),
        Jdbc.nullable(r.reportedStatus(), Types.VARCHAR), c.createdAt(), c.updatedAt(), c.version(),
        c.id().value(), expectedVersion);
    return rows == 1;
  }

  @Override
  public List<CertificationRecord> byPartner(PartnerId partnerId) {
    return jdbc.list("SELECT " + COLUMNS + " FROM partner_certifications WHERE partner_id = ?",
        JdbcCertifications::record, partnerId.value());
  }

  @Override
  public List<CertificationRecord> currentExpiringBetween(LocalDate from, LocalDate to) {
    return jdbc.list("SELECT " + COLUMNS + " FROM partner_certifications WHERE " + CURRENT
            + " AND expiry_date >= ? AND expiry_date <= ?",
        JdbcCertifications::record, from, to);
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
    return jdbc.list(sql.toString(), JdbcCertifications::record, params.toArray());
  }

  @Override
  public boolean markReported(CertificationId id, CertificationStatus expected, CertificationStatus reported) {
    int rows = jdbc.update(
        "UPDATE partner_certifications SET reported_status = ? WHERE id = ? AND " + CURRENT
            + " AND reported_status = ?",
        reported, id.value(), expected);
    return rows == 1;
  }

  private static CertificationRecord record(ResultSet rs) throws SQLException {
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
        Jdbc.instant(rs, "created_at"),
        Jdbc.instant(rs, "updated_at"),
        rs.getLong("version"));
    return new CertificationRecord(c, Jdbc.optionalEnum(rs, "reported_status", CertificationStatus.class));
  }
}
