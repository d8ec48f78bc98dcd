package cloud.quazzar.partner.testkit.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.BatchResult;
import cloud.quazzar.partner.revenue.EntryKind;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.RaceLosingStore;
import cloud.quazzar.partner.testkit.TestClock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The ledger's writes when they lose a race to another node (docs/revenue.md, "Idempotency" and
 * "Entries, revisions and corrections"): the losing transaction rolls back and is run again on top
 * of the winner's committed data, so the same recording is stored once and replayed, and two
 * corrections both land; a conflict the ledger decides from what it read is not run again; a write
 * that keeps losing gives up after four attempts with the last conflict. Two programs share one
 * memory store; the first one's writes lose on demand ({@link RaceLosingStore}).
 */
class LedgerRetryTest {
  private static final YearMonth FEB = YearMonth.of(2026, 2);
  /** The attempts a write makes in all before it gives up (docs/reviews.md, "Several nodes": core's one retry policy). */
  private static final int ATTEMPTS = 4;

  private Store shared;
  private RaceLosingStore losing;
  private PartnerProgram loser;
  private PartnerProgram winner;
  private Partner partner;

  @BeforeEach
  void twoNodes() {
    TestClock clock = TestClock.at(Instant.parse("2026-03-15T10:00:00Z"));
    shared = MemoryStorage.create();
    losing = new RaceLosingStore(shared);
    loser = PartnerProgram.builder().clock(clock).store(losing).build();
    winner = PartnerProgram.builder().clock(clock).store(shared).build();
    partner = winner.registry().add(new NewPartner("Atlas Cloud", "ops@atlas.example", Tier.GOLD));
  }

  @AfterEach
  void close() {
    loser.close();
    winner.close();
    shared.close();
  }

  /** Runs {@code call} and returns how many write transactions it took; the armed loss must have happened. */
  private <T> Attempts<T> attempts(Supplier<T> call) {
    int before = losing.writes();
    T result = call.get();
    assertEquals(0, losing.lossesLeft(), "the armed loss happened");
    return new Attempts<>(result, losing.writes() - before);
  }

  private record Attempts<T>(T result, int writes) {}

  @Test
  @DisplayName("the same recording from two nodes at once is stored once: the loser's second attempt replays the winner's entry")
  void recordReplaysTheWinner() {
    RevenueRecording feb = RevenueRecording.of(partner.id(), FEB, Money.of("1200.00", "EUR"), "month-end/2026-02")
        .withCounts(10, 2);
    RevenueEntry[] won = new RevenueEntry[1];
    losing.loseOnce("appendAbsent", () -> won[0] = winner.revenue().record(feb));
    Attempts<RevenueEntry> got = attempts(() -> loser.revenue().record(feb));
    assertEquals(2, got.writes());
    assertEquals(won[0], got.result(), "the winner's entry: its id and recording time");
    assertEquals(List.of(won[0]), winner.revenue().history(partner.id(), FEB, PageRequest.first(PageRequest.MAX_LIMIT)).items());
  }

  @Test
  @DisplayName("a month recorded meanwhile under another key is refused after the retry, naming the winner's key, and not retried again")
  void recordRefusesAMonthTakenMeanwhile() {
    losing.loseOnce("appendAbsent", () -> winner.revenue().record(
        RevenueRecording.of(partner.id(), FEB, Money.of("1300.00", "EUR"), "theirs").withCounts(1, 1)));
    int before = losing.writes();
    ConflictException e = assertThrows(ConflictException.class, () -> loser.revenue().record(
        RevenueRecording.of(partner.id(), FEB, Money.of("1200.00", "EUR"), "mine").withCounts(1, 1)));
    assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
    assertTrue(e.getMessage().contains("key 'theirs'") && e.getMessage().contains("correct"), e.getMessage());
    assertEquals(2, losing.writes() - before, "the first attempt lost the race; the second decided");
    assertEquals(0, e.getSuppressed().length, "a decided conflict is the ledger's own answer");
  }

  @Test
  @DisplayName("a batch stored meanwhile by another node is replayed by the loser's second attempt: nothing created twice")
  void recordAllReplaysTheWinner() {
    List<RevenueRecording> batch = List.of(
        RevenueRecording.of(partner.id(), FEB, Money.of("1200.00", "EUR"), "run-7/a").withCounts(10, 2),
        RevenueRecording.of(partner.id(), FEB.minusMonths(1), Money.of("1100.00", "EUR"), "run-7/b").withCounts(9, 2));
    BatchResult[] won = new BatchResult[1];
    losing.loseOnce("appendAbsent", () -> won[0] = winner.revenue().recordAll(batch));
    Attempts<BatchResult> got = attempts(() -> loser.revenue().recordAll(batch));
    assertEquals(2, got.writes());
    assertEquals(2, won[0].createdCount());
    assertEquals(0, got.result().createdCount());
    assertEquals(2, got.result().replayedCount());
    assertEquals(won[0].entries(), got.result().entries());
  }

  @Test
  @DisplayName("a batch that lost to an unrelated write is run again and stores everything")
  void recordAllAfterAnUnrelatedWinner() {
    Partner other = winner.registry().add(new NewPartner("Borealis", "ops@borealis.example", Tier.SILVER));
    List<RevenueRecording> batch = List.of(
        RevenueRecording.of(partner.id(), FEB, Money.of("5.00", "EUR"), "run-8/a").withCounts(1, 1));
    losing.loseOnce("appendAbsent", () -> winner.revenue().record(
        RevenueRecording.of(other.id(), FEB, Money.of("7.00", "EUR"), "other").withCounts(1, 1)));
    Attempts<BatchResult> got = attempts(() -> loser.revenue().recordAll(batch));
    assertEquals(2, got.writes());
    assertEquals(1, got.result().createdCount());
    assertEquals(got.result().entries(), winner.revenue().history(partner.id(), FEB, PageRequest.first(PageRequest.MAX_LIMIT)).items());
  }

