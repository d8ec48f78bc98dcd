package cloud.quazzar.partner.discount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.registry.Tier;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The builder convention (set-once: a null or out-of-range value is a {@link ValidationException}
 * naming the option; a second setting or a second build is a {@link ConfigurationException} naming
 * it) on {@link DiscountPolicy.Builder} and on the program's {@code discountStaleness} option.
 */
class DiscountBuildersTest {
  private static DiscountPolicy.Builder complete() {
    return DiscountPolicy.builder().baseRate(Tier.SILVER, "10").baseRate(Tier.GOLD, "15").baseRate(Tier.PLATINUM, "20");
  }

  private static String misuse(String option, Executable call) {
    ConfigurationException e = assertThrows(ConfigurationException.class, call);
    assertTrue(e.getMessage().startsWith("builder option '" + option + "' is already set: each option may be set once"),
        e.getMessage());
    return e.getMessage();
  }

  @Nested
  @DisplayName("DiscountPolicy.Builder")
  class PolicyBuilder {
    @Test
    @DisplayName("each option may be set once: a second base rate for a tier, combination, cap or rounding is a ConfigurationException naming it")
    void setOnce() {
      DiscountPolicy.Builder b = complete().combination(Combination.COMPOUND).cap("30").rounding(RoundingMode.DOWN);
      misuse("baseRates.GOLD", () -> b.baseRate(Tier.GOLD, "16"));
      misuse("baseRates.GOLD", () -> b.baseRate(Tier.GOLD, Rate.percent(16)));
      misuse("combination", () -> b.combination(Combination.ADDITIVE));
      misuse("cap", () -> b.cap(Rate.FULL));
      misuse("cap", () -> b.cap("40"));
      misuse("rounding", () -> b.rounding(RoundingMode.HALF_UP));
      DiscountPolicy p = b.build();
      assertEquals(Rate.percent(15), p.baseRate(Tier.GOLD), "the first value stands");
      assertEquals(Combination.COMPOUND, p.combination());
      assertEquals(Rate.percent(30), p.cap());
      assertEquals(RoundingMode.DOWN, p.rounding());
    }

    @Test
    @DisplayName("a tier's own schedule is declared once; steps are entries and append")
    void tierSchedules() {
      DiscountPolicy.Builder b = complete().tierSchedule(Tier.PLATINUM);
      misuse("tierSchedules.PLATINUM", () -> b.tierSchedule(Tier.PLATINUM));
      b.tierVolumeStep(Tier.GOLD, 10, "1").tierVolumeStep(Tier.GOLD, 20, "2").volumeStep(50, "5").volumeStep(60, "6");
      misuse("tierSchedules.GOLD", () -> b.tierSchedule(Tier.GOLD));
      DiscountPolicy p = b.build();
      assertEquals(List.of(), p.scheduleFor(Tier.PLATINUM));
      assertEquals(List.of(new VolumeStep(10, Rate.percent(1)), new VolumeStep(20, Rate.percent(2))), p.scheduleFor(Tier.GOLD));
      assertEquals(2, p.volumeSchedule().size());
    }

    @Test
    @DisplayName("build() once: a second build, or anything set after it, is a ConfigurationException")
    void buildOnce() {
      DiscountPolicy.Builder b = complete();
      b.build();
      assertThrows(ConfigurationException.class, b::build);
      assertThrows(ConfigurationException.class, () -> b.volumeStep(5, "1"));
      assertThrows(ConfigurationException.class, () -> b.tierVolumeStep(Tier.GOLD, 5, "1"));
      assertThrows(ConfigurationException.class, () -> b.rounding(RoundingMode.UP));
    }

    @Test
    @DisplayName("toBuilder() starts from the policy's values; each option may still be set once, replacing them")
    void toBuilderOverridesOnce() {
      DiscountPolicy base = complete().volumeStep(50, "5").tierVolumeStep(Tier.PLATINUM, 10, "6").cap("28").build();
      DiscountPolicy.Builder b = base.toBuilder().baseRate(Tier.GOLD, "16").cap("29").rounding(RoundingMode.HALF_EVEN);
      misuse("baseRates.GOLD", () -> b.baseRate(Tier.GOLD, "17"));
      misuse("tierSchedules.PLATINUM", () -> b.tierSchedule(Tier.PLATINUM));
      DiscountPolicy derived = b.volumeStep(100, "7").build();
      assertEquals(Rate.percent(16), derived.baseRate(Tier.GOLD));
      assertEquals(Rate.percent(10), derived.baseRate(Tier.SILVER));
      assertEquals(Rate.percent(29), derived.cap());
      assertEquals(RoundingMode.HALF_EVEN, derived.rounding());
      assertEquals(List.of(new VolumeStep(50, Rate.percent(5)), new VolumeStep(100, Rate.percent(7))), derived.volumeSchedule());
      assertEquals(base.tierSchedules(), derived.tierSchedules());
      assertEquals(base, base.toBuilder().build(), "unchanged, it builds the same policy");
    }

    @Test
    @DisplayName("null values are reported by build(), all at once, each under its option's name")
    void nullsAtBuild() {
      ValidationException e = assertThrows(ValidationException.class, () -> DiscountPolicy.builder()
          .baseRate(null, "1").baseRate(Tier.SILVER, (String) null).baseRate(Tier.GOLD, "5").baseRate(Tier.PLATINUM, "5")
          .combination(null).cap((Rate) null).rounding(null).volumeStep(1, (Rate) null).build());
      assertEquals(List.of("baseRates", "baseRates.SILVER", "cap", "combination", "rounding", "volumeSchedule[0].bonus"),
          e.fields());
    }
  }

  @Nested
  @DisplayName("PartnerProgram.Builder.discountStaleness")
  class Staleness {
    @Test
    @DisplayName("null, negative, above 1 hour or finer than a millisecond is a ValidationException naming discountStaleness")
    void outOfRange() {
      for (Duration bad : new Duration[] {null, Duration.ofMillis(-1), Duration.ofHours(1).plusMillis(1), Duration.ofNanos(1_500_000)}) {
        ValidationException e = assertThrows(ValidationException.class, () -> PartnerProgram.builder().discountStaleness(bad),
            String.valueOf(bad));
        assertEquals(List.of("discountStaleness"), e.fields());
      }
    }

    @Test
    @DisplayName("zero and 1 hour are accepted; a second setting is a ConfigurationException naming it")
    void boundsAndSetOnce() {
      PartnerProgram.builder().discountStaleness(Duration.ofHours(1));
      PartnerProgram.Builder b = PartnerProgram.builder().discountStaleness(Duration.ZERO);
      misuse("discountStaleness", () -> b.discountStaleness(Duration.ofSeconds(1)));
    }
  }
}
