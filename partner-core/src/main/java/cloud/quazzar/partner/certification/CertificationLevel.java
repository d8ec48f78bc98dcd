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
  /** The entry level, open to every tier. */
  BASIC,
  /** Above Basic: Gold and Platinum. */
  ADVANCED,
  /** The highest level: Platinum only. */
  EXPERT;

  /**
   * The highest level a certification access allows: Basic, Advanced, or (All) Expert.
   *
   * @param access a tier's certification access
   * @return the highest level it allows
   */
  public static CertificationLevel highestAllowedBy(CertificationAccess access) {
    return switch (access) {
      case BASIC -> BASIC;
      case ADVANCED -> ADVANCED;
      case ALL -> EXPERT;
    };
  }

  /**
   * The highest level a partner of {@code tier} may add or renew.
   *
   * @param tier the partner's tier
   * @return the highest level it allows
   */
  public static CertificationLevel highestAllowedFor(Tier tier) {
    return highestAllowedBy(tier.benefits().certificationAccess());
  }

  /**
   * Whether a partner of {@code tier} may add or renew a certification of this level.
   *
   * @param tier the partner's tier
   * @return true if the tier allows this level
   */
  public boolean allowedFor(Tier tier) {
    return compareTo(highestAllowedFor(tier)) <= 0;
  }

  /**
   * The lowest tier that may hold this level.
   *
   * @return the lowest tier that allows this level
   */
  public Tier lowestTier() {
    for (Tier t : Tier.values()) {
      if (allowedFor(t)) {
        return t;
      }
    }
    throw new IllegalStateException("no tier allows " + this);
  }

  /**
   * Whether this level ranks at or above {@code other}.
   *
   * @param other another level
   * @return true if this level is {@code other} or above it
   */
  public boolean isAtLeast(CertificationLevel other) {
    return compareTo(other) >= 0;
  }
}
