package cloud.quazzar.partner.internal.discount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.discount.DiscountCalculator;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.registry.Tier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The bridge to the quote's constructor (rule DISC-12 of docs/rules.md: a quote is made only by the
 * engine): {@link DiscountQuote} registers it once, and nothing can register another afterwards.
 */
class QuoteAccessTest {
  @Test
  @DisplayName("DISC-12: once DiscountQuote has registered the quote factory, a second registration is refused")
  void registeredOnce() {
    DiscountPolicy policy = DiscountPolicy.builder().baseRate(Tier.SILVER, "10").baseRate(Tier.GOLD, "15")
        .baseRate(Tier.PLATINUM, "20").build();
    Money gross = Money.of("100.00", "USD");
    DiscountQuote before = DiscountCalculator.of(policy).quote(Tier.GOLD, 1, gross); // DiscountQuote is initialised
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> QuoteAccess.register((basis, tier, servers, steps, rate, capped, g, discount) -> {
          throw new AssertionError("a second factory must never be used");
        }));
    assertEquals("the quote factory is registered already", e.getMessage());
    assertEquals(before, DiscountCalculator.of(policy).quote(Tier.GOLD, 1, gross), "quotes are made as before");
  }
}
