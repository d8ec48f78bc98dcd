package cloud.quazzar.partner.spi;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueRow;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a store must do for the revenue ledger. Append-only on purpose: there is no method to
 * change or delete an entry. Only persistence: core has validated every entry and chosen its
 * revision; which entry is current is simply the highest revision of a partner's month. All
 * methods act inside the enclosing transaction.
 *
 * <p>Two uniqueness rules must hold even under concurrent transactions and across processes (in a
 * database: unique indexes): the idempotency key across all entries, and (partner, month,
 * revision). The first is what makes a retried or concurrent recording store one entry; the second
 * keeps a month's revisions a single chain.
 */
public interface RevenueRepository {

  /**
   * Appends, in order, every entry whose idempotency key is not stored yet, and returns the stored
   * entries whose key was already taken (those of {@code entries} are not appended), in the order
   * of {@code entries}. A key taken by a transaction that commits concurrently counts as taken:
   * the store waits for it or fails with {@link ConflictException}, never stores both.
   *
   * <p>Core passes entries with distinct keys and new ids. A store may append them in one batch
   * (the month-end path): a database store should use its fastest bulk insert.
   *
   * @param entries the entries to append, in order
   * @return the already stored entries of the keys that were taken; empty if all were appended
   * @throws ConflictException ({@code DUPLICATE}) if an entry to append has the partner, month and
   *     revision of a stored entry; the caller then rolls the transaction back
   */
  List<RevenueEntry> appendAbsent(List<RevenueEntry> entries);

  /**
   * The entry stored with this idempotency key, if any.
   *
   * @param idempotencyKey the key
   * @return the entry, or empty
   */
  Optional<RevenueEntry> findByKey(String idempotencyKey);

  /**
   * Every entry of the partner's month, ordered by revision; empty if there is none.
   *
   * @param partnerId the partner
   * @param month the month
   * @return the entries, by revision
   */
  List<RevenueEntry> history(PartnerId partnerId, YearMonth month);

  /**
   * One page of the partner's month (docs/rules.md LIST-4): its entries with a revision above
   * {@code afterRevision}, by revision, at most {@code limit}. The default filters {@link
   * #history(PartnerId, YearMonth)}; a database seeks through its unique (partner, month, revision)
   * index.
   *
   * @param partnerId the partner
   * @param month the month
   * @param afterRevision the revision the previous page ended with; 0 for the first page
   * @param limit the most entries to return, 1 or more
   * @return the page's entries, by revision
   */
  default List<RevenueEntry> history(PartnerId partnerId, YearMonth month, int afterRevision, int limit) {
    return history(partnerId, month).stream().filter(e -> e.revision() > afterRevision).limit(limit).toList();
  }

  /**
   * For each month from {@code from} to {@code to} (both included) in which the partner has
   * entries, the entry with the highest revision, ordered by month.
   *
   * @param partnerId the partner
   * @param from the first month
   * @param to the last month
   * @return the current entries, by month
   */
  List<RevenueEntry> current(PartnerId partnerId, YearMonth from, YearMonth to);

  /**
   * The partner's latest month with an entry, if any.
   *
   * @param partnerId the partner
   * @return the latest month, or empty
   */
  Optional<YearMonth> lastMonth(PartnerId partnerId);

  /**
   * Streams to {@code visitor} the current entry (highest revision) of every partner month that
   * {@code filter} selects, with the partner's company name and current tier, ordered by month,
   * then the partner's name key ({@link PartnerRecord#nameKey()}) by code point ({@link
   * cloud.quazzar.partner.registry.Names#KEY_ORDER}; docs/rules.md TEXT-3: keys sort the same by
   * UTF-16 units and by UTF-8 bytes, so a binary collation will do), then partner id.
   *
   * <p>Must stream: memory use may grow with the number of partners in one month, never with the
   * number of rows (a database store reads with a cursor and a fetch size). An exception thrown by
   * the visitor ends the scan and propagates unchanged.
   *
   * @param filter which partner months to visit
   * @param visitor what receives each row
   */
  void scan(RevenueFilter filter, Consumer<RevenueRow> visitor);

  /**
   * Replaces the reason of every entry of the partner that has one other than {@code replacement}
   * (the corrections; docs/rules.md PRIV-1: the one change the append-only ledger allows). Nothing
   * else of an entry changes: its figures, month, revision, key and times stay.
   *
   * @param partnerId the partner
   * @param replacement the text that replaces each reason
   * @return how many entries were changed; 0 if none was left
   */
  int eraseReasons(PartnerId partnerId, String replacement);
}
