package cloud.quazzar.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.ExpiryThresholds;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.review.MinimumAverageMrr;
import cloud.quazzar.partner.review.ReviewMode;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.spi.StorageSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The one builder convention, set-once (docs/decisions.md, A1): an option set twice, options that
 * contradict each other and a second build() are ConfigurationExceptions naming the options; a
 * null or out-of-range value is a ValidationException naming the option and changes nothing. Never
 * IllegalStateException, never silently ignored.
 */
class BuilderConventionTest {
  private static void assertConfiguration(String expectedStart, Executable call) {
    ConfigurationException e = assertThrows(ConfigurationException.class, call);
    assertTrue(e.getMessage().startsWith(expectedStart), "expected \"" + expectedStart + "...\", got: " + e.getMessage());
  }

  private static void assertFields(List<String> fields, Executable call) {
    assertEquals(fields, assertThrows(ValidationException.class, call).fields());
  }

  @Nested
  @DisplayName("PartnerProgram.Builder")
  class Program {
    /** Every option with a valid value. */
    private Map<String, Consumer<PartnerProgram.Builder>> options() {
      Map<String, Consumer<PartnerProgram.Builder>> o = new LinkedHashMap<>();
      o.put("clock", b -> b.clock(Clock.systemUTC()));
      o.put("zone", b -> b.zone(ZoneOffset.UTC));
      o.put("idGenerator", b -> b.idGenerator(IdGenerator.random()));
      o.put("store", b -> b.store(MemoryStorage.create()));
      o.put("storageProvider", b -> b.storageProvider(new FlaggedStore.DurableProvider(), StorageSettings.empty()));
      o.put("storage", b -> b.storage(StorageSettings.empty()));
      o.put("classLoader", b -> b.classLoader(getClass().getClassLoader()));
      o.put("expiryThresholds", b -> b.expiryThresholds(ExpiryThresholds.DEFAULT));
      o.put("eligibilityRequirements", b -> b.eligibilityRequirements(EligibilityRequirements.DEFAULT));
      o.put("eventExecutor", b -> b.eventExecutor(Runnable::run));
      o.put("eventRetryDelay", b -> b.eventRetryDelay(Duration.ofSeconds(1)));
      o.put("eventLease", b -> b.eventLease(Duration.ofSeconds(10)));
      o.put("discountStaleness", b -> b.discountStaleness(Duration.ofSeconds(1)));
      o.put("eventRetention", b -> b.eventRetention(cloud.quazzar.partner.events.EventRetention.keepLast(10)));
      o.put("healthTimeout", b -> b.healthTimeout(Duration.ofSeconds(2)));
      o.put("healthLagThreshold", b -> b.healthLagThreshold(100));
      return o;
    }

    @Test
    @DisplayName("the list of options above is every public option of the builder, so none escapes the checks")
    void everyOptionListed() {
      java.util.Set<String> declared = new java.util.TreeSet<>();
      for (java.lang.reflect.Method m : PartnerProgram.Builder.class.getDeclaredMethods()) {
        if (java.lang.reflect.Modifier.isPublic(m.getModifiers()) && !m.getName().equals("build")) {
          declared.add(m.getName());
        }
      }
      assertEquals(declared, new java.util.TreeSet<>(options().keySet()));
    }

    @Test
    @DisplayName("every option set twice is a ConfigurationException naming it (was IllegalStateException)")
    void setTwice() {
      options().forEach((name, set) -> {
        PartnerProgram.Builder b = PartnerProgram.builder();
        set.accept(b);
        assertConfiguration("builder option '" + name + "' is already set: each option may be set once",
            () -> set.accept(b));
      });
    }

