package cloud.quazzar.partner.spi;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import java.time.Instant;

/**
 * A partner's own stored fields (its counts come from its clients, see {@link ClientTotals}).
 *
 * <p>Throws {@link ValidationException} naming the component that is null or out of range.
 *
 * @param id id
 * @param companyName company name, already cleaned by core
 * @param contactEmail contact email
 * @param tier tier
 * @param status status
 * @param createdAt when added (microsecond precision)
 * @param updatedAt when last changed (microsecond precision)
 * @param version version, 1 or more
 */
public record PartnerRecord(
    PartnerId id,
    String companyName,
    String contactEmail,
    Tier tier,
    PartnerStatus status,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param id id
   * @param companyName company name, already cleaned by core
   * @param contactEmail contact email
   * @param tier tier
   * @param status status
   * @param createdAt when added (microsecond precision)
   * @param updatedAt when last changed (microsecond precision)
   * @param version version, 1 or more
   * @throws ValidationException naming each component that is null or out of range
   */
  public PartnerRecord {
    requireNonNull(id, "id");
    requireNonNull(companyName, "companyName");
    requireNonNull(contactEmail, "contactEmail");
    requireNonNull(tier, "tier");
    requireNonNull(status, "status");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
    if (version < 1) {
      throw ValidationException.of("version", "must be 1 or more, got " + version);
    }
  }

  /**
   * The key that must be unique across partners ({@link Names#key}); stores index it.
   *
   * @return the name key
   */
  public String nameKey() {
    return Names.key(companyName);
  }

  /**
   * The API view with the given client totals.
   *
   * @param totals the partner's client totals
   * @return the partner
   */
  public Partner toPartner(ClientTotals totals) {
    return new Partner(
        id, companyName, contactEmail, tier, status, totals.serverCount(), totals.clientCount(),
        createdAt, updatedAt, version);
  }
}
