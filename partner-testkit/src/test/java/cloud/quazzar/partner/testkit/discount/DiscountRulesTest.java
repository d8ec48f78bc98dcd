package cloud.quazzar.partner.testkit.discount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.discount.BatchQuote;
import cloud.quazzar.partner.discount.CancelRequest;
import cloud.quazzar.partner.discount.DiscountCalculator;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PartnerAdjustment;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.discount.QuoteItem;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.discount.VolumeStep;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.SequentialIds;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.DiscountGenerators;
import cloud.quazzar.partner.testkit.oracle.DiscountOracle;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The discount rules DISC-1 to DISC-8 and DISC-10 of docs/rules.md, each stated as an invariant over generated
 * policies, tiers, server counts and amounts (QuickTheories; a failure prints the shrunk example and
 * the seed). Every test name is the rule.
 */
class DiscountRulesTest {
  private static final Instant START = Instant.parse("2026-01-15T09:30:00Z");
  private static final LocalDate TODAY = LocalDate.parse("2026-01-15");

  /** A program on a new memory store with {@code policy} in force from today. */
  private static PartnerProgram programWith(DiscountPolicy policy) {
    PartnerProgram program = PartnerProgram.builder().store(MemoryStorage.create()).clock(TestClock.at(START)).idGenerator(new SequentialIds()).build();
    program.discounts().setPolicy(policy, PolicyChange.today("property", "generated"));
    return program;
  }

  private static DiscountQuote quote(DiscountPolicy policy, Tier tier, long servers, Money gross) {
    try (PartnerProgram program = programWith(policy)) {
      return program.discounts().quote(tier, servers, TODAY, gross);
    }
  }

  @Test
  @DisplayName("the engine agrees exactly with the BigDecimal oracle for every generated input")
  void agreesWithOracle() {
    qt().withExamples(2000)
        .forAll(DiscountGenerators.policies(), DiscountGenerators.tiers(), DiscountGenerators.serverCounts(),
            DiscountGenerators.amounts())
        .checkAssert((policy, tier, servers, gross) -> {
          DiscountQuote q = quote(policy, tier, servers, gross);
          assertEquals(List.of(), DiscountOracle.quote(policy, tier, servers, gross).differences(q), q.toString());
        });
  }

  @Test
  @DisplayName("the engine agrees exactly with the oracle for partners with adjustments")
  void agreesWithOracleWithAdjustments() {
    qt().withExamples(300)
        .forAll(DiscountGenerators.policies(), DiscountGenerators.tiers(), DiscountGenerators.adjustments(),
            DiscountGenerators.amounts())
        .checkAssert((policy, tier, request, gross) -> {
          try (PartnerProgram program = programWith(policy)) {
            Partner p = program.registry().add(new NewPartner("Adjusted", "a@b.example", tier));
            program.registry().addClient(p.id(), new NewClient("c", 120));
            PartnerAdjustment a = program.discounts().adjust(p.id(), request);
            DiscountQuote q = program.discounts().quote(p.id(), TODAY, gross);
            Optional<PartnerAdjustment> inForce = DiscountOracle.adjustmentOn(List.of(a), TODAY);
            assertEquals(inForce, q.adjustment(), "the adjustment is its own line, or none for NONE");
            assertEquals(List.of(), DiscountOracle.quote(policy, tier, 120, gross, inForce).differences(q), q.toString());
            assertTrue(q.totalRate().basisPoints() <= policy.cap().basisPoints(), "within the cap");
          }
        });
  }

  @Test
  @DisplayName("0 <= discount <= gross")
  void discountBetweenZeroAndGross() {
    qt().withExamples(1000)
        .forAll(DiscountGenerators.policies(), DiscountGenerators.tiers(), DiscountGenerators.serverCounts(),
            DiscountGenerators.amounts())
        .checkAssert((policy, tier, servers, gross) -> {
          DiscountQuote q = quote(policy, tier, servers, gross);
          assertTrue(q.discount().minorUnits() >= 0, q.toString());
          assertTrue(q.discount().compareTo(q.gross()) <= 0, q.toString());
        });
  }

  @Test
  @DisplayName("net + discount == gross, exactly, in the gross's currency")
  void netPlusDiscountIsGross() {
    qt().withExamples(1000)
        .forAll(DiscountGenerators.policies(), DiscountGenerators.tiers(), DiscountGenerators.serverCounts(),
            DiscountGenerators.amounts())
        .checkAssert((policy, tier, servers, gross) -> {
          DiscountQuote q = quote(policy, tier, servers, gross);
          assertEquals(gross, q.net().plus(q.discount()));
          assertEquals(gross.currency(), q.discount().currency());
        });
  }

