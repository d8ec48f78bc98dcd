package cloud.quazzar.partner.testkit.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.MinimumServers;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.review.GracePeriod;
import cloud.quazzar.partner.review.MinimumAverageMrr;
import cloud.quazzar.partner.review.ReviewAction;
import cloud.quazzar.partner.review.ReviewMode;
import cloud.quazzar.partner.review.ReviewOutcome;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.review.ReviewReport;
import cloud.quazzar.partner.review.TierReviews;
import cloud.quazzar.partner.testkit.Examples;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.oracle.ReviewOracle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random programs and random sequences of review days against {@link ReviewOracle}, with the
 * invariants of rules REVIEW-3 to REVIEW-8 stated on their own: a partner's tier never drops while its grace period
 * runs; a demotion happens only at or after the grace end and lands on the highest qualifying
 * tier; a second run on the same day is a no-op; the tier history replays to the current tier.
 */
class TierReviewPropertiesTest {
  private static final int PARTNERS = 3;
  private static final LocalDate START = LocalDate.of(2026, 1, 15);
  /** Days between two runs; 0 is a second run on the same day. */
  private static final int[] ADVANCES = {0, 1, 3, 10, 20, 31, 45, 100};

  /** One day of the sequence: changes to each partner's servers and last month's MRR, then a run. */
  record Step(int advance, List<Integer> servers, List<Integer> mrrCents) {}

  /** A program: initial tiers, requirements (servers per tier, Gold's average MRR), policy, days. */
  record Scenario(List<Integer> ranks, int silverServers, int goldServers, int platinumServers,
      int goldAverageCents, int goldMonths, int graceDays, boolean autoDemote, boolean autoPromote, List<Step> steps) {}

  private static Gen<Step> steps() {
    return integers().between(0, ADVANCES.length - 1).zip(
        lists().of(integers().between(-1, 130)).ofSize(PARTNERS),
        lists().of(integers().between(-1, 90_000)).ofSize(PARTNERS),
        (a, s, m) -> new Step(ADVANCES[a], s, m));
  }

  private static Gen<Scenario> scenarios() {
    Gen<int[]> servers = integers().between(0, 2).zip(integers().between(1, 50), integers().between(0, 60),
        (s, g, p) -> new int[] {s, s + g, s + g + p});
    Gen<int[]> policy = integers().between(1, 40).zip(integers().between(0, 3), integers().between(-1, 60_000),
        (grace, modes, avg) -> new int[] {grace, modes, avg});
    Gen<int[]> months = integers().between(1, 3).map(m -> new int[] {m});
    return lists().of(integers().between(0, 2)).ofSize(PARTNERS).zip(servers, policy,
        (r, s, p) -> new Object[] {r, s, p}).zip(months, lists().of(steps()).ofSizeBetween(1, 10),
        (a, m, st) -> {
          @SuppressWarnings("unchecked")
          List<Integer> ranks = (List<Integer>) a[0];
          int[] s = (int[]) a[1];
          int[] p = (int[]) a[2];
          return new Scenario(ranks, s[0], s[1], s[2], p[2] < 0 ? -1 : p[2], m[0], p[0], (p[1] & 1) != 0,
              (p[1] & 2) != 0, st);
        });
  }

  @Test
  @DisplayName("random programs and day sequences: outcomes agree with the oracle and the invariants hold")
  void agreesWithOracle() {
    qt().withExamples(Examples.scaled(80)).forAll(scenarios()).checkAssert(TierReviewPropertiesTest::check);
  }

  private static int monthIndex(LocalDate d) {
    return d.getYear() * 12 + d.getMonthValue() - 1;
  }

