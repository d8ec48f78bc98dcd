package cloud.quazzar.partner.certification;

import cloud.quazzar.partner.registry.CertificationAccess;
import cloud.quazzar.partner.registry.Tier;

/**
 * A certification's level. Declaration order is rank: {@code BASIC < ADVANCED < EXPERT}.
 *
 * <p>Rule CERT-2 (tier access): Silver may hold Basic, Gold Basic and Advanced, Platinum all.
 * The mapping reads the tier's {@link cloud.quazzar.partner.registry.Benefits#certificationAccess()}
 * (Basic, Advanced, All), so it cannot drift from the benefits matrix.
 */
public enum CertificationLevel {
  BASIC,
  ADVANCED,
  EXPERT;

  /** The highest level a certification access allows: Basic, Advanced, or (All) Expert. */
  public static CertificationLevel highestAllowedBy(CertificationAccess access) {
    return switch (access) {
      case BASIC -> BASIC;
      case ADVANCED -> ADVANCED;
      case ALL -> EXPERT;
    };
  }

  /** The highest level a partner of {@code tier} may add or renew. */
  public static CertificationLevel highestAllowedFor(Tier tier) {
    return highestAllowedBy(tier.benefits().certificationAccess());
  }

  /** Whether a partner of {@code tier} may add or renew a certification of this level. */
  public boolean allowedFor(Tier tier) {
    return compareTo(highestAllowedFor(tier)) <= 0;
  }

  /** The lowest tier that may hold this level. */
  public Tier lowestTier() {
    for (Tier t : Tier.values()) {
      if (allowedFor(t)) {
        return t;
      }
    }
    throw new IllegalStateException("no tier allows " + this);
  }

  /** Whether this level ranks at or above {@code other}. */
  public boolean isAtLeast(CertificationLevel other) {
    return compareTo(other) >= 0;
  }
}
