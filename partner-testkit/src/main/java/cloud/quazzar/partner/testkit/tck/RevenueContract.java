package cloud.quazzar.partner.testkit.tck;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.BatchResult;
import cloud.quazzar.partner.revenue.Direction;
import cloud.quazzar.partner.revenue.EntryKind;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.MonthReport;
import cloud.quazzar.partner.revenue.PartnerReport;
import cloud.quazzar.partner.revenue.ProgramMonth;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueEntryId;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.revenue.RevenueRow;
import cloud.quazzar.partner.testkit.generators.PartnerGenerators;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The revenue ledger's storage contract (rules REV-1 to REV-7 of docs/rules.md), mounted in {@link StoreTck} as the
 * nested group "Revenue ledger". Drives the store through {@link RevenueLedger} (so the ledger's
 * rules hold on it) and through {@link cloud.quazzar.partner.spi.RevenueRepository} directly (so
 * the guarantees core relies on, key uniqueness under concurrency, one revision chain per month,
 * rollback and ordered streaming, come from the store itself).
 *
 * <p>The test clock stands at {@link StoreTck#START} (2026-01-15), so the current month is 2026-01.
 */
@ExtendWith(PromiseMessages.class)
public abstract class RevenueContract {
  /** A month well inside what the ledger accepts at {@link StoreTck#START}. */
  protected static final YearMonth JAN = YearMonth.of(2025, 1);

  /**
   * The context of the running test: store, clock and program.
   *
   * @return the running test's context
   */
  protected abstract TckContext context();

  private RevenueLedger ledger() {
    return context().program().revenue();
  }

  private PartnerRegistry registry() {
    return context().program().registry();
  }

  private Partner partner(String name, Tier tier) {
    return registry().add(new NewPartner(name, "revenue@partner.example", tier));
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  private RevenueEntry record(Partner p, YearMonth month, String mrr, long servers, int clients) {
    return ledger().record(RevenueRecording.of(p.id(), month, usd(mrr), key(p, month))
        .withCounts(servers, clients));
  }

  private static String key(Partner p, YearMonth month) {
    return "rec/" + p.id() + "/" + month;
  }

  @Test
  @DisplayName("a recorded month reads back with every field, exactly")
  void recordedMonthReadsBack() {
    Partner p = partner("Acme Cloud", Tier.GOLD);
    RevenueEntry e = ledger().record(
        RevenueRecording.of(p.id(), JAN, Money.of("12345.67", "USD"), "month-end 2025-01 acme").withCounts(50, 3));
    assertEquals(p.id(), e.partnerId());
    assertEquals(JAN, e.month());
    assertEquals(1, e.revision());
    assertEquals(EntryKind.RECORDED, e.kind());
    assertEquals(Money.of("12345.67", "USD"), e.mrr());
    assertEquals(50, e.serverCount());
    assertEquals(3, e.clientCount());
    assertEquals("month-end 2025-01 acme", e.idempotencyKey());
    assertEquals(StoreTck.START, e.recordedAt());
    assertEquals(Optional.empty(), e.reason());
    assertEquals(Optional.empty(), e.supersedes());
    assertEquals(List.of(e), ledger().history(p.id(), JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items());
    assertEquals(Optional.of(e), ledger().current(p.id(), JAN));
    assertEquals(Optional.of(e), ledger().findByKey("month-end 2025-01 acme"));
    assertEquals(Optional.empty(), ledger().current(p.id(), JAN.plusMonths(1)), "a month without an entry has no current entry");
    RevenueEntry yen = ledger().record(RevenueRecording.of(p.id(), JAN.plusMonths(1), Money.of("1500", "JPY"), "jpy")
        .withCounts(0, 0));
    RevenueEntry dinar = ledger().record(RevenueRecording.of(p.id(), JAN.plusMonths(2), Money.of("0.125", "BHD"), "bhd")
        .withCounts(0, 0));
    assertEquals(Money.of("1500", "JPY"), ledger().current(p.id(), JAN.plusMonths(1)).orElseThrow().mrr());
    assertEquals(yen, ledger().findByKey("jpy").orElseThrow());
    assertEquals(dinar, ledger().findByKey("bhd").orElseThrow());
  }

  @Test
  @DisplayName("counts left out are a snapshot of the partner's clients at recording time")
  void countsFromRegistry() {
    Partner p = partner("Snapshot Hosting", Tier.SILVER);
    registry().addClient(p.id(), new NewClient("shop", 30));
    registry().addClient(p.id(), new NewClient("blog", 20));
    RevenueEntry jan = ledger().record(RevenueRecording.of(p.id(), JAN, usd("100"), "snap-jan"));
    assertEquals(50, jan.serverCount());
    assertEquals(2, jan.clientCount());
    registry().addClient(p.id(), new NewClient("wiki", 5));
    assertEquals(jan, ledger().current(p.id(), JAN).orElseThrow(), "a later client change leaves the entry alone");
    RevenueEntry feb = ledger().record(
        new RevenueRecording(p.id(), JAN.plusMonths(1), usd("100"), Optional.of(7L), Optional.empty(), "snap-feb"));
    assertEquals(7, feb.serverCount(), "a given count is kept");
    assertEquals(3, feb.clientCount(), "a count left out is the registry's");
  }

  @Test
  @DisplayName("the same key with the same figures is a no-op that returns the first entry")
  void replayIsNoOp() {
    Partner p = partner("Replay Ltd", Tier.GOLD);
    RevenueEntry first = record(p, JAN, "99.90", 10, 1);
    context().clock().advance(Duration.ofHours(5));
    RevenueEntry again = record(p, JAN, "99.90", 10, 1);
    assertEquals(first, again);
    RevenueEntry countsLeftOut = ledger().record(RevenueRecording.of(p.id(), JAN, usd("99.9"), key(p, JAN)));
    assertEquals(first, countsLeftOut, "counts left out match the stored ones; 99.9 equals 99.90");
    assertEquals(List.of(first), ledger().history(p.id(), JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items());
  }

  @Test
  @DisplayName("a key names one request: sent again with any one of partner, month, MRR amount, MRR currency, "
      + "server count or client count different it is a DUPLICATE conflict that stores nothing; only the same request replays")
  void keyReuseIsConflict() {
    Partner p = partner("Key Keeper", Tier.GOLD);
    Partner other = partner("Other Keeper", Tier.GOLD);
    String key = key(p, JAN);
    RevenueEntry first = record(p, JAN, "100", 10, 1);
    // docs/revenue.md, "Idempotency": same key with other figures, or for another partner or month,
    // is a DUPLICATE conflict; each field on its own, so that no field is left out of the comparison
    Map<String, RevenueRecording> clashes = new LinkedHashMap<>();
    clashes.put("amount", RevenueRecording.of(p.id(), JAN, usd("100.01"), key).withCounts(10, 1));
    clashes.put("currency", RevenueRecording.of(p.id(), JAN, Money.of("100", "EUR"), key).withCounts(10, 1));
    clashes.put("server count", RevenueRecording.of(p.id(), JAN, usd("100"), key).withCounts(11, 1));
    clashes.put("client count", RevenueRecording.of(p.id(), JAN, usd("100"), key).withCounts(10, 2));
    clashes.put("server count alone", new RevenueRecording(p.id(), JAN, usd("100"), Optional.of(9L), Optional.empty(), key));
    clashes.put("client count alone", new RevenueRecording(p.id(), JAN, usd("100"), Optional.empty(), Optional.of(0L), key));
    clashes.put("later month", RevenueRecording.of(p.id(), JAN.plusMonths(1), usd("100"), key).withCounts(10, 1));
    clashes.put("earlier month", RevenueRecording.of(p.id(), JAN.minusMonths(1), usd("100"), key).withCounts(10, 1));
    clashes.put("partner", RevenueRecording.of(other.id(), JAN, usd("100"), key).withCounts(10, 1));
    for (Map.Entry<String, RevenueRecording> clash : clashes.entrySet()) {
      ConflictException e = assertThrows(ConflictException.class, () -> ledger().record(clash.getValue()),
          "another " + clash.getKey() + " under a used key");
      assertEquals(ConflictException.Reason.DUPLICATE, e.reason(), clash.getKey());
      assertTrue(String.valueOf(e.getMessage()).contains(key) && String.valueOf(e.getMessage()).contains(first.id().toString()),
          "the message names the key and the entry it recorded: " + e.getMessage());
      RevenueRecording fresh = RevenueRecording.of(other.id(), JAN.minusMonths(2), usd("1"), "fresh " + clash.getKey())
          .withCounts(1, 1);
      ConflictException inBatch = assertThrows(ConflictException.class,
          () -> ledger().recordAll(List.of(fresh, clash.getValue())), "in a batch: another " + clash.getKey());
      assertEquals(ConflictException.Reason.DUPLICATE, inBatch.reason(), clash.getKey());
      assertTrue(String.valueOf(inBatch.getMessage()).contains(key), inBatch.getMessage());
      assertTrue(ledger().findByKey("fresh " + clash.getKey()).isEmpty(), "nothing of the batch is stored: " + clash.getKey());
    }
    Map<String, RevenueRecording> replays = new LinkedHashMap<>();
    replays.put("the same request", RevenueRecording.of(p.id(), JAN, usd("100"), key).withCounts(10, 1));
    replays.put("the same amount written 100.00", RevenueRecording.of(p.id(), JAN, usd("100.00"), key).withCounts(10, 1));
    replays.put("counts left out", RevenueRecording.of(p.id(), JAN, usd("100"), key));
    replays.put("the server count alone", new RevenueRecording(p.id(), JAN, usd("100"), Optional.of(10L), Optional.empty(), key));
    replays.put("the client count alone", new RevenueRecording(p.id(), JAN, usd("100"), Optional.empty(), Optional.of(1L), key));
    for (Map.Entry<String, RevenueRecording> replay : replays.entrySet()) {
      assertEquals(first, ledger().record(replay.getValue()), replay.getKey() + " replays the first entry");
      BatchResult again = ledger().recordAll(List.of(replay.getValue()));
      assertEquals(List.of(first), again.entries(), replay.getKey() + " in a batch");
      assertEquals(0, again.createdCount(), replay.getKey() + " in a batch creates nothing");
    }
    assertEquals(List.of(first), ledger().history(p.id(), JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items());
    assertEquals(Optional.empty(), ledger().current(p.id(), JAN.plusMonths(1)), "a key reused for another month stores nothing");
    assertEquals(Optional.empty(), ledger().current(p.id(), JAN.minusMonths(1)), "a key reused for another month stores nothing");
    assertEquals(Optional.empty(), ledger().current(other.id(), JAN), "a key reused for another partner stores nothing");
    assertEquals(Optional.empty(), ledger().current(other.id(), JAN.minusMonths(2)), "a key reused for another partner stores nothing");
  }

  @Test
  @DisplayName("recording a recorded month under another key is a conflict that points to corrections")
  void monthRecordedOnce() {
    Partner p = partner("Once Only", Tier.SILVER);
    RevenueEntry first = record(p, JAN, "100", 1, 1);
    ConflictException e = assertThrows(ConflictException.class,
        () -> ledger().record(RevenueRecording.of(p.id(), JAN, usd("200"), "another key").withCounts(1, 1)));
    assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
    assertTrue(String.valueOf(e.getMessage()).contains("correct"), e.getMessage());
    assertEquals(List.of(first), ledger().history(p.id(), JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items());
    assertEquals(Optional.empty(), ledger().findByKey("another key"), "the refused recording's key is not taken");
  }

  @Test
  @DisplayName("a correction supersedes the entry before it in every report, and the earlier one stays readable")
  void correctionSupersedes() {
    Partner p = partner("Corrected Inc", Tier.PLATINUM);
    RevenueEntry jan = record(p, JAN, "1000", 10, 2);
    RevenueEntry feb = record(p, JAN.plusMonths(1), "1200", 12, 2);
    context().clock().advance(Duration.ofDays(40));
    RevenueEntry fix = ledger().correct(
        RevenueCorrection.of(p.id(), JAN, "fix-jan", "  credit note 17 was missed  ").withMrr(usd("800")));
    assertEquals(EntryKind.CORRECTION, fix.kind());
    assertEquals(2, fix.revision());
    assertEquals(Optional.of(jan.id()), fix.supersedes());
    assertEquals(Optional.of("credit note 17 was missed"), fix.reason());
    assertEquals(usd("800"), fix.mrr());
    assertEquals(10, fix.serverCount(), "figures left out keep the corrected entry's values");
    assertEquals(2, fix.clientCount());
    assertEquals(StoreTck.START.plus(Duration.ofDays(40)), fix.recordedAt());
    assertEquals(List.of(jan, fix), ledger().history(p.id(), JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items(), "the earlier entry stays readable");
    assertEquals(Optional.of(fix), ledger().current(p.id(), JAN));

    PartnerReport report = ledger().partnerReport(p.id(), new MonthRange(JAN, JAN.plusMonths(1)));
    assertEquals(List.of(fix, feb), report.months().stream().map(MonthReport::entry).toList());
    assertEquals(Optional.of(usd("400")), report.months().get(1).mrrTrend().change(), "the trend uses the correction");
    assertEquals(Optional.of(new BigDecimal("50.00")), report.months().get(1).mrrTrend().percent());
    ProgramMonth programJan = ledger().programReport(MonthRange.of(JAN)).months().get(0);
    assertEquals(List.of(usd("800")), programJan.mrrTotals());
    assertEquals(1, programJan.partnerCount());

    RevenueEntry fix2 = ledger().correct(RevenueCorrection.of(p.id(), JAN, "fix-jan-2", "servers miscounted")
        .withServerCount(11).withExpectedRevision(2));
    assertEquals(3, fix2.revision());
    assertEquals(Optional.of(fix.id()), fix2.supersedes());
    assertEquals(usd("800"), fix2.mrr());
    assertEquals(List.of(jan, fix, fix2), ledger().history(p.id(), JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items());
    assertEquals(List.of(jan), ledger().history(p.id(), JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items().subList(0, 1));
    assertEquals(feb, ledger().current(p.id(), JAN.plusMonths(1)).orElseThrow(), "a correction changes one month");
  }

  @Test
  @DisplayName("LIST-4: a month's entries page by revision; a correction made between pages comes on a later page, and "
      + "the token stays with its partner and month")
  void historyPages() {
    Partner p = partner("Paged Revisions", Tier.GOLD);
    Partner other = partner("Other Revisions", Tier.GOLD);
    List<RevenueEntry> entries = new ArrayList<>();
    entries.add(record(p, JAN, "100", 5, 1));
    record(p, JAN.plusMonths(1), "100", 5, 1);
    record(other, JAN, "100", 5, 1);
    for (int i = 1; i <= 4; i++) {
      entries.add(ledger().correct(RevenueCorrection.of(p.id(), JAN, "fix-" + i, "correction " + i)
          .withMrr(usd(String.valueOf(100 + i)))));
    }
    for (int limit : new int[] {1, 2, 5, 6}) {
      assertEquals(entries, CertificationContract.allPages(r -> ledger().history(p.id(), JAN, r), limit),
          "pages of " + limit);
    }
    Page<RevenueEntry> first = ledger().history(p.id(), JAN, PageRequest.first(2));
    assertEquals(entries.subList(0, 2), first.items());
    RevenueEntry late = ledger().correct(RevenueCorrection.of(p.id(), JAN, "fix-late", "late").withMrr(usd("200")));
    PageRequest next = PageRequest.first(2).withPageToken(first.nextPageToken().orElseThrow());
    List<RevenueEntry> rest = new ArrayList<>(entries.subList(2, entries.size()));
    rest.add(late);
    assertEquals(rest, CertificationContract.pagesAfter(r -> ledger().history(p.id(), JAN, r), next),
        "every revision once, the one made meanwhile last");
    assertEquals(List.of("pageToken"), assertThrows(ValidationException.class,
        () -> ledger().history(other.id(), JAN, next)).fields(), "another partner's month refuses the token");
    assertEquals(List.of("pageToken"), assertThrows(ValidationException.class,
        () -> ledger().history(p.id(), JAN.plusMonths(1), next)).fields(), "so does another month of the partner");
    assertEquals(List.of(CertificationContract.NOT_OURS), assertThrows(ValidationException.class,
        () -> ledger().history(p.id(), JAN, PageRequest.first(2).withPageToken(
            CertificationContract.changed(first.nextPageToken().orElseThrow())))).violations(), "a changed token");
    assertEquals(List.of("limit"), assertThrows(ValidationException.class,
        () -> ledger().history(p.id(), JAN, PageRequest.first(PageRequest.MAX_LIMIT + 1))).fields());
  }

  @Test
  @DisplayName("a correction must change a figure of a recorded month, and may insist on the revision it saw")
  void correctionRules() {
    Partner p = partner("Strict Corrections", Tier.GOLD);
    ConflictException none = assertThrows(ConflictException.class, () -> ledger().correct(
        RevenueCorrection.of(p.id(), JAN, "c1", "why").withMrr(usd("1"))));
    assertEquals(ConflictException.Reason.STATE, none.reason());
    RevenueEntry jan = record(p, JAN, "100", 5, 1);
    ConflictException same = assertThrows(ConflictException.class, () -> ledger().correct(
        RevenueCorrection.of(p.id(), JAN, "c2", "why").withMrr(usd("100.00")).withServerCount(5)));
    assertEquals(ConflictException.Reason.STATE, same.reason());
    ledger().correct(RevenueCorrection.of(p.id(), JAN, "c3", "late invoice").withMrr(usd("110")));
    ConflictException stale = assertThrows(ConflictException.class, () -> ledger().correct(
        RevenueCorrection.of(p.id(), JAN, "c4", "based on revision 1").withMrr(usd("120")).withExpectedRevision(1)));
    assertEquals(ConflictException.Reason.STALE_VERSION, stale.reason());
    assertEquals(2, ledger().history(p.id(), JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
    assertEquals(jan, ledger().history(p.id(), JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items().get(0));
    for (String k : List.of("c1", "c2", "c4")) {
      assertTrue(ledger().findByKey(k).isEmpty(), "refused corrections store nothing: " + k);
    }
  }

  @Test
  @DisplayName("a repeated correction key is a no-op; reused with any one of partner, month, MRR, server count, "
      + "client count, reason or expected revision different, or for a recording, it is a DUPLICATE conflict")
  void correctionIdempotent() {
    Partner p = partner("Twice Corrected", Tier.GOLD);
    Partner other = partner("Other Corrected", Tier.GOLD);
    RevenueEntry jan = record(p, JAN, "100", 5, 1);
    record(p, JAN.plusMonths(1), "100", 5, 1);
    record(other, JAN, "100", 5, 1);
    RevenueCorrection c = RevenueCorrection.of(p.id(), JAN, "fix", "refund").withMrr(usd("90")).withServerCount(6)
        .withClientCount(2).withExpectedRevision(1);
    RevenueEntry first = ledger().correct(c);
    context().clock().advance(Duration.ofMinutes(1));
    assertEquals(first, ledger().correct(c));
    assertEquals(first, ledger().correct(RevenueCorrection.of(p.id(), JAN, "fix", "  refund ").withMrr(usd("90.00"))
        .withServerCount(6).withClientCount(2).withExpectedRevision(1)), "the reason as stored (cleaned), 90.00 equals 90");
    Map<String, RevenueCorrection> clashes = new LinkedHashMap<>();
    clashes.put("MRR", RevenueCorrection.of(p.id(), JAN, "fix", "refund").withMrr(usd("91")).withServerCount(6)
        .withClientCount(2).withExpectedRevision(1));
    clashes.put("MRR currency", RevenueCorrection.of(p.id(), JAN, "fix", "refund").withMrr(Money.of("90", "EUR"))
        .withServerCount(6).withClientCount(2).withExpectedRevision(1));
    clashes.put("server count", RevenueCorrection.of(p.id(), JAN, "fix", "refund").withMrr(usd("90")).withServerCount(7)
        .withClientCount(2).withExpectedRevision(1));
    clashes.put("client count", RevenueCorrection.of(p.id(), JAN, "fix", "refund").withMrr(usd("90")).withServerCount(6)
        .withClientCount(3).withExpectedRevision(1));
    clashes.put("reason", RevenueCorrection.of(p.id(), JAN, "fix", "another reason").withMrr(usd("90")).withServerCount(6)
        .withClientCount(2).withExpectedRevision(1));
    clashes.put("expected revision", RevenueCorrection.of(p.id(), JAN, "fix", "refund").withMrr(usd("90"))
        .withServerCount(6).withClientCount(2).withExpectedRevision(2));
    clashes.put("month", RevenueCorrection.of(p.id(), JAN.plusMonths(1), "fix", "refund").withMrr(usd("90"))
        .withServerCount(6).withClientCount(2).withExpectedRevision(1));
    clashes.put("partner", RevenueCorrection.of(other.id(), JAN, "fix", "refund").withMrr(usd("90")).withServerCount(6)
        .withClientCount(2).withExpectedRevision(1));
    clashes.put("kind (a recording's key)", RevenueCorrection.of(p.id(), JAN, key(p, JAN), "refund").withMrr(usd("90"))
        .withServerCount(6).withClientCount(2).withExpectedRevision(1));
    for (Map.Entry<String, RevenueCorrection> clash : clashes.entrySet()) {
      ConflictException e = assertThrows(ConflictException.class, () -> ledger().correct(clash.getValue()),
          "another " + clash.getKey() + " under a used key");
      assertEquals(ConflictException.Reason.DUPLICATE, e.reason(), clash.getKey());
    }
    // the correction's key for a recording of the very figures the correction stored: still another request
    assertEquals(ConflictException.Reason.DUPLICATE, assertThrows(ConflictException.class,
        () -> ledger().record(RevenueRecording.of(p.id(), JAN, usd("90"), "fix").withCounts(6, 2))).reason(),
        "a correction's key reused for a recording");
    assertEquals(ConflictException.Reason.DUPLICATE, assertThrows(ConflictException.class,
        () -> ledger().recordAll(List.of(RevenueRecording.of(p.id(), JAN, usd("90"), "fix").withCounts(6, 2)))).reason(),
        "a correction's key reused in a batch");
    assertEquals(List.of(jan, first), ledger().history(p.id(), JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items());
    assertEquals(1, ledger().history(p.id(), JAN.plusMonths(1), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
    assertEquals(1, ledger().history(other.id(), JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
  }

  @Test
  @DisplayName("month-over-month trend: absolute and percent change; the percent is absent when the previous month is zero or missing")
  void trends() {
    Partner p = partner("Trending", Tier.GOLD);
    record(p, JAN, "0", 0, 0);
    record(p, JAN.plusMonths(1), "100", 4, 2);
    // March missing
    record(p, JAN.plusMonths(3), "50", 4, 1);
    record(p, JAN.plusMonths(4), "75", 3, 1);
    List<MonthReport> months = ledger().partnerReport(p.id(), new MonthRange(JAN, JAN.plusMonths(5))).months();
    assertEquals(4, months.size(), "months without an entry have no row");
    MonthReport jan = months.get(0);
    assertEquals(Optional.empty(), jan.mrrTrend().previous(), "the first month has no previous month");
    assertEquals(Optional.empty(), jan.mrrTrend().change(), "the first month has no change");
    assertTrue(jan.mrrTrend().percent().isEmpty(), "previous month missing: no percent");
    assertEquals(Optional.empty(), jan.mrrTrend().direction(), "the first month has no direction");
    MonthReport feb = months.get(1);
    assertEquals(Optional.of(usd("100")), feb.mrrTrend().change());
    assertTrue(feb.mrrTrend().percent().isEmpty(), "previous month zero: no percent, never Infinity or NaN");
    assertEquals(Optional.of(4L), feb.serverCountTrend().change());
    assertEquals(Optional.empty(), feb.serverCountTrend().percent(), "previous server count zero: no percent");
    assertEquals(Optional.of(Direction.UP), feb.mrrTrend().direction());
    MonthReport apr = months.get(2);
    assertTrue(apr.mrrTrend().change().isEmpty(), "March is missing, so April has no previous month");
    assertEquals(Optional.empty(), apr.mrrTrend().percent(), "March is missing, so April has no percent");
    assertEquals(Optional.empty(), apr.clientCountTrend().change(), "March is missing, so April has no client count change");
    MonthReport may = months.get(3);
    assertEquals(Optional.of(usd("25")), may.mrrTrend().change());
    assertEquals(Optional.of(new BigDecimal("50.00")), may.mrrTrend().percent());
    assertEquals(Optional.of(-1L), may.serverCountTrend().change());
    assertEquals(Optional.of(new BigDecimal("-25.00")), may.serverCountTrend().percent());
    assertEquals(Optional.of(Direction.DOWN), may.serverCountTrend().direction());
    assertEquals(Optional.of(0L), may.clientCountTrend().change());
    assertEquals(Optional.of(new BigDecimal("0.00")), may.clientCountTrend().percent());
    assertEquals(Optional.of(Direction.FLAT), may.clientCountTrend().direction());

    MonthReport febOnly = ledger().partnerReport(p.id(), MonthRange.of(JAN.plusMonths(1))).months().get(0);
    assertEquals(feb, febOnly, "the first month of a range compares with the month before the range");
    assertEquals(Optional.of(may), ledger().latest(p.id()));
    assertEquals(Optional.empty(), ledger().latest(partner("Newcomer", Tier.SILVER).id()), "a partner without entries has no latest month");
  }

  @Test
  @DisplayName("the program report sums every partner's current entry per month, per currency, without conversion")
  void programReport() {
    Partner a = partner("Alpha", Tier.GOLD);
    Partner b = partner("Bravo", Tier.SILVER);
    Partner c = partner("Charlie", Tier.PLATINUM);
    record(a, JAN, "100.10", 10, 1);
    record(b, JAN, "200.20", 20, 2);
    ledger().record(RevenueRecording.of(c.id(), JAN, Money.of("300", "EUR"), "c-jan").withCounts(30, 3));
    ledger().record(RevenueRecording.of(c.id(), JAN.plusMonths(2), Money.of("5", "EUR"), "c-mar").withCounts(1, 1));
    ledger().correct(RevenueCorrection.of(b.id(), JAN, "b-fix", "refund").withMrr(usd("150")));
    List<ProgramMonth> months = ledger().programReport(new MonthRange(JAN, JAN.plusMonths(2))).months();
    assertEquals(3, months.size(), "every month of the range, recorded or not");
    ProgramMonth jan = months.get(0);
    assertEquals(List.of(Money.of("300", "EUR"), usd("250.10")), jan.mrrTotals(), "per currency, ordered by code");
    assertEquals(Optional.of(usd("250.10")), jan.mrrTotal(Currency.getInstance("USD")));
    assertEquals(60, jan.serverCount());
    assertEquals(6, jan.clientCount());
    assertEquals(3, jan.partnerCount());
    ProgramMonth feb = months.get(1);
    assertEquals(List.of(), feb.mrrTotals());
    assertEquals(0, feb.partnerCount());
    assertEquals(List.of(Money.of("5", "EUR")), months.get(2).mrrTotals());
  }

  @Test
  @DisplayName("the top partners by MRR rank one currency, highest first, ties by name")
  void topByMrr() {
    Partner a = partner("delta", Tier.GOLD);
    Partner b = partner("Bravo", Tier.SILVER);
    Partner c = partner("alpha", Tier.PLATINUM);
    Partner d = partner("Euro Only", Tier.GOLD);
    record(a, JAN, "500", 1, 1);
    record(b, JAN, "700", 1, 1);
    record(c, JAN, "500", 1, 1);
    ledger().record(RevenueRecording.of(d.id(), JAN, Money.of("9999", "EUR"), "d").withCounts(1, 1));
    List<RevenueRow> top = ledger().topByMrr(JAN, Currency.getInstance("USD"), 2);
    assertEquals(List.of("Bravo", "alpha"), top.stream().map(RevenueRow::companyName).toList());
    assertEquals(List.of("Bravo", "alpha", "delta"),
        ledger().topByMrr(JAN, Currency.getInstance("USD"), 10).stream().map(RevenueRow::companyName).toList());
    assertEquals(Tier.SILVER, top.get(0).tier());
    assertEquals(List.of(d.id()),
        ledger().topByMrr(JAN, Currency.getInstance("EUR"), 5).stream().map(RevenueRow::partnerId).toList());
    assertEquals(List.of(), ledger().topByMrr(JAN.plusMonths(1), Currency.getInstance("USD"), 5), "a month without entries has an empty top list");
    assertThrows(ValidationException.class, () -> ledger().topByMrr(JAN, Currency.getInstance("USD"), 0));
  }

  @Test
  @DisplayName("a month-end batch records every month in one transaction, idempotent per key")
  @SuppressWarnings("EnumOrdinal") // picks values in turn for variety; their order does not matter
  void batch() {
    List<Partner> partners = new ArrayList<>();
    List<RevenueRecording> run = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Partner p = partner("Batch " + i, Tier.values()[i % 3]);
      partners.add(p);
      registry().addClient(p.id(), new NewClient("c", i));
      run.add(RevenueRecording.of(p.id(), JAN, usd(i + ".50"), "batch/" + i));
    }
    BatchResult first = ledger().recordAll(run);
    assertEquals(30, first.createdCount());
    for (int i = 0; i < 30; i++) {
      RevenueEntry e = first.outcomes().get(i).entry();
      assertEquals(partners.get(i).id(), e.partnerId());
      assertEquals(i, e.serverCount(), "counts left out come from the registry");
      assertEquals(1, e.clientCount());
      assertEquals(Optional.of(e), ledger().current(partners.get(i).id(), JAN));
    }
    BatchResult again = ledger().recordAll(run);
    assertEquals(0, again.createdCount());
    assertEquals(30, again.replayedCount());
    assertEquals(first.entries(), again.entries());
    List<RevenueRecording> mixed = new ArrayList<>(run.subList(0, 10));
    mixed.add(RevenueRecording.of(partners.get(0).id(), JAN.plusMonths(1), usd("1"), "batch/next/0"));
    mixed.add(mixed.get(0));
    BatchResult third = ledger().recordAll(mixed);
    assertEquals(1, third.createdCount());
    assertTrue(third.outcomes().get(10).created(), "the batch's one new key creates its entry: " + third.outcomes().get(10));
    assertFalse(third.outcomes().get(11).created(), "a key repeated inside a batch creates once");
    assertEquals(first.entries().get(0), third.outcomes().get(11).entry());
    assertEquals(31, ledger().programReport(new MonthRange(JAN, JAN.plusMonths(1))).months().stream()
        .mapToLong(ProgramMonth::partnerCount).sum());
  }

  @Test
  @DisplayName("a batch is all or nothing: an invalid, unknown or conflicting recording stores none of it")
  void batchAllOrNothing() {
    Partner a = partner("All", Tier.GOLD);
    Partner b = partner("Nothing", Tier.GOLD);
    record(b, JAN, "10", 1, 1);
    RevenueRecording ok = RevenueRecording.of(a.id(), JAN, usd("1"), "ok").withCounts(1, 1);
    ValidationException invalid = assertThrows(ValidationException.class, () -> ledger().recordAll(List.of(
        ok, new RevenueRecording(a.id(), JAN.plusMonths(1), usd("-1"), Optional.of(-2L), Optional.of(1L), " "))));
    assertEquals(List.of("recordings[1].idempotencyKey", "recordings[1].mrr", "recordings[1].serverCount"),
        invalid.fields());
    ValidationException inBatch = assertThrows(ValidationException.class, () -> ledger().recordAll(List.of(
        ok, RevenueRecording.of(a.id(), JAN, usd("2"), "ok").withCounts(1, 1),
        RevenueRecording.of(a.id(), JAN, usd("1"), "ok-2").withCounts(1, 1))));
    assertEquals(List.of("recordings[1].idempotencyKey", "recordings[2].month"), inBatch.fields());
    PartnerId ghost = new PartnerId(IdGenerator.random().next());
    NotFoundException unknown = assertThrows(NotFoundException.class, () -> ledger().recordAll(List.of(
        ok, RevenueRecording.of(ghost, JAN, usd("1"), "ghost").withCounts(1, 1))));
    assertEquals(ghost.toString(), unknown.id());
    ConflictException recorded = assertThrows(ConflictException.class, () -> ledger().recordAll(List.of(
        ok, RevenueRecording.of(b.id(), JAN, usd("11"), "b again").withCounts(1, 1))));
    assertEquals(ConflictException.Reason.DUPLICATE, recorded.reason());
    assertTrue(String.valueOf(recorded.getMessage()).contains("recordings[1]"), recorded.getMessage());
    ConflictException reused = assertThrows(ConflictException.class, () -> ledger().recordAll(List.of(
        ok, RevenueRecording.of(b.id(), JAN, usd("11"), key(b, JAN)).withCounts(1, 1))));
    assertEquals(ConflictException.Reason.DUPLICATE, reused.reason());
    assertTrue(ledger().findByKey("ok").isEmpty(), "nothing of a refused batch is stored");
    assertEquals(Optional.empty(), ledger().current(a.id(), JAN), "nothing of a refused batch is stored");
    assertEquals(1, ledger().history(b.id(), JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
  }

  @Test
  @DisplayName("the CSV export has a header, CRLF, current entries only, filters, and month-then-name order")
  void export() throws Exception {
    Partner z = partner("Zulu Hosting", Tier.GOLD);
    Partner a = partner("=Alpha, \"the\" Cloud", Tier.SILVER);
    record(z, JAN, "1234.5", 12, 3);
    record(a, JAN, "10", 1, 1);
    ledger().record(RevenueRecording.of(a.id(), JAN.plusMonths(1), Money.of("700", "JPY"), "a-feb").withCounts(2, 1));
    RevenueEntry fix = ledger().correct(RevenueCorrection.of(z.id(), JAN, "z-fix", "typo").withMrr(usd("1234.05")));
    StringWriter out = new StringWriter();
    long rows = ledger().exportCsv(RevenueFilter.all(), out);
    assertEquals(3, rows);
    RevenueEntry aJan = ledger().current(a.id(), JAN).orElseThrow();
    RevenueEntry aFeb = ledger().current(a.id(), JAN.plusMonths(1)).orElseThrow();
    String expected = "month,partner_id,company_name,tier,mrr,currency,server_count,client_count,revision,entry_id\r\n"
        + "2025-01," + a.id() + ",\"'=Alpha, \"\"the\"\" Cloud\",SILVER,10.00,USD,1,1,1," + aJan.id() + "\r\n"
        + "2025-01," + z.id() + ",Zulu Hosting,GOLD,1234.05,USD,12,3,2," + fix.id() + "\r\n"
        + "2025-02," + a.id() + ",\"'=Alpha, \"\"the\"\" Cloud\",SILVER,700,JPY,2,1,1," + aFeb.id() + "\r\n";
    assertEquals(expected, out.toString());

    assertEquals(1, ledger().exportCsv(RevenueFilter.all().withTiers(Tier.GOLD), new StringWriter()));
    assertEquals(2, ledger().exportCsv(RevenueFilter.all().withPartner(a.id()), new StringWriter()));
    assertEquals(2, ledger().exportCsv(RevenueFilter.all().withMonths(MonthRange.of(JAN)), new StringWriter()));
    StringWriter febGold = new StringWriter();
    assertEquals(0, ledger().exportCsv(RevenueFilter.all().withMonths(MonthRange.of(JAN.plusMonths(1))).withTiers(Tier.GOLD),
        febGold));
    assertEquals(expected.substring(0, expected.indexOf("\r\n") + 2), febGold.toString(), "the header even with no rows");
  }

  @Test
  @DisplayName("names in any script, with quotes, commas and formula starts, export exactly (one apostrophe aside)")
  void exportTrickyNames() throws Exception {
    List<Partner> partners = new ArrayList<>();
    for (String name : PartnerGenerators.TRICKY_NAMES) {
      Partner p = partner(name, Tier.GOLD);
      partners.add(p);
      record(p, JAN, "1", 1, 1);
    }
    StringWriter out = new StringWriter();
    ledger().exportCsv(RevenueFilter.all(), out);
    Set<String> names = new HashSet<>();
    try (CSVParser parser = CSVParser.parse(out.toString(), CSVFormat.RFC4180.builder().setHeader()
        .setSkipHeaderRecord(true).get())) {
      for (CSVRecord r : parser) {
        names.add(r.get("company_name"));
      }
    }
    Set<String> expected = new HashSet<>();
    for (Partner p : partners) {
      String stored = registry().get(p.id()).companyName();
      assertEquals(Names.clean(p.companyName()), stored);
      expected.add("=+-@\t\r".indexOf(stored.charAt(0)) >= 0 ? "'" + stored : stored);
    }
    assertEquals(expected, names);
  }

  @Test
  @DisplayName("REV-6: a correction keeps the currency of the entry it corrects: another currency is a "
      + "ValidationException naming mrr.currency, and nothing is stored")
  void correctionKeepsTheCurrency() {
    Partner p = partner("Euro Hosting", Tier.GOLD);
    Money eur = Money.of("1000.00", "EUR");
    RevenueEntry jan = ledger().record(RevenueRecording.of(p.id(), JAN, eur, "eur/jan").withCounts(10, 2));
    ledger().record(RevenueRecording.of(p.id(), JAN.plusMonths(1), Money.of("1100.00", "EUR"), "eur/feb")
        .withCounts(10, 2));
    long events = context().program().events().lastSequence();
    ProgramMonth totalsBefore = ledger().programReport(MonthRange.of(JAN)).months().get(0);

    ValidationException usd = assertThrows(ValidationException.class, () -> ledger().correct(
        RevenueCorrection.of(p.id(), JAN, "fix/usd", "billed in dollars").withMrr(usd("1000.00"))));
    assertEquals(List.of("mrr.currency"), usd.fields(), usd.getMessage());
    ValidationException withCounts = assertThrows(ValidationException.class, () -> ledger().correct(
        RevenueCorrection.of(p.id(), JAN, "fix/jpy", "wrong currency and servers")
            .withMrr(Money.of("150000", "JPY")).withServerCount(11).withExpectedRevision(1)));
    assertEquals(List.of("mrr.currency"), withCounts.fields(), "also with another figure changed");

    assertEquals(List.of(jan), ledger().history(p.id(), JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items(), "nothing stored");
    assertTrue(ledger().findByKey("fix/usd").isEmpty(), "the key is not taken");
    assertEquals(Optional.empty(), ledger().findByKey("fix/jpy"), "the refused correction's key is not taken");
    assertEquals(events, context().program().events().lastSequence(), "no event");
    assertEquals(totalsBefore, ledger().programReport(MonthRange.of(JAN)).months().get(0));
    assertEquals(List.of(eur), totalsBefore.mrrTotals());

    // the month in its own currency is still correctable, with the same key
    RevenueEntry fix = ledger().correct(RevenueCorrection.of(p.id(), JAN, "fix/usd", "billed in dollars")
        .withMrr(Money.of("990.00", "EUR")));
    assertEquals(Money.of("990.00", "EUR"), fix.mrr());
    MonthReport feb = ledger().partnerReport(p.id(), new MonthRange(JAN, JAN.plusMonths(1))).months().get(1);
    assertEquals(Optional.of(Money.of("110.00", "EUR")), feb.mrrTrend().change(), "the trend still compares");
  }

  @Test
  @DisplayName("invalid input is refused with every violation listed, and nothing is stored")
  void validation() {
    Partner p = partner("Validated", Tier.GOLD);
    ValidationException e = assertThrows(ValidationException.class, () -> ledger().record(
        new RevenueRecording(null, YearMonth.of(2026, 2), usd("-0.01"), Optional.of(-1L), Optional.of(-1L), "")));
    assertEquals(List.of("clientCount", "idempotencyKey", "month", "mrr", "partnerId", "serverCount"), e.fields());
    ValidationException future = assertThrows(ValidationException.class, () -> ledger().record(
        RevenueRecording.of(p.id(), YearMonth.of(2026, 2), usd("1"), "k")));
    assertEquals(List.of("month"), future.fields());
    assertEquals(RevenueEntry.class, ledger().record(
        RevenueRecording.of(p.id(), YearMonth.of(2026, 1), usd("1"), "this month is fine")).getClass());
    ValidationException c = assertThrows(ValidationException.class, () -> ledger().correct(
        new RevenueCorrection(p.id(), null, Optional.of(usd("-1")), Optional.empty(), Optional.of(-3L), "", "bad\u0007key",
            Optional.of(0))));
    assertEquals(List.of("clientCount", "expectedRevision", "idempotencyKey", "month", "mrr", "reason"), c.fields());
    assertEquals(List.of("idempotencyKey"), assertThrows(ValidationException.class, () -> ledger().record(
        RevenueRecording.of(p.id(), JAN, usd("1"), " padded "))).fields());
    assertThrows(ValidationException.class, () -> ledger().programReport(new MonthRange(YearMonth.of(1900, 1), JAN)));
    assertEquals(Optional.empty(), ledger().findByKey("k"), "invalid input takes no key");
    assertEquals(Optional.empty(), ledger().current(p.id(), JAN), "invalid input stores no entry");
  }

  @Test
  @DisplayName("an unknown partner is a NotFoundException everywhere")
  void unknownPartner() {
    PartnerId ghost = new PartnerId(IdGenerator.random().next());
    assertThrows(NotFoundException.class,
        () -> ledger().record(RevenueRecording.of(ghost, JAN, usd("1"), "ghost").withCounts(1, 1)));
    assertThrows(NotFoundException.class,
        () -> ledger().correct(RevenueCorrection.of(ghost, JAN, "ghost-fix", "x").withMrr(usd("1"))));
    assertThrows(NotFoundException.class, () -> ledger().history(ghost, JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items());
    assertThrows(NotFoundException.class, () -> ledger().current(ghost, JAN));
    assertThrows(NotFoundException.class, () -> ledger().partnerReport(ghost, MonthRange.of(JAN)));
    assertThrows(NotFoundException.class, () -> ledger().latest(ghost));
    assertEquals(Optional.empty(), ledger().findByKey("ghost"), "a recording for an unknown partner takes no key");
  }

  @Test
  @DisplayName("the store itself keeps keys unique and a month's revisions one chain, and rolls appends back")
  void storeGuarantees() {
    Partner p = partner("Store Level", Tier.GOLD);
    RevenueEntry first = record(p, JAN, "1", 1, 1);
    RevenueEntry sameKey = new RevenueEntry(new RevenueEntryId(IdGenerator.random().next()), p.id(), JAN.plusMonths(1), 1,
        EntryKind.RECORDED, usd("2"), 2, 2, first.idempotencyKey(), Optional.empty(), StoreTck.START, Optional.empty());
    List<RevenueEntry> taken = context().store().write(tx -> tx.revenue().appendAbsent(List.of(sameKey)));
    assertEquals(List.of(first), taken, "a taken key returns the stored entry and appends nothing");
    assertEquals(Optional.empty(), ledger().current(p.id(), JAN.plusMonths(1)), "appendAbsent appends nothing for a taken key");

    RevenueEntry secondRecorded = new RevenueEntry(new RevenueEntryId(IdGenerator.random().next()), p.id(), JAN, 1,
        EntryKind.RECORDED, usd("3"), 3, 3, "second revision one", Optional.empty(), StoreTck.START, Optional.empty());
    ConflictException dup = assertThrows(ConflictException.class,
        () -> context().store().write(tx -> tx.revenue().appendAbsent(List.of(secondRecorded))));
    assertEquals(ConflictException.Reason.DUPLICATE, dup.reason());

    RevenueEntry fresh = new RevenueEntry(new RevenueEntryId(IdGenerator.random().next()), p.id(), JAN.plusMonths(2), 1,
        EntryKind.RECORDED, usd("4"), 4, 4, "rolled back", Optional.empty(), StoreTck.START, Optional.empty());
    IllegalStateException boom = new IllegalStateException("boom");
    assertEquals(boom, assertThrows(IllegalStateException.class, () -> context().store().write(tx -> {
      assertEquals(List.of(), tx.revenue().appendAbsent(List.of(fresh)));
      assertEquals(Optional.of(fresh), tx.revenue().findByKey("rolled back"), "visible inside its transaction");
      throw boom;
    })));
    assertEquals(Optional.empty(), ledger().findByKey("rolled back"), "an entry appended by a rolled-back write is gone");
    assertEquals(Optional.empty(), ledger().current(p.id(), JAN.plusMonths(2)), "an entry appended by a rolled-back write is gone");
    assertEquals(List.of(first), ledger().history(p.id(), JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items());
    assertEquals(Optional.of(JAN), context().store().read(tx -> tx.revenue().lastMonth(p.id())));
  }

  @Test
  @DisplayName("the store streams current entries in month, name order and applies every filter")
  void storeScan() {
    Partner b = partner("b second", Tier.GOLD);
    Partner a = partner("A first", Tier.SILVER);
    record(b, JAN, "1", 1, 1);
    record(a, JAN, "2", 2, 2);
    record(b, JAN.plusMonths(1), "3", 3, 3);
    RevenueEntry fix = ledger().correct(RevenueCorrection.of(a.id(), JAN, "fix a", "x").withMrr(usd("5")));
    List<String> seen = new ArrayList<>();
    context().store().read(tx -> {
      tx.revenue().scan(RevenueFilter.all(), r -> seen.add(r.entry().month() + " " + r.companyName() + " "
          + r.tier() + " " + r.entry().revision()));
      return true; // no result: a StoreWork must return non-null
    });
    assertEquals(List.of("2025-01 A first SILVER 2", "2025-01 b second GOLD 1", "2025-02 b second GOLD 1"), seen);
    List<RevenueEntry> gold = new ArrayList<>();
    context().store().read(tx -> {
      tx.revenue().scan(RevenueFilter.all().withTiers(Tier.SILVER).withMonths(MonthRange.of(JAN)), r -> gold.add(r.entry()));
      return true; // no result: a StoreWork must return non-null
    });
    assertEquals(List.of(fix), gold);
    assertEquals(2, context().store().read(tx -> tx.revenue().current(b.id(), JAN, JAN.plusMonths(5))).size());
  }

  @Test
  @DisplayName("of many concurrent recordings (or corrections) of one key, exactly one entry is stored and every caller gets it")
  void concurrentSameKey() throws Exception {
    Partner p = partner("Race Revenue", Tier.GOLD);
    int threads = 8;
    for (int round = 0; round < 5; round++) {
      YearMonth month = JAN.plusMonths(round);
      String key = "race-key-" + round;
      List<RevenueEntry> results = Collections.synchronizedList(new ArrayList<>());
      runConcurrently(threads, i -> results.add(ledger().record(
          RevenueRecording.of(p.id(), month, usd("42"), key).withCounts(4, 2))));
      assertEquals(threads, results.size());
      assertEquals(1, new HashSet<>(results).size(), "every caller gets the one entry");
      assertEquals(List.of(results.get(0)), ledger().history(p.id(), month, PageRequest.first(PageRequest.MAX_LIMIT)).items());
      List<RevenueEntry> fixes = Collections.synchronizedList(new ArrayList<>());
      runConcurrently(threads, i -> fixes.add(ledger().correct(
          RevenueCorrection.of(p.id(), month, key + "-fix", "race").withMrr(usd("43")))));
      assertEquals(1, new HashSet<>(fixes).size(), "one correction for one key");
      assertEquals(2, ledger().history(p.id(), month, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
    }
  }

  @Test
  @DisplayName("concurrent batches with overlapping keys store each key once, and the month under one key only")
  void concurrentBatches() throws Exception {
    List<RevenueRecording> run = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Partner p = partner("Concurrent " + i, Tier.GOLD);
      run.add(RevenueRecording.of(p.id(), JAN, usd("1" + i), "overlap/" + i).withCounts(i, 1));
    }
    Partner contested = partner("Contested", Tier.GOLD);
    int threads = 4;
    AtomicLong created = new AtomicLong();
    AtomicInteger monthWins = new AtomicInteger();
    AtomicInteger monthConflicts = new AtomicInteger();
    runConcurrently(threads, t -> {
      List<RevenueRecording> mine = new ArrayList<>(run);
      Collections.shuffle(mine, new Random(t));
      created.addAndGet(ledger().recordAll(mine).createdCount());
      try {
        ledger().record(RevenueRecording.of(contested.id(), JAN, usd("7"), "contested/" + t).withCounts(1, 1));
        monthWins.incrementAndGet();
      } catch (ConflictException e) {
        assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
        monthConflicts.incrementAndGet();
      }
    });
    assertEquals(run.size(), created.get(), "each key created exactly once across all batches");
    for (RevenueRecording r : run) {
      assertEquals(1, ledger().history(requireNonNull(r.partnerId()), JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
    }
    assertEquals(1, monthWins.get());
    assertEquals(threads - 1, monthConflicts.get());
    assertEquals(1, ledger().history(contested.id(), JAN, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
    assertNotEquals(Optional.empty(), ledger().current(contested.id(), JAN));
  }

  private static void runConcurrently(int threads, Concurrently.Worker body) throws Exception {
    Concurrently.run(threads, body);
  }
}
