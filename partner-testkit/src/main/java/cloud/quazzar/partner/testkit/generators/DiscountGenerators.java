package cloud.quazzar.partner.testkit.generators;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.discount.AdjustmentKind;
import cloud.quazzar.partner.discount.AdjustmentRequest;
import cloud.quazzar.partner.discount.Combination;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.discount.VolumeStep;
import cloud.quazzar.partner.registry.Tier;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of discount input for QuickTheories property tests. Every policy they produce is
 * valid and monotone (the policy's own validation accepts it); amounts come in currencies with 0,
 * 2, 3 and 4 decimals and range from zero to the largest amount a {@link Money} holds.
 */
public final class DiscountGenerators {
  /** Currencies with different minor units: USD and EUR 2 decimals, JPY 0, BHD 3, CLF 4. */
  public static final List<Currency> CURRENCIES = List.of(
      Currency.getInstance("USD"), Currency.getInstance("JPY"), Currency.getInstance("BHD"),
      Currency.getInstance("EUR"), Currency.getInstance("CLF"));

  private DiscountGenerators() {}

  /**
   * The administrator's example policy of the docs and the quickstart: Silver 10%, Gold 15%,
   * Platinum 20% (Gold 15% as in rule DISC-2), +5% from 50 servers ("50+ servers", rule DISC-1), +8%
   * from 200; additive, no cap, HALF_UP.
   *
   * @return the example policy
   */
  public static DiscountPolicy examplePolicy() {
    return DiscountPolicy.builder()
        .baseRate(Tier.SILVER, "10")
        .baseRate(Tier.GOLD, "15")
        .baseRate(Tier.PLATINUM, "20")
        .volumeStep(50, "5")
        .volumeStep(200, "8")
        .build();
  }

  /**
   * Any tier.
   *
   * @return a generator of tiers
   */
  public static Gen<Tier> tiers() {
    return PartnerGenerators.tiers();
  }

  /**
   * Server counts for quotes: mostly those of {@link PartnerGenerators#serverCounts()} (weighted
   * towards 0 and round thresholds), and now and then any count a quote takes, up to {@link
   * Long#MAX_VALUE}, or one next to the largest threshold a step may have ({@link
   * VolumeStep#MAX_MIN_SERVER_COUNT}).
   *
   * @return a generator of server counts, 0 or more
   */
  public static Gen<Long> serverCounts() {
    long top = VolumeStep.MAX_MIN_SERVER_COUNT;
    return Generate.frequency(
        Pair.of(8, PartnerGenerators.serverCounts()),
        Pair.of(1, Generate.longRange(100_001, top + 1)),
        Pair.of(1, Generate.pick(List.of(top - 1, top, top + 1, (long) Integer.MAX_VALUE, Long.MAX_VALUE))));
  }

  /**
   * Rates from 0% to {@code maxBasisPoints}, half of them whole percentages.
   *
   * @param maxBasisPoints the highest rate, in basis points
   * @return a generator of rates
   */
  public static Gen<Rate> rates(int maxBasisPoints) {
    Gen<Integer> any = integers().between(0, maxBasisPoints);
    Gen<Integer> whole = integers().between(0, maxBasisPoints / 100).map(p -> p * 100);
    return Generate.frequency(Pair.of(1, any), Pair.of(1, whole)).map(Rate::ofBasisPoints);
  }

  /**
   * Any rate, 0% to 100%.
   *
   * @return a generator of rates
   */
  public static Gen<Rate> rates() {
    return rates(Rate.MAX_BASIS_POINTS);
  }

  /**
   * The currencies of {@link #CURRENCIES}.
   *
   * @return a generator of currencies
   */
  public static Gen<Currency> currencies() {
    return Generate.pick(CURRENCIES);
  }

  /**
   * Minor-unit amounts from 0 to {@link Long#MAX_VALUE}: zero, small bills, large ones, round
   * ones and the very largest (where a naive {@code gross × rate} would wrap).
   *
   * @return a generator of amounts in minor units
   */
  public static Gen<Long> minorUnits() {
    return Generate.frequency(
        Pair.of(1, Generate.constant(0L)),
        Pair.of(5, Generate.longRange(0, 10_000_000)),
        Pair.of(2, Generate.longRange(0, 1_000_000_000_000L)),
        Pair.of(1, Generate.longRange(1, 1_000_000).map(n -> n * 10_000)),
        Pair.of(1, Generate.longRange(Long.MAX_VALUE / 10_000, Long.MAX_VALUE)),
        Pair.of(1, Generate.longRange(Long.MAX_VALUE - 20_000, Long.MAX_VALUE)));
  }

  /**
   * Gross amounts (0 or more) in the currencies of {@link #CURRENCIES}.
   *
   * @return a generator of gross amounts
   */
  public static Gen<Money> amounts() {
    return currencies().zip(minorUnits(), (c, m) -> Money.ofMinor(m, c));
  }

  /**
   * Gross amounts (0 or more) in {@code currency}.
   *
   * @param currency the amounts' currency
   * @return a generator of gross amounts
   */
  public static Gen<Money> amounts(Currency currency) {
    return minorUnits().map(m -> Money.ofMinor(m, currency));
  }

  /**
   * Valid volume schedules of 0 to {@code maxSteps} steps: strictly increasing thresholds from 0
   * up (gaps of 1 to 250, sometimes thousands, now and then up to {@link
   * VolumeStep#MAX_MIN_SERVER_COUNT} divided by {@code maxSteps}, so that no threshold passes it),
   * bonuses rising by 0 to 5 points per step.
   *
   * @param maxSteps the most steps a schedule has
   * @return a generator of volume schedules, steps in increasing threshold order
   */
  public static Gen<List<VolumeStep>> schedules(int maxSteps) {
    long hugeGap = Math.max(50_001, VolumeStep.MAX_MIN_SERVER_COUNT / Math.max(1, maxSteps));
    Gen<Long> gap = Generate.frequency(Pair.of(12, Generate.longRange(1, 250)),
        Pair.of(2, Generate.longRange(251, 50_000)), Pair.of(1, Generate.longRange(50_001, hugeGap)));
    Gen<Integer> rise = Generate.frequency(Pair.of(1, Generate.constant(0)), Pair.of(3, integers().between(0, 500)),
        Pair.of(1, integers().between(0, 50).map(p -> p * 100)));
    Gen<long[]> gaps = lists().of(gap).ofSizeBetween(0, maxSteps).map(l -> l.stream().mapToLong(Long::longValue).toArray());
    return gaps.zip(lists().of(rise).ofSize(maxSteps).map(DiscountGenerators::ints), (g, r) -> {
      List<VolumeStep> steps = new ArrayList<>(g.length);
      long threshold = -1;
      int bonus = 0;
      for (int i = 0; i < g.length; i++) {
        threshold += g[i];
        bonus = Math.min(Rate.MAX_BASIS_POINTS, bonus + r[i]);
        steps.add(new VolumeStep(threshold, Rate.ofBasisPoints(bonus)));
      }
      return List.copyOf(steps);
    });
  }

  /**
   * Valid, monotone policies: base rates non-decreasing by tier (0% to 60%), a schedule of up to 8
   * steps, sometimes own schedules for the upper tiers (the shared steps with bonuses raised by
   * amounts that do not fall with the tier), ADDITIVE or COMPOUND, sometimes a cap (at or above
   * every base rate), any rounding mode but UNNECESSARY (HALF_UP most often).
   *
   * @return a generator of valid policies
   */
  @SuppressWarnings("EnumOrdinal") // per-tier arrays in rank order (docs/rules.md, "Tiers and benefits")
  public static Gen<DiscountPolicy> policies() {
    Gen<int[]> bases = lists().of(rates(6_000).map(Rate::basisPoints)).ofSize(3).map(l -> {
      int[] b = ints(l);
      Arrays.sort(b);
      return b;
    });
    Gen<int[]> raises = lists().of(integers().between(0, 800)).ofSize(3).map(l -> {
      int[] r = ints(l);
      Arrays.sort(r);
      return r;
    });
    // 3: no own schedules; 0..2: the tiers from this ordinal up have their own
    Gen<Integer> firstOwn = Generate.frequency(Pair.of(3, Generate.constant(3)), Pair.of(1, integers().between(0, 2)));
    Gen<Combination> combination = Generate.frequency(
        Pair.of(3, Generate.constant(Combination.ADDITIVE)), Pair.of(1, Generate.constant(Combination.COMPOUND)));
    Gen<Integer> capChoice = Generate.frequency(Pair.of(2, Generate.constant(-1)), Pair.of(1, integers().between(0, 10_000)));
    Gen<RoundingMode> rounding = Generate.frequency(
        Pair.of(4, Generate.constant(RoundingMode.HALF_UP)),
        Pair.of(3, Generate.pick(List.of(RoundingMode.HALF_EVEN, RoundingMode.HALF_DOWN, RoundingMode.UP,
            RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR))));
    Gen<Object[]> shape = firstOwn.zip(combination, capChoice, rounding, (f, c, cap, r) -> new Object[] {f, c, cap, r});
    return bases.zip(schedules(8), raises, shape, (b, schedule, raise, s) -> {
      Map<Tier, Rate> base = new EnumMap<>(Tier.class);
      Map<Tier, List<VolumeStep>> own = new EnumMap<>(Tier.class);
      Tier[] tiers = Tier.values();
      int first = (Integer) s[0];
      for (Tier t : tiers) {
        base.put(t, Rate.ofBasisPoints(b[t.ordinal()]));
        if (t.ordinal() >= first) {
          int add = raise[t.ordinal()];
          own.put(t, schedule.stream()
              .map(st -> new VolumeStep(st.minServerCount(),
                  Rate.ofBasisPoints(Math.min(Rate.MAX_BASIS_POINTS, st.bonus().basisPoints() + add))))
              .toList());
        }
      }
      int capPick = (Integer) s[2];
      Rate cap = capPick < 0 ? Rate.FULL : Rate.ofBasisPoints(Math.max(b[2], capPick));
      return new DiscountPolicy(base, schedule, own, (Combination) s[1], cap, (RoundingMode) s[3]);
    });
  }

  /**
   * Valid adjustment requests starting today (EXTRA, REPLACE_BASE, now and then NONE).
   *
   * @return a generator of valid adjustment requests
   */
  public static Gen<AdjustmentRequest> adjustments() {
    Gen<AdjustmentKind> kinds = Generate.frequency(
        Pair.of(3, Generate.constant(AdjustmentKind.EXTRA)),
        Pair.of(2, Generate.constant(AdjustmentKind.REPLACE_BASE)),
        Pair.of(1, Generate.constant(AdjustmentKind.NONE)));
    return kinds.zip(rates(), (k, r) -> new AdjustmentRequest(k, k == AdjustmentKind.NONE ? Rate.ZERO : r, Optional.empty(), Optional.empty(),
        "generator", "generated " + k));
  }

  private static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
