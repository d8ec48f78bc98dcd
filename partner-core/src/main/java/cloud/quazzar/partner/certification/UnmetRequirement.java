package cloud.quazzar.partner.certification;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

/**
 * A requirement a partner does not meet on the evaluation day, and by how much.
 *
 * @param requirement the requirement
 * @param have what the partner has: counting certifications, distinct areas, servers or clients
 * @param need what the requirement asks for; more than {@code have}
 * @param explanation the shortfall in words, e.g. {@code "at least 2 certifications at ADVANCED
 *     or above: 1 counts on 2027-03-01"}
 */
public record UnmetRequirement(Requirement requirement, long have, long need, String explanation) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param requirement the requirement
   * @param have what the partner has: counting certifications, distinct areas, servers or clients
   * @param need what the requirement asks for; more than {@code have}
   * @param explanation the shortfall in words, e.g. {@code "at least 2 certifications at ADVANCED
   *     or above: 1 counts on 2027-03-01"}
   * @throws ValidationException naming each component that is null or out of range
   */
  public UnmetRequirement {
    requireNonNull(requirement, "requirement");
    requireNonNull(explanation, "explanation");
    if (have >= need) {
      throw ValidationException.of("have", "must be below need (" + need + ") for an unmet requirement, got " + have);
    }
  }
}
