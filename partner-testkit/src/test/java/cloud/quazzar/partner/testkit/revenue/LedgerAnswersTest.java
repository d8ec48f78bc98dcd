package cloud.quazzar.partner.testkit.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.BatchResult;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.testkit.CountingStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What the ledger answers, word for word, where an answer could be mistaken for a neighbouring one
 * (docs/revenue.md; rules REV-2, REV-3, REV-5, REV-7 and "Bad input"): which conflict a reused key
 * is, how many offenders a batch conflict names, the batch size limit on both sides, the counts a
 * recording leaves to the registry, null arguments of the reports, and the row count an export
 * returns. The clock stands in 2026-01 ({@link World#NOW}).
 */
class LedgerAnswersTest {
  private static final YearMonth JAN = YearMonth.of(2026, 1);
  /** How many offenders a batch conflict names before it writes "; ...". */
  private static final int NAMED = 5;

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  private static int occurrences(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static List<Violation> violations(Executable call) {
    return assertThrows(ValidationException.class, call).violations();
  }

  @Nested
  @DisplayName("REV-2: a key already used is answered as that key's, before anything else is looked at")
  class ReusedKeys {
    @Test
    @DisplayName("a recording's key sent for another month, recorded under another key: the key's DUPLICATE naming its entry, "
        + "not the month's")
    void keyBeforeMonth() {
      try (World w = new World(1)) {
        PartnerId p = w.ids.get(0);
        RevenueEntry jan = w.ledger.record(RevenueRecording.of(p, JAN, usd("100"), "jan").withCounts(1, 1));
        w.ledger.record(RevenueRecording.of(p, JAN.minusMonths(1), usd("90"), "dec").withCounts(1, 1));
        ConflictException e = assertThrows(ConflictException.class,
            () -> w.ledger.record(RevenueRecording.of(p, JAN.minusMonths(1), usd("90"), "jan").withCounts(1, 1)));
        assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
        assertTrue(e.getMessage().startsWith("idempotency key 'jan' already recorded entry " + jan.id()
            + " (RECORDED for partner " + p + ", month 2026-01, MRR 100.00 USD, 1 servers, 1 clients)"), e.getMessage());
      }
    }

    @Test
    @DisplayName("a correction's key sent for a month never recorded: the key's DUPLICATE naming the correction and its reason, "
        + "not the missing month's STATE; a recording reusing it the same")
    void correctionKeyBeforeMonth() {
      try (World w = new World(1)) {
        PartnerId p = w.ids.get(0);
        w.ledger.record(RevenueRecording.of(p, JAN, usd("100"), "jan").withCounts(1, 1));
        RevenueEntry fix = w.ledger.correct(RevenueCorrection.of(p, JAN, "fix", "credit note missed").withMrr(usd("120")));
        String named = "idempotency key 'fix' already recorded entry " + fix.id() + " (CORRECTION for partner " + p
            + ", month 2026-01, MRR 120.00 USD, 1 servers, 1 clients, reason 'credit note missed'); ";
        YearMonth never = JAN.minusMonths(3);
        ConflictException e = assertThrows(ConflictException.class,
            () -> w.ledger.correct(RevenueCorrection.of(p, never, "fix", "credit note missed").withMrr(usd("120"))));
        assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
        assertTrue(e.getMessage().startsWith(named), e.getMessage());
        ConflictException recorded = assertThrows(ConflictException.class,
            () -> w.ledger.record(RevenueRecording.of(p, never, usd("120"), "fix").withCounts(1, 1)));
        assertEquals(ConflictException.Reason.DUPLICATE, recorded.reason());
        assertTrue(recorded.getMessage().startsWith(named), recorded.getMessage());
        assertEquals(Optional.empty(), w.ledger.current(p, never));
      }
    }
    @Test
    @DisplayName("a recording's key sent for a month not recorded, with a count left out: the key's DUPLICATE, and the"
        + " registry is not asked for the client totals the recording would need")
    void keyBeforeClientTotals() {
      CountingStore store = new CountingStore(MemoryStorage.create(), "partners");
      try (World w = new World(1, store)) {
        PartnerId p = w.ids.get(0);
        RevenueEntry jan = w.ledger.record(RevenueRecording.of(p, JAN, usd("100"), "jan").withCounts(1, 1));
        store.reset();
        ConflictException e = assertThrows(ConflictException.class, () -> w.ledger.record(
            new RevenueRecording(p, JAN.minusMonths(1), usd("100"), Optional.empty(), Optional.of(1L), "jan")));
        assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
        assertTrue(e.getMessage().startsWith("idempotency key 'jan' already recorded entry " + jan.id()), e.getMessage());
        assertFalse(store.calls().containsKey("clientTotals"), "the registry was asked: " + store.calls());
      }
    }
  }


  @Nested
  @DisplayName("REV-2: a batch conflict names its first " + NAMED + " offenders, then '; ...'")
  class BatchConflicts {
    /** Six months of one partner, 2025-07 to 2025-12, each recorded under key {@code old/<month>} with MRR 10. */
    private List<YearMonth> sixMonths(World w, PartnerId p) {
      List<YearMonth> months = new ArrayList<>();
      for (int i = 6; i >= 1; i--) {
        YearMonth m = JAN.minusMonths(i);
        w.ledger.record(RevenueRecording.of(p, m, usd("10"), "old/" + m).withCounts(1, 1));
        months.add(m);
      }
      return months;
    }

    @Test
    @DisplayName("keys repeated with other figures: 5 are all named; of 6, five are named and '; ...' follows")
    void keysRepeatedWithOtherFigures() {
      try (World w = new World(1)) {
        PartnerId p = w.ids.get(0);
        List<YearMonth> months = sixMonths(w, p);
        for (int n : new int[] {NAMED, NAMED + 1}) {
          List<RevenueRecording> batch = new ArrayList<>();
          for (YearMonth m : months.subList(0, n)) {
            batch.add(RevenueRecording.of(p, m, usd("11"), "old/" + m).withCounts(1, 1));
          }
          ConflictException e = assertThrows(ConflictException.class, () -> w.ledger.recordAll(batch));
          assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
          String message = e.getMessage();
          assertTrue(message.startsWith(n + " recording(s) repeat a key with other figures, so nothing was stored: "), message);
          assertEquals(NAMED, occurrences(message, "idempotency key 'old/"), message);
          assertEquals(n > NAMED, message.endsWith("; ..."), message);
        }
      }
    }

    @Test
    @DisplayName("months recorded under other keys: 5 are all named by index; of 6, five are named and '; ...' follows")
    void monthsRecordedUnderOtherKeys() {
      try (World w = new World(1)) {
        PartnerId p = w.ids.get(0);
        List<YearMonth> months = sixMonths(w, p);
        for (int n : new int[] {NAMED, NAMED + 1}) {
          List<RevenueRecording> batch = new ArrayList<>();
          for (YearMonth m : months.subList(0, n)) {
            batch.add(RevenueRecording.of(p, m, usd("10"), "new/" + m).withCounts(1, 1));
          }
          ConflictException e = assertThrows(ConflictException.class, () -> w.ledger.recordAll(batch));
          assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
          String message = e.getMessage();
          assertTrue(message.startsWith("nothing was stored: recordings[0]: partner " + p + " month 2025-07 is already recorded"),
              message);
          assertEquals(NAMED, occurrences(message, " is already recorded (entry "), message);
          assertTrue(message.contains("recordings[4]: ") && !message.contains("recordings[5]: "), message);
          assertEquals(n > NAMED, message.endsWith("; ..."), message);
          assertTrue(w.ledger.findByKey("new/" + months.get(0)).isEmpty(), "nothing of the batch is stored");
        }
      }
    }
  }

  @Test
  @DisplayName("a batch of " + RevenueLedger.MAX_BATCH + " recordings is taken (one key repeated: 1 created, the rest replayed); "
      + "one more is refused on recordings")
  void batchSizeLimit() {
    try (World w = new World(1)) {
      RevenueRecording r = RevenueRecording.of(w.ids.get(0), JAN, usd("1"), "every time").withCounts(1, 1);
      BatchResult most = w.ledger.recordAll(Collections.nCopies(RevenueLedger.MAX_BATCH, r));
      assertEquals(RevenueLedger.MAX_BATCH, most.outcomes().size());
      assertEquals(1, most.createdCount());
      assertEquals(RevenueLedger.MAX_BATCH - 1, most.replayedCount());
      assertEquals(List.of(new Violation("recordings", "must hold 1 to 100000 recordings, got 100001; split the run into batches")),
          violations(() -> w.ledger.recordAll(Collections.nCopies(RevenueLedger.MAX_BATCH + 1, r))));
    }
  }

  @Test
  @DisplayName("a count left out of a recording is the registry's, the other one kept: alone and in a batch, either count")
  void countLeftOutIsTheRegistrys() {
    try (World w = new World(3)) {
      for (PartnerId p : w.ids) {
        w.program.registry().addClient(p, new NewClient("shop", 30));
        w.program.registry().addClient(p, new NewClient("blog", 20));
      }
      RevenueEntry alone = w.ledger.record(
          new RevenueRecording(w.ids.get(0), JAN, usd("1"), Optional.empty(), Optional.of(7L), "clients given"));
      assertEquals(List.of(50L, 7L), List.of(alone.serverCount(), alone.clientCount()));
      List<RevenueEntry> batch = w.ledger.recordAll(List.of(
          new RevenueRecording(w.ids.get(1), JAN, usd("1"), Optional.of(9L), Optional.empty(), "servers given"),
          new RevenueRecording(w.ids.get(2), JAN, usd("1"), Optional.empty(), Optional.of(4L), "clients given too")))
          .entries();
      assertEquals(List.of(9L, 2L), List.of(batch.get(0).serverCount(), batch.get(0).clientCount()));
      assertEquals(List.of(50L, 4L), List.of(batch.get(1).serverCount(), batch.get(1).clientCount()));
    }
  }

  @Test
  @DisplayName("a recording with both counts asks the registry for no client totals; one count left out asks once, alone or for a"
      + " whole batch")
  void registryAskedOnlyForCountsLeftOut() {
    CountingStore store = new CountingStore(MemoryStorage.create(), "partners");
    try (World w = new World(3, store)) {
      store.reset();
      w.ledger.record(RevenueRecording.of(w.ids.get(0), JAN, usd("1"), "both").withCounts(1, 1));
      w.ledger.recordAll(List.of(RevenueRecording.of(w.ids.get(1), JAN, usd("1"), "both, batch").withCounts(1, 1),
          RevenueRecording.of(w.ids.get(2), JAN, usd("1"), "both, batch too").withCounts(2, 2)));
      assertFalse(store.calls().containsKey("clientTotals"), "every count given, yet the registry was asked: " + store.calls());
      w.ledger.record(new RevenueRecording(w.ids.get(0), JAN.minusMonths(1), usd("1"), Optional.empty(), Optional.of(1L),
          "servers left out"));
      w.ledger.record(new RevenueRecording(w.ids.get(1), JAN.minusMonths(1), usd("1"), Optional.of(1L), Optional.empty(),
          "clients left out"));
      assertEquals(2, store.calls().get("clientTotals"), "one query for each recording with a count left out");
      w.ledger.recordAll(List.of(
          new RevenueRecording(w.ids.get(0), JAN.minusMonths(2), usd("1"), Optional.empty(), Optional.of(1L), "b1"),
          new RevenueRecording(w.ids.get(1), JAN.minusMonths(2), usd("1"), Optional.of(1L), Optional.empty(), "b2"),
          RevenueRecording.of(w.ids.get(2), JAN.minusMonths(2), usd("1"), "b3").withCounts(1, 1)));
      assertEquals(3, store.calls().get("clientTotals"), "one query for the whole batch");
    }
  }

  @Test
  @DisplayName("Bad input: history, current and the reports refuse a null partner, month or range by name, before anything is read")
  void reportsRefuseNulls() {
    try (World w = new World(1)) {
      PartnerId p = w.ids.get(0);
      w.ledger.record(RevenueRecording.of(p, JAN, usd("1"), "jan").withCounts(1, 1));
      Violation noPartner = new Violation("partnerId", "must not be null");
      Violation noMonth = new Violation("month", "must not be null");
      assertEquals(List.of(noPartner), violations(() -> w.ledger.current(null, JAN)));
      assertEquals(List.of(noMonth), violations(() -> w.ledger.current(p, null)));
      assertEquals(List.of(noMonth, noPartner), violations(() -> w.ledger.current(null, null)));
      assertEquals(List.of(noPartner), violations(() -> w.ledger.history(null, JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items()));
      assertEquals(List.of(noMonth), violations(() -> w.ledger.history(p, null, PageRequest.first(PageRequest.MAX_LIMIT)).items()));
      assertEquals(List.of(noMonth, noPartner), violations(() -> w.ledger.history(null, null, PageRequest.first(PageRequest.MAX_LIMIT)).items()));
      assertEquals(List.of(noPartner, new Violation("range", "must not be null")),
          violations(() -> w.ledger.partnerReport(null, null)));
      assertEquals(List.of(noPartner), violations(() -> w.ledger.latest(null)));
      assertEquals(List.of(new Violation("range", "must not be null")), violations(() -> w.ledger.programReport(null)));
    }
  }

  @Test
  @DisplayName("REV-7: exportCsv to a byte stream returns the rows it wrote and leaves every byte in the stream, flushed, not closed")
  void exportToAStreamReturnsItsRows() throws IOException {
    try (World w = new World(2)) {
      for (int i = 0; i < 3; i++) {
        w.ledger.record(RevenueRecording.of(w.ids.get(i % 2), JAN.minusMonths(i), usd("1" + i), "k" + i).withCounts(1, 1));
      }
      List<String> calls = new ArrayList<>();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
        @Override
        public void flush() {
          calls.add("flush");
        }

        @Override
        public void close() {
          calls.add("close");
        }
      };
      assertEquals(3, w.ledger.exportCsv(RevenueFilter.all(), bytes));
      List<List<String>> parsed = StrictCsv.parse(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
      assertEquals(4, parsed.size(), "the header and 3 rows");
      assertEquals(List.of("2025-11", "2025-12", "2026-01"), List.of(parsed.get(1).get(0), parsed.get(2).get(0), parsed.get(3).get(0)));
      assertFalse(calls.isEmpty());
      assertEquals("flush", calls.get(calls.size() - 1));
      assertFalse(calls.contains("close"));
    }
  }

  @Test
  @DisplayName("REV-7: an export to a byte stream many 32 K chunks long returns its rows, every one of them in the stream")
  void longExportToAStream() throws IOException {
    int count = 3_000; // about 390,000 characters: a dozen chunks
    int partners = 7;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PartnerProgram program = PartnerProgram.builder().store(new RowStore(() -> new GeneratedRows(count, partners)))
        .build()) {
      assertEquals(count, program.revenue().exportCsv(RevenueFilter.all(), bytes));
    }
    String text = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    assertTrue(text.length() > 10 * 32 * 1024, "over ten chunks: " + text.length());
    List<List<String>> parsed = StrictCsv.parse(text);
    assertEquals(count + 1, parsed.size());
    assertEquals(GeneratedRows.row(count - 1, partners).entry().id().toString(), parsed.get(count).get(9), "the last row is there");
  }
}
