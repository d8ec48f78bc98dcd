package cloud.quazzar.partner.certification;

/**
 * One condition a partner must meet to qualify for a tier (rule CERT-9: minimum
 * certifications by area and level, minimum servers; a minimum MRR is a revenue requirement of the tier review, {@code
 * cloud.quazzar.partner.review.MinimumAverageMrr}).
 * Each kind is an immutable record validated on construction; a tier's requirements are listed in
 * {@link EligibilityRequirements}.
 *
 * <p>Only certifications that count on the evaluation day are counted: current records that have
 * not expired on that day (rule CERT-9: expiring-soon and critical ones still count until they
 * expire).
 */
public sealed interface Requirement
    permits MinimumCertifications, MinimumSkillAreas, MinimumServers, MinimumClients {

  /**
   * The requirement in words, e.g. {@code "at least 2 certifications at ADVANCED or above"}.
   *
   * @return the description
   */
  String describe();
}
