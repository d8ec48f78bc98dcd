package cloud.quazzar.partner.testkit.discount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.discount.AdjustmentKind;
import cloud.quazzar.partner.discount.AdjustmentRequest;
import cloud.quazzar.partner.discount.DiscountCalculator;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.DiscountGenerators;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The discount engine's refusals, each with its exact fields and messages (rule BAD-1 of
 * docs/rules.md: every public operation lists each violation by field, and never fails with a
 * NullPointerException instead), at the edges the random bad input of the TCK rarely reaches: a
 * missing request as a whole, a server count of exactly 0 beside another violation.
 */
@SuppressWarnings({"NullAway", "NullOptional"}) // passes nulls on purpose: ValidationException expected
class DiscountEngineInputTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-01-15");
  private static final Money GROSS = Money.of("1000.00", "USD");

  private final PartnerProgram program = PartnerProgram.builder().store(MemoryStorage.create())
      .clock(TestClock.at(Instant.parse("2026-01-15T09:30:00Z"))).build();
  private final DiscountEngine engine = program.discounts();

  @AfterEach
  void close() {
    program.close();
  }

  private static List<Violation> violations(Executable call) {
    return assertThrows(ValidationException.class, call).violations();
  }

  private static List<Violation> one(String field, String message) {
    return List.of(new Violation(field, message));
  }

  private Partner partner() {
    return program.registry().add(new NewPartner("Edge Cloud", "edge@partners.example", Tier.GOLD));
  }

  private DiscountCalculator calculator() {
    engine.setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "example"));
    return engine.calculatorOn(TODAY);
  }

  @Nested
  @DisplayName("A missing request is one violation of the request, not a crash")
  class MissingRequests {
    @Test
    @DisplayName("setPolicy without a change: change must not be null; nothing is stored")
    void setPolicy() {
      assertEquals(one("change", "must not be null"), violations(() -> engine.setPolicy(DiscountGenerators.examplePolicy(), null)));
      assertEquals(List.of(), engine.policyHistory());
    }

    @Test
    @DisplayName("cancelPolicy without a request: request must not be null")
    void cancelPolicy() {
      calculator();
      assertEquals(one("request", "must not be null"), violations(() -> engine.cancelPolicy(1, null)));
    }

    @Test
    @DisplayName("adjust without a request: request must not be null; nothing is stored")
    void adjust() {
      Partner p = partner();
      assertEquals(one("request", "must not be null"), violations(() -> engine.adjust(p.id(), null)));
      assertEquals(List.of(), engine.adjustmentHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
    }

    @Test
    @DisplayName("cancelAdjustment without a request: request must not be null")
    void cancelAdjustment() {
      Partner p = partner();
      engine.adjust(p.id(), AdjustmentRequest.extra(Rate.percent(2), "admin", "loyal").withEffectiveFrom(TODAY.plusDays(3)));
      assertEquals(one("request", "must not be null"), violations(() -> engine.cancelAdjustment(p.id(), 1, null)));
    }

    @Test
    @DisplayName("adjustmentHistory of no partner: partnerId must not be null")
    void adjustmentHistory() {
      assertEquals(one("partnerId", "must not be null"), violations(() -> engine.adjustmentHistory(null, PageRequest.first(PageRequest.MAX_LIMIT)).items()));
    }
  }

  @Nested
  @DisplayName("Adjustments (DISC-8)")
  class Adjustments {
    @Test
    @DisplayName("a NONE adjustment must carry 0%: 5% is a violation of rate; 0% is accepted")
    void noneCarriesNoRate() {
      Partner p = partner();
      assertEquals(one("rate", "must be 0% for a NONE adjustment, got 5%"), violations(() -> engine.adjust(p.id(),
          new AdjustmentRequest(AdjustmentKind.NONE, Rate.percent(5), Optional.empty(), Optional.empty(), "admin", "why"))));
      assertEquals(List.of(), engine.adjustmentHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
      assertEquals(AdjustmentKind.NONE, engine.adjust(p.id(), AdjustmentRequest.none("admin", "why")).kind());
    }

    @Test
    @DisplayName("BAD-1: a NONE adjustment with 5% that starts yesterday is refused with both violations at once")
    void noneRateListedWithTheOtherViolations() {
      Partner p = partner();
      AdjustmentRequest bad = new AdjustmentRequest(AdjustmentKind.NONE, Rate.percent(5), Optional.of(TODAY.minusDays(1)),
          Optional.empty(), "admin", "why");
      assertEquals(List.of(
          new Violation("effectiveFrom", "must be today (2026-01-15) or later: an adjustment never changes a past date"),
          new Violation("rate", "must be 0% for a NONE adjustment, got 5%")), violations(() -> engine.adjust(p.id(), bad)));
      assertEquals(List.of(), engine.adjustmentHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
    }
  }

  @Nested
  @DisplayName("Quotes and rates: 0 servers is a valid count, so only the other violation is listed")
  class Quotes {
    @Test
    @DisplayName("quote(tier, servers, date, gross): a null tier with 0 servers is a violation of tier alone")
    void nullTierZeroServers() {
      assertEquals(one("tier", "must not be null"), violations(() -> engine.quote((Tier) null, 0, TODAY, GROSS)));
    }

    @Test
    @DisplayName("quote(tier, servers, date, gross): -1 servers, and a null gross, are each named")
    void negativeServersNullGross() {
      assertEquals(one("serverCount", "must be greater than or equal to 0, got -1"),
          violations(() -> engine.quote(Tier.GOLD, -1, TODAY, GROSS)));
      assertEquals(one("gross", "must not be null"), violations(() -> engine.quote(Tier.GOLD, 0, TODAY, null)));
    }

    @Test
    @DisplayName("a negative gross is named, by the engine and by a calculator")
    void negativeGross() {
      Money minus = Money.of("-1.00", "USD");
      assertEquals(one("gross", "must not be negative, got -1.00 USD"), violations(() -> engine.quote(Tier.GOLD, 0, TODAY, minus)));
      DiscountCalculator c = calculator();
      assertEquals(one("gross", "must not be negative, got -1.00 USD"), violations(() -> c.quote(Tier.GOLD, 0, minus)));
    }

    @Test
    @DisplayName("a calculator's rate: a null tier with 0 servers is a violation of tier alone; with -1, of both")
    void calculatorRate() {
      DiscountCalculator c = calculator();
      assertEquals(one("tier", "must not be null"), violations(() -> c.rate(null, 0)));
      assertEquals(List.of(new Violation("serverCount", "must be greater than or equal to 0, got -1"),
          new Violation("tier", "must not be null")), violations(() -> c.rate(null, -1)));
    }

    @Test
    @DisplayName("a calculator's quote: a null gross is named; a null tier with 0 servers is a violation of tier alone")
    void calculatorQuote() {
      DiscountCalculator c = calculator();
      assertEquals(one("gross", "must not be null"), violations(() -> c.quote(Tier.GOLD, 0, null)));
      assertEquals(one("tier", "must not be null"), violations(() -> c.quote(null, 0, GROSS)));
    }

    @Test
    @DisplayName("a calculator names its date and policy version, for logs")
    void calculatorToString() {
      assertEquals("DiscountCalculator[2026-01-15, policy version 1 (effective 2026-01-15)]", calculator().toString());
    }
  }
}
