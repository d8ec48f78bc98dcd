package cloud.quazzar.partner.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.review.GracePeriod;
import cloud.quazzar.partner.review.MinimumAverageMrr;
import cloud.quazzar.partner.review.ReviewAction;
import cloud.quazzar.partner.review.ReviewMode;
import cloud.quazzar.partner.review.ReviewOutcome;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.review.ReviewReport;
import cloud.quazzar.partner.review.ReviewVerdict;
import cloud.quazzar.partner.review.TierReviews;
import cloud.quazzar.partner.spi.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storage contract for tier reviews, mounted in {@link StoreTck} as {@code @Nested class
 * Reviews}. It drives the store through {@link TierReviews} (grace periods, demotion, idempotent
 * days, two nodes at once) and through the SPI (round trips of every field, uniqueness, rollback).
 * The program uses the default eligibility requirements (Gold: 2 certifications at Advanced or
 * above) and, unless a test configures another, {@link ReviewPolicy#DEFAULT} (90 days, automatic
 * demotion, recommended promotion).
 */
@ExtendWith(PromiseMessages.class)
public abstract class ReviewContract {
  private static final LocalDate DAY_ONE = LocalDate.of(2026, 1, 15); // StoreTck.START's date

  /**
   * The store, clock and program of the running test, from {@link StoreTck#context()}.
   *
   * @return the running test's context
   */
  protected abstract TckContext context();

  private PartnerProgram program() {
    return context().program();
  }

  private TierReviews reviews() {
    return program().reviews();
  }

  /** A second program on the same store: another node of a multi-node host (on a cluster, on another node). */
  private PartnerProgram otherNode() {
    return PartnerProgram.builder().clock(context().clock()).store(context().otherNode()).build();
  }

