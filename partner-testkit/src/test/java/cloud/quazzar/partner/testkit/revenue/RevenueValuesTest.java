package cloud.quazzar.partner.testkit.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
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
import cloud.quazzar.partner.testkit.Examples;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The revenue package's value types as their javadoc states them: {@link MonthRange} (both ends
 * included; {@code lastMonths}), {@link RevenueFilter} (every filter optional, months inclusive)
 * and {@link RevenueEntry#isCorrection()}; bad values refused with a {@link ValidationException}
 * naming the field (docs/rules.md, "Bad input").
 */
class RevenueValuesTest {
  private static final YearMonth JUN = YearMonth.of(2026, 6);
  private static final Currency USD = Currency.getInstance("USD");

  private static List<Violation> violations(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(ValidationException.class, call).violations();
  }

  /** Months from 0001-01 to 9999-12, leaning on year ends. */
  private static Gen<YearMonth> months() {
    return integers().between(1, 9999).zip(integers().between(1, 12), YearMonth::of);
  }

  @Nested
  @DisplayName("MonthRange: the months from one to another, both included")
  class MonthRanges {
    @Test
    @DisplayName("lastMonths(m, n) is the n months ending with m: first, last and size for n = 1, 2, 6 and 12, also across year ends")
    void lastMonths() {
      assertRange(MonthRange.lastMonths(JUN, 6), YearMonth.of(2026, 1), JUN, 6);
      assertRange(MonthRange.lastMonths(JUN, 1), JUN, JUN, 1);
      assertEquals(MonthRange.of(JUN), MonthRange.lastMonths(JUN, 1));
      assertRange(MonthRange.lastMonths(JUN, 2), YearMonth.of(2026, 5), JUN, 2);
      assertRange(MonthRange.lastMonths(JUN, 12), YearMonth.of(2025, 7), JUN, 12);
      YearMonth jan = YearMonth.of(2026, 1);
      assertRange(MonthRange.lastMonths(jan, 1), jan, jan, 1);
      assertRange(MonthRange.lastMonths(jan, 2), YearMonth.of(2025, 12), jan, 2);
      assertRange(MonthRange.lastMonths(YearMonth.of(2026, 2), 6), YearMonth.of(2025, 9), YearMonth.of(2026, 2), 6);
      assertRange(MonthRange.lastMonths(YearMonth.of(2026, 12), 12), jan, YearMonth.of(2026, 12), 12);
      assertRange(MonthRange.lastMonths(YearMonth.of(2026, 11), 12), YearMonth.of(2025, 12), YearMonth.of(2026, 11), 12);
      assertRange(MonthRange.lastMonths(jan, 25), YearMonth.of(2024, 1), jan, 25);
      assertEquals(List.of(YearMonth.of(2025, 11), YearMonth.of(2025, 12), jan), MonthRange.lastMonths(jan, 3).months());
    }

    private void assertRange(MonthRange r, YearMonth first, YearMonth last, long size) {
      assertEquals(first, r.from(), r + " from");
      assertEquals(last, r.to(), r + " to");
      assertEquals(size, r.size(), r + " size");
      assertEquals(size, r.months().size(), r + " months");
      assertEquals(first, r.months().get(0));
      assertEquals(last, r.months().get(r.months().size() - 1));
    }

    @Test
    @DisplayName("lastMonths refuses a count below 1, a null month, and a count reaching before the first year a YearMonth holds")
    void lastMonthsRefuses() {
      assertEquals(List.of(new Violation("count", "must be 1 or more, got 0")), violations(() -> MonthRange.lastMonths(JUN, 0)));
      assertEquals(List.of(new Violation("count", "must be 1 or more, got -5")), violations(() -> MonthRange.lastMonths(JUN, -5)));
      assertEquals(List.of(new Violation("count", "must be 1 or more, got " + Long.MIN_VALUE)),
          violations(() -> MonthRange.lastMonths(JUN, Long.MIN_VALUE)));
      assertEquals(List.of(new Violation("last", "must not be null")), violations(() -> MonthRange.lastMonths(null, 3)));
      assertEquals(List.of("count", "last"), assertThrows(ValidationException.class, () -> MonthRange.lastMonths(null, 0)).fields());
      YearMonth first = YearMonth.of(Year.MIN_VALUE, 1);
      assertEquals(MonthRange.of(first), MonthRange.lastMonths(first, 1));
      String back = "must reach no further back than year " + Year.MIN_VALUE + ", got ";
      assertEquals(List.of(new Violation("count", back + 2)), violations(() -> MonthRange.lastMonths(first, 2)));
      assertEquals(List.of(new Violation("count", back + Long.MAX_VALUE)),
          violations(() -> MonthRange.lastMonths(JUN, Long.MAX_VALUE)));
    }

    @Test
    @DisplayName("a range holds its ends and what is between, nothing else; to before from is refused on to")
    void contains() {
      MonthRange r = new MonthRange(YearMonth.of(2025, 11), YearMonth.of(2026, 2));
      assertTrue(r.contains(YearMonth.of(2025, 11)));
      assertTrue(r.contains(YearMonth.of(2025, 12)));
      assertTrue(r.contains(YearMonth.of(2026, 2)));
      assertFalse(r.contains(YearMonth.of(2025, 10)));
      assertFalse(r.contains(YearMonth.of(2026, 3)));
      assertEquals(4, r.size());
      assertEquals("2025-11..2026-02", r.toString());
      assertEquals(1, new MonthRange(JUN, JUN).size());
      assertEquals(List.of(new Violation("to", "must not be before from (2026-06), got 2026-05")),
          violations(() -> new MonthRange(JUN, JUN.minusMonths(1))));
      assertEquals(List.of(new Violation("from", "must not be null")), violations(() -> new MonthRange(null, JUN)));
      assertEquals(List.of(new Violation("to", "must not be null")), violations(() -> new MonthRange(JUN, null)));
    }

    @Test
    @DisplayName("property: lastMonths(m, n) ends with m, starts n - 1 months before, holds n months in order, each contained")
    void lastMonthsProperty() {
      qt().withExamples(Examples.scaled(2000)).forAll(months(), longs().between(1, 1300)).checkAssert((last, n) -> {
        MonthRange r = MonthRange.lastMonths(last, n);
        assertEquals(last, r.to());
        assertEquals(last.minusMonths(n - 1), r.from());
        assertEquals(n, r.size());
        List<YearMonth> months = r.months();
        assertEquals(n, months.size());
        for (int i = 0; i < months.size(); i++) {
          assertEquals(r.from().plusMonths(i), months.get(i));
          assertTrue(r.contains(months.get(i)));
        }
        assertFalse(r.contains(r.from().minusMonths(1)));
        assertFalse(r.contains(r.to().plusMonths(1)));
        assertEquals(r, new MonthRange(r.from(), r.to()));
      });
    }

    @Test
    @DisplayName("property: a range contains a month exactly when it is neither before from nor after to")
    void containsProperty() {
      qt().withExamples(Examples.scaled(2000)).forAll(months(), integers().between(0, 40), integers().between(-50, 50)).checkAssert((from, span, offset) -> {
        MonthRange r = new MonthRange(from, from.plusMonths(span));
        YearMonth m = from.plusMonths(offset);
        assertEquals(offset >= 0 && offset <= span, r.contains(m), r + " contains " + m);
        assertEquals(span + 1L, r.size());
      });
    }
  }

  @Nested
  @DisplayName("RevenueFilter: every filter optional; the months filter includes both ends")
  class Filters {
    @Test
    @DisplayName("matchesMonth: no bound matches every month; from and to are inclusive")
    void matchesMonth() {
      RevenueFilter all = RevenueFilter.all();
      assertTrue(all.matchesMonth(YearMonth.of(1900, 1)));
      assertTrue(all.matchesMonth(YearMonth.of(9999, 12)));
      RevenueFilter range = all.withMonths(new MonthRange(YearMonth.of(2025, 12), YearMonth.of(2026, 2)));
      assertEquals(Optional.of(YearMonth.of(2025, 12)), range.from());
      assertEquals(Optional.of(YearMonth.of(2026, 2)), range.to());
      assertFalse(range.matchesMonth(YearMonth.of(2025, 11)));
      assertTrue(range.matchesMonth(YearMonth.of(2025, 12)));
      assertTrue(range.matchesMonth(YearMonth.of(2026, 1)));
      assertTrue(range.matchesMonth(YearMonth.of(2026, 2)));
      assertFalse(range.matchesMonth(YearMonth.of(2026, 3)));
      RevenueFilter fromOnly = new RevenueFilter(Optional.empty(), Optional.of(JUN), Optional.empty(), Set.of());
      assertFalse(fromOnly.matchesMonth(JUN.minusMonths(1)));
      assertTrue(fromOnly.matchesMonth(JUN));
      assertTrue(fromOnly.matchesMonth(YearMonth.of(9999, 12)));
      RevenueFilter toOnly = new RevenueFilter(Optional.empty(), Optional.empty(), Optional.of(JUN), Set.of());
      assertTrue(toOnly.matchesMonth(YearMonth.of(1, 1)));
      assertTrue(toOnly.matchesMonth(JUN));
      assertFalse(toOnly.matchesMonth(JUN.plusMonths(1)));
    }

    @Test
    @DisplayName("property: matchesMonth agrees with MonthRange.contains for the range it was given")
    void matchesMonthProperty() {
      qt().withExamples(Examples.scaled(2000)).forAll(months(), integers().between(0, 30), integers().between(-40, 40)).checkAssert((from, span, offset) -> {
        MonthRange r = new MonthRange(from, from.plusMonths(span));
        YearMonth m = from.plusMonths(offset);
        assertEquals(r.contains(m), RevenueFilter.all().withMonths(r).matchesMonth(m), r + " " + m);
      });
    }

    @Test
    @DisplayName("matchesTier: no tier filter matches every tier; otherwise exactly the tiers given")
    void matchesTier() {
      for (Tier t : Tier.values()) {
        assertTrue(RevenueFilter.all().matchesTier(t));
      }
      RevenueFilter top = RevenueFilter.all().withTiers(Tier.GOLD, Tier.PLATINUM);
      assertEquals(EnumSet.of(Tier.GOLD, Tier.PLATINUM), EnumSet.copyOf(top.tiers()));
      assertFalse(top.matchesTier(Tier.SILVER));
      assertTrue(top.matchesTier(Tier.GOLD));
      assertTrue(top.matchesTier(Tier.PLATINUM));
      RevenueFilter silver = RevenueFilter.all().withTiers(Tier.SILVER);
      assertTrue(silver.matchesTier(Tier.SILVER));
      assertFalse(silver.matchesTier(Tier.GOLD));
      assertThrows(UnsupportedOperationException.class, () -> top.tiers().add(Tier.SILVER), "the tiers are unmodifiable");
    }

    @Test
    @DisplayName("the with... methods keep the other filters, and refuse null on the field they set")
    void builders() {
      PartnerId id = new PartnerId(new UUID(0, 9));
      MonthRange range = MonthRange.lastMonths(JUN, 3);
      RevenueFilter f = RevenueFilter.all().withPartner(id).withMonths(range).withTiers(Tier.SILVER);
      assertEquals(new RevenueFilter(Optional.of(id), Optional.of(range.from()), Optional.of(range.to()), Set.of(Tier.SILVER)), f);
      assertEquals(f, RevenueFilter.all().withTiers(Tier.SILVER).withMonths(range).withPartner(id), "in any order");
      assertEquals(List.of(new Violation("partnerId", "must not be null; use all() for every partner")),
          violations(() -> RevenueFilter.all().withPartner(null)));
      assertEquals(List.of(new Violation("range", "must not be null")), violations(() -> RevenueFilter.all().withMonths(null)));
      assertEquals(List.of(new Violation("tiers", "must not hold null")), violations(() -> RevenueFilter.all().withTiers(null)));
      assertEquals(List.of(new Violation("tiers", "must not hold null")),
          violations(() -> RevenueFilter.all().withTiers(Tier.GOLD, (Tier) null)));
      assertEquals(List.of(new Violation("tiers", "must not hold null")),
          violations(() -> RevenueFilter.all().withTiers(Tier.GOLD, (Tier[]) null)));
      assertEquals(List.of(new Violation("to", "must not be before from (2026-06), got 2026-05")), violations(
          () -> new RevenueFilter(Optional.empty(), Optional.of(JUN), Optional.of(JUN.minusMonths(1)), Set.of())));
      assertEquals(List.of("from", "partnerId", "tiers", "to"),
          assertThrows(ValidationException.class, () -> new RevenueFilter(null, null, null, null)).fields());
    }
  }

  @Nested
  @DisplayName("RevenueEntry: a correction is revision 2 or more, with a reason and the entry it supersedes")
  class Entries {
    private final RevenueEntry recorded = new RevenueEntry(new RevenueEntryId(new UUID(1, 1)), new PartnerId(new UUID(0, 1)),
        JUN, 1, EntryKind.RECORDED, Money.of("10", "USD"), 1, 1, "k", Optional.empty(), Instant.EPOCH, Optional.empty());

    @Test
    @DisplayName("isCorrection is true exactly for a CORRECTION entry")
    void isCorrection() {
      assertFalse(recorded.isCorrection());
      RevenueEntry correction = new RevenueEntry(new RevenueEntryId(new UUID(1, 2)), recorded.partnerId(), JUN, 2,
          EntryKind.CORRECTION, Money.of("9", "USD"), 1, 1, "c", Optional.of("refund"), Instant.EPOCH,
          Optional.of(recorded.id()));
      assertTrue(correction.isCorrection());
    }

    @Test
    @DisplayName("a RECORDED entry is revision 1 without reason or supersedes; a CORRECTION the opposite; each broken rule named")
    void kindRules() {
      List<List<String>> refused = new ArrayList<>();
      refused.add(fieldsOf(2, EntryKind.RECORDED, Optional.empty(), Optional.empty()));
      refused.add(fieldsOf(1, EntryKind.CORRECTION, Optional.of("r"), Optional.of(recorded.id())));
      refused.add(fieldsOf(2, EntryKind.CORRECTION, Optional.empty(), Optional.of(recorded.id())));
      refused.add(fieldsOf(2, EntryKind.CORRECTION, Optional.of("r"), Optional.empty()));
      refused.add(fieldsOf(1, EntryKind.RECORDED, Optional.of("r"), Optional.empty()));
      refused.add(fieldsOf(1, EntryKind.RECORDED, Optional.empty(), Optional.of(recorded.id())));
      refused.add(fieldsOf(0, EntryKind.RECORDED, Optional.empty(), Optional.empty()));
      assertEquals(List.of(List.of("revision"), List.of("revision"), List.of("reason"), List.of("supersedes"),
          List.of("reason"), List.of("supersedes"), List.of("revision")), refused);
      assertEquals(List.of(new Violation("revision",
          "must be 1 for a RECORDED entry and 2 or more for a CORRECTION, got 2 for a RECORDED")),
          violations(() -> entry(2, EntryKind.RECORDED, Optional.empty(), Optional.empty())));
      assertEquals(List.of(new Violation("mrr", "must be 0 or more, got -0.01 USD")), violations(() -> new RevenueEntry(
          recorded.id(), recorded.partnerId(), JUN, 1, EntryKind.RECORDED, Money.of("-0.01", "USD"), 0, 0, "k", Optional.empty(),
          Instant.EPOCH, Optional.empty())));
      assertEquals(List.of(new Violation("clientCount", "must be 0 or more, got -1"), new Violation("serverCount",
          "must be 0 or more, got -1")), violations(() -> new RevenueEntry(recorded.id(), recorded.partnerId(), JUN, 1,
          EntryKind.RECORDED, Money.of("0", "USD"), -1, -1, "k", Optional.empty(), Instant.EPOCH, Optional.empty())));
      assertEquals(0, new RevenueEntry(recorded.id(), recorded.partnerId(), JUN, 1, EntryKind.RECORDED, Money.of("0", "USD"),
          0, 0, "k", Optional.empty(), Instant.EPOCH, Optional.empty()).serverCount(), "zero is allowed everywhere");
    }

    private RevenueEntry entry(int revision, EntryKind kind, Optional<String> reason, Optional<RevenueEntryId> supersedes) {
      return new RevenueEntry(new RevenueEntryId(new UUID(1, 3)), recorded.partnerId(), JUN, revision, kind,
          Money.of("1", "USD"), 0, 0, "x", reason, Instant.EPOCH, supersedes);
    }

    private List<String> fieldsOf(int revision, EntryKind kind, Optional<String> reason, Optional<RevenueEntryId> supersedes) {
      return assertThrows(ValidationException.class, () -> entry(revision, kind, reason, supersedes)).fields();
    }
  }

  @Nested
  @DisplayName("Trends: change and percent against the previous month")
  class Trends {
    /** change x 100 / previous, rounded half up (away from zero on a tie) to 2 decimals, in whole hundredths. */
    private BigDecimal percent(long change, long previous) {
      BigInteger n = BigInteger.valueOf(change).multiply(BigInteger.valueOf(10_000));
      BigInteger d = BigInteger.valueOf(previous);
      int sign = n.signum() * d.signum();
      BigInteger[] qr = n.abs().divideAndRemainder(d.abs());
      BigInteger q = qr[0];
      if (qr[1].shiftLeft(1).compareTo(d.abs()) >= 0) {
        q = q.add(BigInteger.ONE);
      }
      return new BigDecimal(sign < 0 ? q.negate() : q, 2);
    }

    @Test
    @DisplayName("property: a count's change is the difference, its percent the change over the previous rounded half up, "
        + "absent when the previous is zero; the direction is the change's sign")
    void countTrend() {
      qt().withExamples(Examples.scaled(3000)).forAll(longs().between(0, 5_000_000), longs().between(0, 5_000_000)).checkAssert((previous, current) -> {
        CountTrend t = CountTrend.of(Optional.of(previous), current);
        assertEquals(Optional.of(previous), t.previous());
        assertEquals(Optional.of(current - previous), t.change());
        assertEquals(previous == 0 ? Optional.empty() : Optional.of(percent(current - previous, previous)), t.percent(),
            previous + " -> " + current);
        assertEquals(Optional.of(current > previous ? Direction.UP
            : current < previous ? Direction.DOWN : Direction.FLAT),
            t.direction());
      });
    }

    @Test
    @DisplayName("property: an MRR trend in one currency is the same rule in minor units; across currencies there is no change")
    void moneyTrend() {
      qt().withExamples(Examples.scaled(3000)).forAll(longs().between(0, 5_000_000), longs().between(0, 5_000_000)).checkAssert((previous, current) -> {
        MoneyTrend t = MoneyTrend.of(
            Optional.of(Money.ofMinor(previous, USD)), Money.ofMinor(current, USD));
        assertEquals(Optional.of(Money.ofMinor(current - previous, USD)), t.change());
        assertEquals(previous == 0 ? Optional.empty() : Optional.of(percent(current - previous, previous)), t.percent());
        assertEquals(Long.signum(current - previous), t.direction().orElseThrow() == Direction.UP ? 1
            : t.direction().orElseThrow() == Direction.DOWN ? -1 : 0);
        MoneyTrend across = MoneyTrend.of(
            Optional.of(Money.ofMinor(previous, Currency.getInstance("EUR"))), Money.ofMinor(current, USD));
        assertEquals(Optional.empty(), across.change());
        assertEquals(Optional.empty(), across.percent());
        assertEquals(Optional.empty(), across.direction());
      });
    }

    @Test
    @DisplayName("ties round away from zero: +1 of 8 is 12.50, -1 of 8 is -12.50, 1 of 3 is 33.33, -2 of 3 is -66.67; arrows ↑ ↓ →")
    void rounding() {
      assertEquals(Optional.of(new BigDecimal("12.50")), CountTrend.of(Optional.of(8L), 9).percent());
      assertEquals(Optional.of(new BigDecimal("-12.50")), CountTrend.of(Optional.of(8L), 7).percent());
      assertEquals(Optional.of(new BigDecimal("33.33")), CountTrend.of(Optional.of(3L), 4).percent());
      assertEquals(Optional.of(new BigDecimal("-66.67")), CountTrend.of(Optional.of(3L), 1).percent());
      assertEquals(Optional.of(new BigDecimal("0.01")),
          CountTrend.of(Optional.of(20_000L), 20_001).percent(), "0.005 rounds up to 0.01");
      assertEquals(Optional.of(new BigDecimal("-0.01")),
          CountTrend.of(Optional.of(20_000L), 19_999).percent(), "-0.005 rounds to -0.01");
      assertEquals(Optional.of(new BigDecimal("0.00")),
          CountTrend.of(Optional.of(20_001L), 20_002).percent(), "0.00499... rounds to 0.00");
      assertEquals(List.of("\u2191", "\u2193", "\u2192"), Arrays.stream(Direction.values())
          .map(Direction::arrow).toList());
      assertEquals(Optional.empty(), CountTrend.of(Optional.empty(), 5).direction());
    }

    @Test
    @DisplayName("a trend value is consistent: a change needs a previous month, a percent needs a change; else refused by field")
    void consistency() {
      Optional<Money> one = Optional.of(Money.of("1", "USD"));
      Optional<BigDecimal> pct = Optional.of(BigDecimal.ONE);
      assertEquals(List.of("change"), assertThrows(ValidationException.class,
          () -> new MoneyTrend(Optional.empty(), one, Optional.empty())).fields());
      assertEquals(List.of("percent"), assertThrows(ValidationException.class,
          () -> new MoneyTrend(one, Optional.empty(), pct)).fields());
      assertEquals(one, new MoneyTrend(one, Optional.empty(), Optional.empty()).previous(),
          "a previous month in another currency: no change");
      assertEquals(List.of("change"), assertThrows(ValidationException.class,
          () -> new CountTrend(Optional.of(1L), Optional.empty(), Optional.empty())).fields());
      assertEquals(List.of("change"), assertThrows(ValidationException.class,
          () -> new CountTrend(Optional.empty(), Optional.of(1L), Optional.empty())).fields());
      assertEquals(List.of("percent"), assertThrows(ValidationException.class,
          () -> new CountTrend(Optional.empty(), Optional.empty(), pct)).fields());
    }
  }
}
