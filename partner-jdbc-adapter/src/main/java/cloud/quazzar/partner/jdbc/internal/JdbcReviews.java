package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.review.GracePeriod;
import cloud.quazzar.partner.review.MinimumAverageMrr;
import cloud.quazzar.partner.review.RevenueRequirement;
import cloud.quazzar.partner.review.ReviewAction;
import cloud.quazzar.partner.review.ReviewMode;
import cloud.quazzar.partner.review.ReviewOutcome;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.review.ReviewVerdict;
import cloud.quazzar.partner.spi.ReviewRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Tier reviews in the tables of {@code V5__reviews.sql}, inside one transaction. The primary keys
 * give the uniqueness the SPI asks for (one grace period per partner, one outcome per partner and
 * day (REVIEW-8), one policy per version).
 */
final class JdbcReviews implements ReviewRepository {
  private static final String OUTCOME_COLUMNS = "partner_id, review_date, verdict, tier_before, tier_after,"
      + " qualified_tier, target_tier, actions, grace_started_on, grace_ends_on, unmet";
  private static final String MRR = "MINIMUM_AVERAGE_MRR";

  private final Jdbc jdbc;

  JdbcReviews(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<GracePeriod> gracePeriod(PartnerId partnerId) {
    return jdbc.first("SELECT partner_id, tier, started_on, ends_on FROM review_grace_periods WHERE partner_id = ?",
        rs -> new GracePeriod(new PartnerId(Jdbc.uuid(rs, "partner_id")), Jdbc.enumValue(rs, "tier", Tier.class),
            Jdbc.date(rs, "started_on"), Jdbc.date(rs, "ends_on")),
        partnerId.value());
  }

  @Override
  public void insertGracePeriod(GracePeriod g) {
    jdbc.update(() -> "partner " + g.partnerId() + " has a running grace period already",
        "INSERT INTO review_grace_periods (partner_id, tier, started_on, ends_on) VALUES (?, ?, ?, ?)",
        g.partnerId().value(), g.tier(), g.startedOn(), g.demotionDueOn());
  }

  @Override
  public boolean deleteGracePeriod(PartnerId partnerId, LocalDate startedOn) {
    return jdbc.update("DELETE FROM review_grace_periods WHERE partner_id = ? AND started_on = ?",
        partnerId.value(), startedOn) == 1;
  }

  @Override
  public Optional<ReviewOutcome> outcome(PartnerId partnerId, LocalDate date) {
    return jdbc.first("SELECT " + OUTCOME_COLUMNS + " FROM review_outcomes WHERE partner_id = ? AND review_date = ?",
        JdbcReviews::outcome, partnerId.value(), date);
  }

  @Override
  public void insertOutcome(ReviewOutcome o) {
    jdbc.update(() -> "partner " + o.partnerId() + " was reviewed on " + o.date() + " already",
        "INSERT INTO review_outcomes (" + OUTCOME_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        o.partnerId().value(), o.date(), o.verdict(), o.tierBefore(), o.tierAfter(),
        Jdbc.nullable(o.qualifiedTier(), Types.VARCHAR), Jdbc.nullable(o.targetTier(), Types.VARCHAR),
        o.actions().stream().map(Enum::name).collect(Collectors.joining(",")),
        Jdbc.nullable(o.graceStartedOn(), Types.DATE), Jdbc.nullable(o.demotionDueOn(), Types.DATE),
        String.join("\n", o.unmet()));
  }

  @Override
  public List<ReviewOutcome> outcomes(PartnerId partnerId) {
    return jdbc.list("SELECT " + OUTCOME_COLUMNS + " FROM review_outcomes WHERE partner_id = ? ORDER BY review_date",
        JdbcReviews::outcome, partnerId.value());
  }

  @Override
  public List<ReviewOutcome> outcomes(PartnerId partnerId, Optional<LocalDate> afterDate, int limit) {
    // LIST-4: seeks through the primary key (partner_id, review_date)
    String order = " ORDER BY partner_id, review_date FETCH FIRST ? ROWS ONLY";
    if (afterDate.isEmpty()) {
      return jdbc.list("SELECT " + OUTCOME_COLUMNS + " FROM review_outcomes WHERE partner_id = ?" + order,
          JdbcReviews::outcome, partnerId.value(), limit);
    }
    return jdbc.list("SELECT " + OUTCOME_COLUMNS + " FROM review_outcomes WHERE partner_id = ? AND review_date > ?"
        + order, JdbcReviews::outcome, partnerId.value(), afterDate.get(), limit);
  }

  @Override
  public Optional<LocalDate> lastReviewDate() {
    return jdbc.first("SELECT MAX(review_date) AS last_date FROM review_outcomes",
        rs -> Jdbc.optionalDate(rs, "last_date")).flatMap(d -> d);
  }

  @Override
  public void appendPolicy(int version, ReviewPolicy policy, Instant configuredAt) {
    jdbc.update(() -> "review policy version " + version + " exists already",
        "INSERT INTO review_policies (version_no, grace_days, demotion_mode, promotion_mode, configured_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        version, policy.gracePeriodDays(), policy.demotionMode(), policy.promotionMode(), configuredAt);
    for (Tier tier : Tier.values()) {
      List<RevenueRequirement> list = policy.revenueRequirementsOf(tier);
      for (int i = 0; i < list.size(); i++) {
        MinimumAverageMrr r = (MinimumAverageMrr) list.get(i);
        jdbc.update("INSERT INTO review_revenue_requirements (version_no, tier, position_no, kind, amount_minor,"
                + " currency, months) VALUES (?, ?, ?, ?, ?, ?, ?)",
            version, tier, i, MRR, r.amount().minorUnits(), r.amount().currency().getCurrencyCode(), r.months());
      }
    }
  }

  @Override
  public int lastPolicyVersion() {
    return jdbc.first("SELECT MAX(version_no) AS v FROM review_policies", rs -> rs.getInt("v")).orElse(0);
  }

  @Override
  public Optional<ReviewPolicy> latestPolicy() {
    int version = lastPolicyVersion();
    if (version == 0) {
      return Optional.empty();
    }
    record Head(long graceDays, ReviewMode demotion, ReviewMode promotion) {}
    Head head = jdbc.first("SELECT grace_days, demotion_mode, promotion_mode FROM review_policies WHERE version_no = ?",
        rs -> new Head(rs.getLong("grace_days"), Jdbc.enumValue(rs, "demotion_mode", ReviewMode.class),
            Jdbc.enumValue(rs, "promotion_mode", ReviewMode.class)), version).orElseThrow();
    Map<Tier, List<RevenueRequirement>> revenue = new EnumMap<>(Tier.class);
    jdbc.list("SELECT tier, kind, amount_minor, currency, months FROM review_revenue_requirements"
            + " WHERE version_no = ? ORDER BY tier, position_no",
        rs -> {
          String kind = rs.getString("kind");
          if (!MRR.equals(kind)) {
            throw new SQLException("unknown revenue requirement kind '" + kind + "' in review policy " + version);
          }
          Tier tier = Jdbc.enumValue(rs, "tier", Tier.class);
          MinimumAverageMrr r = new MinimumAverageMrr(
              Money.ofMinor(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
              rs.getLong("months"));
          revenue.computeIfAbsent(tier, t -> new ArrayList<>()).add(r);
          return r;
        }, version);
    return Optional.of(new ReviewPolicy(head.graceDays(), head.demotion(), head.promotion(), revenue));
  }

  private static ReviewOutcome outcome(ResultSet rs) throws SQLException {
    String actions = rs.getString("actions");
    String unmet = rs.getString("unmet");
    return new ReviewOutcome(
        new PartnerId(Jdbc.uuid(rs, "partner_id")),
        Jdbc.date(rs, "review_date"),
        Jdbc.enumValue(rs, "verdict", ReviewVerdict.class),
        Jdbc.enumValue(rs, "tier_before", Tier.class),
        Jdbc.enumValue(rs, "tier_after", Tier.class),
        Jdbc.optionalEnum(rs, "qualified_tier", Tier.class),
        Jdbc.optionalEnum(rs, "target_tier", Tier.class),
        actions == null || actions.isEmpty() ? List.of()
            : Arrays.stream(actions.split(",")).map(ReviewAction::valueOf).toList(),
        Jdbc.optionalDate(rs, "grace_started_on"),
        Jdbc.optionalDate(rs, "grace_ends_on"),
        unmet == null || unmet.isEmpty() ? List.of() : List.of(unmet.split("\n", -1)));
  }
}
