package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.discount.DiscountCalculator;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.DiscountGenerators;
import cloud.quazzar.partner.testkit.oracle.DiscountOracle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One discount quote, every way: the engine against hand-written {@code limit} baselines (what the
 * hardware allows for the same policy), the BigDecimal reference oracle, a careful BigDecimal
 * version and Easy Rules, all with the example policy (Silver 10%, Gold 15%, Platinum 20%; +5% from
 * 50 servers, +8% from 200) over the same 1,024 prepared (tier, servers, gross) inputs, cycled;
 * and loops over the 1,024 quotes made from them, reading each fact through its one accessor
 * ({@code discount().minorUnits()}, {@code totalRate().basisPoints()}), whose B/op show that no
 * {@code Money} or {@code Rate} is allocated (decision A2 in {@code docs/decisions.md}).
 *
 * <p>The program runs on the memory store, named explicitly ({@code MemoryStorage.create()}); the
 * calculator and the competitors never touch it. The engine's public quote by date, which may read
 * the store, is measured on every store in {@link DiscountTodayBenchmark}.
 *
 * <p>Run with the other discount benchmarks: {@code java -jar partner-benchmarks/target/benchmarks.jar
 * Discount -prof gc}. {@code BenchmarkExactnessTest} checks that every competitor computes the same
 * discounts as the engine, so the ratios compare equal work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("EnumOrdinal") // tiers picked by index; the hand-written baseline's rates by rank
public class DiscountBenchmark {
  static final int INPUTS = 1024;
  static final LocalDate DATE = LocalDate.parse("2026-01-15");
  static final Currency USD = Currency.getInstance("USD");

  private Store store;
  private PartnerProgram program;
  private DiscountEngine engine;
  private DiscountCalculator calculator;
  private DiscountPolicy policy;
  private RulesEngine rulesEngine;
  private Rules rules;

  Tier[] tiers;
  int[] tierIndex;
  int[] servers;
  long[] cents;
  Money[] gross;
  BigDecimal[] grossDecimal;
  /** The quotes of the inputs, made once, for the loops that read them. */
  DiscountQuote[] quotes;
  BareQuote[] bareQuotes;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    TestClock clock = TestClock.at(Instant.parse("2026-01-01T09:30:00Z"));
    store = MemoryStorage.create();
    program = PartnerProgram.builder().clock(clock).store(store).build();
    engine = program.discounts();
    policy = DiscountGenerators.examplePolicy();
    engine.setPolicy(policy, PolicyChange.today("bench", "example policy"));
    clock.setDate(DATE); // the policy has been in force since 2026-01-01; today is DATE
    calculator = engine.calculatorOn(DATE);
    rulesEngine = new DefaultRulesEngine();
    rules = EasyRulesPolicy.rules();

    SplittableRandom random = new SplittableRandom(42);
    tiers = new Tier[INPUTS];
    tierIndex = new int[INPUTS];
    servers = new int[INPUTS];
    cents = new long[INPUTS];
    gross = new Money[INPUTS];
    grossDecimal = new BigDecimal[INPUTS];
    for (int i = 0; i < INPUTS; i++) {
      tierIndex[i] = random.nextInt(3);
      tiers[i] = Tier.values()[tierIndex[i]];
      servers[i] = random.nextInt(400); // below, between and above the 50 and 200 thresholds
      cents[i] = random.nextLong(100, 10_000_000); // 1.00 to 100,000.00 USD
      gross[i] = Money.ofMinor(cents[i], USD);
      grossDecimal[i] = gross[i].toBigDecimal();
    }
    quotes = new DiscountQuote[INPUTS];
    bareQuotes = new BareQuote[INPUTS];
    for (int i = 0; i < INPUTS; i++) {
      quotes[i] = calculator.quote(tiers[i], servers[i], gross[i]);
      bareQuotes[i] = bareQuote(tierIndex[i], servers[i], cents[i]);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    program.close();
    store.close();
  }

  /** Points the next benchmark call at input {@code i} (for the exactness test). */
  void at(int i) {
    next = i;
  }

  private int nextIndex() {
    int i = next;
    next = (i + 1) & (INPUTS - 1);
    return i;
  }

  // ---- limits: the same policy written by hand for one case, no validation, no explanation -------

  static final int[] BARE_BASE = {1000, 1500, 2000};

  /** The bare int rate look-up: an indexed tier and the thresholds inline. */
  static int bareRate(int tier, int servers) {
    return BARE_BASE[tier] + (servers >= 200 ? 800 : servers >= 50 ? 500 : 0);
  }

  /** A bare long-cents quote: rate, gross, discount and net. */
  record BareQuote(int rateBasisPoints, long gross, long discount, long net) {}

  /** The bare long-cents quote: one multiply, one HALF_UP divide (wraps above 9.2 * 10^14 cents). */
  static BareQuote bareQuote(int tier, int servers, long cents) {
    int rate = bareRate(tier, servers);
    long discount = (cents * rate + 5_000) / 10_000;
    return new BareQuote(rate, cents, discount, cents - discount);
  }

  /** Limit for {@link #engineRate}: a bare int rate look-up. */
  @Benchmark
  public int limitBareRate() {
    int i = nextIndex();
    return bareRate(tierIndex[i], servers[i]);
  }

