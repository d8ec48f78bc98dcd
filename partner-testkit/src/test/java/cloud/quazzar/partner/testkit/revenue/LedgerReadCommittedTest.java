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
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.TestClock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rule REV-2 (the same idempotency key again is a no-op returning the first entry; two processes
 * sending one key at once store one entry) when the other process's entry commits between two reads
 * of the ledger's write, as a read-committed database lets it (docs/revenue.md, "Idempotency"):
 * after the look-up by key, or after the month's history too. Either way the write answers as a
 * replay of the entry that committed, or as the key's conflict if the figures differ; it never
 * takes that entry for another key's. Two programs share one memory store; the first reads
 * through a {@link ReadCommittedStore}.
 */
class LedgerReadCommittedTest {
  private static final YearMonth FEB = YearMonth.of(2026, 2);

  private Store shared;
  private ReadCommittedStore readCommitted;
  private PartnerProgram mine;
  private PartnerProgram theirs;
  private Partner partner;

  @BeforeEach
  void twoNodes() {
    TestClock clock = TestClock.at(Instant.parse("2026-03-15T10:00:00Z"));
    shared = MemoryStorage.create();
    readCommitted = new ReadCommittedStore(shared);
    mine = PartnerProgram.builder().clock(clock).store(readCommitted).build();
    theirs = PartnerProgram.builder().clock(clock).store(shared).build();
    partner = theirs.registry().add(new NewPartner("Atlas Cloud", "ops@atlas.example", Tier.GOLD));
  }

  @AfterEach
  void close() {
    mine.close();
    theirs.close();
    shared.close();
  }

  private RevenueRecording feb(String amount, String key) {
    return RevenueRecording.of(partner.id(), FEB, Money.of(amount, "EUR"), key).withCounts(10, 2);
  }

  @Test
  @DisplayName("REV-2: a recording whose key committed between the look-up by key and the month's history replays that entry")
  void recordingCommittedBeforeTheHistory() {
    RevenueEntry first = theirs.revenue().record(feb("1200.00", "month-end/2026-02"));
    readCommitted.commitsAfter("month-end/2026-02", 1);
    assertEquals(first, mine.revenue().record(feb("1200.00", "month-end/2026-02")));
    assertEquals(0, readCommitted.hiddenReadsLeft());
    assertEquals(List.of(), readCommitted.appendedKeys(), "a replay appends nothing");
    assertEquals(List.of(first), theirs.revenue().history(partner.id(), FEB, PageRequest.first(PageRequest.MAX_LIMIT)).items());
  }

  @Test
  @DisplayName("REV-2: the same key with other figures, committed between the two reads, is the key's DUPLICATE, naming its entry")
  void otherFiguresCommittedBeforeTheHistory() {
    RevenueEntry first = theirs.revenue().record(feb("1200.00", "month-end/2026-02"));
    readCommitted.commitsAfter("month-end/2026-02", 1);
    ConflictException e = assertThrows(ConflictException.class,
        () -> mine.revenue().record(feb("1300.00", "month-end/2026-02")));
    assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
    assertTrue(e.getMessage().startsWith("idempotency key 'month-end/2026-02' already recorded entry " + first.id()),
        e.getMessage());
    assertEquals(List.of(first), theirs.revenue().history(partner.id(), FEB, PageRequest.first(PageRequest.MAX_LIMIT)).items());
  }

