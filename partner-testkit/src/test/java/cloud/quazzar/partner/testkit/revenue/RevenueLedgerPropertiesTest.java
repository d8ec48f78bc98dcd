package cloud.quazzar.partner.testkit.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.ProgramMonth;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.testkit.Examples;
import cloud.quazzar.partner.testkit.generators.LedgerHistory;
import cloud.quazzar.partner.testkit.generators.LedgerStep;
import cloud.quazzar.partner.testkit.generators.PartnerGenerators;
import cloud.quazzar.partner.testkit.generators.RevenueGenerators;
import java.io.StringWriter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ledger's invariants (rules REV-1 to REV-7), checked on generated histories on the memory store. */
class RevenueLedgerPropertiesTest {
  private static final int PARTNERS = 4;
  private static final int MONTHS = 6;
  private static final MonthRange RANGE = World.months(MONTHS);

  @Test
  @DisplayName("replaying the same recordings any number of times, in any interleaving, gives the same reports")
  void replaysGiveTheSameReports() {
    qt().withExamples(Examples.scaled(150)).withShrinkCycles(100)
        .forAll(RevenueGenerators.histories(PARTNERS, MONTHS, 25), longs().all(), integers().between(1, 3))
        .checkAssert((history, seed, copies) -> {
          Random random = new Random(seed);
          try (World a = new World(PARTNERS); World b = new World(PARTNERS)) {
            history.apply(a.ledger, a.ids, "h");
            List<Object> reports = a.reports(RANGE);
            // every step again, in any order, any number of times: nothing changes, ids and times included
            List<Integer> order = new ArrayList<>();
            for (int c = 0; c < copies; c++) {
              for (int i = 0; i < history.steps().size(); i++) {
                order.add(i);
              }
            }
            Collections.shuffle(order, random);
            for (int i : order) {
              RevenueEntry replayed = history.send(a.ledger, i, a.ids, "h");
              assertEquals(replayed, a.ledger.findByKey(replayed.idempotencyKey()).orElseThrow());
            }
            assertEquals(reports, a.reports(RANGE));

            // another ledger fed the recordings in any order, repeated, singly and in batches, then the
            // corrections: the same figures
            List<RevenueRecording> recordings = new ArrayList<>();
            for (int c = 0; c < copies; c++) {
              recordings.addAll(history.recordings(b.ids, "h"));
            }
            Collections.shuffle(recordings, random);
            int i = 0;
            while (i < recordings.size()) {
              int n = 1 + random.nextInt(5);
              List<RevenueRecording> chunk = recordings.subList(i, Math.min(recordings.size(), i + n));
              if (random.nextBoolean()) {
                b.ledger.recordAll(chunk);
              } else {
                chunk.forEach(b.ledger::record);
              }
              i += n;
            }
            for (int s = 0; s < history.steps().size(); s++) {
              if (history.steps().get(s) instanceof LedgerStep.Corrected) {
                history.send(b.ledger, s, b.ids, "h");
              }
            }
            assertEquals(a.figures(RANGE), b.figures(RANGE));
          }
        });
  }

  @Test
  @DisplayName("a program report's totals are the sums of the partners' latest entries, per currency")
  void totalsAreSumsOfLatestEntries() {
    qt().withExamples(Examples.scaled(150)).forAll(RevenueGenerators.histories(PARTNERS, MONTHS, 30)).checkAssert(history -> {
      try (World w = new World(PARTNERS)) {
        history.apply(w.ledger, w.ids, "t");
        Map<LedgerHistory.Cell, LedgerHistory.Figures> oracle = history.expected();
        for (ProgramMonth month : w.ledger.programReport(RANGE).months()) {
          Map<String, Money> fromOracle = new TreeMap<>();
          Map<String, Money> fromLedger = new TreeMap<>();
          long servers = 0;
          long clients = 0;
          int partners = 0;
          for (int p = 0; p < PARTNERS; p++) {
            LedgerHistory.Figures f = oracle.get(new LedgerHistory.Cell(p, month.month()));
            if (f != null) {
              fromOracle.merge(f.mrr().currency().getCurrencyCode(), f.mrr(), Money::plus);
              servers += f.servers();
              clients += f.clients();
              partners++;
            }
            w.ledger.current(w.ids.get(p), month.month())
                .ifPresent(e -> fromLedger.merge(e.mrr().currency().getCurrencyCode(), e.mrr(), Money::plus));
          }
          assertEquals(List.copyOf(fromOracle.values()), month.mrrTotals(), month.month() + " against the oracle");
          assertEquals(List.copyOf(fromLedger.values()), month.mrrTotals(), month.month() + " against current()");
          assertEquals(servers, month.serverCount());
          assertEquals(clients, month.clientCount());
          assertEquals(partners, month.partnerCount());
        }
        for (Map.Entry<LedgerHistory.Cell, LedgerHistory.Figures> cell : oracle.entrySet()) {
          RevenueEntry e = w.ledger.current(w.ids.get(cell.getKey().partner()), cell.getKey().month()).orElseThrow();
          assertEquals(cell.getValue(), new LedgerHistory.Figures(e.mrr(), e.serverCount(), e.clientCount(), e.revision()));
        }
      }
    });
  }

