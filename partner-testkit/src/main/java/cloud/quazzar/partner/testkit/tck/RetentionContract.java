package cloud.quazzar.partner.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.events.DomainEvent;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.events.EventRetention;
import cloud.quazzar.partner.events.PartnerDeactivated;
import cloud.quazzar.partner.events.PartnerReactivated;
import cloud.quazzar.partner.events.PruneResult;
import cloud.quazzar.partner.events.PruneResult.Holdback;
import cloud.quazzar.partner.events.PruneResult.SlowestListener;
import cloud.quazzar.partner.events.StartPosition;
import cloud.quazzar.partner.privacy.ErasureRequest;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.spi.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storage contract for event-log retention (rules EVT-9 to EVT-12), mounted in {@link StoreTck}
 * as {@code @Nested class Retention}: pruning deletes only events every stored listener cursor has
 * passed (a listener of another program, one not subscribed anywhere) and the policy allows (by age,
 * by count), numbering goes on after pruning, reads start at the first kept event, a removed
 * listener no longer holds the log back, and a second run deletes nothing new.
 *
 * <p>The programs deliver synchronously ({@code eventExecutor(Runnable::run)}) with a retry delay
 * of a day, so only the test's own calls deliver.
 */
@ExtendWith(PromiseMessages.class)
public abstract class RetentionContract {
  private final List<PartnerProgram> opened = new ArrayList<>();

  /**
   * The store, clock and program of the running test, from {@link StoreTck#context()}.
   *
   * @return the running test's context
   */
  protected abstract TckContext context();

  /**
   * How many examples the property test tries.
   *
   * @return the number of examples, 1 or more
   */
  protected int examples() {
    return 20;
  }

  @AfterEach
  void closePrograms() {
    opened.forEach(PartnerProgram::close);
  }

  /** A program on {@code on} delivering synchronously. */
  private PartnerProgram program(Store on, EventRetention retention) {
    PartnerProgram p = PartnerProgram.builder().clock(context().clock()).store(on).eventRetention(retention)
        .eventExecutor(Runnable::run).eventRetryDelay(Duration.ofDays(1)).build();
    opened.add(p);
    return p;
  }

  private PartnerProgram program() {
    return program(context().store(), EventRetention.keepAll());
  }

  private Store store() {
    return context().store();
  }