  @Test
  @DisplayName("two corrections of one month at once both land: the loser's is run again as the next revision, on the winner's figures")
  void correctionLandsAfterTheWinner() {
    winner.revenue().record(RevenueRecording.of(partner.id(), FEB, Money.of("1200.00", "EUR"), "feb").withCounts(10, 2));
    RevenueEntry[] won = new RevenueEntry[1];
    losing.loseOnce("appendAbsent", () -> won[0] = winner.revenue().correct(
        RevenueCorrection.of(partner.id(), FEB, "fix/servers", "server count was wrong").withServerCount(12)));
    Attempts<RevenueEntry> got = attempts(() -> loser.revenue().correct(
        RevenueCorrection.of(partner.id(), FEB, "fix/mrr", "credit note missed").withMrr(Money.of("1150.00", "EUR"))));
    assertEquals(2, got.writes());
    RevenueEntry mine = got.result();
    assertEquals(2, won[0].revision());
    assertEquals(3, mine.revision());
    assertEquals(EntryKind.CORRECTION, mine.kind());
    assertEquals(won[0].id(), mine.supersedes().orElseThrow());
    assertEquals(12, mine.serverCount(), "built on the winner's correction, read by the second attempt");
    assertEquals(Money.of("1150.00", "EUR"), mine.mrr());
    assertEquals(3, winner.revenue().history(partner.id(), FEB, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
  }

  @Test
  @DisplayName("a correction insisting on the revision it saw is refused as stale when a correction won meanwhile, and not retried again")
  void correctionWithExpectedRevisionIsStale() {
    winner.revenue().record(RevenueRecording.of(partner.id(), FEB, Money.of("1200.00", "EUR"), "feb").withCounts(10, 2));
    losing.loseOnce("appendAbsent", () -> winner.revenue().correct(
        RevenueCorrection.of(partner.id(), FEB, "fix/servers", "server count was wrong").withServerCount(12)));
    int before = losing.writes();
    ConflictException e = assertThrows(ConflictException.class, () -> loser.revenue().correct(
        RevenueCorrection.of(partner.id(), FEB, "fix/mrr", "credit note missed").withMrr(Money.of("1150.00", "EUR"))
            .withExpectedRevision(1)));
    assertEquals(ConflictException.Reason.STALE_VERSION, e.reason());
    assertEquals(2, losing.writes() - before);
    assertEquals(2, winner.revenue().history(partner.id(), FEB, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
  }

  @Test
  @DisplayName("a conflict the ledger decides from what it read (a key reused with other figures) is answered at once, never retried")
  void decidedConflictIsNotRetried() {
    winner.revenue().record(RevenueRecording.of(partner.id(), FEB, Money.of("1200.00", "EUR"), "feb").withCounts(10, 2));
    int before = losing.writes();
    ConflictException e = assertThrows(ConflictException.class, () -> loser.revenue().record(
        RevenueRecording.of(partner.id(), FEB, Money.of("1300.00", "EUR"), "feb").withCounts(10, 2)));
    assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
    assertEquals(1, losing.writes() - before, "one attempt");
  }

  @Test
  @DisplayName("a write that loses every race gives up after " + ATTEMPTS + " attempts with the last conflict, the earlier ones suppressed, nothing stored")
  void givesUpAfterFourAttempts() {
    losing.lose("appendAbsent", ConflictException.Reason.DUPLICATE, ATTEMPTS, () -> {});
    int before = losing.writes();
    ConflictException e = assertThrows(ConflictException.class, () -> loser.revenue().record(
        RevenueRecording.of(partner.id(), FEB, Money.of("1.00", "EUR"), "never").withCounts(1, 1)));
    assertEquals(ATTEMPTS, losing.writes() - before);
    assertEquals(ATTEMPTS - 1, e.getSuppressed().length);
    assertTrue(winner.revenue().findByKey("never").isEmpty());
  }

  @Test
  @DisplayName("a write that loses three races wins on its fourth and last attempt")
  void winsOnTheLastAttempt() {
    losing.lose("appendAbsent", ConflictException.Reason.DUPLICATE, ATTEMPTS - 1, () -> {});
    Attempts<RevenueEntry> got = attempts(() -> loser.revenue().record(
        RevenueRecording.of(partner.id(), FEB, Money.of("1.00", "EUR"), "at last").withCounts(1, 1)));
    assertEquals(ATTEMPTS, got.writes());
    assertEquals(winner.revenue().findByKey("at last").orElseThrow(), got.result());
  }

  @Test
  @DisplayName("a ledger write joined to the host's transaction is not retried: the conflict reaches the host, whose transaction rolls back")
  void notRetriedInsideTheHostsTransaction() {
    losing.loseOnce("appendAbsent", () -> {});
    int before = losing.writes();
    assertThrows(ConflictException.class, () -> loser.store().write(tx -> loser.revenue().record(
        RevenueRecording.of(partner.id(), FEB, Money.of("1.00", "EUR"), "hosted").withCounts(1, 1))));
    assertEquals(2, losing.writes() - before, "the host's write and the one attempt joined to it");
    assertTrue(winner.revenue().findByKey("hosted").isEmpty());
  }
}
