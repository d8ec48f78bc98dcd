package cloud.quazzar.partner.review;

/** What a review says of one partner. */
public enum ReviewVerdict {
  /** It qualifies for its tier and for no higher one. */
  KEEP,
  /** It qualifies for a higher tier than its own. */
  PROMOTE,
  /** It no longer qualifies for its tier (it may still be inside its grace period). */
  AT_RISK
}