  @Test
  @DisplayName("REV-2: a key that a correction of the month took, committed between the look-up by key and the month's"
      + " history, is the key's DUPLICATE naming that correction, as when it committed before the look-up")
  void keyTakenByACorrectionBeforeTheHistory() {
    theirs.revenue().record(feb("1200.00", "feb"));
    RevenueEntry correction = theirs.revenue().correct(
        RevenueCorrection.of(partner.id(), FEB, "month-end/2026-02", "server count was wrong").withServerCount(12));
    String expected = "idempotency key 'month-end/2026-02' already recorded entry " + correction.id() + " (CORRECTION";
    ConflictException before = assertThrows(ConflictException.class,
        () -> mine.revenue().record(feb("1200.00", "month-end/2026-02")));
    assertTrue(before.getMessage().startsWith(expected), before.getMessage());

    readCommitted.commitsAfter("month-end/2026-02", 1);
    ConflictException between = assertThrows(ConflictException.class,
        () -> mine.revenue().record(feb("1200.00", "month-end/2026-02")));
    assertEquals(0, readCommitted.hiddenReadsLeft());
    assertEquals(ConflictException.Reason.DUPLICATE, between.reason());
    assertEquals(before.getMessage(), between.getMessage());
    assertEquals(List.of(), readCommitted.appendedKeys());
    assertEquals(2, theirs.revenue().history(partner.id(), FEB, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
  }

  @Test
  @DisplayName("REV-2: a recording whose key committed after both reads finds it taken when it appends, and replays that entry")
  void recordingCommittedBeforeTheAppend() {
    RevenueEntry first = theirs.revenue().record(feb("1200.00", "month-end/2026-02"));
    readCommitted.commitsAfter("month-end/2026-02", 2);
    assertEquals(first, mine.revenue().record(feb("1200.00", "month-end/2026-02")),
        "the entry that committed, with its id and time, not the one this write made up");
    assertEquals(List.of(List.of("month-end/2026-02")), readCommitted.appendedKeys());
    assertEquals(List.of(first), theirs.revenue().history(partner.id(), FEB, PageRequest.first(PageRequest.MAX_LIMIT)).items());
    ConflictException e = assertThrows(ConflictException.class, () -> {
      readCommitted.commitsAfter("month-end/2026-02", 2);
      mine.revenue().record(feb("1300.00", "month-end/2026-02"));
    });
    assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
    assertTrue(e.getMessage().startsWith("idempotency key 'month-end/2026-02' already recorded entry " + first.id()),
        e.getMessage());
  }

  @Test
  @DisplayName("REV-2, REV-3: a correction whose key committed between the look-up by key and the month's history replays it")
  void correctionCommittedBeforeTheHistory() {
    theirs.revenue().record(feb("1200.00", "feb"));
    RevenueCorrection fix = RevenueCorrection.of(partner.id(), FEB, "fix/servers", "server count was wrong")
        .withServerCount(12);
    RevenueEntry corrected = theirs.revenue().correct(fix);
    readCommitted.commitsAfter("fix/servers", 1);
    assertEquals(corrected, mine.revenue().correct(fix), "a replay, not a correction that changes nothing");
    assertEquals(List.of(), readCommitted.appendedKeys());
    assertEquals(2, theirs.revenue().history(partner.id(), FEB, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
  }

  @Test
  @DisplayName("REV-2, REV-3: a correction whose key committed after both reads finds it taken when it appends, and replays it")
  void correctionCommittedBeforeTheAppend() {
    theirs.revenue().record(feb("1200.00", "feb"));
    RevenueCorrection fix = RevenueCorrection.of(partner.id(), FEB, "fix/servers", "server count was wrong")
        .withServerCount(12);
    RevenueEntry corrected = theirs.revenue().correct(fix);
    readCommitted.commitsAfter("fix/servers", 2);
    assertEquals(corrected, mine.revenue().correct(fix), "the correction that committed, not the one this write made up");
    assertEquals(List.of(List.of("fix/servers")), readCommitted.appendedKeys());
    assertEquals(2, theirs.revenue().history(partner.id(), FEB, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
  }

  @Test
  @DisplayName("REV-2: a batch's entries reach the store sorted by key, whatever the order of the recordings "
      + "(docs/revenue.md, \"Month-end batches\": concurrent batches that share keys wait instead of deadlocking)")
  void batchAppendsInKeyOrder() {
    BatchResult result = mine.revenue().recordAll(List.of(
        feb("3.00", "run/c"),
        RevenueRecording.of(partner.id(), FEB.minusMonths(1), Money.of("1.00", "EUR"), "run/a").withCounts(1, 1),
        RevenueRecording.of(partner.id(), FEB.minusMonths(2), Money.of("2.00", "EUR"), "run/b").withCounts(1, 1)));
    assertEquals(List.of(List.of("run/a", "run/b", "run/c")), readCommitted.appendedKeys());
    assertEquals(List.of("run/c", "run/a", "run/b"),
        result.entries().stream().map(RevenueEntry::idempotencyKey).toList(), "the result keeps the recordings' order");
  }
}
