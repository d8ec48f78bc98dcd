package cloud.quazzar.partner.testkit.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.EntryKind;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueEntryId;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueRow;
import cloud.quazzar.partner.testkit.Examples;
import cloud.quazzar.partner.testkit.generators.TextGenerators;
import cloud.quazzar.partner.testkit.oracle.TextOracle;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * docs/rules.md TEXT-6: the export's neutralisation can be undone. Any text in a text cell, written
 * by the exporter and read back by Apache Commons CSV (RFC 4180), gives the text again once one
 * leading {@code '} is removed from each cell that is one or more {@code '} followed by {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return. The rows come from a store that yields
 * any text, not only cleaned names (tabs, line breaks, quotes, unpaired surrogates).
 */
class CsvRoundTripTest {
  private static final YearMonth JAN = YearMonth.of(2025, 1);

  private static RevenueRow row(String name, int i) {
    RevenueEntry e = new RevenueEntry(new RevenueEntryId(new UUID(7, i)), new PartnerId(new UUID(8, i)), JAN, 1,
        EntryKind.RECORDED, Money.of("10", "USD"), 1, 1, "k" + i, Optional.empty(), Instant.parse("2026-01-01T00:00:00Z"),
        Optional.empty());
    return new RevenueRow(name, Tier.GOLD, e);
  }

  /** The company_name cells of exporting {@code names}, as Commons CSV reads them (before un-neutralising). */
  private static List<String> cells(List<String> names) {
    List<RevenueRow> rows = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      rows.add(row(names.get(i), i));
    }
    StringWriter out = new StringWriter();
    try (PartnerProgram program = PartnerProgram.builder().store(new RowStore(() -> rows)).build()) {
      program.revenue().exportCsv(RevenueFilter.all(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> cells = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(out.toString(),
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord r : parser) {
        cells.add(r.get("company_name"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cells;
  }

  /** Any text: starts a spreadsheet treats specially, hostile free text, and arbitrary code points. */
  private static Gen<String> anyText() {
    Gen<String> starts = Generate.pick(List.of("'", "''", "'''", "=", "+", "-", "@", "\t", "\r", "\n", "\"", ",", " "));
    Gen<String> prefixed = lists().of(starts).ofSizeBetween(1, 4).zip(strings().allPossible().ofLengthBetween(0, 6),
        (s, tail) -> String.join("", s) + tail);
    return Generate.oneOf(prefixed, TextGenerators.csvText(), strings().allPossible().ofLengthBetween(0, 12));
  }

  @Test
  @DisplayName("any text written to a cell reads back by the documented rule, under an independent parser")
  void anyTextRoundTrips() {
    qt().withExamples(Examples.scaled(500)).forAll(lists().of(anyText()).ofSizeBetween(1, 6)).checkAssert(names -> {
      List<String> cells = cells(names);
      assertEquals(names.stream().map(TextOracle::csvCell).toList(), cells, "written as the rule says");
      assertEquals(names, cells.stream().map(TextOracle::csvRead).toList(), "read back exactly");
    });
  }

  @Test
  @DisplayName("a name that starts with ' and a trigger and the same name without the ' give different cells")
  void unambiguous() {
    List<String> names = List.of("=1+1", "'=1+1", "''=1+1", "'quote", "O'Brien", "'", "''", "'@x", "@x");
    List<String> cells = cells(names);
    assertEquals(List.of("'=1+1", "''=1+1", "'''=1+1", "'quote", "O'Brien", "'", "''", "''@x", "'@x"), cells);
    assertNotEquals(cells.get(0), cells.get(1));
    assertEquals(names, cells.stream().map(TextOracle::csvRead).toList());
  }
}
