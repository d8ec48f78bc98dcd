package cloud.quazzar.partner.testkit.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.portal.BillingStatement;
import cloud.quazzar.partner.portal.PartnerPortal;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.DiscountGenerators;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Billing statements: the Gold example of rule DISC-2, determinism, the tier of the month, clear errors. */
class BillingStatementTest {
  private static final YearMonth JAN = YearMonth.of(2026, 1);
  private static final YearMonth FEB = YearMonth.of(2026, 2);
  private static final Money COST = Money.of("1000.00", "USD");

  private final TestClock clock = TestClock.at(Instant.parse("2026-01-15T09:30:00Z"));
  private final PartnerProgram program = PartnerProgram.builder().store(MemoryStorage.create()).clock(clock).build();
  private final Partner gold = program.registry().add(new NewPartner("Acme Cloud", "ops@acme.example", Tier.GOLD));
  private final PartnerPortal portal = program.portal(gold.id());

  @AfterEach
  void close() {
    program.close();
  }

  private void recordMonth(YearMonth month, long servers) {
    program.revenue().record(
        RevenueRecording.of(gold.id(), month, Money.of("5000.00", "USD"), "acme-" + month).withCounts(servers, 3));
  }

  @Test
  @DisplayName("Gold with 50 servers in January under Gold 15% + 5% from 50: 20%, 200.00 off 1000.00")
  void goldFifty() {
    program.discounts().setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "launch"));
    recordMonth(JAN, 50);
    BillingStatement s = portal.statement(JAN, COST);
    assertEquals(gold.id(), s.partnerId());
    assertEquals(JAN, s.month());
    assertEquals(LocalDate.of(2026, 1, 31), s.quote().date());
    assertEquals(Tier.GOLD, s.tier());
    assertEquals(50, s.serverCount());
    assertEquals(3, s.clientCount());
    assertEquals(Money.of("5000.00", "USD"), s.mrr());
    assertEquals(COST, s.licensingCost());
    assertEquals(Rate.percent(20), s.quote().totalRate());
    assertEquals(Money.of("200.00", "USD"), s.discount());
    assertEquals(Money.of("800.00", "USD"), s.net());
    assertEquals(1, s.quote().policyVersion().version());
    assertEquals("tier GOLD with 50 servers", s.explanation().get(1));
  }

  @Test
  @DisplayName("a later policy version and a later tier change leave an earlier month's statement as it was")
  void deterministic() {
    program.discounts().setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "launch"));
    recordMonth(JAN, 50);
    BillingStatement first = portal.statement(JAN, COST);

    DiscountPolicy richer = DiscountGenerators.examplePolicy().toBuilder().baseRate(Tier.PLATINUM, "30").baseRate(Tier.GOLD, "25").build();
    program.discounts().setPolicy(richer, PolicyChange.from(LocalDate.of(2026, 2, 1), "admin", "richer"));
    assertEquals(first, portal.statement(JAN, COST), "a version effective after January");

    clock.set(Instant.parse("2026-02-10T09:00:00Z"));
    Partner current = program.registry().get(gold.id());
    program.registry().changeTier(gold.id(), current.version(), new TierChangeRequest(Tier.PLATINUM, "admin", "grew"));
    recordMonth(FEB, 50);
    assertEquals(first, portal.statement(JAN, COST), "after the version took effect and the tier changed");

    BillingStatement feb = portal.statement(FEB, COST);
    assertEquals(Tier.PLATINUM, feb.tier(), "the tier in force at the end of February");
    assertEquals(2, feb.quote().policyVersion().version());
    assertEquals(List.of(first, feb), portal.statements(new MonthRange(YearMonth.of(2025, 12), FEB), COST),
        "months without a ledger entry are left out");
  }

  @Test
  @DisplayName("a month without a ledger entry and a negative cost are clear errors")
  void errors() {
    program.discounts().setPolicy(DiscountGenerators.examplePolicy(), PolicyChange.today("admin", "launch"));
    NotFoundException missing = assertThrows(NotFoundException.class, () -> portal.statement(JAN, COST));
    assertEquals("revenue month 2026-01 not found", missing.getMessage());
    ValidationException negative = assertThrows(ValidationException.class,
        () -> portal.statement(JAN, Money.of("-1.00", "USD")));
    assertEquals(List.of("licensingCost"), negative.fields());
  }
}
