package cloud.quazzar.partner.testkit.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.MinimumServers;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.review.ReviewAction;
import cloud.quazzar.partner.review.ReviewMode;
import cloud.quazzar.partner.review.ReviewOutcome;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.review.ReviewReport;
import cloud.quazzar.partner.review.ReviewVerdict;
import cloud.quazzar.partner.review.TierReviews;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.RaceLosingStore;
import cloud.quazzar.partner.testkit.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Tier reviews on two nodes (docs/reviews.md, "Several nodes"): the node whose review of a partner
 * loses a race (the day's outcome, the grace period or the partner's version taken by another
 * transaction) rolls that partner's transaction back and reviews it again on what the winner
 * committed, up to four attempts: it then returns the winner's outcome of the day, or judges what
 * an administrator changed meanwhile. Two programs share one memory store; the first one's writes
 * lose on demand ({@link RaceLosingStore}).
 */
class ReviewRetryTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 28);

  private final TestClock clock = TestClock.at(Instant.parse("2026-11-28T08:00:00Z"));
  private Store shared;
  private RaceLosingStore losing;
  private PartnerProgram loser;
  private PartnerProgram winner;

  @BeforeEach
  void twoNodes() {
    // Gold needs 10 servers; the partners here have none, so every Gold partner is below its tier
    EligibilityRequirements requirements = EligibilityRequirements.NONE.with(Tier.GOLD, new MinimumServers(10));
    shared = MemoryStorage.create();
    losing = new RaceLosingStore(shared);
    loser = PartnerProgram.builder().clock(clock).eligibilityRequirements(requirements).store(losing).build();
    winner = PartnerProgram.builder().clock(clock).eligibilityRequirements(requirements).store(shared).build();
  }

  @AfterEach
  void close() {
    loser.close();
    winner.close();
    shared.close();
  }

  private Partner partner(String name, Tier tier) {
    return winner.registry().add(new NewPartner(name, name.replace(" ", "").toLowerCase() + "@x.example", tier));
  }

  private List<TierChange> changesBy(Partner p, String who) {
    return winner.registry().tierHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().filter(c -> c.changedBy().equals(who)).toList();
  }

  @Test
  @DisplayName("two nodes reviewing one day start one grace period: the loser's second attempt finds the winner's outcome and reports it")
  void graceStartedOnce() {
    Partner gold = partner("Atlas Cloud", Tier.GOLD);
    ReviewReport[] won = new ReviewReport[1];
    losing.loseOnce("insertGracePeriod", () -> won[0] = winner.reviews().run(DAY));
    int before = losing.writes();
    ReviewReport got = loser.reviews().run(DAY);
    assertEquals(0, losing.lossesLeft());
    assertEquals(2, losing.writes() - before, "one partner, reviewed twice: the lost attempt and the retry");
    assertEquals(won[0].outcomes(), got.outcomes());
    ReviewOutcome o = got.outcome(gold.id()).orElseThrow();
    assertEquals(List.of(ReviewAction.GRACE_STARTED), o.actions());
    assertEquals(List.of(o), winner.reviews().history(gold.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items(), "one outcome of the day");
    assertEquals(DAY, winner.reviews().gracePeriod(gold.id()).orElseThrow().startedOn());
  }

  @Test
  @DisplayName("an automatic promotion made by the winner is not made again: one tier change, the winner's outcome reported")
  void promotedOnce() {
    winner.reviews().configure(ReviewPolicy.builder().promotionMode(ReviewMode.AUTOMATIC).build());
    Partner silver = partner("Borealis", Tier.SILVER);
    winner.registry().addClient(silver.id(), new NewClient("fleet", 10)); // meets Gold; Platinum has no requirement
    ReviewReport[] won = new ReviewReport[1];
    losing.loseOnce("insertOutcome", () -> won[0] = winner.reviews().run(DAY));
    ReviewReport got = loser.reviews().run(DAY);
    assertEquals(0, losing.lossesLeft());
    assertEquals(won[0].outcomes(), got.outcomes());
    ReviewOutcome o = got.outcome(silver.id()).orElseThrow();
    assertEquals(ReviewVerdict.PROMOTE, o.verdict());
    assertEquals(List.of(ReviewAction.PROMOTED), o.actions());
    assertEquals(Tier.PLATINUM, o.tierAfter());
    assertEquals(Tier.PLATINUM, winner.registry().get(silver.id()).tier());
    assertEquals(1, changesBy(silver, TierReviews.REVIEWER).size(), "promoted once");
    assertEquals(List.of(o), winner.reviews().history(silver.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
  }

  @Test
  @DisplayName("a demotion that loses to an administrator's tier change is reviewed again at the new tier: the grace period ends, no second change")
  void demotionLosesToAnAdministrator() {
    winner.reviews().configure(ReviewPolicy.builder().gracePeriodDays(3).build());
    Partner gold = partner("Cirrus", Tier.GOLD);
    winner.reviews().run(DAY); // grace starts; the demotion is due on DAY + 3
    clock.setDate(DAY.plusDays(3));
    losing.lose("update", ConflictException.Reason.STALE_VERSION, 1, () -> {
      Partner now = winner.registry().get(gold.id());
      winner.registry().changeTier(gold.id(), now.version(), new TierChangeRequest(Tier.SILVER, "admin", "contract ended"));
    });
    ReviewReport got = loser.reviews().run(DAY.plusDays(3));
    assertEquals(0, losing.lossesLeft());
    ReviewOutcome o = got.outcome(gold.id()).orElseThrow();
    assertEquals(List.of(ReviewAction.GRACE_ENDED_TIER_CHANGED), o.actions(), o.toString());
    assertEquals(ReviewVerdict.KEEP, o.verdict(), "judged at Silver, which it meets");
    assertEquals(Tier.SILVER, o.tierBefore());
    assertEquals(Tier.SILVER, o.tierAfter());
    assertEquals(Tier.SILVER, winner.registry().get(gold.id()).tier());
    assertTrue(changesBy(gold, TierReviews.REVIEWER).isEmpty(), "the review changed no tier");
    assertEquals(1, changesBy(gold, "admin").size());
    assertEquals(Optional.empty(), winner.reviews().gracePeriod(gold.id()));
  }

  @Test
  @DisplayName("a demotion that loses to another node's demotion is not made twice: one tier change by the review")
  void demotedOnce() {
    winner.reviews().configure(ReviewPolicy.builder().gracePeriodDays(3).build());
    Partner gold = partner("Dune", Tier.GOLD);
    winner.reviews().run(DAY);
    clock.setDate(DAY.plusDays(3));
    ReviewReport[] won = new ReviewReport[1];
    losing.lose("update", ConflictException.Reason.STALE_VERSION, 1, () -> won[0] = winner.reviews().run(DAY.plusDays(3)));
    ReviewReport got = loser.reviews().run(DAY.plusDays(3));
    assertEquals(0, losing.lossesLeft());
    assertEquals(won[0].outcomes(), got.outcomes());
    assertEquals(List.of(ReviewAction.DEMOTED), got.outcome(gold.id()).orElseThrow().actions());
    assertEquals(Tier.SILVER, winner.registry().get(gold.id()).tier());
    assertEquals(1, changesBy(gold, TierReviews.REVIEWER).size());
  }

  @Test
  @DisplayName("a review that loses every race gives up after four attempts with the last conflict, the earlier ones suppressed")
  void givesUp() {
    partner("Eon", Tier.GOLD);
    losing.lose("insertOutcome", ConflictException.Reason.DUPLICATE, 4, () -> {});
    int before = losing.writes();
    ConflictException e = assertThrows(ConflictException.class, () -> loser.reviews().run(DAY));
    assertEquals(4, losing.writes() - before);
    assertEquals(3, e.getSuppressed().length);
    assertTrue(winner.store().read(tx -> tx.reviews().lastReviewDate()).isEmpty(), "nothing stored");
  }

  @Test
  @DisplayName("a policy configured meanwhile by another node is kept: ours is stored after it, as the next version")
  void policyAfterTheWinner() {
    ReviewPolicy theirs = ReviewPolicy.DEFAULT.withGracePeriodDays(60);
    ReviewPolicy ours = ReviewPolicy.DEFAULT.withGracePeriodDays(30);
    losing.loseOnce("appendPolicy", () -> winner.reviews().configure(theirs));
    int before = losing.writes();
    assertEquals(ours, loser.reviews().configure(ours));
    assertEquals(2, losing.writes() - before);
    assertEquals(ours, winner.reviews().policy());
    assertEquals(Integer.valueOf(2), winner.store().<Integer>read(tx -> tx.reviews().lastPolicyVersion()));
  }
}