  private static void check(Scenario sc) {
    TestClock clock = TestClock.at(Instant.parse("2026-01-15T10:00:00Z"));
    EligibilityRequirements requirements = (sc.silverServers() == 0 ? EligibilityRequirements.NONE
        : EligibilityRequirements.NONE.with(Tier.SILVER, new MinimumServers(sc.silverServers())))
        .with(Tier.GOLD, new MinimumServers(sc.goldServers()))
        .with(Tier.PLATINUM, new MinimumServers(sc.platinumServers()));
    ReviewPolicy.Builder pb = ReviewPolicy.builder().gracePeriodDays(sc.graceDays())
        .demotionMode(sc.autoDemote() ? ReviewMode.AUTOMATIC : ReviewMode.RECOMMEND_ONLY)
        .promotionMode(sc.autoPromote() ? ReviewMode.AUTOMATIC : ReviewMode.RECOMMEND_ONLY);
    if (sc.goldAverageCents() >= 0) {
      pb.revenue(Tier.GOLD, new MinimumAverageMrr(Money.ofMinor(sc.goldAverageCents(), java.util.Currency.getInstance("USD")),
          sc.goldMonths()));
    }
    ReviewOracle.Requirements oracleReq = new ReviewOracle.Requirements(
        new long[] {sc.silverServers(), sc.goldServers(), sc.platinumServers()},
        new long[] {-1, sc.goldAverageCents(), -1},
        new long[] {0, sc.goldMonths(), 0});
    ReviewOracle.Policy oraclePolicy = new ReviewOracle.Policy(sc.graceDays(), sc.autoDemote(), sc.autoPromote());

    try (PartnerProgram program = PartnerProgram.builder().clock(clock).eligibilityRequirements(requirements)
        .store(MemoryStorage.create()).build()) {
      TierReviews reviews = program.reviews();
      reviews.configure(pb.build());
      List<PartnerId> ids = new ArrayList<>();
      List<Client> clients = new ArrayList<>();
      List<ReviewOracle.State> states = new ArrayList<>();
      List<Long> servers = new ArrayList<>();
      List<Map<Integer, Long>> mrr = new ArrayList<>();
      for (int i = 0; i < PARTNERS; i++) {
        Tier tier = Tier.values()[sc.ranks().get(i)];
        PartnerId id = program.registry().add(new NewPartner("Partner " + i, "p" + i + "@x.example", tier)).id();
        ids.add(id);
        clients.add(program.registry().addClient(id, new NewClient("estate", 0)));
        states.add(new ReviewOracle.State(tier.ordinal(), Optional.empty()));
        servers.add(0L);
        mrr.add(new HashMap<>());
      }
      LocalDate day = START;
      ReviewReport previous = null;
      for (Step step : sc.steps()) {
        day = day.plusDays(step.advance());
        clock.setDate(day);
        YearMonth lastMonth = YearMonth.from(day).minusMonths(1);
        for (int i = 0; i < PARTNERS; i++) {
          PartnerId id = ids.get(i);
          int s = step.servers().get(i);
          if (s >= 0) {
            Client c = program.registry().findClient(clients.get(i).id()).orElseThrow();
            clients.set(i, program.registry().setServerCount(c.id(), c.version(), s));
          }
          int cents = step.mrrCents().get(i);
          if (cents >= 0) {
            Money m = Money.ofMinor(cents, java.util.Currency.getInstance("USD"));
            Optional<RevenueEntry> cur = program.revenue().current(id, lastMonth);
            if (cur.isEmpty()) {
              program.revenue().record(RevenueRecording.of(id, lastMonth, m, id + "/" + lastMonth));
            } else if (!cur.get().mrr().equals(m)) {
              program.revenue().correct(RevenueCorrection.of(id, lastMonth, id + "/" + lastMonth + "/" + day + "/" + cents,
                  "correction").withMrr(m));
            }
          }
        }
        List<List<TierChange>> historiesBefore = new ArrayList<>();
        ids.forEach(id -> historiesBefore.add(program.registry().tierHistory(id, PageRequest.first(PageRequest.MAX_LIMIT)).items()));

        ReviewReport report = reviews.run();
        if (step.advance() == 0 && previous != null) {
          // a second run the same day: the same report, nothing changed
          assertEquals(previous, report);
          for (int i = 0; i < PARTNERS; i++) {
            assertEquals(historiesBefore.get(i), program.registry().tierHistory(ids.get(i), PageRequest.first(PageRequest.MAX_LIMIT)).items());
          }
        } else {
          for (int i = 0; i < PARTNERS; i++) {
            // servers and MRR as the program has them after this step's changes
            if (s(step, i) >= 0) {
              servers.set(i, (long) s(step, i));
            }
            if (step.mrrCents().get(i) >= 0) {
              mrr.get(i).put(monthIndex(day) - 1, (long) step.mrrCents().get(i));
            }
            checkPartner(program, report, ids.get(i), states, i, oracleReq, oraclePolicy, servers.get(i), mrr.get(i), day,
                historiesBefore.get(i));
          }
        }
        if (step.advance() == 0 && previous != null) {
          // the model learns the changes of a same-day step too: they count from the next day
          for (int i = 0; i < PARTNERS; i++) {
            if (s(step, i) >= 0) {
              servers.set(i, (long) s(step, i));
            }
            if (step.mrrCents().get(i) >= 0) {
              mrr.get(i).put(monthIndex(day) - 1, (long) step.mrrCents().get(i));
            }
          }
        }
        for (PartnerId id : ids) {
          replays(program, id);
        }
        previous = report;
      }
    }
  }