  @Test
  @DisplayName("a correction changes exactly one month: its history grows by one entry, every other month stays")
  void correctionChangesOneMonth() {
    qt().withExamples(Examples.scaled(150))
        .forAll(RevenueGenerators.histories(PARTNERS, MONTHS, 20), integers().between(0, 1000),
            longs().between(0, 1_000_000_000L), RevenueGenerators.reasons())
        .checkAssert((history, pick, units, reason) -> {
          try (World w = new World(PARTNERS)) {
            history.apply(w.ledger, w.ids, "c");
            List<LedgerHistory.Cell> cells = new ArrayList<>(history.expected().keySet());
            if (cells.isEmpty()) { // an empty history: give the correction a month to correct
              LedgerHistory.Cell only = new LedgerHistory.Cell(0, RevenueGenerators.FIRST_MONTH);
              w.ledger.record(RevenueRecording.of(w.ids.get(0), only.month(),
                  Money.ofMinor(units / 2, RevenueGenerators.currencyOf(0)), "only").withCounts(1, 1));
              cells.add(only);
            }
            LedgerHistory.Cell target = cells.get(pick % cells.size());
            Map<LedgerHistory.Cell, List<RevenueEntry>> before = histories(w);
            List<ProgramMonth> programBefore = w.ledger.programReport(RANGE).months();
            List<RevenueEntry> targetBefore = before.get(target);
            RevenueEntry current = targetBefore.get(targetBefore.size() - 1);
            long minor = units == current.mrr().minorUnits() ? units + 1 : units;
            RevenueEntry fix = w.ledger.correct(RevenueCorrection.of(w.ids.get(target.partner()), target.month(),
                "the-fix", reason).withMrr(Money.ofMinor(minor, current.mrr().currency())));
            Map<LedgerHistory.Cell, List<RevenueEntry>> after = histories(w);
            for (LedgerHistory.Cell cell : before.keySet()) {
              if (!cell.equals(target)) {
                assertEquals(before.get(cell), after.get(cell), "untouched: " + cell);
              }
            }
            List<RevenueEntry> grown = new ArrayList<>(targetBefore);
            grown.add(fix);
            assertEquals(grown, after.get(target));
            assertEquals(current.revision() + 1, fix.revision());
            assertEquals(Optional.of(current.id()), fix.supersedes());
            List<ProgramMonth> programAfter = w.ledger.programReport(RANGE).months();
            for (int i = 0; i < programBefore.size(); i++) {
              if (programBefore.get(i).month().equals(target.month())) {
                assertNotEquals(programBefore.get(i), programAfter.get(i));
              } else {
                assertEquals(programBefore.get(i), programAfter.get(i));
              }
            }
          }
        });
  }

  @Test
  @DisplayName("REV-6: a correction in another currency than the entry it corrects is refused (mrr.currency) and "
      + "changes nothing: histories, reports, events and keys stay; the month's own currency still corrects it")
  void correctionKeepsTheCurrency() {
    qt().withExamples(Examples.scaled(150))
        .forAll(RevenueGenerators.histories(PARTNERS, MONTHS, 20), integers().between(0, 1000),
            longs().between(0, 1_000_000_000L), integers().between(1, RevenueGenerators.CURRENCIES.size() - 1))
        .checkAssert((history, pick, units, shift) -> {
          try (World w = new World(PARTNERS)) {
            history.apply(w.ledger, w.ids, "x");
            List<LedgerHistory.Cell> cells = new ArrayList<>(history.expected().keySet());
            if (cells.isEmpty()) { // an empty history: give the correction a month to correct
              LedgerHistory.Cell only = new LedgerHistory.Cell(0, RevenueGenerators.FIRST_MONTH);
              w.ledger.record(RevenueRecording.of(w.ids.get(0), only.month(),
                  Money.ofMinor(units / 2, RevenueGenerators.currencyOf(0)), "only").withCounts(1, 1));
              cells.add(only);
            }
            LedgerHistory.Cell target = cells.get(pick % cells.size());
            PartnerId partner = w.ids.get(target.partner());
            RevenueEntry current = w.ledger.current(partner, target.month()).orElseThrow();
            int own = RevenueGenerators.CURRENCIES.indexOf(current.mrr().currency());
            Money other = Money.ofMinor(units,
                RevenueGenerators.CURRENCIES.get((own + shift) % RevenueGenerators.CURRENCIES.size()));
            Map<LedgerHistory.Cell, List<RevenueEntry>> before = histories(w);
            List<Object> reports = w.reports(RANGE);
            long events = w.program.events().lastSequence();

            ValidationException e = assertThrows(ValidationException.class, () -> w.ledger.correct(
                RevenueCorrection.of(partner, target.month(), "switch", "another currency").withMrr(other)));
            assertEquals(List.of("mrr.currency"), e.fields(), e.getMessage());
            assertEquals(before, histories(w));
            assertEquals(reports, w.reports(RANGE));
            assertEquals(events, w.program.events().lastSequence());
            assertTrue(w.ledger.findByKey("switch").isEmpty());

            long minor = units == current.mrr().minorUnits() ? units + 1 : units;
            RevenueEntry fix = w.ledger.correct(RevenueCorrection.of(partner, target.month(), "switch",
                "its own currency").withMrr(Money.ofMinor(minor, current.mrr().currency())));
            assertEquals(current.mrr().currency(), fix.mrr().currency());
          }
        });
  }

