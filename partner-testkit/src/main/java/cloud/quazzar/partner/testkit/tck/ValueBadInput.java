package cloud.quazzar.partner.testkit.tck;

import static cloud.quazzar.partner.testkit.tck.BadInputContract.USD;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.bad;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.fixed;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.discount.QuoteItem;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.generators.InvalidInput;
import cloud.quazzar.partner.testkit.tck.BadInputContract.Case;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The bad-input cases of the value types every capability takes (Money, Rate, QuoteItem) and the
 * program builder's options, run by {@link BadInputContract} as the dynamic tests of its "values
 * and builders" container: one {@link Case} per operation and kind of bad input.
 */
@SuppressWarnings({"NullAway", "NullOptional"}) // passes null amounts, currencies and options on purpose: ValidationException expected
final class ValueBadInput {
  private ValueBadInput() {}

  /** Adds this capability's cases to {@code c}. */
  static void cases(List<Case> c) {
    c.add(bad("Money.of", InvalidInput.amountTexts(), v -> v == null ? "null" : "not a number",
        (w, a) -> Money.of(a, "USD")));
    c.add(bad("Money.of", InvalidInput.unknownCurrencyCodes(), v -> "unknown currency", (w, code) -> Money.of("1", code)));
    c.add(bad("Money.of", InvalidInput.inexactAmounts(), v -> "too many decimals", (w, a) -> Money.of(a, "USD")));
    c.add(bad("Money.of", InvalidInput.inexactDecimals(JPY), v -> "too many decimals", (w, a) -> Money.of(a, JPY)));
    c.add(bad("Money.of", InvalidInput.hugeAmounts(), v -> "huge number", (w, a) -> Money.of(a, "JPY")));
    c.add(fixed("Money.of", "null", "null amount and currency", w -> Money.of((BigDecimal) null, null)));
    c.add(fixed("Money", "null", "null currency", w -> Money.ofMinor(1, null)));
    c.add(fixed("Money", "unknown currency", "XAU has no minor unit", w -> Money.zero(Currency.getInstance("XAU"))));
    c.add(bad("Money.plus", SourceDSL.longs().between(1, Long.MAX_VALUE), v -> "huge number",
        (w, n) -> Money.ofMinor(Long.MAX_VALUE, USD).plus(Money.ofMinor(n, USD))));
    c.add(fixed("Money.plus", "unknown currency", "two currencies", w -> Money.of("1", "USD").plus(Money.of("1", "EUR"))));
    c.add(bad("Rate.percent", InvalidInput.percents(), BadInputContract::percentKind, (w, p) -> Rate.percent(p)));
    c.add(bad("Rate.percent", InvalidInput.wholePercents(), v -> "rate out of range", (w, p) -> Rate.percent(p)));
    c.add(bad("Rate.ofBasisPoints", InvalidInput.basisPoints(), v -> "rate out of range", (w, p) -> Rate.ofBasisPoints(p)));
    c.add(fixed("Rate.percent", "null", "null decimal", w -> Rate.percent((BigDecimal) null)));
    c.add(bad("Rate.percent", Generate.pick(List.of("-0.01", "100.01", "1E+3", "12.345")), v -> "rate out of range",
        (w, p) -> Rate.percent(new BigDecimal(p))));
    c.add(bad("QuoteItem", SourceDSL.longs().between(Long.MIN_VALUE, -1), v -> "negative number",
        (w, n) -> QuoteItem.of(Tier.GOLD, n, Money.of("1", "USD"))));
    c.add(fixed("QuoteItem", "null", "null fields", w -> new QuoteItem(null, null, 0, null)));
    c.add(fixed("PartnerProgram.builder", "null", "null clock", w -> PartnerProgram.builder().clock(null)));
    c.add(fixed("PartnerProgram.builder", "null", "null zone", w -> PartnerProgram.builder().zone(null)));
    c.add(fixed("PartnerProgram.builder", "null", "null id generator", w -> PartnerProgram.builder().idGenerator(null)));
    c.add(fixed("PartnerProgram.builder", "null", "null store", w -> PartnerProgram.builder().store(null)));
    c.add(fixed("PartnerProgram.builder", "null", "null settings", w -> PartnerProgram.builder().storage(null)));
    c.add(fixed("PartnerProgram.builder", "null", "null thresholds", w -> PartnerProgram.builder().expiryThresholds(null)));
    c.add(fixed("PartnerProgram.builder", "null", "null requirements",
        w -> PartnerProgram.builder().eligibilityRequirements(null)));
  }

  private static final Currency JPY = Currency.getInstance("JPY");
}
