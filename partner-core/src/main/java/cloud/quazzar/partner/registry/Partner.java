package cloud.quazzar.partner.registry;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

import java.time.Instant;

/**
 * A partner as stored, with the counts derived from its clients. Immutable; a change yields a new
 * {@code Partner} with the next {@link #version()}.
 *
 * <p>Throws {@link ValidationException} naming the component that is null or out of range.
 *
 * @param id generated id
 * @param companyName the company name, cleaned by {@link Names#clean} (docs/rules.md TEXT-1)
 * @param contactEmail contact email address
 * @param tier current tier
 * @param status active or deactivated
 * @param serverCount rule REG-3: the sum of its clients' server counts
 * @param clientCount rule REG-3: the number of its clients
 * @param createdAt when it was added
 * @param updatedAt when its own fields last changed (client changes do not count)
 * @param version optimistic-lock version: 1 when added, one more per change of its own fields
 */
public record Partner(
    PartnerId id,
    String companyName,
    String contactEmail,
    Tier tier,
    PartnerStatus status,
    long serverCount,
    long clientCount,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param id generated id
   * @param companyName the company name, cleaned by {@link Names#clean} (docs/rules.md TEXT-1)
   * @param contactEmail contact email address
   * @param tier current tier
   * @param status active or deactivated
   * @param serverCount rule REG-3: the sum of its clients' server counts
   * @param clientCount rule REG-3: the number of its clients
   * @param createdAt when it was added
   * @param updatedAt when its own fields last changed (client changes do not count)
   * @param version optimistic-lock version: 1 when added, one more per change of its own fields
   * @throws ValidationException naming each component that is null or out of range
   */
  public Partner {
    requireNonNull(id, "id");
    requireNonNull(companyName, "companyName");
    requireNonNull(contactEmail, "contactEmail");
    requireNonNull(tier, "tier");
    requireNonNull(status, "status");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
    if (serverCount < 0) {
      throw ValidationException.of("serverCount", "must be 0 or more, got " + serverCount);
    }
    if (clientCount < 0) {
      throw ValidationException.of("clientCount", "must be 0 or more, got " + clientCount);
    }
    if (version < 1) {
      throw ValidationException.of("version", "must be 1 or more, got " + version);
    }
  }

  /**
   * The benefits of the current tier.
   *
   * @return the benefits
   */
  public Benefits benefits() {
    return tier.benefits();
  }

  /**
   * Whether the partner is active.
   *
   * @return true if the partner is active
   */
  public boolean isActive() {
    return status == PartnerStatus.ACTIVE;
  }
}