  /** Limit for {@link #engineQuote}: a bare long-cents quote returning a small record. */
  @Benchmark
  public BareQuote limitBareQuote() {
    int i = nextIndex();
    return bareQuote(tierIndex[i], servers[i], cents[i]);
  }

  // ---- the engine ----------------------------------------------------------------------------

  /** The engine's rate alone: tier and servers to the total {@code Rate} (a shared instance). */
  @Benchmark
  public Rate engineRate() {
    int i = nextIndex();
    return calculator.rate(tiers[i], servers[i]);
  }

  /** The engine's full quote with its explanation parts (the text is made on request). */
  @Benchmark
  public DiscountQuote engineQuote() {
    int i = nextIndex();
    return calculator.quote(tiers[i], servers[i], gross[i]);
  }

  // ---- reading quotes in a hot loop: one accessor per fact (docs/decisions.md A2) ------------

  /**
   * Limit for {@link #sumDiscounts}: the discounts of {@value #INPUTS} bare quotes, summed from
   * their {@code long} field.
   */
  @Benchmark
  public long limitSumDiscounts() {
    long sum = 0;
    for (BareQuote q : bareQuotes) {
      sum += q.discount();
    }
    return sum;
  }

  /**
   * The discounts of {@value #INPUTS} quotes already made (as a billing run holds them), summed
   * through {@code discount().minorUnits()}: allocation-free only if escape analysis removes each
   * {@code Money}, which decides whether the quote needs a second, {@code long} accessor.
   */
  @Benchmark
  public long sumDiscounts() {
    long sum = 0;
    for (DiscountQuote q : quotes) {
      sum += q.discount().minorUnits();
    }
    return sum;
  }

  /** The total rates of {@value #INPUTS} quotes, summed through {@code totalRate().basisPoints()}. */
  @Benchmark
  public long sumRates() {
    long sum = 0;
    for (DiscountQuote q : quotes) {
      sum += q.totalRate().basisPoints();
    }
    return sum;
  }

  // ---- competitors ---------------------------------------------------------------------------

  /** The BigDecimal reference oracle of the testkit: straightforward, divide(100).setScale(2, HALF_UP). */
  @Benchmark
  public DiscountOracle.Expected oracleStraightforward() {
    int i = nextIndex();
    return DiscountOracle.quote(policy, tiers[i], servers[i], gross[i]);
  }

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  static final BigDecimal[] PERCENT = new BigDecimal[10_001];

  static {
    for (int bp = 0; bp <= 10_000; bp++) {
      PERCENT[bp] = BigDecimal.valueOf(bp, 2);
    }
  }

  /** A careful BigDecimal quote. */
  record DecimalQuote(int rateBasisPoints, BigDecimal discount, BigDecimal net) {}

  /** A carefully written BigDecimal quote: cached rates, one multiply, divide(HUNDRED, 2, HALF_UP). */
  @Benchmark
  public DecimalQuote carefulBigDecimal() {
    int i = nextIndex();
    int rate = bareRate(tierIndex[i], servers[i]);
    BigDecimal discount = grossDecimal[i].multiply(PERCENT[rate]).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    return new DecimalQuote(rate, discount, grossDecimal[i].subtract(discount));
  }

  /** The same policy as Easy Rules 4.1.0 rules, fired on new facts per quote. */
  @Benchmark
  public Object easyRules() {
    int i = nextIndex();
    Facts facts = new Facts();
    facts.put("tier", tiers[i]);
    facts.put("servers", servers[i]);
    facts.put("gross", cents[i]);
    rulesEngine.fire(rules, facts);
    return facts.get("discount");
  }

  /** The example policy as Easy Rules rules: a base rule per tier, a rule per step, then the quote. */
  static final class EasyRulesPolicy {
    private EasyRulesPolicy() {}

    static Rules rules() {
      Rules rules = new Rules();
      int priority = 1;
      for (Tier tier : Tier.values()) {
        int base = BARE_BASE[tier.ordinal()];
        rules.register(new RuleBuilder().name("base " + tier).priority(priority++)
            .when(f -> f.get("tier") == tier)
            .then(f -> f.put("base", base))
            .build());
      }
      // steps in ascending order, so the highest step reached fires last and its bonus stays
      rules.register(new RuleBuilder().name("50+ servers").priority(priority++)
          .when(f -> (Integer) f.get("servers") >= 50).then(f -> f.put("bonus", 500)).build());
      rules.register(new RuleBuilder().name("200+ servers").priority(priority++)
          .when(f -> (Integer) f.get("servers") >= 200).then(f -> f.put("bonus", 800)).build());
      rules.register(new RuleBuilder().name("quote").priority(priority)
          .when(f -> true)
          .then(f -> {
            Integer bonus = f.get("bonus");
            int rate = (Integer) f.get("base") + (bonus == null ? 0 : bonus);
            long grossCents = f.get("gross");
            long discount = (grossCents * rate + 5_000) / 10_000;
            f.put("rate", rate);
            f.put("discount", discount);
            f.put("net", grossCents - discount);
          })
          .build());
      return rules;
    }
  }
}
