package cloud.quazzar.partner.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.discount.AdjustmentRequest;
import cloud.quazzar.partner.discount.CancelRequest;
import cloud.quazzar.partner.discount.Cancellation;
import cloud.quazzar.partner.discount.Combination;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PartnerAdjustment;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.discount.VolumeStep;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.testkit.generators.DiscountGenerators;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storage contract for discount policy versions and partner adjustments, mounted in {@link
 * StoreTck} as {@code @Nested class Discounts}. It drives the store through the {@link
 * DiscountEngine} (so the rules hold on it) and through the SPI (so that append-only storage,
 * uniqueness, rollback and the revision come from the store itself).
 */
@ExtendWith(PromiseMessages.class)
public abstract class DiscountContract {
  private static final Money THOUSAND_USD = Money.of("1000.00", "USD");

  /**
   * The store, clock and program of the running test, from {@link StoreTck#context()}.
   *
   * @return the running test's context
   */
  protected abstract TckContext context();

  private DiscountEngine engine() {
    return context().program().discounts();
  }

  private LocalDate today() {
    return context().program().today();
  }

  /** A second program on the same store: another node of a multi-node host (on a cluster, on another node). */
  private PartnerProgram otherNode() {
    return PartnerProgram.builder().clock(context().clock()).store(context().otherNode()).build();
  }

  /** Every field of the policy type used, so that a store that drops one fails. */
  private static DiscountPolicy richPolicy() {
    return DiscountPolicy.builder()
        .baseRate(Tier.SILVER, "10.25")
        .baseRate(Tier.GOLD, "15")
        .baseRate(Tier.PLATINUM, "20.01")
        .volumeStep(0, "0.5")
        .volumeStep(50, "5")
        .volumeStep(200, "8.75")
        .volumeStep(VolumeStep.MAX_MIN_SERVER_COUNT, "9") // the largest threshold a store must keep
        .tierVolumeStep(Tier.PLATINUM, 10, "6")
        .tierVolumeStep(Tier.PLATINUM, 100, "12.5")
        .combination(Combination.COMPOUND)
        .cap("30.5")
        .rounding(RoundingMode.HALF_EVEN)
        .build();
  }

