package cloud.quazzar.partner.review;

/**
 * A revenue condition a partner must meet to qualify for a tier, checked by a tier review against
 * the revenue ledger (rule REVIEW-2: a minimum average MRR). Immutable, validated on construction.
 * The certification, server and client conditions stay in {@link
 * cloud.quazzar.partner.certification.EligibilityRequirements}.
 */
public sealed interface RevenueRequirement permits MinimumAverageMrr {
  /**
   * The requirement in words, e.g. {@code "an average MRR of at least 1000.00 USD over the last 3 months"}.
   *
   * @return the description
   */
  String describe();
}
