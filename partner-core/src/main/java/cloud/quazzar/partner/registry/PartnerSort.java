package cloud.quazzar.partner.registry;

/**
 * What the partners list is sorted by. Every order is total and stable: the orders by the
 * partner's own fields and by its client counts break ties by the company name key ({@link
 * Names#key}, code point order, docs/rules.md TEXT-3), which is unique; the MRR order breaks them by
 * partner id, as one partner has one current ledger entry per month.
 */
public enum PartnerSort {
  /** By company name key. */
  NAME,
  /** By the time the partner was added, then name key. */
  CREATED,
  /** By tier rank (SILVER, GOLD, PLATINUM), then name key. */
  TIER,
  /** By server count (the sum over the partner's clients, REG-3), then name key. */
  SERVER_COUNT,
  /** By client count (the number of the partner's clients, REG-3), then name key. */
  CLIENT_COUNT,
  /**
   * By the MRR of the current ledger entry (highest revision) of one month in one currency, then
   * partner id (in the order of its text form). Only partners with a current entry of that month in
   * that currency are listed. Set the month and currency with {@link
   * PartnerQuery#sortedByMrr}; {@link PartnerQuery#sortedBy} with {@code MRR} has neither, and
   * {@link PartnerRegistry#list} refuses it.
   */
  MRR
}
