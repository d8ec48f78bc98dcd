package cloud.quazzar.partner.events;

/** How a grace period ended ({@link GracePeriodEnded}). */
public enum GracePeriodOutcome {
  /** The partner meets its tier's requirements again and keeps the tier. */
  REQUALIFIED,
  /** The grace period ran out and the review demoted the partner (automatic demotion). */
  DEMOTED,
  /**
   * The partner's tier was changed some other way while in grace (by an administrator, or a
   * recommended demotion applied by hand), so the grace period no longer applies.
   */
  TIER_CHANGED
}
