package cloud.quazzar.partner.testkit.discount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.discount.AdjustmentRequest;
import cloud.quazzar.partner.discount.BatchQuote;
import cloud.quazzar.partner.discount.CancelRequest;
import cloud.quazzar.partner.discount.Combination;
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
import cloud.quazzar.partner.testkit.Examples;
import cloud.quazzar.partner.testkit.SequentialIds;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.DiscountGenerators;
import cloud.quazzar.partner.testkit.generators.PartnerGenerators;
import cloud.quazzar.partner.testkit.oracle.DiscountOracle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
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
    qt().withExamples(Examples.scaled(2000))
        .forAll(DiscountGenerators.policies(), DiscountGenerators.tiers(), DiscountGenerators.serverCounts(),
            DiscountGenerators.amounts())
        .checkAssert((policy, tier, servers, gross) -> {
          DiscountQuote q = quote(policy, tier, servers, gross);
          assertEquals(List.of(), DiscountOracle.quote(policy, tier, servers, gross).differences(q), q.toString());
        });
  }

  @Test
  @DisplayName("a calculator of a policy alone quotes as a program with that policy does, and as the oracle (DISC-1..4)")
  void standaloneCalculatorAgrees() {
    qt().withExamples(Examples.scaled(500))
        .forAll(DiscountGenerators.policies(), DiscountGenerators.tiers(), DiscountGenerators.serverCounts(),
            DiscountGenerators.amounts())
        .checkAssert((policy, tier, servers, gross) -> {
          DiscountCalculator alone = DiscountCalculator.of(policy, TODAY);
          DiscountQuote q = alone.quote(tier, servers, gross);
          assertEquals(List.of(), DiscountOracle.quote(policy, tier, servers, gross).differences(q), q.toString());
          assertEquals(q.totalRate(), alone.rate(tier, servers), "rate and quote agree");
          DiscountQuote inProgram = quote(policy, tier, servers, gross);
          assertEquals(inProgram.discount(), q.discount());
          assertEquals(inProgram.explanation(), q.explanation());
          assertEquals(TODAY, q.basis().date());
          assertEquals(policy, q.basis().policyVersion().policy());
          assertEquals(q.discount(), DiscountCalculator.of(policy).quote(tier, servers, gross).discount(),
              "the date of a calculator of a policy alone changes nothing but the date");
        });
  }

  @Test
  @DisplayName("the engine agrees exactly with the oracle for partners with adjustments")
  void agreesWithOracleWithAdjustments() {
    qt().withExamples(Examples.scaled(300))
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
    qt().withExamples(Examples.scaled(1000))
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
    qt().withExamples(Examples.scaled(1000))
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
    qt().withExamples(Examples.scaled(1000))
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
    qt().withExamples(Examples.scaled(1000))
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
    qt().withExamples(Examples.scaled(1000))
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
    qt().withExamples(Examples.scaled(1000))
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
    qt().withExamples(Examples.scaled(1000))
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
    qt().withExamples(Examples.scaled(1000))
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
    qt().withExamples(Examples.scaled(200))
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
    qt().withExamples(Examples.scaled(200))
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
    qt().withExamples(Examples.scaled(300))
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
    qt().withExamples(Examples.scaled(2000))
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

  // ---- billing runs with partners (rules DISC-5 and DISC-8 of docs/rules.md) ----------------------------

  /** A partner of a generated billing run: its tier, its server count, its adjustments and whether to cancel each. */
  private record PartnerSpec(Tier tier, long servers, List<AdjustmentRequest> adjustments, List<Boolean> cancel) {}

  /**
   * An item of a generated billing run: the partner it names (an index into the run's partners; none
   * if out of range), whether it uses that partner's registry figures or its own, and its own tier,
   * server count and gross minor units.
   */
  private record ItemSpec(int partner, boolean registryFigures, Tier tier, long servers, long gross) {}

  /** Adjustment requests of every kind starting today or within six days, open-ended or for 1 to 5 days. */
  private static Gen<AdjustmentRequest> datedAdjustments() {
    return DiscountGenerators.adjustments().zip(integers().between(0, 6), integers().between(-1, 4), (r, from, days) -> {
      AdjustmentRequest dated = r.withEffectiveFrom(TODAY.plusDays(from));
      return days < 0 ? dated : dated.withEffectiveUntil(TODAY.plusDays(from + days));
    });
  }

  /** Gross amounts whose sum over 40 items fits in a long, on both sides of the engine's fast multiply. */
  private static Gen<Long> runAmounts() {
    return Generate.frequency(Pair.of(3, Generate.longRange(0, 10_000_000)), Pair.of(1, Generate.longRange(0, 1_000_000_000_000L)),
        Pair.of(1, Generate.longRange(Long.MAX_VALUE / Rate.MAX_BASIS_POINTS, Long.MAX_VALUE / 64)));
  }

  @Test
  @DisplayName("DISC-8: a billing run quotes each item as the single quote for its partner and date would, that partner's adjustment included, and its totals are the sums")
  void batchAppliesEachPartnersAdjustment() {
    Gen<PartnerSpec> partners = DiscountGenerators.tiers().zip(PartnerGenerators.serverCounts(),
        lists().of(datedAdjustments()).ofSizeBetween(0, 3), lists().of(Generate.booleans()).ofSize(3), PartnerSpec::new);
    Gen<ItemSpec> items = integers().between(-1, 3).zip(Generate.booleans(), DiscountGenerators.tiers(),
        DiscountGenerators.serverCounts(), runAmounts(), ItemSpec::new);
    qt().withExamples(Examples.scaled(300))
        .forAll(DiscountGenerators.policies(), lists().of(partners).ofSizeBetween(1, 4), lists().of(items).ofSizeBetween(0, 30),
            integers().between(0, 8).zip(DiscountGenerators.currencies(), Pair::of))
        .checkAssert((policy, specs, lines, when) -> {
          LocalDate date = TODAY.plusDays(when._1);
          Currency currency = when._2;
          try (PartnerProgram program = programWith(policy)) {
            List<Partner> added = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
              PartnerSpec spec = specs.get(i);
              Partner p = program.registry().add(new NewPartner("Run Partner " + i, "run" + i + "@partners.example", spec.tier()));
              if (spec.servers() > 0) {
                program.registry().addClient(p.id(), new NewClient("servers", spec.servers()));
              }
              for (int j = 0; j < spec.adjustments().size(); j++) {
                PartnerAdjustment a = program.discounts().adjust(p.id(), spec.adjustments().get(j));
                if (spec.cancel().get(j) && a.effectiveFrom().isAfter(TODAY)) {
                  program.discounts().cancelAdjustment(p.id(), a.version(), new CancelRequest("property", "dropped"));
                }
              }
              added.add(p);
            }
            List<QuoteItem> batch = new ArrayList<>();
            for (ItemSpec l : lines) {
              Money gross = Money.ofMinor(l.gross(), currency);
              if (l.partner() < 0 || l.partner() >= added.size()) {
                batch.add(QuoteItem.of(l.tier(), l.servers(), gross));
              } else if (l.registryFigures()) {
                PartnerSpec spec = specs.get(l.partner());
                batch.add(QuoteItem.of(added.get(l.partner()).id(), spec.tier(), spec.servers(), gross));
              } else {
                batch.add(QuoteItem.of(added.get(l.partner()).id(), l.tier(), l.servers(), gross));
              }
            }
            BatchQuote run = program.discounts().quoteAll(date, currency, batch);
            assertEquals(date, run.date());
            assertEquals(program.discounts().policyOn(date).orElseThrow(), run.policyVersion());
            assertEquals(batch.size(), run.quotes().size());
            Money gross = Money.zero(currency);
            Money discount = Money.zero(currency);
            for (int i = 0; i < batch.size(); i++) {
              QuoteItem item = batch.get(i);
              DiscountQuote q = run.quotes().get(i);
              Optional<PartnerAdjustment> inForce = item.partnerId().isPresent()
                  ? DiscountOracle.adjustmentOn(program.discounts().adjustmentHistory(item.partnerId().get(), PageRequest.first(PageRequest.MAX_LIMIT)).items(), date)
                  : Optional.empty();
              assertEquals(inForce, q.adjustment(), "item " + i + ": the adjustment of its partner in force that day");
              assertEquals(List.of(), DiscountOracle.quote(policy, item.tier(), item.serverCount(), item.gross(), inForce)
                  .differences(q), "item " + i + ": " + q);
              // an item naming its partner with figures of its own (a past month's) is checked against the oracle above
              if (item.partnerId().isPresent() && lines.get(i).registryFigures()) {
                assertEquals(program.discounts().quote(item.partnerId().get(), date, item.gross()), q, "item " + i);
              } else if (item.partnerId().isEmpty()) {
                assertEquals(program.discounts().quote(item.tier(), item.serverCount(), date, item.gross()), q, "item " + i);
              }
              gross = gross.plus(item.gross());
              discount = discount.plus(q.discount());
            }
            assertEquals(gross, run.totalGross());
            assertEquals(discount, run.totalDiscount());
            assertEquals(gross.minus(discount), run.totalNet());
          }
        });
  }

  // ---- rounding ties (rules DISC-6 and DISC-7) ----------------------------------------------------------

  /** The largest gross (minor units) whose product with any rate fits in a long: the engine's fast multiply. */
  private static final long FAST_MAX = Long.MAX_VALUE / Rate.MAX_BASIS_POINTS;

  /** Every rounding mode a policy may have (UNNECESSARY is refused). */
  private static final List<RoundingMode> MODES = List.of(RoundingMode.UP, RoundingMode.DOWN, RoundingMode.CEILING,
      RoundingMode.FLOOR, RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN);

  /** The residues r in 0..9,999 for which {@code r × rate} is 5,000 modulo 10,000: gross × rate is then an exact half. */
  private static long[] tieResidues(int rate) {
    return java.util.stream.LongStream.range(0, Rate.MAX_BASIS_POINTS)
        .filter(r -> r * rate % Rate.MAX_BASIS_POINTS == Rate.MAX_BASIS_POINTS / 2).toArray();
  }

  /**
   * A rate (basis points) and a gross (minor units) whose product is exactly half a minor unit away from two
   * amounts: the gross is {@code q × 10,000 + r} with a tie residue r, q picked so that the gross is small, within
   * the fast multiply, above it, or within 10^7 of {@link Long#MAX_VALUE}. A rate with no tie (a multiple of 16) is
   * replaced by 50%.
   */
  private static Gen<long[]> ties() {
    long qFastTop = FAST_MAX / Rate.MAX_BASIS_POINTS - 1; // q × 10,000 + 9,999 <= FAST_MAX
    long qTop = Long.MAX_VALUE / Rate.MAX_BASIS_POINTS - 1; // q × 10,000 + 9,999 <= Long.MAX_VALUE
    Gen<Long> q = Generate.frequency(Pair.of(1, Generate.longRange(0, 1_000)), Pair.of(1, Generate.longRange(0, qFastTop)),
        Pair.of(2, Generate.longRange(qFastTop + 2, qTop)), Pair.of(2, Generate.longRange(qTop - 1_000, qTop)));
    return DiscountGenerators.rates().zip(integers().between(0, Rate.MAX_BASIS_POINTS), q, (rate, pick, quotient) -> {
      int bp = rate.basisPoints();
      long[] residues = tieResidues(bp);
      if (residues.length == 0) {
        bp = Rate.MAX_BASIS_POINTS / 2;
        residues = tieResidues(bp);
      }
      return new long[] {bp, quotient * Rate.MAX_BASIS_POINTS + residues[pick % residues.length]};
    });
  }

  @Test
  @DisplayName("DISC-6, DISC-7: a discount of exactly half a minor unit rounds as BigDecimal does with the policy's mode, for every mode, small amounts and amounts near Long.MAX_VALUE alike")
  void tiesRoundByThePolicysMode() {
    qt().withExamples(Examples.scaled(300))
        .forAll(ties(), DiscountGenerators.currencies())
        .checkAssert((tie, currency) -> {
          Rate rate = Rate.ofBasisPoints((int) tie[0]);
          Money gross = Money.ofMinor(tie[1], currency);
          BigDecimal exact = BigDecimal.valueOf(tie[1]).multiply(rate.toFraction());
          assertEquals(0, exact.remainder(BigDecimal.ONE).compareTo(new BigDecimal("0.5")), "a tie: " + exact);
          try (PartnerProgram program = PartnerProgram.builder().store(MemoryStorage.create()).clock(TestClock.at(START)).build()) {
            // one version per mode, on consecutive days, every tier at the rate
            for (int i = 0; i < MODES.size(); i++) {
              program.discounts().setPolicy(flat(rate, MODES.get(i)), PolicyChange.from(TODAY.plusDays(i), "property", "ties"));
            }
            for (int i = 0; i < MODES.size(); i++) {
              RoundingMode mode = MODES.get(i);
              DiscountQuote q = program.discounts().quote(Tier.GOLD, 0, TODAY.plusDays(i), gross);
              assertEquals(exact.setScale(0, mode).longValueExact(), q.discount().minorUnits(), mode + ": " + exact);
              assertEquals(List.of(), DiscountOracle.quote(flat(rate, mode), Tier.GOLD, 0, gross).differences(q), mode + ": " + q);
            }
          }
        });
  }

  /** A policy giving every tier {@code rate}, without steps, rounding by {@code mode}. */
  private static DiscountPolicy flat(Rate rate, RoundingMode mode) {
    return DiscountPolicy.builder().baseRate(Tier.SILVER, rate).baseRate(Tier.GOLD, rate).baseRate(Tier.PLATINUM, rate)
        .rounding(mode).build();
  }

  @Test
  @DisplayName("DISC-2: COMPOUND rounds 1 - (1 - base)(1 - bonus) to a basis point as BigDecimal does with the policy's mode, ties included; UNNECESSARY only when exact")
  void compoundRoundsByTheMode() {
    Gen<int[]> pairs = DiscountGenerators.rates().zip(DiscountGenerators.rates(), integers().between(0, Rate.MAX_BASIS_POINTS),
        Generate.booleans(), (base, bonus, pick, tie) -> {
          if (!tie) {
            return new int[] {base.basisPoints(), bonus.basisPoints()};
          }
          // base × bonus = 5,000 modulo 10,000: the compound rate is a whole basis point and a half
          long[] residues = tieResidues(base.basisPoints());
          int b = residues.length == 0 ? Rate.MAX_BASIS_POINTS / 2 : base.basisPoints();
          long[] r = residues.length == 0 ? tieResidues(b) : residues;
          return new int[] {b, (int) r[pick % r.length]};
        });
    BigDecimal whole = BigDecimal.valueOf(Rate.MAX_BASIS_POINTS);
    qt().withExamples(Examples.scaled(2000))
        .forAll(pairs)
        .checkAssert(pair -> {
          Rate base = Rate.ofBasisPoints(pair[0]);
          Rate bonus = Rate.ofBasisPoints(pair[1]);
          BigDecimal keep = whole.subtract(BigDecimal.valueOf(pair[0])).multiply(whole.subtract(BigDecimal.valueOf(pair[1])))
              .divide(whole);
          BigDecimal exact = whole.subtract(keep); // in basis points, up to four decimals
          for (RoundingMode mode : MODES) {
            assertEquals(exact.setScale(0, mode).intValueExact(), Combination.COMPOUND.combine(base, bonus, mode),
                mode + ": " + base + " and " + bonus + " = " + exact + " bp");
          }
          if (exact.stripTrailingZeros().scale() <= 0) {
            assertEquals(exact.intValueExact(), Combination.COMPOUND.combine(base, bonus, RoundingMode.UNNECESSARY));
          } else {
            assertThrows(ArithmeticException.class, () -> Combination.COMPOUND.combine(base, bonus, RoundingMode.UNNECESSARY));
          }
          assertEquals(pair[0] + pair[1], Combination.ADDITIVE.combine(base, bonus, RoundingMode.UNNECESSARY));
        });
  }

  // ---- the version in force (rule DISC-5) ------------------------------------------------------------

  @Test
  @DisplayName("DISC-5: every quote names the date asked and the version in force that day, for versions days or centuries apart")
  void quotesUseTheVersionInForce() {
    // a day offset to schedule a version on: near, about 180 years ahead (past the engine's day table), or further
    Gen<Integer> offsets = Generate.frequency(Pair.of(4, integers().between(0, 40)), Pair.of(1, integers().between(65_530, 65_545)),
        Pair.of(1, integers().between(100_000, 100_010)));
    Gen<List<int[]>> ops = lists().of(offsets.zip(Generate.booleans(), (d, cancel) -> new int[] {d, cancel ? 1 : 0}))
        .ofSizeBetween(1, 10);
    qt().withExamples(Examples.scaled(150))
        .forAll(ops)
        .checkAssert(script -> {
          try (PartnerProgram program = PartnerProgram.builder().store(MemoryStorage.create()).clock(TestClock.at(START)).build()) {
            List<Integer> days = new ArrayList<>(List.of(-1, 0));
            for (int i = 0; i < script.size(); i++) {
              int[] op = script.get(i);
              // each version pays GOLD a different base rate, so that quotes tell them apart
              DiscountPolicy policy = DiscountGenerators.examplePolicy().toBuilder().baseRate(Tier.GOLD, String.valueOf(10 + i)).build();
              PolicyVersion v = program.discounts().setPolicy(policy, PolicyChange.from(TODAY.plusDays(op[0]), "a", "b"));
              if (op[1] == 1 && op[0] > 0) {
                program.discounts().cancelPolicy(v.version(), new CancelRequest("a", "cancel"));
              }
              days.addAll(List.of(op[0] - 1, op[0], op[0] + 1));
            }
            List<PolicyVersion> history = program.discounts().policyHistory();
            for (int d : days) {
              LocalDate date = TODAY.plusDays(d);
              Optional<PolicyVersion> expected = DiscountOracle.versionOn(history, date);
              assertEquals(expected, program.discounts().policyOn(date), date.toString());
              if (expected.isEmpty()) {
                assertThrows(NotFoundException.class, () -> program.discounts().quote(Tier.GOLD, 0, date, Money.of("100.00", "USD")));
                continue;
              }
              DiscountQuote q = program.discounts().quote(Tier.GOLD, 0, date, Money.of("100.00", "USD"));
              assertEquals(date, q.date());
              assertEquals(expected.get(), q.policyVersion());
              assertEquals(expected.get().policy().baseRate(Tier.GOLD), q.totalRate(), date.toString());
              assertEquals(expected.get(), program.discounts().calculatorOn(date).policyVersion());
              assertEquals(date, program.discounts().calculatorOn(date).date());
            }
          }
        });
  }
}
