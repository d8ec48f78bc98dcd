package cloud.quazzar.partner.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.registry.Tier;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EligibilityRequirementsTest {
  @Test
  @DisplayName("the default is rule CERT-10: Gold 2 Advanced+, Platinum 4 Advanced+ across 3 areas and 100 servers")
  void defaults() {
    EligibilityRequirements d = EligibilityRequirements.DEFAULT;
    assertTrue(d.requirementsOf(Tier.SILVER).isEmpty());
    assertEquals(List.of(MinimumCertifications.atLevel(2, CertificationLevel.ADVANCED)), d.requirementsOf(Tier.GOLD));
    assertEquals(List.of(MinimumCertifications.atLevel(4, CertificationLevel.ADVANCED),
        new MinimumSkillAreas(3, CertificationLevel.ADVANCED), new MinimumServers(100)), d.requirementsOf(Tier.PLATINUM));
  }

  @Test
  @DisplayName("requirements are validated on construction, listing every broken field")
  void validation() {
    assertEquals(List.of("count", "minimumLevel"),
        assertThrows(ValidationException.class, () -> new MinimumCertifications(0, null, Set.of())).fields());
    assertEquals(List.of("count"),
        assertThrows(ValidationException.class, () -> new MinimumSkillAreas(5, CertificationLevel.BASIC)).fields());
    assertEquals(List.of("count"), assertThrows(ValidationException.class, () -> new MinimumServers(0)).fields());
    assertEquals(List.of("count"), assertThrows(ValidationException.class, () -> new MinimumClients(-1)).fields());
    assertThrows(ValidationException.class,
        () -> EligibilityRequirements.NONE.with(Tier.GOLD, (Requirement) null));
  }

  @Test
  @DisplayName("requirement sets are immutable and hold every tier")
  void immutable() {
    EligibilityRequirements r = EligibilityRequirements.NONE.with(Tier.GOLD, new MinimumClients(2));
    assertEquals(Set.of(Tier.values()), r.byTier().keySet());
    assertThrows(UnsupportedOperationException.class, () -> r.byTier().put(Tier.SILVER, List.of()));
    assertThrows(UnsupportedOperationException.class, () -> r.requirementsOf(Tier.GOLD).add(new MinimumClients(3)));
    assertEquals("at least 2 certifications at ADVANCED or above in Fleet Management or MSP Operations",
        new MinimumCertifications(2, CertificationLevel.ADVANCED,
            Set.of(SkillArea.MSP_OPERATIONS, SkillArea.FLEET_MANAGEMENT)).describe());
  }
}