  private static Partner partner(PartnerProgram program, String name) {
    return program.registry().add(new NewPartner(name, name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT)
        + "@retention.example", Tier.SILVER));
  }

  private static void partners(PartnerProgram program, String prefix, int n) {
    for (int i = 0; i < n; i++) {
      partner(program, prefix + " " + i);
    }
  }

  private static List<Long> sequences(PartnerProgram program) {
    return program.events().after(0, 10_000).stream().map(EventRecord::sequence).toList();
  }

  private static List<Long> range(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      out.add(s);
    }
    return out;
  }

  @Test
  @DisplayName("EVT-9: pruning deletes only what every stored cursor passed: another node's listener, a name subscribed nowhere")
  void everyCursorHoldsTheLogBack() {
    PartnerProgram nodeA = program();
    PartnerProgram nodeB = program(context().otherNode(), EventRetention.keepAll());
    nodeA.events().subscribe("fast", r -> { });
    AtomicBoolean slowFails = new AtomicBoolean(true);
    nodeB.events().subscribe("slow", r -> {
      if (r.sequence() >= 3 && slowFails.get()) {
        throw new IllegalStateException("downstream unavailable");
      }
    });
    nodeA.events().subscribe("idle", r -> { });
    partners(nodeA, "Early", 4);
    assertEquals(4, nodeA.events().cursor("idle"));
    assertTrue(nodeA.events().unsubscribe("idle"), "idle: its cursor stays in the store, subscribed nowhere");
    partners(nodeA, "Late", 6);
    nodeB.events().deliverPending();
    assertEquals(2, nodeB.events().cursor("slow"), "slow stopped before event 3, on the other node");

    PruneResult first = nodeA.events().prune(EventRetention.keepLast(0));
    assertEquals(new PruneResult(2, 2, 10, Holdback.LISTENER, Optional.of(new SlowestListener("slow", 2))), first,
        "only events 1 and 2, which every cursor passed");
    assertEquals(range(3, 10), sequences(nodeA));
    assertEquals(range(3, 10), sequences(nodeB), "the other node reads the same log");

    slowFails.set(false);
    nodeB.events().deliverPending();
    assertEquals(10, nodeB.events().cursor("slow"));
    PruneResult second = nodeA.events().prune(EventRetention.keepLast(0));
    assertEquals(new PruneResult(2, 4, 10, Holdback.LISTENER, Optional.of(new SlowestListener("idle", 4))), second,
        "now the unsubscribed name holds the log back");
    assertEquals(range(5, 10), sequences(nodeA));
  }

  @Test
  @DisplayName("EVT-11: a removed listener no longer holds the log back; subscribed again it is new, starting at the first kept event")
  void removedListenerNoLongerHoldsBack() {
    PartnerProgram program = program();
    List<Long> got = new CopyOnWriteArrayList<>();
    program.events().subscribe("reports", r -> got.add(r.sequence()));
    partners(program, "One", 3);
    program.events().unsubscribe("reports");
    program.events().subscribe("audit", r -> { });
    partners(program, "Two", 3);
    assertEquals(3, program.events().cursor("reports"));
    assertEquals(3, program.events().prune(EventRetention.keepLast(0)).upToSequence(), "held by reports");

    assertTrue(program.events().remove("reports"), "a cursor was stored");
    assertFalse(program.events().remove("reports"), "removed already");
    assertThrows(cloud.quazzar.partner.NotFoundException.class, () -> program.events().cursor("reports"));
    PruneResult r = program.events().prune(EventRetention.keepLast(1));
    assertEquals(new PruneResult(2, 5, 6, Holdback.KEEP_LAST, Optional.of(new SlowestListener("audit", 6))), r);
    assertEquals(List.of(6L), sequences(program));

    List<Long> again = new CopyOnWriteArrayList<>();
    program.events().subscribe("reports", r2 -> again.add(r2.sequence()));
    assertEquals(List.of(6L), again, "a new listener: EARLIEST is the first event kept");
    assertEquals(6, program.events().cursor("reports"));
    assertTrue(program.events().remove("audit"), "remove(audit) returns true: a cursor was stored");
    assertEquals(List.of("reports"), program.events().listeners().stream().map(s -> s.name()).toList(),
        "remove also unsubscribes in this program");
    partner(program, "Three");
    assertEquals(List.of(6L, 7L), again);
  }

  @Test
  @DisplayName("EVT-10: numbering goes on after pruning; after(0, n), ofPartner and listeners read from the first kept event")
  void numberingGoesOn() {
    PartnerProgram program = program();
    Partner acme = partner(program, "Acme Cloud");
    Partner beta = partner(program, "Beta Systems");
    Partner gold = program.registry().changeTier(acme.id(), acme.version(), new TierChangeRequest(Tier.GOLD, "ops", "grew"));
    program.registry().changeTier(beta.id(), beta.version(), new TierChangeRequest(Tier.GOLD, "ops", "grew"));
    program.registry().changeTier(gold.id(), gold.version(), new TierChangeRequest(Tier.PLATINUM, "ops", "grew"));
    assertEquals(5, program.events().lastSequence());

    PruneResult r = program.events().prune(EventRetention.keepLast(2));
    assertEquals(new PruneResult(3, 3, 5, Holdback.KEEP_LAST, Optional.empty()), r, "no cursor stored: none holds back");
    assertEquals(5, program.events().lastSequence(), "the last sequence stays");
    assertEquals(5L, (long) store().read(tx -> tx.events().lastSequence()));
    assertEquals(List.of(4L, 5L), sequences(program));
    assertEquals(List.of(5L), program.events().ofPartner(acme.id(), 0, 100).stream().map(EventRecord::sequence).toList());
    assertEquals(List.of(4L), program.events().ofPartner(beta.id(), 0, 100).stream().map(EventRecord::sequence).toList());
    assertEquals(List.of(4L), program.events().after(1, 1).stream().map(EventRecord::sequence).toList(),
        "after a pruned sequence: the first kept");
    assertEquals(List.of(5L), program.events().after(4, 1).stream().map(EventRecord::sequence).toList());

    partner(program, "Gamma Hosting");
    assertEquals(List.of(4L, 5L, 6L), sequences(program), "the next event continues the numbering");
    List<Long> earliest = new CopyOnWriteArrayList<>();
    List<Long> latest = new CopyOnWriteArrayList<>();
    program.events().subscribe("earliest", rec -> earliest.add(rec.sequence()));
    program.events().subscribe("latest", StartPosition.LATEST, rec -> latest.add(rec.sequence()));
    assertEquals(List.of(4L, 5L, 6L), earliest);
    assertEquals(0, program.events().listeners().get(0).lag(), "caught up; its lag counted only kept events");
    assertEquals(List.of(), latest);
  }

  @Test
  @DisplayName("EVT-9: by age: events older than maxAge by the program's clock go, from the start of the log, an event exactly at the limit stays")
  void byAge() {
    PartnerProgram program = program();
    Instant t0 = context().clock().instant();
    partner(program, "Hour 0");
    context().clock().advance(Duration.ofHours(1));
    partner(program, "Hour 1");
    context().clock().advance(Duration.ofHours(1));
    partner(program, "Hour 2");
    context().clock().advance(Duration.ofHours(1));
    partner(program, "Hour 3");
    context().clock().advance(Duration.ofMinutes(30)); // now t0 + 3h30
    assertEquals(t0.plus(Duration.ofMinutes(210)), context().clock().instant());

    assertEquals(new PruneResult(1, 1, 4, Holdback.MAX_AGE, Optional.empty()),
        program.events().prune(EventRetention.maxAge(Duration.ofMinutes(150))), "hour 1 is exactly 2h30 old: kept");
    assertEquals(new PruneResult(1, 2, 4, Holdback.MAX_AGE, Optional.empty()),
        program.events().prune(EventRetention.maxAge(Duration.ofMinutes(149))), "hours 0 and 1 are older than 2h29");
    assertEquals(List.of(3L, 4L), sequences(program));
    assertEquals(new PruneResult(0, 2, 4, Holdback.MAX_AGE, Optional.empty()),
        program.events().prune(EventRetention.maxAge(Duration.ofMinutes(90))), "hour 2 is exactly 1h30 old: kept");
    assertEquals(new PruneResult(1, 3, 4, Holdback.MAX_AGE, Optional.empty()),
        program.events().prune(EventRetention.maxAge(Duration.ofMinutes(89))));
    assertEquals(new PruneResult(0, 3, 4, Holdback.KEEP_LAST, Optional.empty()),
        program.events().prune(EventRetention.maxAge(Duration.ofMinutes(1)).withKeepLast(1)),
        "both: old enough, but the last one always stays");
    assertEquals(List.of(4L), sequences(program));
  }

  @Test
  @DisplayName("EVT-12: the program's policy: keep everything by default; a set policy is used by prune(); a second run deletes nothing")
  void programPolicyAndIdempotence() {
    PartnerProgram keepAll = program();
    partners(keepAll, "Kept", 5);
    assertEquals(EventRetention.keepAll(), keepAll.events().retention());
    assertEquals(new PruneResult(0, 0, 5, Holdback.POLICY_KEEPS_ALL, Optional.empty()), keepAll.events().prune());
    assertEquals(range(1, 5), sequences(keepAll));

    PartnerProgram keepTwo = program(store(), EventRetention.keepLast(2));
    assertEquals(EventRetention.keepLast(2), keepTwo.events().retention());
    assertEquals(new PruneResult(3, 3, 5, Holdback.KEEP_LAST, Optional.empty()), keepTwo.events().prune());
    assertEquals(new PruneResult(0, 3, 5, Holdback.KEEP_LAST, Optional.empty()), keepTwo.events().prune(),
        "again: nothing new to prune");
    assertEquals(range(4, 5), sequences(keepAll));
  }

  @Test
  @DisplayName("EVT-9: pruning keeps the ledger and erasure working: revenue events may go, entries stay; a partner whose events were pruned is erased")
  void ledgerAndErasureAfterPruning() {
    PartnerProgram program = program();
    Partner acme = partner(program, "Acme Cloud");
    YearMonth month = YearMonth.of(2025, 12);
    program.revenue().record(RevenueRecording.of(acme.id(), month, Money.of("100.00", "EUR"), "r-1"));
    program.registry().changeTier(acme.id(), acme.version(), new TierChangeRequest(Tier.GOLD, "ops", "grew with Acme"));
    assertEquals(3, program.events().lastSequence());
    assertEquals(2, program.events().prune(EventRetention.keepLast(1)).pruned(), "the partner's creation and revenue event");
    assertEquals(Money.of("100.00", "EUR"), program.revenue().current(acme.id(), month).orElseThrow().mrr(),
        "the ledger entry stays");
    program.personalData().erase(acme.id(), new ErasureRequest("dpo", "Art. 17 request"));
    assertEquals(1, program.personalData().erasures(acme.id()).size());
    List<EventRecord> left = program.events().ofPartner(acme.id(), 0, 100);
    assertEquals(3, left.get(0).sequence());
    assertFalse(left.get(0).toString().contains("grew with Acme"), "the kept event was erased: " + left.get(0));
  }

  @Test
  @DisplayName("EVT-9: bad input is typed: a null policy, out-of-range ages, counts and intervals, a bad listener name; prune inside a transaction")
  @SuppressWarnings("NullAway") // passes null policies and names on purpose: ValidationException expected
  void badInput() {
    PartnerProgram program = program();
    assertThrows(ValidationException.class, () -> program.events().prune(null));
    assertThrows(ValidationException.class, () -> EventRetention.maxAge(null));
    assertThrows(ValidationException.class, () -> EventRetention.maxAge(Duration.ZERO));
    assertThrows(ValidationException.class, () -> EventRetention.maxAge(Duration.ofSeconds(-1)));
    assertThrows(ValidationException.class, () -> EventRetention.maxAge(Duration.ofDays(40_000)));
    assertThrows(ValidationException.class, () -> EventRetention.keepLast(-1));
    assertThrows(ValidationException.class, () -> EventRetention.keepAll().pruneEvery(Duration.ofMinutes(5)));
    ValidationException both = assertThrows(ValidationException.class,
        () -> EventRetention.keepAll().pruneEvery(Duration.ZERO));
    assertEquals(2, both.violations().size(), "every violation listed: " + both.violations());
    assertThrows(ValidationException.class, () -> EventRetention.keepLast(1).pruneEvery(Duration.ofMillis(999)));
    assertThrows(ValidationException.class, () -> program.events().remove(null));
    assertThrows(ValidationException.class, () -> program.events().remove(" "));
    assertThrows(ValidationException.class, () -> program.events().remove("bad\u0000name"));
    assertThrows(ValidationException.class, () -> PartnerProgram.builder().eventRetention(null));
    partners(program, "Kept", 2);
    assertThrows(IllegalStateException.class,
        () -> program.store().write(tx -> program.events().prune(EventRetention.keepLast(0))));
    assertEquals(range(1, 2), sequences(program), "nothing pruned by the refused calls");
  }

  @Test
  @DisplayName("EVT-9: SPI: cursors() lists every stored cursor, prune(upTo, limit) deletes the lowest events in bounded batches and rolls back, removeCursor, firstAtOrAfter")
  void spi() {
    PartnerProgram program = program();
    PartnerId p = partner(program, "Alpha").id();
    Instant at = context().clock().instant();
    List<DomainEvent> more = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      more.add(i % 2 == 0 ? new PartnerDeactivated(p, 2 + i, at.plusSeconds(i + 1)) : new PartnerReactivated(p, 2 + i,
          at.plusSeconds(i + 1)));
    }
    assertEquals(10L, (long) store().write(tx -> tx.events().append(more)));
    Instant now = context().clock().instant();
    store().write(tx -> tx.events().claim("b", "owner", now, now, 7));
    store().write(tx -> tx.events().claim("a", "owner", now, now, 3));
    assertEquals(Map.of("a", 3L, "b", 7L), store().read(tx -> tx.events().cursors()));

    assertEquals(OptionalLong.of(4), store().read(tx -> tx.events().firstAtOrAfter(at.plusSeconds(3), 10)));
    assertEquals(OptionalLong.empty(), store().read(tx -> tx.events().firstAtOrAfter(at.plusSeconds(3), 3)));
    assertEquals(OptionalLong.of(1), store().read(tx -> tx.events().firstAtOrAfter(at, 10)));

    assertEquals(2L, (long) store().write(tx -> tx.events().prune(8, 2)), "at most the limit");
    assertEquals(List.of(3L, 4L), store().read(tx -> tx.events().after(0, 2)).stream().map(EventRecord::sequence).toList());
    assertThrows(IllegalStateException.class, () -> store().write(tx -> {
      tx.events().prune(8, 100);
      throw new IllegalStateException("rolled back");
    }));
    assertEquals(range(3, 10), sequences(program), "a rolled-back prune deleted nothing");
    assertEquals(6L, (long) store().write(tx -> tx.events().prune(8, 100)), "up to the bound");
    assertEquals(0L, (long) store().write(tx -> tx.events().prune(8, 100)));
    assertEquals(0L, (long) store().write(tx -> tx.events().prune(2, 100)), "below the first kept event: nothing");
    assertEquals(List.of(9L, 10L), store().read(tx -> tx.events().ofPartner(p, 0, 10)).stream()
        .map(EventRecord::sequence).toList());
    assertFalse((boolean) store().write(tx -> tx.events().replace(5, new PartnerDeactivated(p, 6, at))), "pruned");
    assertEquals(10L, (long) store().read(tx -> tx.events().lastSequence()));
    assertEquals(11L, (long) store().write(tx -> tx.events().append(List.of(new PartnerDeactivated(p, 20, at)))));

    assertTrue((boolean) store().write(tx -> tx.events().removeCursor("a")), "removeCursor(a) returns true: it existed");
    assertFalse((boolean) store().write(tx -> tx.events().removeCursor("a")), "removeCursor(a) again returns false");
    assertEquals(Map.of("b", 7L), store().read(tx -> tx.events().cursors()));
    assertEquals(OptionalLong.empty(), store().read(tx -> tx.events().cursor("a")));
  }

  @Test
  @DisplayName("EVT-9 property: for random cursors and counts kept, a run prunes exactly up to the lowest of the cursors and the count, never above a cursor")
  void neverAboveTheSlowestCursor() {
    PartnerProgram program = program();
    PartnerId p = partner(program, "Property").id();
    Instant at = context().clock().instant();
    long[] pruned = {0};
    int[] round = {0};
    qt().withExamples(examples()).forAll(
        integers().between(0, 12),
        lists().of(integers().between(0, 12)).ofSizeBetween(0, 3),
        integers().between(0, 8)).checkAssert((appended, advances, keep) -> {
          int r = round[0]++;
          if (appended > 0) {
            List<DomainEvent> batch = new ArrayList<>();
            for (int i = 0; i < appended; i++) {
              batch.add(new PartnerReactivated(p, 2 + i, at));
            }
            store().write(tx -> tx.events().append(batch));
          }
          long last = store().read(tx -> tx.events().lastSequence());
          // move some cursors forward (cursors never go back), one new name per round at a random place
          Instant now = context().clock().instant();
          for (int i = 0; i < advances.size(); i++) {
            String name = "c" + i;
            long position = Math.min(last, store().read(tx -> tx.events().cursor(name)).orElse(0) + advances.get(i));
            store().write(tx -> tx.events().claim(name, "prop", now, now, position));
            store().write(tx -> tx.events().advance(name, "prop", position, now));
          }
          Map<String, Long> cursors = store().read(tx -> tx.events().cursors());
          long slowest = cursors.values().stream().mapToLong(Long::longValue).min().orElse(last);
          PruneResult result = program.events().prune(EventRetention.keepLast(keep));
          long expected = Math.max(0, Math.min(slowest, last - keep));
          assertEquals(expected, result.upToSequence(), "round " + r + ": cursors " + cursors + ", last " + last);
          long firstKept = Math.max(pruned[0], expected) + 1;
          assertEquals(firstKept - 1 - pruned[0], result.pruned(), "round " + r);
          pruned[0] = firstKept - 1;
          List<EventRecord> kept = store().read(tx -> tx.events().after(0, 10_000));
          assertEquals(range(firstKept, last), kept.stream().map(EventRecord::sequence).toList(), "round " + r);
          assertTrue(result.pruned() == 0 || firstKept - 1 <= slowest, "nothing above the slowest cursor pruned");
        });
  }
}