  private static int s(Step step, int i) {
    return step.servers().get(i);
  }

  private static void checkPartner(PartnerProgram program, ReviewReport report, PartnerId id, List<ReviewOracle.State> states,
      int i, ReviewOracle.Requirements req, ReviewOracle.Policy policy, long servers, Map<Integer, Long> mrr, LocalDate day,
      List<TierChange> historyBefore) {
    ReviewOracle.State before = states.get(i);
    int qualified = ReviewOracle.qualifiedRank(req, servers, mrr, monthIndex(day));
    ReviewOracle.Expected e = ReviewOracle.review(before, qualified, day.toEpochDay(), policy);
    ReviewOutcome o = report.outcome(id).orElseThrow();
    String where = "partner " + i + " on " + day + ": " + o + " expected " + e;
    assertEquals(e.verdict(), o.verdict(), where);
    assertEquals(e.actions(), o.actions(), where);
    assertEquals(before.rank(), o.tierBefore().ordinal(), where);
    assertEquals(e.rankAfter(), o.tierAfter().ordinal(), where);
    assertEquals(qualified, o.qualifiedTier().map(Enum::ordinal).orElse(-1), where);
    assertEquals(e.target(), o.targetTier().map(t -> OptionalInt.of(t.ordinal())).orElse(OptionalInt.empty()), where);
    Optional<ReviewOracle.Grace> g = e.reportedGrace();
    assertEquals(g.map(x -> LocalDate.ofEpochDay(x.startDay())), o.graceStartedOn(), where);
    assertEquals(g.map(x -> LocalDate.ofEpochDay(x.demotionDueDay())), o.demotionDueOn(), where);
    assertEquals(e.rankAfter(), program.registry().get(id).tier().ordinal(), where);
    Optional<ReviewOracle.Grace> after = e.after().grace();
    assertEquals(after.map(a -> new GracePeriod(id, Tier.values()[a.rank()],
        LocalDate.ofEpochDay(a.startDay()), LocalDate.ofEpochDay(a.demotionDueDay()))), program.reviews().gracePeriod(id),
        where);

    // the invariants, stated without the oracle
    Optional<GracePeriod> running = program.reviews().gracePeriod(id);
    if (before.grace().isPresent() && running.isPresent()) {
      assertEquals(o.tierBefore(), o.tierAfter(), "the tier never drops while a grace period runs: " + where);
    }
    if (o.tierAfter().compareTo(o.tierBefore()) < 0) {
      assertTrue(before.grace().isPresent() && day.toEpochDay() >= before.grace().get().demotionDueDay(),
          "demoted only when the demotion is due (the first day without grace): " + where);
      assertEquals(Math.max(qualified, 0), o.tierAfter().ordinal(), "demoted to the highest qualifying tier: " + where);
      assertEquals(List.of(ReviewAction.DEMOTED), o.actions(), where);
    }
    List<TierChange> history = program.registry().tierHistory(id, PageRequest.first(PageRequest.MAX_LIMIT)).items();
    assertEquals(historyBefore.size() + (o.tierChanged() ? 1 : 0), history.size(), where);
    if (o.tierChanged()) {
      TierChange last = history.get(history.size() - 1);
      assertEquals(TierReviews.REVIEWER, last.changedBy());
      assertTrue(last.reason().startsWith("tier review " + day + ": "), last.reason());
    }
    states.set(i, e.after());
  }

  /** The tier history replays to the current tier. */
  private static void replays(PartnerProgram program, PartnerId id) {
    Optional<Tier> tier = Optional.empty();
    for (TierChange c : program.registry().tierHistory(id, PageRequest.first(PageRequest.MAX_LIMIT)).items()) {
      assertEquals(tier, c.from());
      tier = Optional.of(c.to());
    }
    assertEquals(Optional.of(program.registry().get(id).tier()), tier);
  }
}