  @Test
  @DisplayName("the discount is gross × total rate rounded once to the currency's minor unit (less than one unit away)")
  void roundedToMinorUnit() {
    qt().withExamples(1000)
        .forAll(DiscountGenerators.policies(), DiscountGenerators.tiers(), DiscountGenerators.serverCounts(),
            DiscountGenerators.amounts())
        .checkAssert((policy, tier, servers, gross) -> {
          DiscountQuote q = quote(policy, tier, servers, gross);
          BigDecimal exact = gross.toBigDecimal().multiply(q.totalRate().toFraction());
          BigDecimal unit = BigDecimal.ONE.movePointLeft(gross.scale());
          assertTrue(q.discount().toBigDecimal().subtract(exact).abs().compareTo(unit) < 0, q.toString());
          assertEquals(gross.scale(), q.discount().toBigDecimal().scale());
        });
  }

  @Test
  @DisplayName("the total rate never exceeds 100% or the cap")
  void totalWithinCap() {
    qt().withExamples(1000)
        .forAll(DiscountGenerators.policies(), DiscountGenerators.tiers(), DiscountGenerators.serverCounts())
        .checkAssert((policy, tier, servers) -> {
          try (PartnerProgram program = programWith(policy)) {
            int rate = program.discounts().calculatorOn(TODAY).rate(tier, servers).basisPoints();
            assertTrue(rate <= Rate.MAX_BASIS_POINTS && rate <= policy.cap().basisPoints(), rate + " bp");
            assertTrue(rate >= 0);
          }
        });
  }

  @Test
  @DisplayName("a calculator's rate and a quote's total rate are the policy's reference rate, for any server count")
  void calculatorRateIsTheReference() {
    qt().withExamples(1000)
        .forAll(DiscountGenerators.policies(), DiscountGenerators.tiers(), DiscountGenerators.serverCounts())
        .checkAssert((policy, tier, servers) -> {
          try (PartnerProgram program = programWith(policy)) {
            DiscountCalculator c = program.discounts().calculatorOn(TODAY);
            Rate expected = policy.totalRate(tier, servers);
            assertEquals(expected, c.rate(tier, servers), tier + " at " + servers + " under " + policy);
            assertEquals(expected, c.quote(tier, servers, Money.of("1.00", "USD")).totalRate());
          }
        });
  }

  @Test
  @DisplayName("monotone in tier: a higher tier never gets a smaller total rate")
  void monotoneInTier() {
    qt().withExamples(1000)
        .forAll(DiscountGenerators.policies(), DiscountGenerators.serverCounts())
        .checkAssert((policy, servers) -> {
          try (PartnerProgram program = programWith(policy)) {
            DiscountCalculator c = program.discounts().calculatorOn(TODAY);
            int silver = c.rate(Tier.SILVER, servers).basisPoints();
            int gold = c.rate(Tier.GOLD, servers).basisPoints();
            int platinum = c.rate(Tier.PLATINUM, servers).basisPoints();
            assertTrue(silver <= gold && gold <= platinum, silver + " / " + gold + " / " + platinum + " under " + policy);
          }
        });
  }

  @Test
  @DisplayName("monotone in server count: more servers never get a smaller total rate")
  void monotoneInServers() {
    qt().withExamples(1000)
        .forAll(DiscountGenerators.policies(), DiscountGenerators.tiers(), DiscountGenerators.serverCounts(),
            integers().between(0, 1000))
        .checkAssert((policy, tier, servers, more) -> {
          try (PartnerProgram program = programWith(policy)) {
            DiscountCalculator c = program.discounts().calculatorOn(TODAY);
            long larger = servers > Long.MAX_VALUE - more ? Long.MAX_VALUE : servers + more; // any long is a count
            assertTrue(c.rate(tier, servers).basisPoints() <= c.rate(tier, larger).basisPoints());
          }
        });
  }

  @Test
  @DisplayName("the applied step is the highest reached ('50+' means 50 or more), never a sum over steps")
  void highestStepReached() {
    qt().withExamples(1000)
        .forAll(DiscountGenerators.policies(), DiscountGenerators.tiers(), DiscountGenerators.serverCounts())
        .checkAssert((policy, tier, servers) -> {
          DiscountQuote q = quote(policy, tier, servers, Money.of("100.00", "USD"));
          List<VolumeStep> schedule = policy.scheduleFor(tier);
          List<VolumeStep> reached = schedule.stream().filter(s -> s.minServerCount() <= servers).toList();
          assertEquals(reached.isEmpty() ? Optional.empty() : Optional.of(reached.get(reached.size() - 1)), q.volumeStep());
          q.volumeStep().ifPresent(step -> {
            assertTrue(servers >= step.minServerCount());
            int next = schedule.indexOf(step) + 1;
            assertTrue(next == schedule.size() || servers < schedule.get(next).minServerCount());
          });
          // the bonus used is that one step's, not a sum: recompute the total from it alone
          int expected = Math.min(policy.combination().combine(policy.baseRate(tier), q.volumeBonus(), policy.rounding()),
              policy.cap().basisPoints());
          assertEquals(expected, q.totalRate().basisPoints());
        });
  }