  private static Map<LedgerHistory.Cell, List<RevenueEntry>> histories(World w) {
    Map<LedgerHistory.Cell, List<RevenueEntry>> out = new HashMap<>();
    for (int p = 0; p < PARTNERS; p++) {
      for (YearMonth m : RANGE.months()) {
        List<RevenueEntry> h = w.ledger.history(w.ids.get(p), m, PageRequest.first(PageRequest.MAX_LIMIT)).items();
        if (!h.isEmpty()) {
          out.put(new LedgerHistory.Cell(p, m), h);
        }
      }
    }
    return out;
  }

  @Test
  @DisplayName("export then parse with an independent strict RFC 4180 reader gives back every value exactly, "
      + "for any company name, one neutralising apostrophe aside")
  void exportRoundTrips() {
    qt().withExamples(Examples.scaled(150))
        .forAll(lists().of(PartnerGenerators.companyNames()).ofSizeBetween(1, 8),
            lists().of(RevenueGenerators.mrr()).ofSizeBetween(1, 24),
            lists().of(PartnerGenerators.serverCounts()).ofSizeBetween(1, 24))
        .checkAssert((names, amounts, counts) -> {
          try (World w = new World(0)) {
            RevenueLedger ledger = w.ledger;
            List<Partner> partners = new ArrayList<>();
            for (String name : names) {
              try {
                partners.add(w.program.registry().add(
                    new NewPartner(name, "x@y.example", Tier.values()[partners.size() % 3])));
              } catch (ConflictException duplicateName) {
                // generated names may repeat ignoring case: the registry keeps the first
              }
            }
            List<List<String>> expected = new ArrayList<>();
            for (int i = 0; i < partners.size(); i++) {
              Partner p = partners.get(i);
              for (int j = 0; j <= i % 3; j++) {
                int k = i * 3 + j;
                YearMonth month = RevenueGenerators.FIRST_MONTH.plusMonths(j);
                RevenueEntry e = ledger.record(RevenueRecording.of(p.id(), month, amounts.get(k % amounts.size()), "x" + k)
                    .withCounts(counts.get(k % counts.size()), k % 7));
                String stored = w.program.registry().get(p.id()).companyName();
                expected.add(List.of(month.toString(), p.id().toString(), neutralised(stored), p.tier().name(),
                    e.mrr().toBigDecimal().toPlainString(), e.mrr().currency().getCurrencyCode(),
                    Long.toString(e.serverCount()), Long.toString(e.clientCount()), "1", e.id().toString()));
              }
            }
            Map<String, String> keyOfId = new HashMap<>();
            partners.forEach(p -> keyOfId.put(p.id().toString(), Names.key(p.companyName())));
            expected.sort(Comparator.comparing((List<String> r) -> r.get(0))
                .thenComparing(r -> keyOfId.get(r.get(1)), Names.KEY_ORDER));
            StringWriter out = new StringWriter();
            try {
              assertEquals(expected.size(), ledger.exportCsv(RevenueFilter.all(), out));
            } catch (java.io.IOException e) {
              throw new AssertionError(e);
            }
            List<List<String>> parsed = StrictCsv.parse(out.toString());
            assertEquals(RevenueLedger.CSV_COLUMNS, parsed.get(0));
            assertEquals(expected, parsed.subList(1, parsed.size()));
          }
        });
  }

  /** docs/rules.md TEXT-6, restated independently of the exporter: apostrophes, then a trigger. */
  static String neutralised(String text) {
    String rest = text.replaceFirst("^'*", "");
    return !rest.isEmpty() && "=+-@\t\r".indexOf(rest.charAt(0)) >= 0 ? "'" + text : text;
  }

  @Test
  @DisplayName("the generated histories are well formed: corrections follow their recordings and change the MRR")
  void historiesAreWellFormed() {
    qt().withExamples(Examples.scaled(300)).forAll(RevenueGenerators.histories(3, 4, 30)).checkAssert(h -> {
      Map<LedgerHistory.Cell, Money> seen = new HashMap<>();
      for (LedgerStep s : h.steps()) {
        LedgerHistory.Cell cell = new LedgerHistory.Cell(s.partner(), s.month());
        Money before = seen.put(cell, s.mrr());
        if (s instanceof LedgerStep.Recorded) {
          assertEquals(null, before, "a month is recorded once");
        } else {
          assertNotEquals(null, before, "a correction follows its recording");
          assertNotEquals(before, s.mrr());
        }
        assertEquals(RevenueGenerators.currencyOf(s.partner()), s.mrr().currency());
      }
    });
  }
}
