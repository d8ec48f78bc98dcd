package cloud.quazzar.partner.revenue;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;

/**
 * One partner and month with the partner's name and tier: a row of the top list and of the CSV
 * export.
 *
 * @param companyName the partner's company name as stored now (cleaned, docs/rules.md TEXT-1)
 * @param tier the partner's tier now (not the tier it had in that month)
 * @param entry the month's current entry
 */
public record RevenueRow(String companyName, Tier tier, RevenueEntry entry) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param companyName the partner's company name as stored now (cleaned, docs/rules.md TEXT-1)
   * @param tier the partner's tier now (not the tier it had in that month)
   * @param entry the month's current entry
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null or out of range
   */
  public RevenueRow {
    requireNonNull(companyName, "companyName");
    requireNonNull(tier, "tier");
    requireNonNull(entry, "entry");
  }

  /**
   * The partner.
   *
   * @return the partner's id
   */
  public PartnerId partnerId() {
    return entry.partnerId();
  }
}
