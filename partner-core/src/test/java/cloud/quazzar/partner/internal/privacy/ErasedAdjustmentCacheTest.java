package cloud.quazzar.partner.internal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
 * cache, so the erased reason is not served from it afterwards; inside a host transaction it drops
 * it at once and again when the transaction ends, as the engine's own writes do (rule DISC-11).
 */
@DisplayName("Erasure and the discount engine's cache")
class ErasedAdjustmentCacheTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
  private static final ErasureRequest REQUEST = new ErasureRequest("dpo", "R-1");

  /** A program whose engine serves cached adjustments for 5 minutes, and its partner, adjusted "deal with Ada". */
  private record Cached(PartnerProgram program, PartnerId id) implements AutoCloseable {
    static Cached open() {
      PartnerProgram program = PartnerProgram.builder().clock(CLOCK).store(MemoryStorage.create())
          .discountStaleness(Duration.ofMinutes(5)).build();
      program.discounts().setPolicy(DiscountPolicy.builder().baseRate(Tier.SILVER, "5").baseRate(Tier.GOLD, "10")
          .baseRate(Tier.PLATINUM, "15").build(), PolicyChange.today("ops", "policy"));
      PartnerId id = program.registry().add(new NewPartner("Cache Co", "ada@cache.example", Tier.GOLD)).id();
      program.discounts().adjust(id, AdjustmentRequest.extra(Rate.percent(2), "ops", "deal with Ada"));
      return new Cached(program, id);
    }

    String reasonToday() {
      return program.discounts().adjustmentOn(id, program.today()).orElseThrow().reason();
    }

    @Override
    public void close() {
      program.close();
    }
  }

  @Test
  @DisplayName("an adjustment read through a stale-tolerant cache shows its reason erased right after the erasure")
  void cacheDroppedByErasure() {
    try (Cached c = Cached.open()) {
      PartnerAdjustment cached = c.program().discounts().adjustmentOn(c.id(), c.program().today()).orElseThrow();
      assertEquals("deal with Ada", cached.reason(), "read once: now cached");

      c.program().personalData().erase(c.id(), REQUEST);

      assertEquals(PersonalData.ERASED_TEXT, c.reasonToday());
    }
  }

  @Test
  @DisplayName("inside a host transaction, an adjustment cached before an erasure that joins it reads erased right after it")
  void cacheDroppedAtOnceInsideHostTransaction() {
    try (Cached c = Cached.open()) {
      c.program().store().write(tx -> {
        assertEquals("deal with Ada", c.reasonToday(), "read inside the transaction: now cached");
        c.program().personalData().erase(c.id(), REQUEST);
        assertEquals(PersonalData.ERASED_TEXT, c.reasonToday(), "read again in the same transaction, after the erasure");
        return null;
      });
      assertEquals(PersonalData.ERASED_TEXT, c.reasonToday(), "committed");
    }
  }

  @Test
  @DisplayName("an erasure inside a host transaction that rolls back leaves no erased reason in the cache")
  void cacheDroppedWhenHostTransactionRollsBack() {
    try (Cached c = Cached.open()) {
      IllegalStateException boom = new IllegalStateException("host work failed");
      assertEquals(boom, assertThrows(IllegalStateException.class, () -> c.program().store().write(tx -> {
        c.program().personalData().erase(c.id(), REQUEST);
        assertEquals(PersonalData.ERASED_TEXT, c.reasonToday(), "inside the transaction the erasure is in force");
        throw boom;
      })));
      assertEquals("deal with Ada", c.reasonToday(), "the erasure rolled back: the reason as stored");
    }
  }
}