    @Test
    @DisplayName("every null option is a ValidationException naming it, and the option can still be set")
    void nulls() {
      PartnerProgram.Builder b = PartnerProgram.builder();
      assertFields(List.of("clock"), () -> b.clock(null));
      assertFields(List.of("zone"), () -> b.zone(null));
      assertFields(List.of("idGenerator"), () -> b.idGenerator(null));
      assertFields(List.of("store"), () -> b.store(null));
      assertFields(List.of("storageProvider.provider", "storageProvider.settings"), () -> b.storageProvider(null, null));
      assertFields(List.of("storageProvider.settings"),
          () -> b.storageProvider(new FlaggedStore.DurableProvider(), null));
      assertFields(List.of("storage"), () -> b.storage(null));
      assertFields(List.of("classLoader"), () -> b.classLoader(null));
      assertFields(List.of("expiryThresholds"), () -> b.expiryThresholds(null));
      assertFields(List.of("eligibilityRequirements"), () -> b.eligibilityRequirements(null));
      assertFields(List.of("eventExecutor"), () -> b.eventExecutor(null));
      assertFields(List.of("eventRetryDelay"), () -> b.eventRetryDelay(null));
      assertFields(List.of("eventLease"), () -> b.eventLease(null));
      assertFields(List.of("discountStaleness"), () -> b.discountStaleness(null));
      assertFields(List.of("eventRetention"), () -> b.eventRetention(null));
      assertFields(List.of("healthTimeout"), () -> b.healthTimeout(null));
      // none of the refused values counted: every option can still be set (one storage choice)
      options().forEach((name, set) -> {
        if (!name.equals("storageProvider") && !name.equals("storage") && !name.equals("classLoader")) {
          set.accept(b);
        }
      });
      try (PartnerProgram program = b.build()) {
        assertEquals("memory", program.store().description());
      }
    }

    @Test
    @DisplayName("out-of-range durations are ValidationExceptions naming the option")
    void outOfRange() {
      PartnerProgram.Builder b = PartnerProgram.builder();
      assertFields(List.of("eventRetryDelay"), () -> b.eventRetryDelay(Duration.ofMillis(9)));
      assertFields(List.of("eventRetryDelay"), () -> b.eventRetryDelay(Duration.ofDays(2)));
      assertFields(List.of("eventLease"), () -> b.eventLease(Duration.ofMillis(999)));
      assertFields(List.of("eventLease"), () -> b.eventLease(Duration.ofHours(2)));
      assertFields(List.of("healthTimeout"), () -> b.healthTimeout(Duration.ofMillis(9)));
      assertFields(List.of("healthTimeout"), () -> b.healthTimeout(Duration.ofMinutes(6)));
      assertFields(List.of("healthLagThreshold"), () -> b.healthLagThreshold(-1));
      b.eventRetryDelay(Duration.ofMillis(10)).eventLease(Duration.ofHours(1)).healthTimeout(Duration.ofMinutes(5))
          .healthLagThreshold(0);
    }

    @Test
    @DisplayName("two storage choices, or classLoader with store or storageProvider, contradict: ConfigurationException naming both, in either order (was: the second one IllegalStateException, classLoader silently ignored)")
    void contradictions() {
      List<List<String>> pairs = List.of(List.of("store", "storageProvider"), List.of("store", "storage"),
          List.of("storageProvider", "storage"), List.of("classLoader", "store"), List.of("classLoader", "storageProvider"));
      Map<String, Consumer<PartnerProgram.Builder>> options = options();
      for (List<String> pair : pairs) {
        for (List<String> order : List.of(pair, List.of(pair.get(1), pair.get(0)))) {
          PartnerProgram.Builder b = PartnerProgram.builder();
          options.get(order.get(0)).accept(b);
          assertConfiguration("builder options '" + order.get(0) + "' and '" + order.get(1) + "' contradict each other: ",
              () -> options.get(order.get(1)).accept(b));
        }
      }
      // classLoader steers discovery, which storage(settings) uses: no contradiction
      PartnerProgram.builder().classLoader(getClass().getClassLoader()).storage(StorageSettings.provider("x"));
      PartnerProgram.builder().storage(StorageSettings.provider("x")).classLoader(getClass().getClassLoader());
    }

    @Test
    @DisplayName("build() after it returned a program is a ConfigurationException; a build() that threw may be called again")
    void buildOnce() {
      PartnerProgram.Builder b = PartnerProgram.builder();
      assertThrows(ConfigurationException.class, b::build); // no store chosen, none available
      b.store(MemoryStorage.create());
      try (PartnerProgram program = b.build()) {
        assertConfiguration("build() was already called: a builder builds one program", b::build);
        assertEquals("memory", program.store().description(), "the first build stands");
      }
    }
  }

  @Nested
  @DisplayName("ReviewPolicy.Builder")
  class Review {
    private final MinimumAverageMrr usd = MinimumAverageMrr.of("1000.00", "USD", 3);

