package cloud.quazzar.partner.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The benefits matrix (rule TIER-2), pinned cell by cell. */
class TierBenefitsTest {
  @Test
  @DisplayName("Silver: standard discount, portal, no priority support, no co-marketing, no manager, basic certifications")
  void silver() {
    assertEquals(new Benefits(DiscountLevel.STANDARD, true, false, false, false, CertificationAccess.BASIC),
        Tier.SILVER.benefits());
  }

  @Test
  @DisplayName("Gold: enhanced discount, portal, priority support, no co-marketing, no manager, advanced certifications")
  void gold() {
    assertEquals(new Benefits(DiscountLevel.ENHANCED, true, true, false, false, CertificationAccess.ADVANCED),
        Tier.GOLD.benefits());
  }

  @Test
  @DisplayName("Platinum: maximum discount, portal, priority support, co-marketing, manager, all certifications")
  void platinum() {
    assertEquals(new Benefits(DiscountLevel.MAXIMUM, true, true, true, true, CertificationAccess.ALL),
        Tier.PLATINUM.benefits());
  }

  @Test
  @DisplayName("tiers rank Silver < Gold < Platinum")
  void order() {
    assertTrue(Tier.SILVER.isBelow(Tier.GOLD));
    assertTrue(Tier.GOLD.isBelow(Tier.PLATINUM));
    assertTrue(Tier.PLATINUM.isAbove(Tier.SILVER));
    assertFalse(Tier.GOLD.isAbove(Tier.GOLD));
  }

  @Test
  @DisplayName("a higher tier never has fewer benefits than a lower one (every pair)")
  void higherTierIncludesLower() {
    for (Tier high : Tier.values()) {
      for (Tier low : Tier.values()) {
        assertEquals(high.compareTo(low) >= 0, high.benefits().includes(low.benefits()), high + " vs " + low);
      }
    }
  }

  @Test
  @DisplayName("includes() fails when any single benefit is missing")
  void includesIsStrictPerRow() {
    Benefits all = Tier.PLATINUM.benefits();
    assertFalse(new Benefits(DiscountLevel.MAXIMUM, true, true, true, false, CertificationAccess.ALL).includes(all));
    assertFalse(new Benefits(DiscountLevel.MAXIMUM, false, true, true, true, CertificationAccess.ALL).includes(all));
    assertFalse(new Benefits(DiscountLevel.ENHANCED, true, true, true, true, CertificationAccess.ALL).includes(all));
    assertFalse(new Benefits(DiscountLevel.MAXIMUM, true, true, true, true, CertificationAccess.ADVANCED).includes(all));
  }
}
