package cloud.quazzar.partner.testkit.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The ledger's limits on both sides of each boundary (docs/revenue.md, "Entries, revisions and
 * corrections", validation; "Reports"): months from 1900-01 to the current month, keys of 1 to 200
 * characters without surrounding white space, reasons of 1 to 2,000 characters, report ranges of
 * at most 1,200 months, 1 to 1,000 top partners, batches of 1 to 100,000; each refusal a
 * {@link ValidationException} naming the field and the allowed range, nothing stored. The clock
 * stands in 2026-01 ({@link World#NOW}).
 */
class LedgerLimitsTest {
  private static final YearMonth THIS_MONTH = YearMonth.of(2026, 1);
  private static final YearMonth EARLIEST = YearMonth.of(1900, 1);

  private static List<Violation> violations(Executable call) {
    return assertThrows(ValidationException.class, call).violations();
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  @Test
  @DisplayName("a month from 1900-01 to the current month is recorded; the month before 1900-01 and next month are refused on month")
  void months() {
    try (World w = new World(1)) {
      PartnerId p = w.ids.get(0);
      assertEquals(EARLIEST, w.ledger.record(RevenueRecording.of(p, EARLIEST, usd("1"), "first").withCounts(0, 0)).month());
      assertEquals(THIS_MONTH, w.ledger.record(RevenueRecording.of(p, THIS_MONTH, usd("1"), "now").withCounts(0, 0)).month());
      String range = "must be from 1900-01 to the current month 2026-01, got ";
      assertEquals(List.of(new Violation("month", range + "1899-12")), violations(
          () -> w.ledger.record(RevenueRecording.of(p, EARLIEST.minusMonths(1), usd("1"), "before").withCounts(0, 0))));
      assertEquals(List.of(new Violation("month", range + "2026-02")), violations(
          () -> w.ledger.record(RevenueRecording.of(p, THIS_MONTH.plusMonths(1), usd("1"), "next").withCounts(0, 0))));
      assertEquals(List.of(new Violation("month", range + "2026-02")), violations(() -> w.ledger.correct(
          RevenueCorrection.of(p, THIS_MONTH.plusMonths(1), "fix-next", "why").withMrr(usd("2")))));
      assertEquals(List.of(new Violation("recordings[1].month", range + "1899-12")), violations(() -> w.ledger.recordAll(List.of(
          RevenueRecording.of(p, EARLIEST.plusMonths(1), usd("1"), "b0").withCounts(0, 0),
          RevenueRecording.of(p, EARLIEST.minusMonths(1), usd("1"), "b1").withCounts(0, 0)))));
      assertTrue(w.ledger.findByKey("b0").isEmpty(), "nothing of a refused batch is stored");
    }
  }

  @Test
  @DisplayName("MRR 0 is recorded, one cent below is refused on mrr; a negative corrected MRR too")
  void mrr() {
    try (World w = new World(1)) {
      PartnerId p = w.ids.get(0);
      assertEquals(usd("0"), w.ledger.record(RevenueRecording.of(p, THIS_MONTH, usd("0"), "zero").withCounts(0, 0)).mrr());
      assertEquals(List.of(new Violation("mrr", "must be 0 or more, got -0.01 USD")), violations(() -> w.ledger.record(
          RevenueRecording.of(p, THIS_MONTH.minusMonths(1), usd("-0.01"), "neg").withCounts(0, 0))));
      assertEquals(List.of(new Violation("mrr", "must be 0 or more, got -0.01 USD")), violations(() -> w.ledger.correct(
          RevenueCorrection.of(p, THIS_MONTH, "fix-neg", "why").withMrr(usd("-0.01")))));
      assertEquals(usd("0.01"), w.ledger.correct(RevenueCorrection.of(p, THIS_MONTH, "fix", "why").withMrr(usd("0.01"))).mrr());
    }
  }

  @Test
  @DisplayName("keys of 1 and 200 characters are taken; 201 characters, blank, and surrounding white space (no-break spaces too) "
      + "are refused on idempotencyKey")
  void keys() {
    try (World w = new World(1)) {
      PartnerId p = w.ids.get(0);
      String longest = "k".repeat(RevenueRecording.MAX_KEY_LENGTH);
      assertEquals(longest, w.ledger.record(RevenueRecording.of(p, THIS_MONTH, usd("1"), longest).withCounts(0, 0)).idempotencyKey());
      assertEquals("k", w.ledger.record(RevenueRecording.of(p, THIS_MONTH.minusMonths(1), usd("1"), "k").withCounts(0, 0))
          .idempotencyKey());
      YearMonth m = THIS_MONTH.minusMonths(2);
      assertEquals(List.of("idempotencyKey"), fields(() -> w.ledger.record(RevenueRecording.of(p, m, usd("1"), longest + "k"))));
      assertEquals(List.of("idempotencyKey"), fields(() -> w.ledger.record(RevenueRecording.of(p, m, usd("1"), " "))));
      // TEXT-5 with TEXT-1's white space: Unicode White_Space, the no-break spaces included
      for (String padded : List.of(" k", "k ", "\u3000k", "k\u2003", "\u00a0k", "k\u00a0", "\u2007k", "k\u202f")) {
        assertEquals(List.of(new Violation("idempotencyKey", "must not begin or end with white space")),
            violations(() -> w.ledger.record(RevenueRecording.of(p, m, usd("1"), padded))), "'" + padded + "'");
        assertEquals(List.of(new Violation("idempotencyKey", "must not begin or end with white space")),
            violations(() -> w.ledger.correct(RevenueCorrection.of(p, THIS_MONTH, padded, "why").withMrr(usd("3")))));
      }
      assertEquals("a b", w.ledger.record(RevenueRecording.of(p, m, usd("1"), "a b").withCounts(0, 0)).idempotencyKey(),
          "white space inside a key is part of it");
      assertEquals(List.of("idempotencyKey"), fields(() -> w.ledger.findByKey(" ")));
      assertEquals(Optional.empty(), w.ledger.findByKey(" k"), "a look-up matches exactly");
    }
  }

  @Test
  @DisplayName("a correction's reason of 2,000 characters once cleaned is taken, 2,001 refused, a blank one refused, on reason")
  void reasons() {
    try (World w = new World(1)) {
      PartnerId p = w.ids.get(0);
      w.ledger.record(RevenueRecording.of(p, THIS_MONTH, usd("1"), "jan").withCounts(0, 0));
      String longest = "r".repeat(RevenueCorrection.MAX_REASON_LENGTH);
      assertEquals(Optional.of(longest), w.ledger.correct(RevenueCorrection.of(p, THIS_MONTH, "c1", longest).withMrr(usd("2")))
          .reason());
      assertEquals(List.of("reason"), fields(() -> w.ledger.correct(
          RevenueCorrection.of(p, THIS_MONTH, "c2", longest + "r").withMrr(usd("3")))));
      assertEquals(List.of("reason"), fields(() -> w.ledger.correct(RevenueCorrection.of(p, THIS_MONTH, "c3", " \t ").withMrr(usd("3")))));
      assertEquals(2, w.ledger.history(p, THIS_MONTH, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
    }
  }

  @Test
  @DisplayName("counts from 0 to the limits are kept; a negative count or a client count over 2,147,483,647 is refused by name")
  void counts() {
    try (World w = new World(1)) {
      PartnerId p = w.ids.get(0);
      long maxClients = RevenueRecording.MAX_CLIENT_COUNT;
      assertEquals(maxClients, w.ledger.record(RevenueRecording.of(p, THIS_MONTH, usd("1"), "max").withCounts(Long.MAX_VALUE,
          maxClients)).clientCount());
      assertEquals(List.of("clientCount"), fields(() -> w.ledger.record(
          RevenueRecording.of(p, THIS_MONTH.minusMonths(1), usd("1"), "over").withCounts(0, maxClients + 1))));
      assertEquals(List.of("clientCount", "serverCount"), fields(() -> w.ledger.record(
          RevenueRecording.of(p, THIS_MONTH.minusMonths(1), usd("1"), "neg").withCounts(-1, -1))));
      assertEquals(List.of("clientCount", "serverCount"), fields(() -> w.ledger.correct(RevenueCorrection.of(p, THIS_MONTH, "c", "why")
          .withServerCount(-1).withClientCount(maxClients + 1))));
      assertEquals(List.of("expectedRevision"), fields(() -> w.ledger.correct(RevenueCorrection.of(p, THIS_MONTH, "c", "why")
          .withServerCount(1).withExpectedRevision(0))));
    }
  }

  @Test
  @DisplayName("reports over 1,200 months are given, over 1,201 refused on range; the top list takes 1 to 1,000 partners, refused on n")
  void reportLimits() {
    try (World w = new World(1)) {
      PartnerId p = w.ids.get(0);
      MonthRange longest = MonthRange.lastMonths(THIS_MONTH, RevenueLedger.MAX_REPORT_MONTHS);
      MonthRange tooLong = MonthRange.lastMonths(THIS_MONTH, RevenueLedger.MAX_REPORT_MONTHS + 1);
      assertEquals(1200, w.ledger.programReport(longest).months().size());
      assertEquals(longest, w.ledger.partnerReport(p, longest).range());
      Violation range = new Violation("range", "must span at most 1200 months, got 1201");
      assertEquals(List.of(range), violations(() -> w.ledger.programReport(tooLong)));
      assertEquals(List.of(range), violations(() -> w.ledger.partnerReport(p, tooLong)));
      Currency usd = Currency.getInstance("USD");
      w.ledger.record(RevenueRecording.of(p, THIS_MONTH, usd("1"), "k").withCounts(0, 0));
      assertEquals(1, w.ledger.topByMrr(THIS_MONTH, usd, 1).size());
      assertEquals(1, w.ledger.topByMrr(THIS_MONTH, usd, RevenueLedger.MAX_TOP).size());
      assertEquals(List.of(new Violation("n", "must be from 1 to 1000, got 0")), violations(() -> w.ledger.topByMrr(THIS_MONTH, usd, 0)));
      assertEquals(List.of(new Violation("n", "must be from 1 to 1000, got 1001")),
          violations(() -> w.ledger.topByMrr(THIS_MONTH, usd, RevenueLedger.MAX_TOP + 1)));
      assertEquals(List.of("currency", "month"), fields(() -> w.ledger.topByMrr(null, null, 1)));
    }
  }

  @Test
  @DisplayName("a batch holds 1 to 100,000 recordings: an empty one and a null one are refused on recordings")
  void batchSize() {
    try (World w = new World(1)) {
      assertEquals(List.of(new Violation("recordings", "must hold 1 to 100000 recordings, got 0")),
          violations(() -> w.ledger.recordAll(List.of())));
      assertEquals(List.of(new Violation("recordings", "must not be null")), violations(() -> w.ledger.recordAll(null)));
      assertEquals(List.of(new Violation("recordings[0]", "must not be null")),
          violations(() -> w.ledger.recordAll(java.util.Collections.singletonList(null))));
    }
  }

  @Test
  @DisplayName("BAD-1: each violation names its field: month, mrr, idempotencyKey of a lone recording (recording when null), recordings[i]. in a batch, from index 0")
  void fieldNames() {
    try (World w = new World(1)) {
      PartnerId p = w.ids.get(0);
      RevenueRecording bad = RevenueRecording.of(p, THIS_MONTH.plusMonths(1), usd("-1"), " key").withCounts(0, 0);
      assertEquals(List.of("idempotencyKey", "month", "mrr"), fields(() -> w.ledger.record(bad)));
      assertEquals(List.of(new Violation("recording", "must not be null")), violations(() -> w.ledger.record(null)));
      RevenueRecording good = RevenueRecording.of(p, THIS_MONTH, usd("1"), "good").withCounts(0, 0);
      RevenueRecording tooEarly = RevenueRecording.of(p, YearMonth.of(1899, 12), usd("1"), "early").withCounts(0, 0);
      assertEquals(List.of("recordings[0].idempotencyKey", "recordings[0].month", "recordings[0].mrr", "recordings[2].month"),
          fields(() -> w.ledger.recordAll(List.of(bad, good, tooEarly))));
      assertEquals(List.of(), w.ledger.history(p, THIS_MONTH, PageRequest.first(10)).items(), "nothing was stored");
    }
  }

  private static List<String> fields(Executable call) {
    return assertThrows(ValidationException.class, call).fields();
  }
}
