package cloud.quazzar.partner.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.quazzar.partner.registry.Tier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TierAccessTest {
  private static List<CertificationLevel> allowed(Tier tier) {
    return Arrays.stream(CertificationLevel.values()).filter(l -> l.allowedFor(tier)).toList();
  }

  @Test
  @DisplayName("Silver may hold Basic, Gold Basic and Advanced, Platinum all levels")
  void accessByTier() {
    assertEquals(List.of(CertificationLevel.BASIC), allowed(Tier.SILVER));
    assertEquals(List.of(CertificationLevel.BASIC, CertificationLevel.ADVANCED), allowed(Tier.GOLD));
    assertEquals(List.of(CertificationLevel.values()), allowed(Tier.PLATINUM));
  }

  @Test
  @DisplayName("the access follows the benefits matrix's certification access row, and a higher tier never allows less")
  void followsBenefits() {
    for (Tier tier : Tier.values()) {
      assertEquals(CertificationLevel.highestAllowedBy(tier.benefits().certificationAccess()),
          CertificationLevel.highestAllowedFor(tier));
      for (Tier higher : Tier.values()) {
        if (higher.isAbove(tier)) {
          assertEquals(true, allowed(higher).containsAll(allowed(tier)), higher + " vs " + tier);
        }
      }
    }
    assertEquals(Tier.GOLD, CertificationLevel.ADVANCED.lowestTier());
    assertEquals(Tier.PLATINUM, CertificationLevel.EXPERT.lowestTier());
  }
}
