package cloud.quazzar.partner.testkit.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.CountTrend;
import cloud.quazzar.partner.revenue.Direction;
import cloud.quazzar.partner.revenue.EntryKind;
import cloud.quazzar.partner.revenue.MoneyTrend;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueEntryId;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.revenue.RevenueRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Examples of the revenue rules REV-4 (trend) and REV-7 (CSV), as acceptance tests would state them. */
class RevenueRulesTest {
  private static final YearMonth JAN = YearMonth.of(2025, 1);

  @Nested
  @DisplayName("Trend: the percent is absent when the previous month is zero or missing")
  class Trends {
    @Test
    @DisplayName("previous MRR zero: the change is there, the percent is absent (not Infinity, not NaN)")
    void previousZero() {
      MoneyTrend t = MoneyTrend.of(Optional.of(Money.of("0", "USD")), Money.of("250", "USD"));
      assertEquals(Optional.of(Money.of("250", "USD")), t.change());
      assertTrue(t.percent().isEmpty());
      assertEquals(Optional.of(Direction.UP), t.direction());
      CountTrend c = CountTrend.of(Optional.of(0L), 0);
      assertEquals(Optional.of(0L), c.change());
      assertTrue(c.percent().isEmpty(), "0 to 0 is no percent either");
    }

    @Test
    @DisplayName("previous month missing: neither change nor percent")
    void previousMissing() {
      MoneyTrend t = MoneyTrend.of(Optional.empty(), Money.of("250", "USD"));
      assertTrue(t.previous().isEmpty());
      assertTrue(t.change().isEmpty());
      assertTrue(t.percent().isEmpty());
      assertTrue(t.direction().isEmpty());
      assertTrue(CountTrend.of(Optional.empty(), 7).percent().isEmpty());
    }

    @Test
    @DisplayName("otherwise absolute and percent change, the percent rounded half up to 2 decimals")
    void normal() {
      MoneyTrend t = MoneyTrend.of(Optional.of(Money.of("300", "USD")), Money.of("400", "USD"));
      assertEquals(Optional.of(Money.of("100", "USD")), t.change());
      assertEquals(Optional.of(new BigDecimal("33.33")), t.percent());
      assertEquals(Optional.of(new BigDecimal("-100.00")),
          MoneyTrend.of(Optional.of(Money.of("3", "USD")), Money.of("0", "USD")).percent(), "down to zero is -100%");
      assertEquals(Optional.of(new BigDecimal("66.67")), CountTrend.of(Optional.of(3L), 5).percent());
    }

    @Test
    @DisplayName("another currency than the previous month's: no change and no percent, since nothing is converted")
    void currencyChange() {
      MoneyTrend t = MoneyTrend.of(Optional.of(Money.of("300", "EUR")), Money.of("400", "USD"));
      assertTrue(t.previous().isPresent());
      assertTrue(t.change().isEmpty());
      assertTrue(t.percent().isEmpty());
    }
  }

  @Nested
  @DisplayName("CSV export")
  class Csv {
    @ParameterizedTest(name = "a company name starting with {0} gets one leading apostrophe")
    @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
    @DisplayName("text cells beginning with = + - @ tab or CR are neutralised by one leading apostrophe")
    void neutralised(String first) throws IOException {
      String name = first + "HYPERLINK(\"http://evil.example\")";
      List<List<String>> parsed = StrictCsv.parse(export(List.of(row(name, 0))));
      assertEquals("'" + name, parsed.get(1).get(2));
    }

    @ParameterizedTest(name = "a company name of apostrophes then {0} gets one more apostrophe")
    @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
    @DisplayName("text cells of apostrophes then a trigger get one more, so that reading can strip exactly one")
    void apostropheThenTrigger(String trigger) throws IOException {
      List<String> names = List.of(trigger + "x", "'" + trigger + "x", "''" + trigger + "x");
      List<List<String>> parsed = StrictCsv.parse(export(List.of(row(names.get(0), 0), row(names.get(1), 1),
          row(names.get(2), 2))));
      assertEquals(List.of("'" + trigger + "x", "''" + trigger + "x", "'''" + trigger + "x"),
          List.of(parsed.get(1).get(2), parsed.get(2).get(2), parsed.get(3).get(2)));
    }

    @Test
    @DisplayName("every other text is left exactly as it is")
    void notNeutralised() throws IOException {
      List<String> names = List.of("Acme", "'already quoted", "'' two", "' =space after", " =space first", "a=b", "O'Brien",
          "1+1", "株式会社", "\"Quoted\", Inc.", "line\nbreak", "", "'", "''", "#hash");
      List<RevenueRow> rows = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        rows.add(row(names.get(i), i));
      }
      List<List<String>> parsed = StrictCsv.parse(export(rows));
      for (int i = 0; i < names.size(); i++) {
        assertEquals(names.get(i), parsed.get(i + 1).get(2));
      }
    }

