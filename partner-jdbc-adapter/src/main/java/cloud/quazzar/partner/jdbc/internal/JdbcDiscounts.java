package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.discount.AdjustmentKind;
import cloud.quazzar.partner.discount.Cancellation;
import cloud.quazzar.partner.discount.Combination;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.PartnerAdjustment;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.discount.VolumeStep;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.DiscountRepository;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Discount policy versions and partner adjustments in the tables of {@code V2__discounts.sql},
 * inside one transaction. The columns keep their first names: {@code min_servers} (an {@code
 * INTEGER}, enough for {@code VolumeStep.MAX_MIN_SERVER_COUNT}) holds {@code
 * VolumeStep.minServerCount}; {@code created_by} holds the request's {@code createdBy};
 * {@code cancelled_at} and {@code cancelled_by} hold {@code Cancellation.cancelledAt} and {@code
 * cancelledBy}. Append-only: every method inserts rows and increments the one-row
 * {@code discount_revision} counter in the same transaction; uniqueness (one version per number,
 * one cancellation per version) comes from primary keys.
 */
final class JdbcDiscounts implements DiscountRepository {
  /** {@code schedule_of} of the shared schedule's steps. */
  private static final String SHARED = "ALL";

  private static final String VERSION_COLUMNS = "v.version_no, v.effective_from, v.base_silver_bp, v.base_gold_bp,"
      + " v.base_platinum_bp, v.own_schedule_silver, v.own_schedule_gold, v.own_schedule_platinum, v.combination,"
      + " v.cap_bp, v.rounding, v.created_at, v.created_by, v.reason,"
      + " c.cancelled_at, c.cancelled_by, c.reason AS cancel_reason";

  private static final String ADJUSTMENT_COLUMNS = "a.partner_id, a.version_no, a.kind, a.rate_bp, a.effective_from,"
      + " a.effective_until, a.created_at, a.created_by, a.reason,"
      + " c.cancelled_at, c.cancelled_by, c.reason AS cancel_reason";

  /** One row of {@code discount_volume_steps}, in position order. */
  private record StepRow(int version, String scheduleOf, VolumeStep step) {}

  private final Jdbc jdbc;