    @Test
    @DisplayName("an option set twice is a ConfigurationException naming it (was: the last one won)")
    void setTwice() {
      assertConfiguration("builder option 'gracePeriodDays' is already set",
          () -> ReviewPolicy.builder().gracePeriodDays(30).gracePeriodDays(60));
      assertConfiguration("builder option 'demotionMode' is already set",
          () -> ReviewPolicy.builder().demotionMode(ReviewMode.AUTOMATIC).demotionMode(ReviewMode.RECOMMEND_ONLY));
      assertConfiguration("builder option 'promotionMode' is already set",
          () -> ReviewPolicy.builder().promotionMode(ReviewMode.AUTOMATIC).promotionMode(ReviewMode.AUTOMATIC));
      assertConfiguration("builder option 'revenue' for GOLD already holds",
          () -> ReviewPolicy.builder().revenue(Tier.GOLD, usd).revenue(Tier.GOLD, MinimumAverageMrr.of("1000.00", "USD", 3)));
      // several different requirements, or the same one on two tiers, are additions, not a second setting
      ReviewPolicy policy = ReviewPolicy.builder().revenue(Tier.GOLD, usd).revenue(Tier.GOLD, MinimumAverageMrr.of("900.00", "EUR", 3))
          .revenue(Tier.PLATINUM, usd).build();
      assertEquals(2, policy.revenueRequirementsOf(Tier.GOLD).size());
      assertEquals(List.of(usd), policy.revenueRequirementsOf(Tier.PLATINUM));
    }

    @Test
    @DisplayName("a null or out-of-range value is a ValidationException naming the option, from the call that got it; the option can still be set")
    void values() {
      ReviewPolicy.Builder b = ReviewPolicy.builder();
      assertFields(List.of("gracePeriodDays"), () -> b.gracePeriodDays(0));
      assertFields(List.of("gracePeriodDays"), () -> b.gracePeriodDays(ReviewPolicy.MAX_GRACE_DAYS + 1));
      assertFields(List.of("demotionMode"), () -> b.demotionMode(null));
      assertFields(List.of("promotionMode"), () -> b.promotionMode(null));
      assertFields(List.of("revenue.requirement", "revenue.tier"), () -> b.revenue(null, null));
      ReviewPolicy policy = b.gracePeriodDays(ReviewPolicy.MAX_GRACE_DAYS).demotionMode(ReviewMode.RECOMMEND_ONLY)
          .promotionMode(ReviewMode.AUTOMATIC).revenue(Tier.GOLD, usd).build();
      assertEquals(new ReviewPolicy(ReviewPolicy.MAX_GRACE_DAYS, ReviewMode.RECOMMEND_ONLY, ReviewMode.AUTOMATIC,
          Map.of(Tier.GOLD, List.of(usd))), policy);
    }

    @Test
    @DisplayName("too many requirements for a tier are reported by build(); build() twice is a ConfigurationException")
    void build() {
      ReviewPolicy.Builder many = ReviewPolicy.builder();
      for (int i = 0; i <= ReviewPolicy.MAX_REQUIREMENTS_PER_TIER; i++) {
        many.revenue(Tier.GOLD, MinimumAverageMrr.of(String.valueOf(100 + i), "USD", 3));
      }
      assertFields(List.of("revenueRequirements.GOLD"), many::build);
      ReviewPolicy.Builder b = ReviewPolicy.builder();
      assertEquals(ReviewPolicy.DEFAULT, b.build());
      assertConfiguration("build() was already called: a builder builds one policy", b::build);
    }
  }

  @Nested
  @DisplayName("StorageSettings")
  class Settings {
    @Test
    @DisplayName("a key set twice is a ConfigurationException naming it, without its value (was: silently replaced)")
    void setTwice() {
      StorageSettings s = StorageSettings.provider("jdbc").with("jdbc.password", "s3cret");
      ConfigurationException e = assertThrows(ConfigurationException.class, () -> s.with("jdbc.password", "other"));
      assertEquals("storage setting 'jdbc.password' is already set: each setting may be set once", e.getMessage());
      assertConfiguration("storage setting 'provider' is already set", () -> s.with(StorageSettings.PROVIDER, "memory"));
      assertEquals("jdbc", s.providerName().orElseThrow());
    }

    @Test
    @DisplayName("null or blank keys and null values are ValidationExceptions naming them (were NullPointerException)")
    void nulls() {
      assertFields(List.of("key", "value"), () -> StorageSettings.empty().with(null, null));
      assertFields(List.of("key"), () -> StorageSettings.empty().with(" ", "x"));
      assertFields(List.of("value"), () -> StorageSettings.empty().with("a", null));
      assertFields(List.of("provider"), () -> StorageSettings.provider(null));
      assertFields(List.of("provider"), () -> StorageSettings.provider(""));
      assertFields(List.of("key"), () -> StorageSettings.empty().string(null));
      assertFields(List.of("type"), () -> StorageSettings.empty().object("a", null));
    }
  }
}
