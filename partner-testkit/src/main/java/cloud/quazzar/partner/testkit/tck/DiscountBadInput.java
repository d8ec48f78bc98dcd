package cloud.quazzar.partner.testkit.tck;

import static cloud.quazzar.partner.testkit.tck.BadInputContract.USD;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.bad;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.fixed;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.nullList;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.partnerIds;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.textKind;
import static cloud.quazzar.partner.testkit.tck.BadInputWorld.validPolicy;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.discount.AdjustmentKind;
import cloud.quazzar.partner.discount.AdjustmentRequest;
import cloud.quazzar.partner.discount.CancelRequest;
import cloud.quazzar.partner.discount.Combination;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.QuoteItem;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.generators.InvalidInput;
import cloud.quazzar.partner.testkit.tck.BadInputContract.Case;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The bad-input cases of the discount engine (policies, adjustments, quotes, calculators), run by
 * {@link BadInputContract} as the dynamic tests of its "discounts" container: one {@link Case} per
 * operation and kind of bad input.
 */
@SuppressWarnings({"NullAway", "NullOptional"}) // passes null policies, requests, dates and items on purpose: ValidationException expected
final class DiscountBadInput {
  private DiscountBadInput() {}

  /** Adds this capability's cases to {@code c}. */
  static void cases(List<Case> c) {
    Gen<@Nullable String> by = InvalidInput.freeText(100);
    Gen<@Nullable String> why = InvalidInput.freeText(500);
    c.add(fixed("discounts.setPolicy", "null", "null policy",
        w -> w.discounts().setPolicy(null, PolicyChange.today("a", "b"))));
    c.add(bad("discounts.setPolicy", by, BadInputContract::textKind,
        (w, s) -> w.discounts().setPolicy(w.policy().policy(), PolicyChange.today(s, "why"))));
    c.add(bad("discounts.setPolicy", why, BadInputContract::textKind,
        (w, s) -> w.discounts().setPolicy(w.policy().policy(), PolicyChange.today("a", s))));
    c.add(bad("discounts.setPolicy", pastDates(), v -> "date in the past",
        (w, d) -> w.discounts().setPolicy(w.policy().policy(), PolicyChange.from(w.today().minusDays(d), "a", "b"))));
    c.add(bad("DiscountPolicy.builder", InvalidInput.percents(), BadInputContract::percentKind,
        (w, p) -> w.discounts().setPolicy(policyWith(b -> b.baseRate(Tier.GOLD, p)), PolicyChange.today("a", "b"))));
    c.add(bad("DiscountPolicy.builder", InvalidInput.percents(), BadInputContract::percentKind,
        (w, p) -> w.discounts().setPolicy(policyWith(b -> b.cap(p)), PolicyChange.today("a", "b"))));
    c.add(bad("DiscountPolicy.builder", InvalidInput.percents(), BadInputContract::percentKind,
        (w, p) -> w.discounts().setPolicy(policyWith(b -> b.volumeStep(10, p)), PolicyChange.today("a", "b"))));
    c.add(bad("DiscountPolicy.builder", InvalidInput.negativeCounts(), v -> "negative number",
        (w, n) -> w.discounts().setPolicy(policyWith(b -> b.volumeStep(n, "1")),
            PolicyChange.today("a", "b"))));
    c.add(bad("DiscountPolicy.builder", SourceDSL.integers().between(1, 1000), v -> "values out of order",
        (w, n) -> w.discounts().setPolicy(policyWith(b -> b.volumeStep(n, "2").volumeStep(n, "3")), PolicyChange.today("a", "b"))));
    c.add(fixed("DiscountPolicy.builder", "values out of order", "a lower tier with a higher base rate",
        w -> policyWith(b -> b.baseRate(Tier.SILVER, "30"))));
    c.add(fixed("DiscountPolicy.builder", "null", "null combination and rounding",
        w -> policyWith(b -> b.combination(null).rounding(null))));
    c.add(fixed("DiscountPolicy.builder", "number out of range", "rounding UNNECESSARY",
        w -> policyWith(b -> b.rounding(RoundingMode.UNNECESSARY))));
    c.add(fixed("DiscountPolicy.builder", "null", "a missing tier",
        w -> DiscountPolicy.builder().baseRate(Tier.SILVER, "1").baseRate(Tier.GOLD, "2").build()));
    c.add(fixed("DiscountPolicy", "null", "null maps", w -> new DiscountPolicy(null, null, null,
        Combination.ADDITIVE, Rate.FULL, RoundingMode.HALF_UP)));
    c.add(bad("discounts.cancelPolicy", SourceDSL.integers().between(Integer.MIN_VALUE, 0), v -> "impossible version",
        (w, v) -> w.discounts().cancelPolicy(v, new CancelRequest("a", "b"))));
    c.add(bad("discounts.cancelPolicy", SourceDSL.integers().between(2, Integer.MAX_VALUE), v -> "unknown id",
        (w, v) -> w.discounts().cancelPolicy(v, new CancelRequest("a", "b"))));
    c.add(bad("discounts.cancelPolicy", by.zip(why, BadInputContract::pair), v -> textKind(v.get(0)),
        (w, v) -> w.discounts().cancelPolicy(w.policy().version(), new CancelRequest(v.get(0), v.get(1)))));
    c.add(bad("discounts.adjust", partnerIds(), v -> "unknown id",
        (w, id) -> w.discounts().adjust(id, AdjustmentRequest.extra(Rate.percent(1), "a", "b"))));
    c.add(bad("discounts.adjust", InvalidInput.percents(), BadInputContract::percentKind,
        (w, p) -> w.discounts().adjust(w.active().id(), AdjustmentRequest.extra(Rate.percent(p), "a", "b"))));
    c.add(bad("discounts.adjust", by.zip(why, BadInputContract::pair), v -> textKind(v.get(0)),
        (w, v) -> w.discounts().adjust(w.active().id(), AdjustmentRequest.extra(Rate.percent(1), v.get(0), v.get(1)))));
    c.add(bad("discounts.adjust", InvalidInput.datesOutOfOrder(LocalDate.of(2030, 6, 1)), v -> "dates out of order",
        (w, d) -> w.discounts().adjust(w.active().id(),
            AdjustmentRequest.extra(Rate.percent(1), "a", "b").withEffectiveFrom(d.from()).withEffectiveUntil(d.to()))));
    c.add(bad("discounts.adjust", pastDates(), v -> "date in the past",
        (w, d) -> w.discounts().adjust(w.active().id(), AdjustmentRequest.extra(Rate.percent(1), "a", "b").withEffectiveFrom(w.today().minusDays(d)))));
    c.add(fixed("discounts.adjust", "null", "null kind and rate",
        w -> w.discounts().adjust(w.active().id(), new AdjustmentRequest(null, null, Optional.empty(), Optional.empty(), "a", "b"))));
    c.add(bad("discounts.adjust", SourceDSL.integers().between(1, 100), v -> "rate out of range",
        (w, p) -> w.discounts().adjust(w.active().id(),
            new AdjustmentRequest(AdjustmentKind.NONE, Rate.percent(p), Optional.empty(), Optional.empty(), "a", "b"))));
    c.add(bad("discounts.cancelAdjustment", SourceDSL.integers().between(Integer.MIN_VALUE, 0), v -> "impossible version",
        (w, v) -> w.discounts().cancelAdjustment(w.active().id(), v, new CancelRequest("a", "b"))));
    c.add(bad("discounts.cancelAdjustment", SourceDSL.integers().between(2, Integer.MAX_VALUE), v -> "unknown id",
        (w, v) -> w.discounts().cancelAdjustment(w.active().id(), v, new CancelRequest("a", "b"))));
    c.add(bad("discounts.cancelAdjustment", partnerIds(), v -> "unknown id",
        (w, id) -> w.discounts().cancelAdjustment(id, 1, new CancelRequest("a", "b"))));
    c.add(bad("discounts.cancelAdjustment", by.zip(why, BadInputContract::pair), v -> textKind(v.get(1)),
        (w, v) -> w.discounts().cancelAdjustment(w.active().id(), 1, new CancelRequest(v.get(0), v.get(1)))));
    c.add(bad("discounts.adjustmentHistory", partnerIds(), v -> "unknown id", (w, id) -> w.discounts().adjustmentHistory(id, PageRequest.first(PageRequest.MAX_LIMIT)).items()));
    c.add(fixed("discounts.adjustmentOn", "null", "null date", w -> w.discounts().adjustmentOn(w.active().id(), null)));
    c.add(fixed("discounts.policyOn", "null", "null date", w -> w.discounts().policyOn(null)));
    c.add(fixed("discounts.calculatorOn", "null", "null date", w -> w.discounts().calculatorOn(null)));
    c.add(bad("discounts.quote", InvalidInput.negativeMoney(), v -> "negative number",
        (w, m) -> w.discounts().quote(w.active().id(), m)));
    c.add(bad("discounts.quote", partnerIds(), v -> "unknown id",
        (w, id) -> w.discounts().quote(id, Money.of("10", "USD"))));
    c.add(bad("discounts.quote", InvalidInput.inexactAmounts(), v -> "too many decimals",
        (w, a) -> w.discounts().quote(w.active().id(), Money.of(a, "USD"))));
    c.add(bad("discounts.quote", InvalidInput.hugeAmounts(), v -> "huge number",
        (w, a) -> w.discounts().quote(w.active().id(), Money.of(a, "USD"))));
    c.add(bad("discounts.quote", InvalidInput.unknownCurrencyCodes(), v -> "unknown currency",
        (w, code) -> w.discounts().quote(w.active().id(), Money.of("10", code))));
    c.add(fixed("discounts.quote", "null", "null gross", w -> w.discounts().quote(w.active().id(), null)));
    c.add(fixed("discounts.quote", "null", "null date", w -> w.discounts().quote(w.active().id(), null, Money.of("1", "USD"))));
    c.add(bad("discounts.adjustmentOn", partnerIds(), v -> "unknown id", (w, id) -> w.discounts().adjustmentOn(id, w.today())));
    c.add(bad("calculator.quote", SourceDSL.longs().between(Long.MIN_VALUE, -1), v -> "negative number",
        (w, n) -> w.discounts().calculatorOn(w.today()).quote(Tier.GOLD, n, Money.of("1", "USD"))));
    c.add(bad("calculator.quote", InvalidInput.negativeMoney(), v -> "negative number",
        (w, m) -> w.discounts().calculatorOn(w.today()).quote(Tier.GOLD, 1, m)));
    c.add(fixed("calculator.quote", "null", "null tier and gross",
        w -> w.discounts().calculatorOn(w.today()).quote(null, 1, null)));
    c.add(bad("calculator.rate", SourceDSL.longs().between(Long.MIN_VALUE, -1), v -> "negative number",
        (w, n) -> w.discounts().calculatorOn(w.today()).rate(Tier.GOLD, n)));
    c.add(fixed("calculator.rate", "null", "null tier", w -> w.discounts().calculatorOn(w.today()).rate(null, 1)));
    c.add(bad("discounts.quote(tier)", SourceDSL.longs().between(Long.MIN_VALUE, -1), v -> "negative number",
        (w, n) -> w.discounts().quote(Tier.GOLD, n, w.today(), Money.of("10", "USD"))));
    c.add(bad("discounts.quote(tier)", InvalidInput.negativeMoney(), v -> "negative number",
        (w, m) -> w.discounts().quote(Tier.GOLD, 3, w.today(), m)));
    c.add(fixed("discounts.quote(tier)", "null", "null tier, date and gross",
        w -> w.discounts().quote((Tier) null, 3, null, null)));
    c.add(bad("discounts.quoteAll", SourceDSL.longs().between(Long.MIN_VALUE, -1), v -> "negative number",
        (w, n) -> w.discounts().quoteAll(w.today(), USD, List.of(QuoteItem.of(Tier.GOLD, n, Money.of("1", "USD"))))));
    c.add(fixed("discounts.quoteAll", "unknown currency", "an item in another currency",
        w -> w.discounts().quoteAll(w.today(), USD, List.of(QuoteItem.of(Tier.GOLD, 1, Money.of("1", "EUR"))))));
    c.add(fixed("discounts.quoteAll", "null", "null items",
        w -> w.discounts().quoteAll(w.today(), USD, null)));
    c.add(fixed("discounts.quoteAll", "null", "a null item",
        w -> w.discounts().quoteAll(w.today(), USD, nullList())));
  }

  private static Gen<Integer> pastDates() {
    return SourceDSL.integers().between(1, 7300);
  }

  private static DiscountPolicy policyWith(Function<DiscountPolicy.Builder, DiscountPolicy.Builder> change) {
    return change.apply(validPolicy().toBuilder()).build();
  }
}
