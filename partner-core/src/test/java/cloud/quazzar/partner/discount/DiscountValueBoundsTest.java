package cloud.quazzar.partner.discount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.registry.Tier;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The edges of the discount package's values: both ends of every range are inside it (rule DISC-12
 * of docs/rules.md: a public constructor refuses bad input, and only bad input, with a {@link
 * ValidationException} naming each field), the builder's messages, and quotes as hash keys.
 */
@SuppressWarnings("NullAway") // passes nulls on purpose: ValidationException expected
class DiscountValueBoundsTest {
  private static final Money THOUSAND = Money.of("1000.00", "USD");

  private static List<Violation> violations(Executable call) {
    return assertThrows(ValidationException.class, call).violations();
  }

  private static DiscountPolicy.Builder complete() {
    return DiscountPolicy.builder().baseRate(Tier.SILVER, "10").baseRate(Tier.GOLD, "15").baseRate(Tier.PLATINUM, "20");
  }

  @Nested
  @DisplayName("Rate")
  class Rates {
    @Test
    @DisplayName("the constructor accepts 0 and 10,000 basis points (0% and 100%) and refuses -1 and 10,001, naming rate")
    void constructorBounds() {
      assertEquals(Rate.ZERO, new Rate(0));
      assertEquals(Rate.FULL, new Rate(Rate.MAX_BASIS_POINTS));
      assertEquals(List.of(new Violation("rate", "must be from 0% to 100%, got -0.01%")), violations(() -> new Rate(-1)));
      assertEquals(List.of(new Violation("rate", "must be from 0% to 100%, got 100.01%")),
          violations(() -> new Rate(Rate.MAX_BASIS_POINTS + 1)));
    }

    @Test
    @DisplayName("percent(int) accepts 0 and 100 (the shared 0% and 100%) and refuses -1 and 101, naming rate")
    void wholePercentBounds() {
      assertSame(Rate.ZERO, Rate.percent(0));
      assertSame(Rate.FULL, Rate.percent(100));
      assertEquals(List.of(new Violation("rate", "must be from 0% to 100%, got -1%")), violations(() -> Rate.percent(-1)));
      assertEquals(List.of(new Violation("rate", "must be from 0% to 100%, got 101%")), violations(() -> Rate.percent(101)));
    }
  }

  @Nested
  @DisplayName("DiscountPolicy.Builder")
  class PolicyBuilder {
    @Test
    @DisplayName("DISC-4: a tier without a base rate is reported by build() as not set, not as a null rate")
    void missingTierNamed() {
      ValidationException e = assertThrows(ValidationException.class,
          () -> DiscountPolicy.builder().baseRate(Tier.SILVER, "10").baseRate(Tier.GOLD, "15").build());
      assertEquals(List.of(new Violation("baseRates.PLATINUM", "must be set: every tier needs a base rate (0% is allowed)")),
          e.violations());
    }

    @Test
    @DisplayName("after build(), declaring a tier's own schedule is a ConfigurationException naming it, like every other option")
    void tierScheduleAfterBuild() {
      DiscountPolicy.Builder b = complete();
      b.build();
      ConfigurationException e = assertThrows(ConfigurationException.class, () -> b.tierSchedule(Tier.GOLD));
      assertTrue(e.getMessage().startsWith("this DiscountPolicy.Builder has built its policy; "), e.getMessage());
      assertTrue(e.getMessage().endsWith(" to set tierSchedules.GOLD"), e.getMessage());
    }
  }

  @Nested
  @DisplayName("QuoteItem")
  class Items {
    @Test
    @DisplayName("a null tier is a violation of tier alone; 0 servers and a zero gross are fine")
    void nullTier() {
      assertEquals(List.of(new Violation("tier", "must not be null")), violations(() -> QuoteItem.of(null, 1, THOUSAND)));
      assertEquals(List.of(new Violation("tier", "must not be null")),
          violations(() -> new QuoteItem(Optional.empty(), null, 0, Money.of("0.00", "USD"))));
      assertEquals(0, QuoteItem.of(Tier.GOLD, 0, Money.of("0.00", "USD")).serverCount());
    }
  }

  @Nested
  @DisplayName("DiscountQuote")
  class Quotes {
    @Test
    @DisplayName("equal quotes have equal hash codes, and quotes of different amounts spread over hash codes (usable as hash keys)")
    void hashCodes() {
      DiscountCalculator calculator = DiscountCalculator.of(complete().volumeStep(50, "5").build());
      assertEquals(calculator.quote(Tier.GOLD, 50, THOUSAND).hashCode(), calculator.quote(Tier.GOLD, 50, THOUSAND).hashCode());
      Set<Integer> hashes = new HashSet<>();
      Set<DiscountQuote> quotes = new HashSet<>();
      for (int i = 0; i < 200; i++) {
        DiscountQuote q = calculator.quote(Tier.values()[i % 3], i, Money.ofMinor(100_000L + i, THOUSAND.currency()));
        hashes.add(q.hashCode());
        quotes.add(q);
      }
      assertEquals(200, quotes.size(), "200 different quotes");
      assertTrue(hashes.size() >= 190, "distinct hash codes: " + hashes.size());
    }
  }
}
