package cloud.quazzar.partner.testkit.generators;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import cloud.quazzar.partner.Money;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of valid revenue-ledger input for QuickTheories property tests: months, MRR in
 * currencies with 0, 2 and 3 decimals, counts, and whole {@link LedgerHistory ledger histories}
 * (recordings and corrections) for a handful of partners.
 */
public final class RevenueGenerators {
  /** Currencies with 2 (USD, EUR), 0 (JPY) and 3 (BHD) decimals. */
  public static final List<Currency> CURRENCIES = List.of(
      Currency.getInstance("USD"), Currency.getInstance("EUR"), Currency.getInstance("JPY"),
      Currency.getInstance("BHD"));

  /** The first month histories use by default. */
  public static final YearMonth FIRST_MONTH = YearMonth.of(2024, 1);

  private RevenueGenerators() {}

  /**
   * One of {@link #CURRENCIES}.
   *
   * @return a generator of currencies
   */
  public static Gen<Currency> currencies() {
    return Generate.pick(CURRENCIES);
  }

  /**
   * Months from {@code first} to {@code first + count - 1}.
   *
   * @param first the first month
   * @param count how many months, 1 or more
   * @return a generator of months
   */
  public static Gen<YearMonth> months(YearMonth first, int count) {
    return integers().between(0, count - 1).map(i -> first.plusMonths(i));
  }

  /**
   * MRR amounts in {@code currency}: zero, small amounts, round amounts and up to 10^12 minor
   * units, so trends meet zero, equal and very different months.
   *
   * @param currency the amounts' currency
   * @return a generator of MRR amounts, 0 or more
   */
  public static Gen<Money> mrr(Currency currency) {
    Gen<Long> minor = Generate.frequency(
        Pair.of(1, Generate.constant(0L)),
        Pair.of(3, longs().between(1, 10_000)),
        Pair.of(2, longs().between(1, 1000).map(n -> n * 100_000)),
        Pair.of(2, longs().between(0, 1_000_000_000_000L)));
    return minor.map(m -> Money.ofMinor(m, currency));
  }

  /**
   * MRR in any of {@link #CURRENCIES}.
   *
   * @return a generator of MRR amounts, 0 or more
   */
  public static Gen<Money> mrr() {
    return currencies().flatMap(RevenueGenerators::mrr);
  }

  /**
   * Server counts as {@link PartnerGenerators#serverCounts()}; client counts from 0 to 500.
   *
   * @return a generator of client counts
   */
  public static Gen<Long> clientCounts() {
    return longs().between(0, 500);
  }

  /**
   * Reasons for corrections: short printable text, never blank.
   *
   * @return a generator of reasons
   */
  public static Gen<String> reasons() {
    return strings().betweenCodePoints(0x21, 0x7E).ofLengthBetween(1, 30);
  }

  /**
   * Well-formed histories for {@code partners} partners over {@code months} months from {@link
   * #FIRST_MONTH}, of up to {@code maxSteps} steps: about two recordings for each correction, each
   * partner in one currency (MRR trends compare like with like), corrections only of months
   * recorded before them and always changing the MRR.
   *
   * @param partners how many partners
   * @param months how many months from {@link #FIRST_MONTH}
   * @param maxSteps the most steps a history has
   * @return a generator of histories
   */
  public static Gen<LedgerHistory> histories(int partners, int months, int maxSteps) {
    Gen<Integer> partner = integers().between(0, partners - 1);
    Gen<YearMonth> month = months(FIRST_MONTH, months);
    Gen<Long> minor = mrr(Currency.getInstance("USD")).map(Money::minorUnits);
    Gen<LedgerStep> recorded = partner.zip(month, minor, PartnerGenerators.serverCounts(), clientCounts(),
        (p, m, units, servers, clients) -> new LedgerStep.Recorded(p, m, inCurrencyOf(p, units), servers, clients));
    Gen<LedgerStep> corrected = partner.zip(month, minor, reasons(),
        (p, m, units, reason) -> new LedgerStep.Corrected(p, m, inCurrencyOf(p, units), reason));
    Gen<LedgerStep> step = Generate.frequency(Pair.of(2, recorded), Pair.of(1, corrected));
    return lists().of(step).ofSizeBetween(0, maxSteps).map(raw -> LedgerHistory.normalise(partners, raw));
  }

  /**
   * Partner {@code p}'s currency: partners cycle through {@link #CURRENCIES}.
   *
   * @param p the partner's index
   * @return its currency
   */
  public static Currency currencyOf(int p) {
    return CURRENCIES.get(p % CURRENCIES.size());
  }

  private static Money inCurrencyOf(int p, long minorUnits) {
    return Money.ofMinor(minorUnits, currencyOf(p));
  }
}