  private Partner partner(String name, Tier tier, int servers) {
    Partner p = context().program().registry().add(new NewPartner(name, "ops@" + name.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example", tier));
    if (servers > 0) {
      context().program().registry().addClient(p.id(), new NewClient("main", servers));
    }
    return p;
  }

  @Test
  @DisplayName("a policy version reads back with every field exactly, also through a fresh program")
  void versionRoundTrip() {
    PolicyVersion v = engine().setPolicy(richPolicy(), PolicyChange.today("  Alice   Admin ", " 2026 price list "));
    assertEquals(1, v.version());
    assertEquals(today(), v.effectiveFrom());
    assertEquals("Alice Admin", v.createdBy());
    assertEquals("2026 price list", v.reason());
    assertEquals(StoreTck.START, v.createdAt());
    assertEquals(List.of(v), context().store().read(tx -> tx.discounts().policyVersions()));
    try (PartnerProgram other = otherNode()) {
      assertEquals(List.of(v), other.discounts().policyHistory());
      assertEquals(Optional.of(v), other.discounts().policyOn(today()));
    }
  }

  @Test
  @DisplayName("versions are numbered in order; the history keeps every one, scheduled and cancelled ones included")
  void numberingAndHistory() {
    DiscountPolicy a = DiscountGenerators.examplePolicy();
    DiscountPolicy b = a.toBuilder().baseRate(Tier.GOLD, "16").build();
    PolicyVersion v1 = engine().setPolicy(a, PolicyChange.today("alice", "first"));
    PolicyVersion v2 = engine().setPolicy(b, PolicyChange.from(today().plusDays(10), "bob", "scheduled"));
    PolicyVersion v2c = engine().cancelPolicy(2, new CancelRequest("carol", "not yet"));
    PolicyVersion v3 = engine().setPolicy(b, PolicyChange.from(today().plusDays(20), "bob", "again"));
    assertEquals(List.of(1, 2, 3), engine().policyHistory().stream().map(PolicyVersion::version).toList());
    assertEquals(List.of(v1, v2c, v3), engine().policyHistory());
    assertTrue(v2c.isCancelled(), "the cancelled version reads back with its cancellation: " + v2c);
    assertEquals("carol", v2c.cancellation().orElseThrow().cancelledBy());
    assertEquals(StoreTck.START, v2c.cancellation().orElseThrow().cancelledAt());
    assertEquals(v2.policy(), v2c.policy());
    assertEquals(Optional.of(v1), engine().policyOn(today().plusDays(15)), "a cancelled version is never in force");
    assertEquals(Optional.of(v3), engine().policyOn(today().plusDays(20)));
  }

  @Test
  @DisplayName("a version scheduled ahead takes effect on its date; until then it can be cancelled, afterwards not")
  void schedulingAndCancelling() {
    engine().setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("alice", "first"));
    DiscountPolicy raised = DiscountGenerators.examplePolicy().toBuilder().baseRate(Tier.GOLD, "17").build();
    LocalDate start = today().plusDays(3);
    engine().setPolicy(raised, PolicyChange.from(start, "alice", "raise"));
    assertEquals(2000, engine().quote(Tier.GOLD, 50, today(), THOUSAND_USD).totalRate().basisPoints());
    assertEquals(2200, engine().quote(Tier.GOLD, 50, start, THOUSAND_USD).totalRate().basisPoints());
    context().clock().advanceDays(3);
    assertEquals(2200, engine().quote(Tier.GOLD, 50, today(), THOUSAND_USD).totalRate().basisPoints());
    ConflictException e = assertThrows(ConflictException.class,
        () -> engine().cancelPolicy(2, new CancelRequest("alice", "too late")));
    assertEquals(ConflictException.Reason.STATE, e.reason());
    assertFalse(engine().policyHistory().get(1).isCancelled(), "a refused cancellation stores no cancellation");
  }

  @Test
  @DisplayName("DISC-5: cancelling a cancelled version or adjustment again is a STATE conflict naming the first cancellation, before and after its date; the first stands")
  void cancellingTwiceConflicts() {
    engine().setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("alice", "first"));
    LocalDate start = today().plusDays(3);
    engine().setPolicy(goldBase("17"), PolicyChange.from(start, "alice", "raise"));
    Partner p = partner("Twice Cancelled", Tier.GOLD, 50);
    engine().adjust(p.id(), AdjustmentRequest.extra(Rate.percent(2), "alice", "promo").withEffectiveFrom(start));
    PolicyVersion cancelled = engine().cancelPolicy(2, new CancelRequest("carol", "not yet"));
    PartnerAdjustment dropped = engine().cancelAdjustment(p.id(), 1, new CancelRequest("carol", "no promo"));
    context().clock().advance(Duration.ofMinutes(1));
    ConflictException again = assertThrows(ConflictException.class,
        () -> engine().cancelPolicy(2, new CancelRequest("dave", "again")));
    assertEquals(ConflictException.Reason.STATE, again.reason());
    assertTrue(String.valueOf(again.getMessage()).contains("was cancelled already, on " + StoreTck.START + " by carol"),
        again.getMessage());
    ConflictException adjustmentAgain = assertThrows(ConflictException.class,
        () -> engine().cancelAdjustment(p.id(), 1, new CancelRequest("dave", "again")));
    assertEquals(ConflictException.Reason.STATE, adjustmentAgain.reason());
    assertTrue(String.valueOf(adjustmentAgain.getMessage()).contains("was cancelled already, on " + StoreTck.START + " by carol"),
        adjustmentAgain.getMessage());
    context().clock().advanceDays(5); // past the cancelled version's date: still "cancelled", never "took effect"
    ConflictException later = assertThrows(ConflictException.class,
        () -> engine().cancelPolicy(2, new CancelRequest("dave", "later")));
    assertEquals(ConflictException.Reason.STATE, later.reason());
    assertTrue(String.valueOf(later.getMessage()).contains("was cancelled already"), later.getMessage());
    assertEquals(ConflictException.Reason.STATE, assertThrows(ConflictException.class,
        () -> engine().cancelAdjustment(p.id(), 1, new CancelRequest("dave", "later"))).reason());
    ConflictException inForce = assertThrows(ConflictException.class,
        () -> engine().cancelPolicy(1, new CancelRequest("dave", "in force")));
    assertEquals(ConflictException.Reason.STATE, inForce.reason());
    assertTrue(String.valueOf(inForce.getMessage()).contains("took effect on " + start.minusDays(3)), inForce.getMessage());
    assertEquals(cancelled, engine().policyHistory().get(1), "the first cancellation stands");
    assertEquals(List.of(dropped), engine().adjustmentHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
    assertEquals(2000, engine().quote(p.id(), THOUSAND_USD).totalRate().basisPoints(), "neither cancelled change ever applies");
    try (PartnerProgram other = otherNode()) {
      assertEquals(ConflictException.Reason.STATE, assertThrows(ConflictException.class,
          () -> other.discounts().cancelPolicy(2, new CancelRequest("erin", "from another node"))).reason());
    }
  }

  @Test
  @DisplayName("a quote for a past date is unchanged by every later version, also on a fresh program")
  void pastQuotesReproducible() {
    engine().setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("alice", "first"));
    LocalDate first = today();
    DiscountQuote before = engine().quote(Tier.GOLD, 50, first, THOUSAND_USD);
    for (int i = 1; i <= 5; i++) {
      context().clock().advanceDays(1);
      engine().setPolicy(DiscountGenerators.examplePolicy().toBuilder().baseRate(Tier.GOLD, String.valueOf(15 + i))
          .baseRate(Tier.PLATINUM, "30").build(), PolicyChange.today("alice", "change " + i));
      assertEquals(before, engine().quote(Tier.GOLD, 50, first, THOUSAND_USD));
    }
    try (PartnerProgram other = otherNode()) {
      assertEquals(before, other.discounts().quote(Tier.GOLD, 50, first, THOUSAND_USD));
      assertEquals(2500, other.discounts().quote(Tier.GOLD, 50, today(), THOUSAND_USD).totalRate().basisPoints());
    }
  }

