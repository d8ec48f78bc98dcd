package cloud.quazzar.partner.review;

/**
 * What a review did for one partner. An outcome lists the actions in the order they were taken; an
 * empty list means the review changed nothing (a partner that keeps its tier, or an at-risk partner
 * inside a grace period that already runs).
 */
public enum ReviewAction {
  /** The partner stopped qualifying for its tier: a grace period started; it keeps its tier. */
  GRACE_STARTED,
  /** The partner qualifies for its tier again: its grace period ended, the tier stays. */
  GRACE_ENDED_REQUALIFIED,
  /**
   * The partner's tier was changed by someone else since its grace period started (say an
   * administrator followed a recommended demotion): the grace period no longer applies and ended;
   * the review then judged the partner at its new tier.
   */
  GRACE_ENDED_TIER_CHANGED,
  /** The grace period is over and the partner was moved down to the highest tier it qualifies for. */
  DEMOTED,
  /** The partner was moved up to the highest tier it qualifies for. */
  PROMOTED,
  /**
   * The grace period is over; demotion is recommended only ({@link ReviewMode#RECOMMEND_ONLY}): the
   * tier stays and the grace period stays open, so each later review repeats the recommendation
   * until the tier changes or the partner requalifies.
   */
  DEMOTION_RECOMMENDED,
  /** The partner qualifies for a higher tier; promotion is recommended only. */
  PROMOTION_RECOMMENDED
}
