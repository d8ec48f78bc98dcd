package cloud.quazzar.partner.internal.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.quazzar.partner.Money;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The export's decimal cells (rule REV-7: plain decimals with a dot, the currency's decimals, never
 * an exponent), written by {@link CsvExport#decimal} without going through {@link
 * java.math.BigDecimal} for amounts of 0 or more. The ledger's amounts are never negative, but the
 * writer of a cell gives any amount its plain decimal.
 */
class CsvDecimalTest {
  private static final List<Currency> SCALES = List.of(Currency.getInstance("JPY"), Currency.getInstance("USD"),
      Currency.getInstance("BHD"), Currency.getInstance("CLF"));

  @Test
  @DisplayName("REV-7: examples at each number of decimals (0, 2, 3, 4), below one unit, at it and above, negative too")
  void examples() {
    assertEquals("1500", CsvExport.decimal(Money.of("1500", "JPY")));
    assertEquals("0", CsvExport.decimal(Money.of("0", "JPY")));
    assertEquals("-7", CsvExport.decimal(Money.of("-7", "JPY")));
    assertEquals("0.00", CsvExport.decimal(Money.of("0", "USD")));
    assertEquals("0.05", CsvExport.decimal(Money.of("0.05", "USD")));
    assertEquals("0.50", CsvExport.decimal(Money.of("0.5", "USD")));
    assertEquals("1.00", CsvExport.decimal(Money.of("1", "USD")));
    assertEquals("1234.50", CsvExport.decimal(Money.of("1234.5", "USD")));
    assertEquals("-0.05", CsvExport.decimal(Money.of("-0.05", "USD")));
    assertEquals("-1234.50", CsvExport.decimal(Money.of("-1234.50", "USD")));
    assertEquals("0.005", CsvExport.decimal(Money.of("0.005", "BHD")));
    assertEquals("0.0001", CsvExport.decimal(Money.of("0.0001", "CLF")));
    assertEquals("92233720368547758.07", CsvExport.decimal(Money.ofMinor(Long.MAX_VALUE, Currency.getInstance("USD"))));
    assertEquals("-92233720368547758.08", CsvExport.decimal(Money.ofMinor(Long.MIN_VALUE, Currency.getInstance("USD"))));
  }

  @Test
  @DisplayName("REV-7: every amount of -12,000 to 12,000 minor units, at each number of decimals, is BigDecimal's plain string")
  void agreesWithBigDecimal() {
    for (Currency currency : SCALES) {
      for (long minor = -12_000; minor <= 12_000; minor++) {
        Money money = Money.ofMinor(minor, currency);
        assertEquals(money.toBigDecimal().toPlainString(), CsvExport.decimal(money), money::toString);
      }
    }
  }
}
