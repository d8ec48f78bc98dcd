package cloud.quazzar.partner.testkit.discount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.QuoteItem;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.CountingStore;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.DiscountGenerators;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a quote costs the store, as docs/discounts.md ("Changes made on other nodes") promises it
 * for rule DISC-11 of docs/rules.md: with {@code discountStaleness} zero, a quote for today reads the
 * store's discount revision once and reloads nothing while the revision stays; with a staleness N,
 * the revision is read at most once per N; a past date touches no store; and quotes of one date and
 * version share one basis (the 40-byte quote of docs/discounts.md, "Deliberate choices").
 */
class DiscountCacheCostTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-01-15");
  private static final Money GROSS = Money.of("1000.00", "USD");

  private final TestClock clock = TestClock.at(Instant.parse("2026-01-15T09:30:00Z"));
  private final CountingStore store = new CountingStore(MemoryStorage.create(), "discounts");
  private @Nullable PartnerProgram program;

  @AfterEach
  void close() {
    if (program != null) {
      program.close();
    }
  }

  /** The engine of a program with {@code staleness}, the example policy in force from today, read once. */
  private DiscountEngine engineWith(Duration staleness) {
    program = PartnerProgram.builder().store(store).clock(clock).discountStaleness(staleness).build();
    DiscountEngine engine = program.discounts();
    engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "example"));
    engine.quote(Tier.GOLD, 50, TODAY, GROSS);
    store.reset();
    return engine;
  }

  private int goldFifty(DiscountEngine engine, LocalDate date) {
    return engine.quote(Tier.GOLD, 50, date, GROSS).totalRate().basisPoints();
  }

  @Test
  @DisplayName("staleness zero: each quote for today reads the revision once, and nothing more while it stays the same")
  void zeroStalenessReadsTheRevisionOnly() {
    DiscountEngine engine = engineWith(Duration.ZERO);
    for (int i = 0; i < 3; i++) {
      assertEquals(2000, goldFifty(engine, TODAY));
    }
    assertEquals(Map.of("revision", 3), store.calls());
    clock.advance(Duration.ofHours(2));
    assertEquals(2000, goldFifty(engine, TODAY.plusDays(30)));
    assertEquals(Map.of("revision", 4), store.calls(), "a later date is checked the same way");
  }

  @Test
  @DisplayName("staleness 30 s: the revision is read once per 30 s on the clock, in the first window and in every later one")
  void stalenessReadsOncePerWindow() {
    DiscountEngine engine = engineWith(Duration.ofSeconds(30));
    assertEquals(2000, goldFifty(engine, TODAY));
    assertEquals(Map.of(), store.calls(), "within the first window");
    clock.advance(Duration.ofSeconds(30));
    for (int i = 0; i < 3; i++) {
      assertEquals(2000, goldFifty(engine, TODAY));
    }
    assertEquals(Map.of("revision", 1), store.calls(), "one read when the window ended, then a new window");
    clock.advance(Duration.ofMillis(29_999));
    assertEquals(2000, goldFifty(engine, TODAY));
    assertEquals(Map.of("revision", 1), store.calls(), "29.999 s into the second window");
    clock.advance(Duration.ofMillis(1));
    assertEquals(2000, goldFifty(engine, TODAY));
    assertEquals(2000, goldFifty(engine, TODAY));
    assertEquals(Map.of("revision", 2), store.calls(), "the third window");
  }

  @Test
  @DisplayName("a past date touches no store, and a billing run reads the revision once for all its items")
  void pastDatesAndBillingRuns() {
    DiscountEngine engine = engineWith(Duration.ZERO);
    clock.advanceDays(1);
    assertEquals(2000, goldFifty(engine, TODAY.plusDays(1)));
    store.reset();
    for (int i = 0; i < 3; i++) {
      assertEquals(2000, goldFifty(engine, TODAY));
    }
    assertEquals(Map.of(), store.calls(), "yesterday is final");
    List<QuoteItem> items = List.of(QuoteItem.of(Tier.GOLD, 50, GROSS), QuoteItem.of(Tier.SILVER, 200, GROSS),
        QuoteItem.of(Tier.PLATINUM, 0, GROSS));
    engine.quoteAll(TODAY.plusDays(1), Currency.getInstance("USD"), items);
    assertEquals(Map.of("revision", 1), store.calls());
  }

  @Test
  @DisplayName("quotes of one date and version share one QuoteBasis; another date has its own")
  void quotesShareTheirBasis() {
    DiscountEngine engine = engineWith(Duration.ZERO);
    DiscountQuote first = engine.quote(Tier.GOLD, 50, TODAY, GROSS);
    DiscountQuote second = engine.quote(Tier.SILVER, 3, TODAY, Money.of("5.00", "USD"));
    assertSame(first.basis(), second.basis());
    DiscountQuote tomorrow = engine.quote(Tier.GOLD, 50, TODAY.plusDays(1), GROSS);
    assertEquals(TODAY.plusDays(1), tomorrow.basis().date());
    assertSame(tomorrow.basis(), engine.quote(Tier.PLATINUM, 9, TODAY.plusDays(1), GROSS).basis());
  }
}
