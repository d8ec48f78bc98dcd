package cloud.quazzar.partner.registry;

/**
 * What the partners list is sorted by. Ties are broken by the company name key ({@link Names#key},
 * code point order, docs/rules.md TEXT-3), which is unique, so every order is total and stable.
 */
public enum PartnerSort {
  /** By company name key. */
  NAME,
  /** By the time the partner was added, then name key. */
  CREATED,
  /** By tier rank (SILVER, GOLD, PLATINUM), then name key. */
  TIER
}