  @Test
  @DisplayName("a quote for a past date is unchanged by later policy versions")
  void pastQuotesUnchanged() {
    Gen<List<DiscountPolicy>> later = lists().of(DiscountGenerators.policies()).ofSizeBetween(1, 5);
    qt().withExamples(200)
        .forAll(DiscountGenerators.policies(), later,
            DiscountGenerators.tiers().zip(DiscountGenerators.serverCounts(), Pair::of), DiscountGenerators.amounts())
        .checkAssert((first, changes, partner, gross) -> {
          Tier tier = partner._1;
          long servers = partner._2;
          TestClock clock = TestClock.at(START);
          try (PartnerProgram program = PartnerProgram.builder().store(MemoryStorage.create()).clock(clock).build()) {
            program.discounts().setPolicy(first, PolicyChange.today("a", "first"));
            DiscountQuote before = program.discounts().quote(tier, servers, TODAY, gross);
            for (DiscountPolicy change : changes) {
              clock.advanceDays(1);
              program.discounts().setPolicy(change, PolicyChange.today("a", "later"));
              assertEquals(before, program.discounts().quote(tier, servers, TODAY, gross));
            }
          }
        });
  }

  @Test
  @DisplayName("the version in force on every date follows the effective-date rule, with scheduling and cancelling")
  void versionInForceRule() {
    // each op: a day offset (0..30) to schedule a version on, and whether to cancel it afterwards
    Gen<List<int[]>> ops = lists().of(integers().between(0, 30).zip(Generate.booleans(),
        (d, cancel) -> new int[] {d, cancel ? 1 : 0})).ofSizeBetween(1, 12);
    qt().withExamples(200)
        .forAll(ops)
        .checkAssert(script -> {
          try (PartnerProgram program = PartnerProgram.builder().store(MemoryStorage.create()).clock(TestClock.at(START)).build()) {
            DiscountPolicy policy = DiscountGenerators.examplePolicy();
            for (int[] op : script) {
              PolicyVersion v = program.discounts().setPolicy(policy, PolicyChange.from(TODAY.plusDays(op[0]), "a", "b"));
              if (op[1] == 1 && op[0] > 0) {
                program.discounts().cancelPolicy(v.version(), new CancelRequest("a", "cancel"));
              }
            }
            List<PolicyVersion> history = program.discounts().policyHistory();
            for (int d = -1; d <= 32; d++) {
              LocalDate date = TODAY.plusDays(d);
              assertEquals(DiscountOracle.versionOn(history, date), program.discounts().policyOn(date), date.toString());
            }
          }
        });
  }

  @Test
  @DisplayName("a batch quotes every item exactly as a single quote would, and its totals add up")
  void batchAgreesWithSingleQuotes() {
    Gen<List<long[]>> items = lists().of(integers().between(0, 2).zip(DiscountGenerators.serverCounts(),
        Generate.longRange(0, 10_000_000_000L), (t, s, g) -> new long[] {t, s, g})).ofSizeBetween(0, 40);
    qt().withExamples(300)
        .forAll(DiscountGenerators.policies(), items)
        .checkAssert((policy, lines) -> {
          try (PartnerProgram program = programWith(policy)) {
            java.util.Currency usd = java.util.Currency.getInstance("USD");
            List<QuoteItem> batch = new ArrayList<>();
            for (long[] l : lines) {
              batch.add(QuoteItem.of(Tier.values()[(int) l[0]], l[1], Money.ofMinor(l[2], usd)));
            }
            BatchQuote run = program.discounts().quoteAll(TODAY, usd, batch);
            Money gross = Money.zero(usd);
            Money discount = Money.zero(usd);
            for (int i = 0; i < batch.size(); i++) {
              QuoteItem item = batch.get(i);
              assertEquals(program.discounts().quote(item.tier(), item.serverCount(), TODAY, item.gross()), run.quotes().get(i));
              gross = gross.plus(item.gross());
              discount = discount.plus(run.quotes().get(i).discount());
            }
            assertEquals(gross, run.totalGross());
            assertEquals(discount, run.totalDiscount());
            assertEquals(gross, run.totalNet().plus(run.totalDiscount()));
          }
        });
  }

  @Test
  @DisplayName("money never wraps: sums and differences are exact or a clear ValidationException")
  void moneyNeverWraps() {
    qt().withExamples(2000)
        .forAll(Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE), Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE),
            DiscountGenerators.currencies())
        .checkAssert((a, b, currency) -> {
          Money x = Money.ofMinor(a, currency);
          Money y = Money.ofMinor(b, currency);
          BigDecimal exact = x.toBigDecimal().add(y.toBigDecimal());
          try {
            assertEquals(0, exact.compareTo(x.plus(y).toBigDecimal()));
          } catch (ValidationException e) {
            assertTrue(exact.unscaledValue().bitLength() > 63, "refused only when it does not fit: " + exact);
            assertEquals(List.of("amount"), e.fields());
          }
          assertEquals(x, Money.of(x.toBigDecimal(), currency), "parsing the decimal form gives the amount back");
        });
  }
}
