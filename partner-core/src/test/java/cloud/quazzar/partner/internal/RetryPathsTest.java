package cloud.quazzar.partner.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.events.GracePeriodStarted;
import cloud.quazzar.partner.events.RevenueRecorded;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.BatchResult;
import cloud.quazzar.partner.revenue.EntryKind;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.review.ReviewAction;
import cloud.quazzar.partner.review.ReviewOutcome;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.review.ReviewReport;
import cloud.quazzar.partner.spi.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every write that core retries ({@link Retry}), losing a race once: two programs on one memory
 * store, the first seeing its transaction collide with the second's change as a database under two
 * nodes would show it ({@link CollidingStore}). Each test checks the outcome the retry gives (the
 * next attempt reads the winner's data and answers from it) and that there was a second attempt; with
 * the retry removed, each of them gets the conflict instead.
 */
class RetryPathsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC);
  private static final YearMonth FEB = YearMonth.of(2026, 2);

  private Store shared;
  private CollidingStore colliding;
  private PartnerProgram loser;
  private PartnerProgram winner;
  private Partner partner;

  @BeforeEach
  void twoProgramsOnOneStore() {
    shared = MemoryStorage.create();
    colliding = new CollidingStore(shared);
    loser = PartnerProgram.builder().clock(CLOCK).store(colliding).eventExecutor(r -> {}).build();
    winner = PartnerProgram.builder().clock(CLOCK).store(shared).eventExecutor(r -> {}).build();
    partner = loser.registry().add(new NewPartner("Atlas Cloud", "ops@atlas.example", Tier.GOLD));
  }

  @AfterEach
  void close() {
    loser.close();
    winner.close();
    shared.close();
  }

  private int attempts(Runnable call) {
    int before = colliding.writes();
    call.run();
    assertEquals(0, colliding.collisionsLeft(), "the armed collision happened");
    return colliding.writes() - before;
  }

  private long eventsOfType(Class<?> type) {
    return winner.events().after(0, 1000).stream().map(EventRecord::event).filter(type::isInstance).count();
  }

  @Test
  @DisplayName("record: the same recording sent by two nodes at once is stored once; the loser replays the winner's entry")
  void recordReplaysTheWinner() {
    RevenueRecording jan = RevenueRecording.of(partner.id(), FEB, Money.of("1200.00", "EUR"), "month-end/2026-02")
        .withCounts(10, 2);
    RevenueEntry[] won = new RevenueEntry[1];
    colliding.collideOnce("appendAbsent", () -> won[0] = winner.revenue().record(jan));
    RevenueEntry[] got = new RevenueEntry[1];
    assertEquals(2, attempts(() -> got[0] = loser.revenue().record(jan)));
    assertEquals(won[0], got[0]);
    assertEquals(List.of(won[0]), loser.revenue().history(partner.id(), FEB, PageRequest.first(PageRequest.MAX_LIMIT)).items());
    assertEquals(1, eventsOfType(RevenueRecorded.class));
  }

  @Test
  @DisplayName("record: a month recorded meanwhile under another key is refused with the winner's entry named, after one retry")
  void recordRefusesAMonthTakenMeanwhile() {
    RevenueRecording mine = RevenueRecording.of(partner.id(), FEB, Money.of("1200.00", "EUR"), "mine");
    RevenueRecording theirs = RevenueRecording.of(partner.id(), FEB, Money.of("1300.00", "EUR"), "theirs");
    colliding.collideOnce("appendAbsent", () -> winner.revenue().record(theirs));
    int before = colliding.writes();
    ConflictException e = assertThrows(ConflictException.class, () -> loser.revenue().record(mine));
    assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
    assertTrue(e.getMessage().contains("is already recorded") && e.getMessage().contains("key 'theirs'"), e.getMessage());
    assertEquals(2, colliding.writes() - before, "retried once, then decided: not retried again");
  }

  @Test
  @DisplayName("recordAll: a batch that a concurrent run stored meanwhile replays it, creating nothing")
  void recordAllReplaysTheWinner() {
    List<RevenueRecording> batch = List.of(
        RevenueRecording.of(partner.id(), FEB, Money.of("1200.00", "EUR"), "run-7/a").withCounts(10, 2),
        RevenueRecording.of(partner.id(), FEB.minusMonths(1), Money.of("1100.00", "EUR"), "run-7/b").withCounts(9, 2));
    BatchResult[] won = new BatchResult[1];
    colliding.collideOnce("appendAbsent", () -> won[0] = winner.revenue().recordAll(batch));
    BatchResult[] got = new BatchResult[1];
    assertEquals(2, attempts(() -> got[0] = loser.revenue().recordAll(batch)));
    assertEquals(2, won[0].createdCount());
    assertEquals(0, got[0].createdCount());
    assertEquals(won[0].entries(), got[0].entries());
    assertEquals(2, eventsOfType(RevenueRecorded.class));
  }

  @Test
  @DisplayName("correct: two corrections of one month at once both land, the loser's as the next revision")
  void correctionLandsAfterTheWinner() {
    loser.revenue().record(RevenueRecording.of(partner.id(), FEB, Money.of("1200.00", "EUR"), "feb").withCounts(10, 2));
    RevenueEntry[] won = new RevenueEntry[1];
    colliding.collideOnce("appendAbsent", () -> won[0] = winner.revenue().correct(
        RevenueCorrection.of(partner.id(), FEB, "fix/servers", "server count was wrong").withServerCount(12)));
    RevenueEntry[] got = new RevenueEntry[1];
    assertEquals(2, attempts(() -> got[0] = loser.revenue().correct(
        RevenueCorrection.of(partner.id(), FEB, "fix/mrr", "credit note missed").withMrr(Money.of("1150.00", "EUR")))));
    assertEquals(2, won[0].revision());
    assertEquals(3, got[0].revision());
    assertEquals(EntryKind.CORRECTION, got[0].kind());
    assertEquals(won[0].id(), got[0].supersedes().orElseThrow());
    assertEquals(12, got[0].serverCount(), "built on the winner's correction, which the retry read");
    assertEquals(Money.of("1150.00", "EUR"), got[0].mrr());
  }

  @Test
  @DisplayName("correct: with an expected revision, losing the race is the caller's STALE_VERSION, decided on the retry")
  void correctionWithExpectedRevisionIsStale() {
    loser.revenue().record(RevenueRecording.of(partner.id(), FEB, Money.of("1200.00", "EUR"), "feb").withCounts(10, 2));
    colliding.collideOnce("appendAbsent", () -> winner.revenue().correct(
        RevenueCorrection.of(partner.id(), FEB, "fix/servers", "server count was wrong").withServerCount(12)));
    int before = colliding.writes();
    ConflictException e = assertThrows(ConflictException.class, () -> loser.revenue().correct(
        RevenueCorrection.of(partner.id(), FEB, "fix/mrr", "credit note missed").withMrr(Money.of("1150.00", "EUR"))
            .withExpectedRevision(1)));
    assertEquals(ConflictException.Reason.STALE_VERSION, e.reason());
    assertEquals(2, colliding.writes() - before, "retried once, then decided: not retried again");
  }

  @Test
  @DisplayName("reviews.configure: a policy stored meanwhile by another node is kept, ours becomes the next version")
  void policyChangeAfterTheWinner() {
    ReviewPolicy theirs = ReviewPolicy.DEFAULT.withGracePeriodDays(60);
    ReviewPolicy ours = ReviewPolicy.DEFAULT.withGracePeriodDays(30);
    colliding.collideOnce("appendPolicy", () -> winner.reviews().configure(theirs));
    assertEquals(2, attempts(() -> loser.reviews().configure(ours)));
    assertEquals(ours, winner.reviews().policy());
    List<String> appended = colliding.calls().stream().filter(c -> c.startsWith("appendPolicy(2,")).toList();
    assertEquals(1, appended.size(), "ours appended as version 2, after the winner's version 1: " + colliding.calls());
  }

  @Test
  @DisplayName("reviews.run: two nodes reviewing one day start one grace period, and both report the winner's outcome")
  void reviewOfTheDayAfterTheWinner() {
    LocalDate today = loser.today();
    ReviewReport[] won = new ReviewReport[1];
    colliding.collideOnce("insertGracePeriod", () -> won[0] = winner.reviews().run(today));
    ReviewReport[] got = new ReviewReport[1];
    assertEquals(2, attempts(() -> got[0] = loser.reviews().run(today)));
    ReviewOutcome outcome = got[0].outcome(partner.id()).orElseThrow();
    assertTrue(outcome.actions().contains(ReviewAction.GRACE_STARTED), "the partner was at risk: " + outcome);
    assertEquals(won[0].outcomes(), got[0].outcomes());
    assertEquals(1, eventsOfType(GracePeriodStarted.class));
    assertEquals(today, loser.reviews().gracePeriod(partner.id()).orElseThrow().startedOn());
  }

  @Test
  @DisplayName("events.subscribe: a listener subscribed at the same moment on another node leaves one cursor, ours included")
  void subscriptionAfterTheWinner() {
    colliding.collideOnce("claim", () -> winner.events().subscribe("audit", r -> {}));
    assertEquals(2, attempts(() -> loser.events().subscribe("audit", r -> {})));
    assertEquals(0, loser.events().cursor("audit"));
  }

  @Test
  @DisplayName("a write that keeps losing gets the last conflict after " + Retry.MAX_ATTEMPTS + " attempts, the others suppressed")
  void givesUpAfterMaxAttempts() {
    colliding.collide("appendPolicy", ConflictException.Reason.DUPLICATE, Retry.MAX_ATTEMPTS, () -> {});
    int before = colliding.writes();
    ConflictException e = assertThrows(ConflictException.class, () -> loser.reviews().configure(ReviewPolicy.DEFAULT));
    assertEquals(Retry.MAX_ATTEMPTS, colliding.writes() - before);
    assertEquals(Retry.MAX_ATTEMPTS - 1, e.getSuppressed().length);
    assertFalse(loser.store().read(tx -> tx.reviews().latestPolicy()).isPresent(), "nothing stored");
  }

  @Test
  @DisplayName("a write joined to the host's transaction is not retried: the conflict goes to the host, whose transaction rolls back")
  void notRetriedInsideTheHostsTransaction() {
    colliding.collideOnce("appendPolicy", () -> {});
    int before = colliding.writes();
    assertThrows(ConflictException.class,
        () -> loser.store().write(tx -> loser.reviews().configure(ReviewPolicy.DEFAULT.withGracePeriodDays(30))));
    assertEquals(2, colliding.writes() - before, "the host's write and one attempt joined to it");
    assertNotEquals(30, loser.reviews().policy().gracePeriodDays());
  }
}