  private Partner partner(String name, Tier tier) {
    return program().registry().add(new NewPartner(name, name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT)
        + "@review.example", tier));
  }

  /** Gives the partner {@code n} Advanced certifications whose last valid day is {@code expiry}. */
  @SuppressWarnings("EnumOrdinal") // picks values in turn for variety; their order does not matter
  private void advanced(PartnerId id, int n, LocalDate expiry) {
    for (int i = 0; i < n; i++) {
      program().certifications().add(id, new NewCertification("Advanced " + i + " to " + expiry,
          SkillArea.values()[i % SkillArea.values().length], CertificationLevel.ADVANCED, Optional.empty(),
          expiry.minusYears(1), expiry));
    }
  }

  private void setDay(LocalDate day) {
    context().clock().setDate(day);
  }

  private ReviewOutcome outcome(ReviewReport report, PartnerId id) {
    return report.outcome(id).orElseThrow(() -> new AssertionError("no outcome for " + id + " in " + report));
  }

  @Test
  @DisplayName("a Gold partner whose certifications expire is at risk, keeps Gold for 90 days, then is demoted once")
  void graceThenDemotion() {
    Partner gold = partner("Atlas Cloud", Tier.GOLD);
    Partner silver = partner("Birch Hosting", Tier.SILVER);
    advanced(gold.id(), 2, LocalDate.of(2026, 2, 1));

    ReviewReport first = reviews().run();
    assertEquals(DAY_ONE, first.date());
    assertEquals(ReviewVerdict.KEEP, outcome(first, gold.id()).verdict());
    assertEquals(ReviewVerdict.KEEP, outcome(first, silver.id()).verdict());
    assertEquals(List.of(), outcome(first, gold.id()).actions());

    LocalDate lapsed = LocalDate.of(2026, 2, 2);
    setDay(lapsed);
    ReviewOutcome risk = outcome(reviews().run(), gold.id());
    assertEquals(ReviewVerdict.AT_RISK, risk.verdict());
    assertEquals(List.of(ReviewAction.GRACE_STARTED), risk.actions());
    assertEquals(Tier.GOLD, risk.tierAfter());
    assertEquals(Optional.of(Tier.SILVER), risk.qualifiedTier());
    assertEquals(Optional.of(lapsed), risk.graceStartedOn());
    assertEquals(Optional.of(lapsed.plusDays(90)), risk.demotionDueOn());
    assertEquals(1, risk.unmet().size(), risk.unmet().toString());
    assertTrue(risk.unmet().get(0).contains("at least 2 certifications at ADVANCED"), risk.unmet().get(0));
    assertEquals(Optional.of(new GracePeriod(gold.id(), Tier.GOLD, lapsed, lapsed.plusDays(90))),
        reviews().gracePeriod(gold.id()));
    assertEquals(Tier.GOLD, program().registry().get(gold.id()).tier());

    // the same day again: nothing changes, the same outcomes come back
    long version = program().registry().get(gold.id()).version();
    ReviewReport again = reviews().run();
    assertEquals(risk, outcome(again, gold.id()));
    assertEquals(version, program().registry().get(gold.id()).version());
    assertEquals(1, program().registry().tierHistory(gold.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());

    setDay(lapsed.plusDays(89));
    ReviewOutcome inside = outcome(reviews().run(), gold.id());
    assertEquals(ReviewVerdict.AT_RISK, inside.verdict());
    assertEquals(List.of(), inside.actions());
    assertEquals(Tier.GOLD, inside.tierAfter());
    assertEquals(Optional.of(lapsed.plusDays(90)), inside.demotionDueOn());

    LocalDate end = lapsed.plusDays(90);
    setDay(end);
    ReviewOutcome demoted = outcome(reviews().run(), gold.id());
    assertEquals(List.of(ReviewAction.DEMOTED), demoted.actions());
    assertEquals(Tier.GOLD, demoted.tierBefore());
    assertEquals(Tier.SILVER, demoted.tierAfter());
    assertEquals(Optional.of(Tier.SILVER), demoted.targetTier());
    assertEquals(Tier.SILVER, program().registry().get(gold.id()).tier());
    assertEquals(Optional.empty(), reviews().gracePeriod(gold.id()));
    List<TierChange> history = program().registry().tierHistory(gold.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items();
    assertEquals(2, history.size());
    TierChange change = history.get(1);
    assertEquals(Optional.of(Tier.GOLD), change.from());
    assertEquals(Tier.SILVER, change.to());
    assertEquals(TierReviews.REVIEWER, change.changedBy());
    assertTrue(change.reason().startsWith("tier review " + end + ": demoted from GOLD to SILVER"), change.reason());

    ReviewReport repeat = reviews().run();
    assertEquals(demoted, outcome(repeat, gold.id()));
    assertEquals(2, program().registry().tierHistory(gold.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
    assertEquals(List.of(DAY_ONE, lapsed, lapsed.plusDays(89), end),
        reviews().history(gold.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(ReviewOutcome::date).toList());
    assertEquals(4, reviews().history(silver.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
  }

  @Test
  @DisplayName("requalifying inside the grace period ends it and keeps the tier without a history entry")
  void requalifying() {
    Partner gold = partner("Cedar Networks", Tier.GOLD);
    advanced(gold.id(), 2, DAY_ONE.minusDays(1)); // expired yesterday
    ReviewOutcome risk = outcome(reviews().run(), gold.id());
    assertEquals(List.of(ReviewAction.GRACE_STARTED), risk.actions());

    setDay(DAY_ONE.plusDays(30));
    advanced(gold.id(), 2, DAY_ONE.plusYears(1));
    ReviewOutcome back = outcome(reviews().run(), gold.id());
    assertEquals(ReviewVerdict.KEEP, back.verdict());
    assertEquals(List.of(ReviewAction.GRACE_ENDED_REQUALIFIED), back.actions());
    assertEquals(Optional.of(DAY_ONE), back.graceStartedOn());
    assertEquals(Optional.empty(), reviews().gracePeriod(gold.id()));
    assertEquals(Tier.GOLD, program().registry().get(gold.id()).tier());
    assertEquals(1, program().registry().tierHistory(gold.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
  }

  @Test
  @DisplayName("a stale average MRR is read from the current entries: a correction counts the next day")
  void revenueRequirement() {
    reviews().configure(ReviewPolicy.builder().revenue(Tier.GOLD, MinimumAverageMrr.of("1000.00", "USD", 3)).build());
    Partner gold = partner("Delta Systems", Tier.GOLD);
    advanced(gold.id(), 2, DAY_ONE.plusYears(1));
    record(gold.id(), YearMonth.of(2025, 10), "1000.00");
    record(gold.id(), YearMonth.of(2025, 11), "1000.00");
    record(gold.id(), YearMonth.of(2025, 12), "999.99");
    // the review month (2026-01) is not counted, however large
    record(gold.id(), YearMonth.of(2026, 1), "99999.00");

    ReviewOutcome short1 = outcome(reviews().run(), gold.id());
    assertEquals(ReviewVerdict.AT_RISK, short1.verdict());
    assertEquals(List.of("GOLD: an average MRR of at least 1000.00 USD over the last 3 complete months: 999.99 USD"
        + " from 2025-10 to 2025-12 (total 2999.99 USD)"), short1.unmet());

    program().revenue().correct(RevenueCorrection.of(gold.id(), YearMonth.of(2025, 12), "fix-2025-12", "late invoice")
        .withMrr(Money.of("1000.00", "USD")));
    setDay(DAY_ONE.plusDays(1));
    ReviewOutcome met = outcome(reviews().run(), gold.id());
    assertEquals(ReviewVerdict.KEEP, met.verdict());
    assertEquals(List.of(ReviewAction.GRACE_ENDED_REQUALIFIED), met.actions());
  }

  private void record(PartnerId id, YearMonth month, String usd) {
    program().revenue().record(RevenueRecording.of(id, month, Money.of(usd, "USD"), id + "-" + month));
  }

  @Test
  @DisplayName("the policy is stored: another node reviews by it; the latest configuration wins")
  void policyStored() {
    assertEquals(ReviewPolicy.DEFAULT, reviews().policy());
    ReviewPolicy rich = ReviewPolicy.builder()
        .gracePeriodDays(30)
        .demotionMode(ReviewMode.RECOMMEND_ONLY)
        .promotionMode(ReviewMode.AUTOMATIC)
        .revenue(Tier.GOLD, MinimumAverageMrr.of("500.00", "EUR", 2))
        .revenue(Tier.GOLD, MinimumAverageMrr.of("700", "JPY", 12))
        .revenue(Tier.PLATINUM, MinimumAverageMrr.of("1.234", "BHD", 36))
        .build();
    reviews().configure(rich);
    try (PartnerProgram node = otherNode()) {
      assertEquals(rich, node.reviews().policy());
      ReviewPolicy shorter = rich.withGracePeriodDays(14).withRevenue(Tier.GOLD);
      node.reviews().configure(shorter);
      assertEquals(shorter, reviews().policy());
    }
  }

  @Test
  @DisplayName("two nodes reviewing the same day at once start one grace period and demote once per partner")
  void twoNodes() throws Exception {
    List<Partner> partners = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Partner p = partner("Node Partner " + i, Tier.GOLD);
      advanced(p.id(), 2, DAY_ONE.minusDays(1));
      partners.add(p);
    }
    try (PartnerProgram node = otherNode()) {
      List<TierReviews> nodes = List.of(reviews(), node.reviews());
      List<ReviewReport> reports = Collections.synchronizedList(new ArrayList<>());
      Concurrently.run(2, i -> reports.add(nodes.get(i).run()));
      assertEquals(2, reports.size());
      for (Partner p : partners) {
        ReviewOutcome a = outcome(reports.get(0), p.id());
        assertEquals(a, outcome(reports.get(1), p.id()));
        assertEquals(List.of(ReviewAction.GRACE_STARTED), a.actions());
        assertEquals(1, reviews().history(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
      }
      setDay(DAY_ONE.plusDays(ReviewPolicy.DEFAULT_GRACE_DAYS));
      reports.clear();
      Concurrently.run(2, i -> reports.add(nodes.get(i).run()));
      for (Partner p : partners) {
        assertEquals(outcome(reports.get(0), p.id()), outcome(reports.get(1), p.id()));
        assertEquals(List.of(ReviewAction.DEMOTED), outcome(reports.get(0), p.id()).actions());
        List<TierChange> history = program().registry().tierHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items();
        assertEquals(2, history.size(), history.toString());
        assertEquals(Tier.SILVER, program().registry().get(p.id()).tier());
      }
    }
  }

  /**
   * The context's store, except that the {@code failAt}-th outermost write fails after its work ran
   * (as a crash before the commit would): the store rolls that transaction back.
   */
  private static final class CrashingStore implements Store {
    private final Store delegate;
    private final int failAt;
    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
    private int writes;

    CrashingStore(Store delegate, int failAt) {
      this.delegate = delegate;
      this.failAt = failAt;
    }

    @Override
    public String description() {
      return "crashing " + delegate.description();
    }

    @Override
    public boolean durable() {
      return delegate.durable();
    }

    @Override
    public byte[] pageTokenKey() {
      return delegate.pageTokenKey();
    }

    @Override
    public <T> T read(cloud.quazzar.partner.spi.StoreWork<T> work) {
      return delegate.read(work);
    }

    @Override
    public <T> T write(cloud.quazzar.partner.spi.StoreWork<T> work) {
      boolean outer = depth.get() == 0;
      depth.set(depth.get() + 1);
      try {
        return delegate.write(tx -> {
          T result = work.run(tx);
          if (outer && ++writes == failAt) {
            throw new cloud.quazzar.partner.StorageException("simulated crash before commit " + writes);
          }
          return result;
        });
      } finally {
        depth.set(depth.get() - 1);
      }
    }

    @Override
    public void close() {}
  }

  @Test
  @DisplayName("a run that fails half-way leaves each partner reviewed or not; running again completes it")
  void failedRunResumes() {
    List<Partner> partners = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Partner p = partner("Crash Partner " + i, Tier.GOLD);
      advanced(p.id(), 2, DAY_ONE.minusDays(1));
      partners.add(p);
    }
    try (PartnerProgram crashing = PartnerProgram.builder().clock(context().clock())
        .store(new CrashingStore(context().store(), 3)).build()) {
      assertThrows(cloud.quazzar.partner.StorageException.class, () -> crashing.reviews().run());
    }
    // listed by name: partners 0 and 1 were reviewed, 2 rolled back, 3 and 4 not reached
    for (int i = 0; i < 5; i++) {
      PartnerId id = partners.get(i).id();
      assertEquals(i < 2 ? 1 : 0, reviews().history(id, PageRequest.first(PageRequest.MAX_LIMIT)).items().size(), "partner " + i);
      assertEquals(i < 2, reviews().gracePeriod(id).isPresent(), "partner " + i);
    }
    List<ReviewOutcome> firstTwo = List.of(reviews().history(partners.get(0).id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().get(0),
        reviews().history(partners.get(1).id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().get(0));
    ReviewReport resumed = reviews().run();
    assertEquals(5, resumed.outcomes().size());
    assertEquals(firstTwo, resumed.outcomes().subList(0, 2));
    for (Partner p : partners) {
      ReviewOutcome o = outcome(resumed, p.id());
      assertEquals(List.of(ReviewAction.GRACE_STARTED), o.actions());
      assertEquals(Optional.of(DAY_ONE.plusDays(90)), o.demotionDueOn());
      assertEquals(1, program().registry().tierHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
    }
  }

  @Test
  @DisplayName("LIST-4: a partner's review history pages oldest first; a day reviewed between pages comes on a later page, "
      + "and the token stays with the partner")
  void historyPages() {
    Partner p = partner("Paged Cloud", Tier.SILVER);
    Partner other = partner("Other Cloud", Tier.SILVER);
    List<LocalDate> days = new ArrayList<>();
    for (int d = 0; d < 5; d++) {
      setDay(DAY_ONE.plusDays(d * 3L));
      days.add(reviews().run().date());
    }
    for (int limit : new int[] {1, 2, 5, 6}) {
      assertEquals(days, CertificationContract.allPages(r -> reviews().history(p.id(), r), limit).stream()
          .map(ReviewOutcome::date).toList(), "pages of " + limit);
    }
    Page<ReviewOutcome> first = reviews().history(p.id(), PageRequest.first(2));
    assertEquals(days.subList(0, 2), first.items().stream().map(ReviewOutcome::date).toList());
    setDay(DAY_ONE.plusDays(20));
    reviews().run();
    PageRequest next = PageRequest.first(2).withPageToken(first.nextPageToken().orElseThrow());
    assertEquals(List.of(days.get(2), days.get(3), days.get(4), DAY_ONE.plusDays(20)),
        CertificationContract.pagesAfter(r -> reviews().history(p.id(), r), next).stream().map(ReviewOutcome::date)
            .toList(), "every day once, the day reviewed meanwhile last");
    assertEquals(List.of("pageToken"), assertThrows(ValidationException.class,
        () -> reviews().history(other.id(), next)).fields(), "a token of one partner's history is refused for another's");
    assertEquals(List.of(CertificationContract.NOT_OURS), assertThrows(ValidationException.class,
        () -> reviews().history(p.id(), PageRequest.first(2).withPageToken(
            CertificationContract.changed(first.nextPageToken().orElseThrow())))).violations(), "a changed token");
    assertEquals(List.of("limit"), assertThrows(ValidationException.class,
        () -> reviews().history(p.id(), PageRequest.first(0))).fields());
  }

  @Test
  @DisplayName("a run may not go back before the latest reviewed day, nor after today")
  void daysMoveForward() {
    partner("Echo Cloud", Tier.SILVER);
    setDay(DAY_ONE.plusDays(5));
    reviews().run();
    ValidationException back = assertThrows(ValidationException.class, () -> reviews().run(DAY_ONE));
    assertEquals(List.of("date"), back.fields());
    ValidationException future = assertThrows(ValidationException.class, () -> reviews().run(DAY_ONE.plusDays(6)));
    assertEquals(List.of("date"), future.fields());
    assertEquals(DAY_ONE.plusDays(5), reviews().run(DAY_ONE.plusDays(5)).date());
  }

  @Test
  @DisplayName("SPI: grace periods, outcomes and policies read back field by field; keys are unique")
  void storeRoundTrips() {
    Store store = context().store();
    Partner p = partner("Foxtrot Data", Tier.PLATINUM);
    Partner q = partner("Golf Hosting", Tier.GOLD);
    GracePeriod grace = new GracePeriod(p.id(), Tier.PLATINUM, DAY_ONE, DAY_ONE.plusDays(90));
    ReviewOutcome full = new ReviewOutcome(p.id(), DAY_ONE, ReviewVerdict.AT_RISK, Tier.PLATINUM, Tier.PLATINUM,
        Optional.empty(), Optional.of(Tier.SILVER),
        List.of(ReviewAction.GRACE_ENDED_TIER_CHANGED, ReviewAction.GRACE_STARTED),
        Optional.of(DAY_ONE), Optional.of(DAY_ONE.plusDays(90)), List.of("first, with a comma; and ümlauts", "second"));
    ReviewOutcome bare = new ReviewOutcome(q.id(), DAY_ONE.plusDays(1), ReviewVerdict.KEEP, Tier.GOLD, Tier.GOLD,
        Optional.of(Tier.GOLD), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), List.of());
    store.write(tx -> {
      tx.reviews().insertGracePeriod(grace);
      tx.reviews().insertOutcome(full);
      tx.reviews().insertOutcome(bare);
      return true; // no result: a StoreWork must return non-null
    });
    store.read(tx -> {
      assertEquals(Optional.of(grace), tx.reviews().gracePeriod(p.id()));
      assertEquals(Optional.empty(), tx.reviews().gracePeriod(q.id()));
      assertEquals(Optional.of(full), tx.reviews().outcome(p.id(), DAY_ONE));
      assertEquals(Optional.of(bare), tx.reviews().outcome(q.id(), DAY_ONE.plusDays(1)));
      assertEquals(Optional.empty(), tx.reviews().outcome(q.id(), DAY_ONE));
      assertEquals(List.of(full), tx.reviews().outcomes(p.id()));
      assertEquals(Optional.of(DAY_ONE.plusDays(1)), tx.reviews().lastReviewDate());
      return true; // no result: a StoreWork must return non-null
    });
    ConflictException twoGraces = assertThrows(ConflictException.class, () -> store.write(tx -> {
      tx.reviews().insertGracePeriod(new GracePeriod(p.id(), Tier.GOLD, DAY_ONE.plusDays(1), DAY_ONE.plusDays(9)));
      return true; // no result: a StoreWork must return non-null
    }));
    assertEquals(ConflictException.Reason.DUPLICATE, twoGraces.reason());
    ConflictException twoOutcomes = assertThrows(ConflictException.class, () -> store.write(tx -> {
      tx.reviews().insertOutcome(bare);
      return true; // no result: a StoreWork must return non-null
    }));
    assertEquals(ConflictException.Reason.DUPLICATE, twoOutcomes.reason());
    // compare-and-set on the start day
    assertFalse((boolean) store.write(tx -> tx.reviews().deleteGracePeriod(p.id(), DAY_ONE.plusDays(1))),
        "deleteGracePeriod with another start day returns false");
    assertTrue((boolean) store.write(tx -> tx.reviews().deleteGracePeriod(p.id(), DAY_ONE)),
        "deleteGracePeriod with the stored start day returns true");
    assertEquals(Optional.empty(), store.read(tx -> tx.reviews().gracePeriod(p.id())));

    assertEquals(0, (int) store.read(tx -> tx.reviews().lastPolicyVersion()));
    ReviewPolicy policy = ReviewPolicy.DEFAULT.withRevenue(Tier.SILVER, MinimumAverageMrr.of("0.01", "USD", 1));
    store.write(tx -> {
      tx.reviews().appendPolicy(1, policy, Instant.parse("2026-01-15T09:30:00.123456Z"));
      return true; // no result: a StoreWork must return non-null
    });
    assertEquals(Optional.of(policy), store.read(tx -> tx.reviews().latestPolicy()));
    ConflictException twoPolicies = assertThrows(ConflictException.class, () -> store.write(tx -> {
      tx.reviews().appendPolicy(1, ReviewPolicy.DEFAULT, Instant.parse("2026-01-15T09:30:00Z"));
      return true; // no result: a StoreWork must return non-null
    }));
    assertEquals(ConflictException.Reason.DUPLICATE, twoPolicies.reason());
    assertEquals(1, (int) store.read(tx -> tx.reviews().lastPolicyVersion()));
  }

  @Test
  @DisplayName("SPI: a write that fails after starting a grace period and storing an outcome leaves neither")
  void rollback() {
    Store store = context().store();
    Partner p = partner("Hotel Systems", Tier.GOLD);
    IllegalStateException boom = assertThrows(IllegalStateException.class, () -> store.write(tx -> {
      tx.reviews().insertGracePeriod(new GracePeriod(p.id(), Tier.GOLD, DAY_ONE, DAY_ONE.plusDays(90)));
      tx.reviews().insertOutcome(new ReviewOutcome(p.id(), DAY_ONE, ReviewVerdict.AT_RISK, Tier.GOLD, Tier.GOLD,
          Optional.of(Tier.SILVER), Optional.of(Tier.SILVER), List.of(ReviewAction.GRACE_STARTED), Optional.of(DAY_ONE),
          Optional.of(DAY_ONE.plusDays(90)), List.of()));
      tx.reviews().appendPolicy(1, ReviewPolicy.DEFAULT, Instant.parse("2026-01-15T09:30:00Z"));
      throw new IllegalStateException("boom");
    }));
    assertEquals("boom", boom.getMessage());
    store.read(tx -> {
      assertEquals(Optional.empty(), tx.reviews().gracePeriod(p.id()));
      assertEquals(List.of(), tx.reviews().outcomes(p.id()));
      assertEquals(Optional.empty(), tx.reviews().lastReviewDate());
      assertEquals(0, tx.reviews().lastPolicyVersion());
      return true; // no result: a StoreWork must return non-null
    });
  }
}
