package cloud.quazzar.partner.testkit.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.MinimumClients;
import cloud.quazzar.partner.certification.MinimumServers;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.review.MinimumAverageMrr;
import cloud.quazzar.partner.review.ReviewAction;
import cloud.quazzar.partner.review.ReviewOutcome;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.review.ReviewReport;
import cloud.quazzar.partner.review.TierReviews;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.LostUpdateStore;
import cloud.quazzar.partner.testkit.NullRefusingStore;
import cloud.quazzar.partner.testkit.RaceLosingStore;
import cloud.quazzar.partner.testkit.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Paths of a tier review that the examples do not take (docs/reviews.md; rules REVIEW-3, REVIEW-7,
 * REVIEW-8 of docs/rules.md): null arguments, a partner deactivated while a run is under way, a
 * grace period ended by another node between the review's read and its write, and the 500
 * characters a tier change's reason may have.
 */
class ReviewPathsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 28);

  private final TestClock clock = TestClock.at(Instant.parse("2026-11-28T08:00:00Z"));

  private PartnerProgram program(Store store, EligibilityRequirements requirements) {
    return PartnerProgram.builder().clock(clock).eligibilityRequirements(requirements).store(store).build();
  }

  private static Partner partner(PartnerProgram program, String name, Tier tier) {
    return program.registry().add(new NewPartner(name, name.replace(" ", "").toLowerCase() + "@x.example", tier));
  }

  @Test
  @DisplayName("a null partner id is a ValidationException on partnerId, for the grace period and the history alike,"
      + " and the store is never asked about it")
  void nullPartnerId() {
    try (PartnerProgram program = program(new NullRefusingStore(MemoryStorage.create()), EligibilityRequirements.NONE)) {
      List<Violation> expected = List.of(new Violation("partnerId", "must not be null"));
      assertEquals(expected, assertThrows(ValidationException.class, () -> program.reviews().gracePeriod(null)).violations());
      assertEquals(expected, assertThrows(ValidationException.class, () -> program.reviews().history(null, PageRequest.first(PageRequest.MAX_LIMIT)).items()).violations());
    }
    try (PartnerProgram program = program(MemoryStorage.create(), EligibilityRequirements.NONE)) {
      assertEquals(List.of("partnerId"),
          assertThrows(ValidationException.class, () -> program.reviews().gracePeriod(null)).fields());
    }
  }

  @Test
  @DisplayName("a run reviews every active partner, also beyond the first 1,000 (the partners are read in pages of 1,000),"
      + " and none twice; inactive ones are left out")
  void runCoversEveryActivePartner() {
    try (PartnerProgram program = program(MemoryStorage.create(), EligibilityRequirements.NONE)) {
      int active = 2 * PartnerQuery.MAX_LIMIT + 1;
      Set<PartnerId> expected = new HashSet<>();
      for (int i = 0; i < active; i++) {
        expected.add(partner(program, "Reviewed " + i, Tier.SILVER).id());
      }
      Partner off = partner(program, "Inactive", Tier.SILVER);
      program.registry().deactivate(off.id(), off.version());
      List<PartnerId> reviewed = program.reviews().run(DAY).outcomes().stream().map(ReviewOutcome::partnerId).toList();
      assertEquals(active, reviewed.size(), "one outcome per active partner");
      assertEquals(expected, new HashSet<>(reviewed), "exactly the active partners");
    }
  }

  @Test
  @DisplayName("a partner deactivated while the run is under way is not reviewed: the attempt that reads it inactive"
      + " stores no outcome and starts no grace period (docs/reviews.md: inactive partners are not reviewed)")
  void deactivatedDuringTheRun() {
    Store shared = MemoryStorage.create();
    RaceLosingStore losing = new RaceLosingStore(shared);
    EligibilityRequirements requirements = EligibilityRequirements.NONE.with(Tier.GOLD, new MinimumServers(10));
    try (PartnerProgram loser = program(losing, requirements); PartnerProgram winner = program(shared, requirements)) {
      Partner gold = partner(winner, "Atlas Cloud", Tier.GOLD); // below Gold: a review would start a grace period
      // the run has listed the partner; its first attempt loses a race, and meanwhile an administrator deactivates it
      losing.loseOnce("insertOutcome", () -> winner.registry().deactivate(gold.id(), winner.registry().get(gold.id()).version()));

      ReviewReport report = loser.reviews().run(DAY);
      assertEquals(0, losing.lossesLeft());
      assertEquals(PartnerStatus.INACTIVE, winner.registry().get(gold.id()).status());
      assertEquals(Optional.empty(), report.outcome(gold.id()), report.toString());
      assertEquals(List.of(), winner.reviews().history(gold.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
      assertEquals(Optional.empty(), winner.reviews().gracePeriod(gold.id()));
    }
  }

  @Test
  @DisplayName("REVIEW-3, REVIEW-8: a grace period another node ended between this review's read and its delete is a"
      + " conflict: the review is rolled back and its retry returns the other node's outcome of the day")
  void graceEndedMeanwhile() {
    Store shared = MemoryStorage.create();
    LostUpdateStore losing = new LostUpdateStore(shared);
    EligibilityRequirements requirements = EligibilityRequirements.NONE.with(Tier.GOLD, new MinimumServers(10))
        .with(Tier.PLATINUM, new MinimumServers(100));
    try (PartnerProgram loser = program(losing, requirements); PartnerProgram winner = program(shared, requirements)) {
      Partner gold = partner(winner, "Borealis", Tier.GOLD);
      winner.reviews().run(DAY); // no servers: the grace period starts
      winner.registry().addClient(gold.id(), new NewClient("fleet", 10)); // requalifies
      LocalDate next = DAY.plusDays(1);
      clock.setDate(next);
      ReviewReport[] won = new ReviewReport[1];
      losing.lose("deleteGracePeriod", () -> won[0] = winner.reviews().run(next));

      ReviewReport got = loser.reviews().run(next);
      assertEquals(0, losing.lossesLeft());
      assertTrue(won[0] != null, "the other node's review ran after the loser's attempt rolled back");
      assertEquals(won[0].outcomes(), got.outcomes());
      ReviewOutcome o = got.outcome(gold.id()).orElseThrow();
      assertEquals(List.of(ReviewAction.GRACE_ENDED_REQUALIFIED), o.actions());
      assertEquals(Optional.empty(), winner.reviews().gracePeriod(gold.id()));
      assertEquals(2, winner.reviews().history(gold.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size(), "one outcome per day");
    }
  }

  @Nested
  @DisplayName("REVIEW-7: the reason of a demotion is cut to the 500 characters a reason may have")
  class Reasons {
    /** Below Gold by clients and by two revenue requirements; demoted to Silver on DAY + 3. */
    private TierChange demotion(String firstAmount) {
      try (PartnerProgram program = program(MemoryStorage.create(), EligibilityRequirements.NONE.with(Tier.GOLD, new MinimumClients(10)))) {
        program.reviews().configure(ReviewPolicy.builder().gracePeriodDays(3)
            .revenue(Tier.GOLD, MinimumAverageMrr.of(firstAmount, "USD", 3))
            .revenue(Tier.GOLD, MinimumAverageMrr.of("1000.00", "USD", 2)).build());
        Partner gold = partner(program, "Cirrus", Tier.GOLD);
        program.reviews().run(DAY);
        clock.setDate(DAY.plusDays(3));
        assertEquals(List.of(ReviewAction.DEMOTED), program.reviews().run(DAY.plusDays(3)).outcome(gold.id()).orElseThrow().actions());
        List<TierChange> history = program.registry().tierHistory(gold.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items();
        TierChange last = history.get(history.size() - 1);
        assertEquals(Tier.SILVER, last.to());
        assertEquals(TierReviews.REVIEWER, last.changedBy());
        return last;
      }
    }

    private static String reason(String firstAmount) {
      return "tier review 2026-12-01: demoted from GOLD to SILVER at the end of the grace period 2026-11-28 to 2026-11-30;"
          + " unmet: GOLD: at least 10 clients: the partner has 0; GOLD: an average MRR of at least " + firstAmount
          + " USD over the last 3 complete months: 0.00 USD from 2026-09 to 2026-11 (total 0.00 USD; 3 months without"
          + " an entry counted as 0); GOLD: an average MRR of at least 1000.00 USD over the last 2 complete months:"
          + " 0.00 USD from 2026-10 to 2026-11 (total 0.00 USD; 2 months without an entry counted as 0)";
    }

    @Test
    @DisplayName("a reason of exactly 500 characters is kept whole")
    void longestKeptWhole() {
      String whole = reason("100000.00");
      assertEquals(500, whole.length(), "the example is at the limit");
      assertEquals(whole, demotion("100000.00").reason());
    }

    @Test
    @DisplayName("a reason of 501 characters is cut to its first 497 and '...'")
    void oneMoreIsCut() {
      String whole = reason("1000000.00");
      assertEquals(501, whole.length(), "the example is one over the limit");
      assertEquals(whole.substring(0, 497) + "...", demotion("1000000.00").reason());
    }
  }
}