  @Test
  @DisplayName("a program sees a version another program wrote to the same store at once")
  void otherNodesChangesAreSeen() {
    engine().setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("alice", "first"));
    assertEquals(2000, engine().quote(Tier.GOLD, 50, today(), THOUSAND_USD).totalRate().basisPoints()); // cached now
    try (PartnerProgram other = otherNode()) {
      other.discounts().setPolicy(DiscountGenerators.examplePolicy().toBuilder().baseRate(Tier.GOLD, "18").build(),
          PolicyChange.today("bob", "from the other node"));
    }
    assertEquals(2300, engine().quote(Tier.GOLD, 50, today(), THOUSAND_USD).totalRate().basisPoints());
    assertEquals(2, engine().policyOn(today()).orElseThrow().version());
  }

  @Test
  @DisplayName("quoting with no policy in force is a NotFoundException naming the date, never a zero discount")
  void noPolicy() {
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> engine().quote(Tier.GOLD, 50, today(), THOUSAND_USD));
    assertEquals("discount policy", e.entity());
    assertTrue(String.valueOf(e.getMessage()).contains(today().toString()), e.getMessage());
    engine().setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.from(today().plusDays(1), "a", "b"));
    assertThrows(NotFoundException.class, () -> engine().quote(Tier.GOLD, 50, today(), THOUSAND_USD));
    assertEquals(2000, engine().quote(Tier.GOLD, 50, today().plusDays(1), THOUSAND_USD).totalRate().basisPoints());
  }

  @Test
  @DisplayName("a partner's quote uses its tier and server count from the registry, and its adjustment as its own line")
  void partnerQuotes() {
    engine().setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("alice", "first"));
    Partner p = partner("Quoted Cloud", Tier.SILVER, 30);
    context().program().registry().addClient(p.id(), new NewClient("second", 20));
    DiscountQuote q = engine().quote(p.id(), THOUSAND_USD);
    assertEquals(Tier.SILVER, q.tier());
    assertEquals(50, q.serverCount());
    assertEquals(1500, q.totalRate().basisPoints());
    PartnerAdjustment adj = engine().adjust(p.id(), AdjustmentRequest.extra(Rate.percent(2), "alice", "strategic account"));
    DiscountQuote adjusted = engine().quote(p.id(), THOUSAND_USD);
    assertEquals(Optional.of(adj), adjusted.adjustment());
    assertEquals(1700, adjusted.totalRate().basisPoints());
    assertTrue(adjusted.explanation().contains(adj.label()), adjusted.explanation().toString());
    context().program().registry().changeTier(p.id(), 1, new TierChangeRequest(Tier.GOLD, "alice", "grew"));
    assertEquals(2200, engine().quote(p.id(), THOUSAND_USD).totalRate().basisPoints());
    assertThrows(NotFoundException.class, () -> engine().quote(new PartnerId(IdGenerator.random().next()), THOUSAND_USD));
  }

  @Test
  @DisplayName("LIST-1, LIST-2: adjustment versions page oldest first, a version added meanwhile comes on a later page, and a token stays with its partner")
  void adjustmentHistoryPages() {
    engine().setPolicy(richPolicy(), PolicyChange.today("alice", "first"));
    Partner p = partner("Paged", Tier.GOLD, 60);
    Partner q = partner("Other", Tier.GOLD, 60);
    for (int i = 1; i <= 5; i++) {
      engine().adjust(p.id(), AdjustmentRequest.extra(Rate.percent(i), "alice", "step " + i));
    }
    engine().adjust(q.id(), AdjustmentRequest.none("carol", "nothing"));
    Page<PartnerAdjustment> first = engine().adjustmentHistory(p.id(), PageRequest.first(2));
    engine().adjust(p.id(), AdjustmentRequest.extra(Rate.percent(6), "alice", "added meanwhile"));
    List<Integer> versions = new ArrayList<>();
    first.items().forEach(a -> versions.add(a.version()));
    PageRequest request = PageRequest.first(2).withPageToken(first.nextPageToken().orElseThrow());
    while (true) {
      Page<PartnerAdjustment> page = engine().adjustmentHistory(p.id(), request);
      page.items().forEach(a -> versions.add(a.version()));
      if (page.nextPageToken().isEmpty()) {
        break;
      }
      request = request.withPageToken(page.nextPageToken().get());
    }
    assertEquals(List.of(1, 2, 3, 4, 5, 6), versions, "every version once, oldest first");
    String token = first.nextPageToken().orElseThrow();
    assertEquals(List.of("pageToken"), assertThrows(ValidationException.class,
        () -> engine().adjustmentHistory(q.id(), PageRequest.first(2).withPageToken(token))).fields(),
        "a token of one partner's adjustments is refused for another's");
  }

  @Test
  @DisplayName("adjustment versions read back exactly, are numbered per partner, and a future one can be cancelled")
  void adjustmentRoundTrip() {
    engine().setPolicy(richPolicy(), PolicyChange.today("alice", "first"));
    Partner p = partner("Adjusted", Tier.GOLD, 60);
    Partner q = partner("Other", Tier.GOLD, 60);
    PartnerAdjustment a1 = engine().adjust(p.id(), AdjustmentRequest.replaceBase(Rate.percent("18.5"), "alice", "deal")
        .withEffectiveUntil(today().plusDays(30)));
    PartnerAdjustment a2 = engine().adjust(p.id(), AdjustmentRequest.extra(Rate.percent(40), "bob", "promo")
        .withEffectiveFrom(today().plusDays(5)).withEffectiveUntil(today().plusDays(6)));
    PartnerAdjustment b1 = engine().adjust(q.id(), AdjustmentRequest.none("carol", "nothing"));
    assertEquals(List.of(1, 2, 1), List.of(a1.version(), a2.version(), b1.version()));
    PartnerAdjustment a2c = engine().cancelAdjustment(p.id(), 2, new CancelRequest("bob", "promo dropped"));
    assertEquals(List.of(a1, a2c), engine().adjustmentHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
    assertEquals(List.of(b1), engine().adjustmentHistory(q.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
    List<PartnerAdjustment> all = new ArrayList<>(context().store().read(tx -> tx.discounts().allAdjustments()));
    assertEquals(3, all.size());
    assertTrue(all.containsAll(List.of(a1, a2c, b1)), "allAdjustments() holds every adjustment version of every partner, "
        + "the cancelled one with its cancellation: " + all);
    assertEquals(Optional.of(a1), engine().adjustmentOn(p.id(), today().plusDays(5)));
    assertEquals(Optional.empty(), engine().adjustmentOn(p.id(), today().plusDays(31)));
    assertEquals(Optional.empty(), engine().adjustmentOn(q.id(), today()));
    ConflictException e = assertThrows(ConflictException.class,
        () -> engine().cancelAdjustment(p.id(), 1, new CancelRequest("bob", "too late")));
    assertEquals(ConflictException.Reason.STATE, e.reason());
    try (PartnerProgram other = otherNode()) {
      assertEquals(List.of(a1, a2c), other.discounts().adjustmentHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
    }
  }

  @Test
  @DisplayName("an adjustment's period includes its first and its last day, and a cancellation reads back with when and by whom")
  void adjustmentPeriodBounds() {
    engine().setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("alice", "first"));
    Partner p = partner("Bounded", Tier.GOLD, 10);
    LocalDate first = today().plusDays(5);
    LocalDate last = today().plusDays(7);
    PartnerAdjustment a = engine().adjust(p.id(), AdjustmentRequest.extra(Rate.percent(2), "alice", "three days")
        .withEffectiveFrom(first).withEffectiveUntil(last));
    assertEquals(first, a.effectiveFrom());
    assertEquals(Optional.of(last), a.effectiveUntil());
    assertEquals("alice", a.createdBy());
    assertEquals(1500, engine().quote(p.id(), first.minusDays(1), THOUSAND_USD).totalRate().basisPoints(), "the day before");
    assertEquals(1700, engine().quote(p.id(), first, THOUSAND_USD).totalRate().basisPoints(), "effectiveFrom is inclusive");
    assertEquals(1700, engine().quote(p.id(), last, THOUSAND_USD).totalRate().basisPoints(), "effectiveUntil is inclusive");
    assertEquals(1500, engine().quote(p.id(), last.plusDays(1), THOUSAND_USD).totalRate().basisPoints(), "the day after");
    assertEquals(Optional.of(a), engine().adjustmentOn(p.id(), last));
    assertEquals(Optional.empty(), engine().adjustmentOn(p.id(), last.plusDays(1)));
    PartnerAdjustment oneDay = engine().adjust(p.id(), AdjustmentRequest.replaceBase(Rate.percent(30), "bob", "one day")
        .withEffectiveFrom(first).withEffectiveUntil(first));
    assertEquals(3000, engine().quote(p.id(), first, THOUSAND_USD).totalRate().basisPoints(), "a one-day period");
    assertEquals(1700, engine().quote(p.id(), first.plusDays(1), THOUSAND_USD).totalRate().basisPoints(),
        "the earlier adjustment applies again after the one-day one");
    context().clock().advance(Duration.ofMinutes(1));
    PartnerAdjustment cancelled = engine().cancelAdjustment(p.id(), oneDay.version(), new CancelRequest(" carol ", "no"));
    Cancellation c = cancelled.cancellation().orElseThrow();
    assertEquals("carol", c.cancelledBy());
    assertEquals(StoreTck.START.plus(Duration.ofMinutes(1)), c.cancelledAt());
    try (PartnerProgram other = otherNode()) {
      assertEquals(List.of(a, cancelled), other.discounts().adjustmentHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
      assertEquals(1700, other.discounts().quote(p.id(), first, THOUSAND_USD).totalRate().basisPoints());
    }
  }

  @Test
  @DisplayName("an adjustment never lifts the total past the cap or 100%")
  void adjustmentWithinCap() {
    engine().setPolicy(DiscountGenerators.examplePolicy().toBuilder().cap("25").build(), PolicyChange.today("a", "b"));
    Partner p = partner("Capped", Tier.PLATINUM, 500);
    engine().adjust(p.id(), AdjustmentRequest.extra(Rate.FULL, "alice", "everything"));
    DiscountQuote q = engine().quote(p.id(), THOUSAND_USD);
    assertEquals(2500, q.totalRate().basisPoints());
    assertTrue(q.capApplied(), "the quote says the cap was applied: " + q);
    assertEquals(Money.of("250.00", "USD"), q.discount());
    assertEquals(Money.of("750.00", "USD"), q.net());
  }

  @Test
  @DisplayName("the store refuses a second version with the same number and a second cancellation, as DUPLICATE")
  void storeUniqueness() {
    PolicyVersion v1 = engine().setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.from(today().plusDays(1), "a", "b"));
    ConflictException dup = assertThrows(ConflictException.class, () -> context().store().write(tx -> {
      tx.discounts().appendPolicyVersion(v1);
      return true; // no result: a StoreWork must return non-null
    }));
    assertEquals(ConflictException.Reason.DUPLICATE, dup.reason());
    Cancellation c = new Cancellation(StoreTck.START, "a", "b");
    context().store().write(tx -> {
      tx.discounts().appendPolicyCancellation(1, c);
      return true; // no result: a StoreWork must return non-null
    });
    ConflictException twice = assertThrows(ConflictException.class, () -> context().store().write(tx -> {
      tx.discounts().appendPolicyCancellation(1, c);
      return true; // no result: a StoreWork must return non-null
    }));
    assertEquals(ConflictException.Reason.DUPLICATE, twice.reason());
    Partner p = partner("Unique", Tier.GOLD, 0);
    PartnerAdjustment a = engine().adjust(p.id(), AdjustmentRequest.extra(Rate.percent(1), "a", "b").withEffectiveFrom(today().plusDays(1)));
    assertEquals(ConflictException.Reason.DUPLICATE, assertThrows(ConflictException.class, () -> context().store().write(tx -> {
      tx.discounts().appendAdjustment(a);
      return true; // no result: a StoreWork must return non-null
    })).reason());
    context().store().write(tx -> {
      tx.discounts().appendAdjustmentCancellation(p.id(), 1, c);
      return true; // no result: a StoreWork must return non-null
    });
    assertEquals(ConflictException.Reason.DUPLICATE, assertThrows(ConflictException.class, () -> context().store().write(tx -> {
      tx.discounts().appendAdjustmentCancellation(p.id(), 1, c);
      return true; // no result: a StoreWork must return non-null
    })).reason());
    assertEquals(List.of(v1.withCancellation(c)), engine().policyHistory());
  }

  @Test
  @DisplayName("the revision grows with every append and only then; a write that throws leaves nothing behind")
  void revisionAndRollback() {
    long r0 = context().store().read(tx -> tx.discounts().revision());
    engine().setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.from(today().plusDays(2), "a", "b"));
    long r1 = context().store().read(tx -> tx.discounts().revision());
    assertTrue(r1 > r0, r0 + " then " + r1);
    engine().policyHistory();
    engine().policyOn(today());
    assertEquals(r1, (long) context().store().read(tx -> tx.discounts().revision()), "reads do not move the revision");
    Partner p = partner("Rolled Back", Tier.GOLD, 0);
    Instant at = StoreTck.START;
    IllegalStateException boom = new IllegalStateException("boom");
    assertEquals(boom, assertThrows(IllegalStateException.class, () -> context().store().write(tx -> {
      tx.discounts().appendPolicyVersion(new PolicyVersion(2, today(), richPolicy(), at, "x", "y", Optional.empty()));
      tx.discounts().appendPolicyCancellation(1, new Cancellation(at, "x", "y"));
      tx.discounts().appendAdjustment(new PartnerAdjustment(p.id(), 1, cloud.quazzar.partner.discount.AdjustmentKind.EXTRA,
          Rate.percent(3), today(), Optional.empty(), at, "x", "y", Optional.empty()));
      throw boom;
    })));
    assertEquals(r1, (long) context().store().read(tx -> tx.discounts().revision()));
    assertEquals(1, engine().policyHistory().size());
    assertFalse(engine().policyHistory().get(0).isCancelled(), "the cancellation appended by the rolled-back write is gone");
    assertEquals(List.of(), engine().adjustmentHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
    engine().cancelPolicy(1, new CancelRequest("a", "b"));
    assertTrue(context().store().read(tx -> tx.discounts().revision()) > r1, "a cancellation is an append");
  }

  @Test
  @DisplayName("of concurrent policy changes, each that succeeds gets its own number; the others are DUPLICATE conflicts")
  void concurrentVersions() throws Exception {
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Integer> numbers = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        futures.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < 5; i++) {
            try {
              numbers.add(engine().setPolicy(DiscountGenerators.examplePolicy(),
                  PolicyChange.today("t" + id, "load " + i)).version());
            } catch (ConflictException e) {
              assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Integer> sorted = numbers.stream().sorted().toList();
    assertEquals(sorted.stream().distinct().toList(), sorted, "no number twice");
    assertEquals(engine().policyHistory().stream().map(PolicyVersion::version).toList(), sorted);
    assertFalse(sorted.isEmpty(), "at least one of the concurrent policy changes succeeds");
  }

  // ---- freshness: what another program (node) sees, with and without a staleness window -----------

  /** A program on the store under test that may see other programs' discount changes late by {@code staleness}. */
  private PartnerProgram nodeWithStaleness(Duration staleness) {
    return PartnerProgram.builder().clock(context().clock()).store(context().otherNode()).discountStaleness(staleness)
        .build();
  }

  private static DiscountPolicy goldBase(String percent) {
    return DiscountGenerators.examplePolicy().toBuilder().baseRate(Tier.GOLD, percent).build();
  }

  private int goldFiftyToday(DiscountEngine engine) {
    return engine.quote(Tier.GOLD, 50, today(), THOUSAND_USD).totalRate().basisPoints();
  }

  @Test
  @DisplayName("with no staleness (the default), another program's policy version and adjustment are seen by the next call")
  void zeroStalenessSeesOtherProgramsAtOnce() {
    engine().setPolicy(goldBase("15"), PolicyChange.today("alice", "first"));
    Partner p = partner("Fresh Cloud", Tier.GOLD, 50);
    assertEquals(2000, goldFiftyToday(engine()));
    assertEquals(2000, engine().quote(p.id(), THOUSAND_USD).totalRate().basisPoints());
    try (PartnerProgram other = otherNode()) {
      other.discounts().setPolicy(goldBase("16"), PolicyChange.today("bob", "elsewhere"));
      assertEquals(2100, goldFiftyToday(engine()), "no time passed, the change is seen");
      other.discounts().adjust(p.id(), AdjustmentRequest.extra(Rate.percent(3), "bob", "elsewhere"));
      assertEquals(2400, engine().quote(p.id(), THOUSAND_USD).totalRate().basisPoints());
      assertEquals(1, engine().adjustmentOn(p.id(), today()).orElseThrow().version());
    }
  }

  @Test
  @DisplayName("with a staleness of 30 s, another program's change is seen once 30 s have passed on the clock, and here not before")
  void stalenessWindow() {
    engine().setPolicy(goldBase("15"), PolicyChange.today("alice", "first"));
    Partner p = partner("Window Cloud", Tier.GOLD, 50);
    try (PartnerProgram windowed = nodeWithStaleness(Duration.ofSeconds(30))) {
      DiscountEngine cached = windowed.discounts();
      assertEquals(2000, goldFiftyToday(cached)); // confirmed against the store now
      assertEquals(2000, cached.quote(p.id(), THOUSAND_USD).totalRate().basisPoints());
      engine().setPolicy(goldBase("16"), PolicyChange.today("bob", "elsewhere"));
      engine().adjust(p.id(), AdjustmentRequest.extra(Rate.percent(3), "bob", "elsewhere"));
      assertEquals(2100, goldFiftyToday(engine()), "the program without staleness sees it at once");
      // the promise is "seen within 30 s"; that this engine answers from its cache until then is
      // what the window buys (no store access), so it is pinned here too
      assertEquals(2000, goldFiftyToday(cached));
      assertEquals(2000, cached.quote(p.id(), THOUSAND_USD).totalRate().basisPoints());
      assertEquals(1, cached.policyOn(today()).orElseThrow().version());
      context().clock().advance(Duration.ofMillis(29_999));
      assertEquals(2000, goldFiftyToday(cached), "29.999 s after the check");
      context().clock().advance(Duration.ofMillis(1));
      assertEquals(2100, goldFiftyToday(cached), "30 s after the check: seen");
      assertEquals(2400, cached.quote(p.id(), THOUSAND_USD).totalRate().basisPoints());
      assertEquals(2, cached.policyOn(today()).orElseThrow().version());
    }
  }

  @Test
  @DisplayName("with a staleness of 1 hour, changes made through the program itself are seen at once")
  void localChangesSeenAtOnce() {
    engine().setPolicy(goldBase("15"), PolicyChange.today("alice", "first"));
    Partner p = partner("Local Cloud", Tier.GOLD, 50);
    try (PartnerProgram windowed = nodeWithStaleness(Duration.ofHours(1))) {
      DiscountEngine local = windowed.discounts();
      assertEquals(2000, goldFiftyToday(local));
      assertEquals(2000, local.quote(p.id(), THOUSAND_USD).totalRate().basisPoints());
      local.setPolicy(goldBase("17"), PolicyChange.today("carol", "here"));
      assertEquals(2200, goldFiftyToday(local));
      local.adjust(p.id(), AdjustmentRequest.replaceBase(Rate.percent(18), "carol", "here"));
      assertEquals(2300, local.quote(p.id(), THOUSAND_USD).totalRate().basisPoints());
      LocalDate later = today().plusDays(5);
      local.setPolicy(goldBase("19"), PolicyChange.from(later, "carol", "scheduled"));
      assertEquals(2400, local.quote(Tier.GOLD, 50, later, THOUSAND_USD).totalRate().basisPoints());
      local.cancelPolicy(3, new CancelRequest("carol", "not after all"));
      assertEquals(2200, local.quote(Tier.GOLD, 50, later, THOUSAND_USD).totalRate().basisPoints());
    }
  }

  @Test
  @DisplayName("a clock that goes back ends the staleness window: the next call checks the store")
  void clockGoingBackEndsTheWindow() {
    engine().setPolicy(goldBase("15"), PolicyChange.today("alice", "first"));
    try (PartnerProgram windowed = nodeWithStaleness(Duration.ofSeconds(30))) {
      assertEquals(2000, goldFiftyToday(windowed.discounts()));
      engine().setPolicy(goldBase("16"), PolicyChange.today("bob", "elsewhere"));
      assertEquals(2000, goldFiftyToday(windowed.discounts()));
      context().clock().advance(Duration.ofMillis(-1));
      assertEquals(2100, goldFiftyToday(windowed.discounts()), "1 ms back: checked, not trusted for 30 s more");
    }
  }

  @Test
  @DisplayName("a version set and quoted inside a host transaction that rolls back is never quoted afterwards, with or without staleness")
  void rolledBackHostTransactionLeavesNoTrace() {
    for (Duration staleness : List.of(Duration.ZERO, Duration.ofSeconds(30))) {
      try (PartnerProgram host = nodeWithStaleness(staleness)) {
        DiscountEngine engine = host.discounts();
        engine.setPolicy(goldBase("15"), PolicyChange.today("alice", "staleness " + staleness));
        int versions = engine.policyHistory().size();
        setAndQuoteThenRollBack(host);
        assertEquals(2000, goldFiftyToday(engine), "staleness " + staleness + ": the rolled-back version is gone");
        setAndQuoteThenRollBack(host);
        // another program writes as much as the rolled-back transaction did, so the store's
        // revision is again what the host's transaction read inside
        engine().setPolicy(goldBase("16"), PolicyChange.today("bob", "elsewhere"));
        assertEquals(versions + 1, engine.policyHistory().size());
        context().clock().advance(staleness);
        assertEquals(2100, goldFiftyToday(engine), "staleness " + staleness + ": the other program's version, not the rolled-back one");
      }
      context().clock().advanceDays(1);
    }
  }

  /** In a host transaction: sets a version (Gold 19%), quotes under it, and fails, so all of it rolls back. */
  private void setAndQuoteThenRollBack(PartnerProgram host) {
    IllegalStateException boom = new IllegalStateException("host work failed");
    assertEquals(boom, assertThrows(IllegalStateException.class, () -> host.store().write(tx -> {
      host.discounts().setPolicy(goldBase("19"), PolicyChange.today("alice", "rolled back"));
      assertEquals(2400, goldFiftyToday(host.discounts()), "inside the transaction its own version is in force");
      throw boom;
    })));
  }
}
