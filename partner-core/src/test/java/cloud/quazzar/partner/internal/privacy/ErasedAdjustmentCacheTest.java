package cloud.quazzar.partner.internal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.discount.AdjustmentRequest;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.PartnerAdjustment;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.privacy.ErasureRequest;
import cloud.quazzar.partner.privacy.PersonalData;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rule PRIV-2 where a program caches: the discount engine keeps partners' adjustments in memory,
 * and with a staleness above zero it serves them without asking the store. An erasure drops that
 * cache, so the erased reason is not served from it afterwards.
 */
@DisplayName("Erasure and the discount engine's cache")
class ErasedAdjustmentCacheTest {

  @Test
  @DisplayName("an adjustment read through a stale-tolerant cache shows its reason erased right after the erasure")
  void cacheDroppedByErasure() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    try (PartnerProgram program = PartnerProgram.builder().clock(clock).store(MemoryStorage.create())
        .discountStaleness(Duration.ofMinutes(5)).build()) {
      program.discounts().setPolicy(DiscountPolicy.builder().baseRate(Tier.SILVER, "5").baseRate(Tier.GOLD, "10")
          .baseRate(Tier.PLATINUM, "15").build(), PolicyChange.today("ops", "policy"));
      PartnerId id = program.registry().add(new NewPartner("Cache Co", "ada@cache.example", Tier.GOLD)).id();
      program.discounts().adjust(id, AdjustmentRequest.extra(Rate.percent(2), "ops", "deal with Ada"));
      PartnerAdjustment cached = program.discounts().adjustmentOn(id, program.today()).orElseThrow();
      assertEquals("deal with Ada", cached.reason(), "read once: now cached");

      program.personalData().erase(id, new ErasureRequest("dpo", "R-1"));

      assertEquals(PersonalData.ERASED_TEXT, program.discounts().adjustmentOn(id, program.today()).orElseThrow().reason());
    }
  }
}
