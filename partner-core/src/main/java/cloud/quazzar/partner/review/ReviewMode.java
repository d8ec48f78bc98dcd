package cloud.quazzar.partner.review;

/** Whether a review applies a tier change itself or only recommends it to an administrator. */
public enum ReviewMode {
  /** The review changes the tier through the registry (tier history reason names the review). */
  AUTOMATIC,
  /** The review reports the change it recommends; the tier stays until someone changes it. */
  RECOMMEND_ONLY
}