    @Test
    @DisplayName("records end with CRLF, the first is the header, decimals are plain with a dot")
    void format() throws IOException {
      String csv = export(List.of(row("Acme", 0)));
      assertTrue(csv.startsWith(String.join(",", RevenueLedger.CSV_COLUMNS) + "\r\n"), csv);
      assertTrue(csv.endsWith("\r\n"));
      assertFalse(csv.replace("\r\n", "").contains("\n"), "no bare LF");
      assertFalse(csv.replace("\r\n", "").contains("\r"), "no bare CR");
      assertEquals(2, StrictCsv.parse(csv).size());
      assertEquals("1234.50", StrictCsv.parse(export(List.of(row("A", 0, Money.of("1234.5", "USD"))))).get(1).get(4));
      assertEquals("1500", StrictCsv.parse(export(List.of(row("A", 0, Money.of("1500", "JPY"))))).get(1).get(4));
      assertEquals("0.125", StrictCsv.parse(export(List.of(row("A", 0, Money.of("0.125", "BHD"))))).get(1).get(4));
      assertEquals("0.00", StrictCsv.parse(export(List.of(row("A", 0, Money.of("0", "USD"))))).get(1).get(4));
      assertEquals("10000000000.00",
          StrictCsv.parse(export(List.of(row("A", 0, Money.ofMinor(1_000_000_000_000L, java.util.Currency.getInstance("USD"))))))
              .get(1).get(4), "never an exponent");
    }

    @Test
    @DisplayName("the byte stream is UTF-8 without a byte-order mark")
    void utf8() throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (PartnerProgram program = PartnerProgram.builder().store(new RowStore(() -> List.of(row("Ωmega 株式会社", 0))))
          .build()) {
        program.revenue().exportCsv(RevenueFilter.all(), bytes);
      }
      byte[] b = bytes.toByteArray();
      assertEquals('m', b[0], "no BOM");
      assertTrue(new String(b, StandardCharsets.UTF_8).contains("Ωmega 株式会社"));
    }

    @Test
    @DisplayName("on a real ledger a name beginning with '=' comes out with the apostrophe, and '-' numbers never occur")
    void onTheLedger() throws IOException {
      try (World w = new World(0)) {
        PartnerId id = w.program.registry().add(
            new cloud.quazzar.partner.registry.NewPartner("=1+2", "x@y.example", Tier.GOLD)).id();
        w.ledger.record(RevenueRecording.of(id, JAN, Money.of("0", "USD"), "k").withCounts(0, 0));
        StringWriter out = new StringWriter();
        w.ledger.exportCsv(RevenueFilter.all().withMonths(MonthRange.of(JAN)), out);
        assertEquals(List.of("2025-01", id.toString(), "'=1+2", "GOLD", "0.00", "USD", "0", "0", "1"),
            StrictCsv.parse(out.toString()).get(1).subList(0, 9));
      }
    }

    @Test
    @DisplayName("an export many times the exporter's 32 K character chunk writes every row once, in order, "
        + "in whole chunks (as many writer calls as chunks, none longer than one), then flushes the writer without closing it")
    void manyChunks() throws IOException {
      int count = 30_000; // about 3.9 million characters: over a hundred chunks, so that a chunk
      int partners = 7;   // boundary falls after every kind of append the printer makes
      List<Integer> writes = new ArrayList<>();
      List<String> calls = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      Writer out = new Writer() {
        @Override
        public void write(char[] buf, int off, int len) {
          writes.add(len);
          calls.add("write");
          text.append(buf, off, len);
        }

        @Override
        public void flush() {
          calls.add("flush");
        }

        @Override
        public void close() {
          calls.add("close");
        }
      };
      try (PartnerProgram program = PartnerProgram.builder().store(new RowStore(() -> new GeneratedRows(count, partners)))
          .build()) {
        assertEquals(count, program.revenue().exportCsv(RevenueFilter.all(), out));
      }
      List<List<String>> parsed = StrictCsv.parse(text.toString());
      assertEquals(RevenueLedger.CSV_COLUMNS, parsed.get(0));
      assertEquals(count + 1, parsed.size(), "a header and every row, once");
      for (int i = 0; i < count; i++) {
        RevenueEntry e = GeneratedRows.row(i, partners).entry();
        List<String> expected = List.of(e.month().toString(), e.partnerId().toString(), "Partner \"" + (i % partners) + "\", Inc.",
            Tier.values()[i % partners % 3].name(), e.mrr().toBigDecimal().toPlainString(), "USD",
            Long.toString(e.serverCount()), Long.toString(e.clientCount()), "1", e.id().toString());
        assertEquals(expected, parsed.get(i + 1), "row " + i);
      }
      int chunk = 32 * 1024;
      assertTrue(writes.size() > 100, "over a hundred chunks: " + writes.size());
      assertEquals(text.length(), writes.stream().mapToLong(Integer::longValue).sum());
      assertEquals((text.length() + chunk - 1) / chunk, writes.size(), "one writer call per full chunk, and one for the rest");
      assertTrue(writes.stream().allMatch(n -> n > 0 && n <= chunk), "no call longer than a chunk");
      assertEquals("flush", calls.get(calls.size() - 1), "the writer is flushed after the last write");
      assertTrue(!calls.contains("close"), "and not closed");
    }

    private String export(List<RevenueRow> rows) throws IOException {
      StringWriter out = new StringWriter();
      try (PartnerProgram program = PartnerProgram.builder().store(new RowStore(() -> rows)).build()) {
        assertEquals(rows.size(), program.revenue().exportCsv(RevenueFilter.all(), out));
      }
      return out.toString();
    }
  }

  private static RevenueRow row(String name, int i) {
    return row(name, i, Money.of("10", "USD"));
  }

  private static RevenueRow row(String name, int i, Money mrr) {
    RevenueEntry e = new RevenueEntry(new RevenueEntryId(new UUID(7, i)), new PartnerId(new UUID(8, i)), JAN, 1,
        EntryKind.RECORDED, mrr, 1, 1, "k" + i, Optional.empty(), Instant.parse("2026-01-01T00:00:00Z"), Optional.empty());
    return new RevenueRow(name, Tier.GOLD, e);
  }
}
