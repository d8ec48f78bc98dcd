package cloud.quazzar.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link Money} as its javadoc states it: exact minor units in the currency's own scale, every
 * operation on two amounts refusing two currencies, arithmetic that never wraps (rule DISC-7),
 * and bad input as a {@link ValidationException} naming each field (docs/rules.md, "Bad input").
 */
class MoneyTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency JPY = Currency.getInstance("JPY");
  private static final Currency BHD = Currency.getInstance("BHD");
  private static final Currency NO_MINOR_UNIT = Currency.getInstance("XXX");
  private static final Money MAX = Money.ofMinor(Long.MAX_VALUE, USD);
  private static final Money MIN = Money.ofMinor(Long.MIN_VALUE, USD);

  private static ValidationException refused(Executable call) {
    return assertThrows(ValidationException.class, call);
  }

  /** The one violation of {@code e}, as {@code field: message}. */
  private static Violation only(ValidationException e) {
    assertEquals(1, e.violations().size(), e.violations().toString());
    return e.violations().get(0);
  }

  @Nested
  @DisplayName("Two currencies are never combined: a ValidationException on currency, never a silent result")
  class Currencies {
    private final Money usd = Money.of("10.00", "USD");
    private final Money eur = Money.of("10.00", "EUR");

    private void refusedAsTwoCurrencies(Executable call) {
      Violation v = only(refused(call));
      assertEquals("currency", v.field());
      assertTrue(v.message().contains("USD") && v.message().contains("EUR") && v.message().contains("no conversion"),
          v.message());
    }

    @Test
    @DisplayName("plus, minus and compareTo of USD and EUR of the same digits are refused, either way round")
    void twoCurrencies() {
      refusedAsTwoCurrencies(() -> usd.plus(eur));
      refusedAsTwoCurrencies(() -> eur.plus(usd));
      refusedAsTwoCurrencies(() -> usd.minus(eur));
      refusedAsTwoCurrencies(() -> eur.minus(usd));
      refusedAsTwoCurrencies(() -> usd.compareTo(eur));
      refusedAsTwoCurrencies(() -> eur.compareTo(usd));
    }

    @Test
    @DisplayName("also with zero, and across scales (USD cents and JPY yen)")
    void zeroAndScales() {
      Money zeroEur = Money.zero(EUR);
      assertThrows(ValidationException.class, () -> Money.zero(USD).plus(zeroEur));
      assertThrows(ValidationException.class, () -> Money.zero(USD).minus(zeroEur));
      assertThrows(ValidationException.class, () -> Money.zero(USD).compareTo(zeroEur));
      Money yen = Money.ofMinor(1000, JPY);
      Money tenDollars = Money.ofMinor(1000, USD);
      assertThrows(ValidationException.class, () -> tenDollars.plus(yen));
      assertThrows(ValidationException.class, () -> tenDollars.compareTo(yen));
    }

    @Test
    @DisplayName("a null operand is a ValidationException on amount, not a NullPointerException")
    void nullOperand() {
      assertEquals(new Violation("amount", "must not be null"), only(refused(() -> usd.plus(null))));
      assertEquals(new Violation("amount", "must not be null"), only(refused(() -> usd.minus(null))));
      assertEquals(new Violation("amount", "must not be null"), only(refused(() -> usd.compareTo(null))));
    }

    @Test
    @DisplayName("hasCurrency says whether an amount is in a currency")
    void hasCurrency() {
      assertTrue(usd.hasCurrency(USD));
      assertFalse(usd.hasCurrency(EUR));
      assertFalse(usd.hasCurrency(null));
    }
  }

  @Nested
  @DisplayName("Arithmetic is exact and never wraps (DISC-7)")
  class Arithmetic {
    @Test
    @DisplayName("plus, minus and times compute in minor units and keep the currency")
    void exact() {
      Money a = Money.of("12.34", "USD");
      Money b = Money.of("0.66", "USD");
      assertEquals(Money.of("13.00", "USD"), a.plus(b));
      assertEquals(Money.of("11.68", "USD"), a.minus(b));
      assertEquals(Money.of("-11.68", "USD"), b.minus(a));
      assertEquals(Money.of("37.02", "USD"), a.times(3));
      assertEquals(Money.of("-12.34", "USD"), a.times(-1));
      assertEquals(Money.zero(USD), a.times(0));
      assertEquals(a, a.plus(Money.zero(USD)));
      assertEquals(a, a.minus(Money.zero(USD)));
      assertEquals(Money.ofMinor(3, JPY), Money.ofMinor(1, JPY).plus(Money.ofMinor(2, JPY)));
      assertEquals(JPY, Money.ofMinor(1, JPY).times(5).currency());
    }

    @Test
    @DisplayName("the largest and smallest amounts are reachable, one minor unit beyond is refused on amount")
    void limits() {
      assertEquals(MAX, MAX.minus(Money.zero(USD)));
      assertEquals(MAX, Money.ofMinor(Long.MAX_VALUE - 1, USD).plus(Money.ofMinor(1, USD)));
      assertEquals(MIN, Money.ofMinor(Long.MIN_VALUE + 1, USD).minus(Money.ofMinor(1, USD)));
      assertEquals(MAX, MAX.times(1));
      List<Executable> beyond = List.of(
          () -> MAX.plus(Money.ofMinor(1, USD)),
          () -> MIN.plus(Money.ofMinor(-1, USD)),
          () -> MIN.minus(Money.ofMinor(1, USD)),
          () -> MAX.minus(Money.ofMinor(-1, USD)),
          () -> MAX.times(2),
          () -> MIN.times(-1),
          () -> Money.ofMinor(Long.MAX_VALUE / 2 + 1, USD).times(2));
      for (Executable call : beyond) {
        Violation v = only(refused(call));
        assertEquals("amount", v.field());
        assertTrue(v.message().contains("does not fit") && v.message().contains("92233720368547758.07 USD")
            && v.message().contains("nothing wraps"), v.message());
      }
      Violation yen = only(refused(() -> Money.ofMinor(Long.MAX_VALUE, JPY).plus(Money.ofMinor(1, JPY))));
      assertTrue(yen.message().contains("9223372036854775807 JPY"), "the limit in the currency's own scale: " + yen.message());
    }

    @Test
    @DisplayName("the sign and zero tests")
    void signs() {
      assertTrue(Money.zero(USD).isZero());
      assertFalse(Money.ofMinor(1, USD).isZero());
      assertFalse(Money.ofMinor(-1, USD).isZero());
      assertTrue(Money.ofMinor(-1, USD).isNegative());
      assertFalse(Money.zero(USD).isNegative());
      assertFalse(Money.ofMinor(1, USD).isNegative());
    }

    @Test
    @DisplayName("compareTo orders one currency's amounts by value")
    void order() {
      Money one = Money.of("1.00", "USD");
      assertEquals(0, one.compareTo(Money.of("1", "USD")));
      assertTrue(one.compareTo(Money.of("1.01", "USD")) < 0);
      assertTrue(Money.of("1.01", "USD").compareTo(one) > 0);
      assertTrue(MIN.compareTo(MAX) < 0, "no overflow in the comparison");
      assertTrue(MAX.compareTo(MIN) > 0);
      assertTrue(Money.of("-0.01", "USD").compareTo(Money.zero(USD)) < 0);
    }
  }

  @Nested
  @DisplayName("Parsing and building: every problem listed by field")
  class Building {
    @Test
    @DisplayName("of(text, code) parses in the currency's scale; trailing zeros and surrounding white space are fine")
    void parses() {
      assertEquals(Money.ofMinor(1234, USD), Money.of("12.34", "USD"));
      assertEquals(Money.ofMinor(1234, USD), Money.of(" 12.340 ", " USD "));
      assertEquals(Money.ofMinor(1500, JPY), Money.of("1500", "JPY"));
      assertEquals(Money.ofMinor(1500, JPY), Money.of("1500.000", "JPY"));
      assertEquals(Money.ofMinor(125, BHD), Money.of("0.125", "BHD"));
      assertEquals(Money.ofMinor(-5, USD), Money.of("-0.05", "USD"));
      assertEquals(Money.zero(USD), Money.of("0.000", "USD"));
      assertEquals(MAX, Money.of("92233720368547758.07", "USD"));
      assertEquals(MIN, Money.of("-92233720368547758.08", "USD"));
    }

    @Test
    @DisplayName("more decimals than the currency has are refused on amount, naming the currency's decimals")
    void tooManyDecimals() {
      Violation cents = only(refused(() -> Money.of("12.345", "USD")));
      assertEquals(new Violation("amount", "USD has 2 decimals, so 12.345 is not an exact amount of it; round it first"), cents);
      Violation yen = only(refused(() -> Money.of("1.5", "JPY")));
      assertEquals(new Violation("amount", "JPY has 0 decimals, so 1.5 is not an exact amount of it; round it first"), yen);
      assertEquals("amount", only(refused(() -> Money.of("0.0001", "BHD"))).field());
      assertEquals("amount", only(refused(() -> Money.of(new BigDecimal("0.001"), USD))).field());
      assertEquals("amount", only(refused(() -> Money.of("0.0010", "USD"))).field(), "trailing zeros aside, still 3 decimals");
    }

    @Test
    @DisplayName("an amount beyond a long of minor units is refused on amount")
    void tooLarge() {
      Violation v = only(refused(() -> Money.of("92233720368547758.08", "USD")));
      assertEquals("amount", v.field());
      assertTrue(v.message().startsWith("92233720368547758.08 USD does not fit"), v.message());
      assertEquals("amount", only(refused(() -> Money.of("-92233720368547758.09", "USD"))).field());
      assertEquals("amount", only(refused(() -> Money.of(new BigDecimal("1e30"), JPY))).field());
    }

    @Test
    @DisplayName("null, non-numbers, unknown codes and currencies without a minor unit: each named, all at once")
    void badInput() {
      assertEquals(List.of(new Violation("amount", "must not be null")), refused(() -> Money.of(null, "USD")).violations());
      assertEquals(List.of(new Violation("currency", "must not be null")), refused(() -> Money.of("1", null)).violations());
      assertEquals(List.of("amount", "currency"), refused(() -> Money.of((String) null, (String) null)).fields());
      assertEquals(List.of(new Violation("amount", "must be a plain decimal number such as 12.34 or -5, got 'ten'")),
          refused(() -> Money.of("ten", "USD")).violations());
      for (String notPlain : List.of("1e3", "1E-2", ".5", "5.", "1,000", "1 000", "0x10", "--1", "+-1", "NaN", "١٢")) {
        assertEquals(List.of("amount"), refused(() -> Money.of(notPlain, "USD")).fields(), notPlain);
      }
      assertEquals(Money.ofMinor(1234, USD), Money.of(" +12.34\t", "USD"), "a sign and surrounding white space are fine");
      assertEquals(List.of("amount"), refused(() -> Money.of("", "USD")).fields());
      assertEquals(List.of(new Violation("currency", "must be an ISO 4217 code such as USD, got 'DOLLAR'")),
          refused(() -> Money.of("1", "DOLLAR")).violations());
      assertEquals(List.of("currency"), refused(() -> Money.of("1", "usd")).fields(), "ISO codes are upper case");
      assertEquals(List.of(new Violation("currency",
          "XXX has no minor unit; use a currency with a fixed number of decimals such as USD")),
          refused(() -> Money.of("1", "XXX")).violations());
      assertEquals(List.of("amount", "currency"), refused(() -> Money.of("ten", "DOLLAR")).fields(), "both listed");
      assertEquals(List.of("amount", "currency"), refused(() -> Money.of("ten", "XXX")).fields());
      assertEquals(List.of("currency"), refused(() -> Money.of("12.345", "XXX")).fields(),
          "without a currency's scale the decimals cannot be judged");
    }

    @Test
    @DisplayName("of(BigDecimal, Currency), ofMinor and the constructor refuse null and currencies without a minor unit")
    void typedFactories() {
      assertEquals(List.of(new Violation("amount", "must not be null")), refused(() -> Money.of(null, USD)).violations());
      assertEquals(List.of(new Violation("currency", "must not be null")),
          refused(() -> Money.of(BigDecimal.ONE, null)).violations());
      assertEquals(List.of("amount", "currency"), refused(() -> Money.of((BigDecimal) null, (Currency) null)).fields());
      assertEquals(List.of("currency"), refused(() -> Money.of(BigDecimal.ONE, NO_MINOR_UNIT)).fields());
      assertEquals(List.of(new Violation("currency", "must not be null")), refused(() -> new Money(1, null)).violations());
      assertEquals(List.of("currency"), refused(() -> Money.ofMinor(1, NO_MINOR_UNIT)).fields());
      assertEquals(List.of("currency"), refused(() -> Money.zero(NO_MINOR_UNIT)).fields());
      assertEquals(Money.ofMinor(1234, USD), Money.of(new BigDecimal("12.34"), USD));
    }
  }

  @Nested
  @DisplayName("Scale, decimal form, text and equality")
  class Forms {
    @Test
    @DisplayName("the scale is the currency's own: USD 2, JPY 0, BHD 3")
    void scale() {
      assertEquals(2, Money.zero(USD).scale());
      assertEquals(0, Money.zero(JPY).scale());
      assertEquals(3, Money.zero(BHD).scale());
    }

    @Test
    @DisplayName("toBigDecimal has the currency's scale; toString is the plain amount and the code")
    void text() {
      assertEquals(new BigDecimal("12.30"), Money.ofMinor(1230, USD).toBigDecimal());
      assertEquals(2, Money.ofMinor(1230, USD).toBigDecimal().scale());
      assertEquals(new BigDecimal("0.125"), Money.ofMinor(125, BHD).toBigDecimal());
      assertEquals("12.30 USD", Money.ofMinor(1230, USD).toString());
      assertEquals("500 JPY", Money.ofMinor(500, JPY).toString());
      assertEquals("-0.05 USD", Money.ofMinor(-5, USD).toString());
      assertEquals("0.000 BHD", Money.zero(BHD).toString());
      assertEquals("10000000000.00 USD", Money.ofMinor(1_000_000_000_000L, USD).toString(), "never an exponent");
    }

    @Test
    @DisplayName("equal exactly when the currency and the minor units are: 12.3 USD is 12.30 USD, 100 USD is not 100 EUR")
    void equality() {
      assertEquals(Money.of("12.3", "USD"), Money.of("12.30", "USD"));
      assertEquals(Money.of("12.3", "USD").hashCode(), Money.of("12.30", "USD").hashCode());
      assertNotEquals(Money.of("100", "USD"), Money.of("100", "EUR"));
      assertNotEquals(Money.of("100", "USD"), Money.of("100.01", "USD"));
      assertEquals(1230, Money.of("12.3", "USD").minorUnits());
      assertEquals(USD, Money.of("12.3", "USD").currency());
    }
  }
}