  JdbcDiscounts(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Every append counts: readers compare this counter with their cached copy's. */
  private void bumpRevision() {
    jdbc.update("UPDATE discount_revision SET revision = revision + 1 WHERE id = 1");
  }

  @Override
  public void appendPolicyVersion(PolicyVersion v) {
    if (v.isCancelled()) {
      throw new IllegalArgumentException("append the version, then its cancellation");
    }
    bumpRevision();
    DiscountPolicy p = v.policy();
    jdbc.update(
        () -> "discount policy version " + v.version() + " exists already",
        "INSERT INTO discount_policy_versions (version_no, effective_from, base_silver_bp, base_gold_bp,"
            + " base_platinum_bp, own_schedule_silver, own_schedule_gold, own_schedule_platinum, combination, cap_bp,"
            + " rounding, created_at, created_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        v.version(), v.effectiveFrom(), p.baseRate(Tier.SILVER).basisPoints(), p.baseRate(Tier.GOLD).basisPoints(),
        p.baseRate(Tier.PLATINUM).basisPoints(), p.tierSchedules().containsKey(Tier.SILVER),
        p.tierSchedules().containsKey(Tier.GOLD), p.tierSchedules().containsKey(Tier.PLATINUM), p.combination(),
        p.cap().basisPoints(), p.rounding(), v.createdAt(), v.createdBy(), v.reason());
    insertSteps(v.version(), SHARED, p.volumeSchedule());
    p.tierSchedules().forEach((tier, steps) -> insertSteps(v.version(), tier.name(), steps));
  }

  private void insertSteps(int version, String scheduleOf, List<VolumeStep> steps) {
    for (int i = 0; i < steps.size(); i++) {
      VolumeStep s = steps.get(i);
      jdbc.update(
          "INSERT INTO discount_volume_steps (version_no, schedule_of, position_no, min_servers, bonus_bp)"
              + " VALUES (?, ?, ?, ?, ?)",
          version, scheduleOf, i, s.minServerCount(), s.bonus().basisPoints());
    }
  }

  @Override
  public void appendPolicyCancellation(int version, Cancellation c) {
    bumpRevision();
    jdbc.update(
        () -> "discount policy version " + version + " is cancelled already",
        "INSERT INTO discount_policy_cancellations (version_no, cancelled_at, cancelled_by, reason) VALUES (?, ?, ?, ?)",
        version, c.cancelledAt(), c.cancelledBy(), c.reason());
  }

  @Override
  public List<PolicyVersion> policyVersions() {
    List<StepRow> rows = jdbc.list(
        "SELECT version_no, schedule_of, min_servers, bonus_bp FROM discount_volume_steps"
            + " ORDER BY version_no, schedule_of, position_no",
        rs -> new StepRow(rs.getInt("version_no"), rs.getString("schedule_of"),
            new VolumeStep(rs.getLong("min_servers"), Rate.ofBasisPoints(rs.getInt("bonus_bp")))));
    Map<Integer, Map<String, List<VolumeStep>>> steps = new HashMap<>();
    for (StepRow r : rows) {
      steps.computeIfAbsent(r.version(), k -> new HashMap<>()).computeIfAbsent(r.scheduleOf(), k -> new ArrayList<>())
          .add(r.step());
    }
    return jdbc.list(
        "SELECT " + VERSION_COLUMNS + " FROM discount_policy_versions v"
            + " LEFT JOIN discount_policy_cancellations c ON c.version_no = v.version_no ORDER BY v.version_no",
        rs -> version(rs, steps.getOrDefault(rs.getInt("version_no"), Map.of())));
  }

  @Override
  public void appendAdjustment(PartnerAdjustment a) {
    if (a.isCancelled()) {
      throw new IllegalArgumentException("append the adjustment, then its cancellation");
    }
    bumpRevision();
    jdbc.update(
        () -> "partner " + a.partnerId() + " has adjustment version " + a.version() + " already",
        "INSERT INTO discount_adjustments (partner_id, version_no, kind, rate_bp, effective_from, effective_until,"
            + " created_at, created_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        a.partnerId().value(), a.version(), a.kind(), a.rate().basisPoints(), a.effectiveFrom(),
        Jdbc.nullable(a.effectiveUntil(), Types.DATE), a.createdAt(), a.createdBy(), a.reason());
  }

  @Override
  public void appendAdjustmentCancellation(PartnerId partnerId, int version, Cancellation c) {
    bumpRevision();
    jdbc.update(
        () -> "adjustment version " + version + " of partner " + partnerId + " is cancelled already",
        "INSERT INTO discount_adjustment_cancellations (partner_id, version_no, cancelled_at, cancelled_by, reason)"
            + " VALUES (?, ?, ?, ?, ?)",
        partnerId.value(), version, c.cancelledAt(), c.cancelledBy(), c.reason());
  }

  @Override
  public List<PartnerAdjustment> adjustments(PartnerId partnerId) {
    return jdbc.list(
        "SELECT " + ADJUSTMENT_COLUMNS + " FROM discount_adjustments a LEFT JOIN discount_adjustment_cancellations c"
            + " ON c.partner_id = a.partner_id AND c.version_no = a.version_no"
            + " WHERE a.partner_id = ? ORDER BY a.version_no",
        this::adjustment, partnerId.value());
  }

  @Override
  public List<PartnerAdjustment> adjustments(PartnerId partnerId, int afterVersion, int limit) {
    // LIST-1: seeks through the (partner_id, version_no) primary key
    return jdbc.list(
        "SELECT " + ADJUSTMENT_COLUMNS + " FROM discount_adjustments a LEFT JOIN discount_adjustment_cancellations c"
            + " ON c.partner_id = a.partner_id AND c.version_no = a.version_no"
            + " WHERE a.partner_id = ? AND a.version_no > ? ORDER BY a.partner_id, a.version_no FETCH FIRST ? ROWS ONLY",
        this::adjustment, partnerId.value(), afterVersion, limit);
  }

  @Override
  public List<PartnerAdjustment> allAdjustments() {
    return jdbc.list(
        "SELECT " + ADJUSTMENT_COLUMNS + " FROM discount_adjustments a LEFT JOIN discount_adjustment_cancellations c"
            + " ON c.partner_id = a.partner_id AND c.version_no = a.version_no",
        this::adjustment);
  }

  @Override
  public int eraseAdjustmentReasons(PartnerId partnerId, String replacement) {
    int changed = jdbc.update("UPDATE discount_adjustments SET reason = ? WHERE partner_id = ? AND reason <> ?",
        replacement, partnerId.value(), replacement)
        + jdbc.update("UPDATE discount_adjustment_cancellations SET reason = ? WHERE partner_id = ? AND reason <> ?",
            replacement, partnerId.value(), replacement);
    if (changed > 0) {
      jdbc.update("UPDATE discount_revision SET revision = revision + 1 WHERE id = 1");
    }
    return changed;
  }

  @Override
  public long revision() {
    return jdbc.number("SELECT revision FROM discount_revision WHERE id = 1");
  }

  private PolicyVersion version(ResultSet rs, Map<String, List<VolumeStep>> steps) throws SQLException {
    Map<Tier, Rate> base = new EnumMap<>(Tier.class);
    base.put(Tier.SILVER, Rate.ofBasisPoints(rs.getInt("base_silver_bp")));
    base.put(Tier.GOLD, Rate.ofBasisPoints(rs.getInt("base_gold_bp")));
    base.put(Tier.PLATINUM, Rate.ofBasisPoints(rs.getInt("base_platinum_bp")));
    Map<Tier, List<VolumeStep>> own = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      if (rs.getBoolean("own_schedule_" + tier.name().toLowerCase(java.util.Locale.ROOT))) {
        own.put(tier, steps.getOrDefault(tier.name(), List.of()));
      }
    }
    DiscountPolicy policy = new DiscountPolicy(base, steps.getOrDefault(SHARED, List.of()), own,
        Jdbc.enumValue(rs, "combination", Combination.class), Rate.ofBasisPoints(rs.getInt("cap_bp")),
        Jdbc.enumValue(rs, "rounding", RoundingMode.class));
    return new PolicyVersion(rs.getInt("version_no"), Jdbc.date(rs, "effective_from"), policy,
        jdbc.dialect().instant(rs, "created_at"), rs.getString("created_by"), rs.getString("reason"), cancellation(rs));
  }

  private PartnerAdjustment adjustment(ResultSet rs) throws SQLException {
    return new PartnerAdjustment(new PartnerId(Jdbc.uuid(rs, "partner_id")), rs.getInt("version_no"),
        Jdbc.enumValue(rs, "kind", AdjustmentKind.class), Rate.ofBasisPoints(rs.getInt("rate_bp")),
        Jdbc.date(rs, "effective_from"), Jdbc.optionalDate(rs, "effective_until"),
        jdbc.dialect().instant(rs, "created_at"), rs.getString("created_by"), rs.getString("reason"), cancellation(rs));
  }

  /** The joined cancellation columns: all NULL when the version was not cancelled. */
  private Optional<Cancellation> cancellation(ResultSet rs) throws SQLException {
    if (rs.getString("cancelled_by") == null) {
      return Optional.empty();
    }
    return Optional.of(new Cancellation(jdbc.dialect().instant(rs, "cancelled_at"), rs.getString("cancelled_by"),
        rs.getString("cancel_reason")));
  }
}
