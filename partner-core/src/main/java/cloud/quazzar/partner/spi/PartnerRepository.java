package cloud.quazzar.partner.spi;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.privacy.Erasure;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.TierChange;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a store must do for partners, clients and tier history. Only persistence: core has already
 * validated every value and applied every rule. All methods act inside the enclosing transaction.
 *
 * <p>Uniqueness must hold even under concurrent transactions (in a database: a unique index), and
 * is reported as {@link ConflictException} with reason {@code DUPLICATE}.
 *
 * <p>"Ordered by name key" means {@link cloud.quazzar.partner.registry.Names#KEY_ORDER} (Unicode
 * code points, docs/rules.md TEXT-3), then id. Keys made by {@link
 * cloud.quazzar.partner.registry.Names#key} sort the same by UTF-16 units ({@code String.compareTo},
 * H2's default comparison) and by UTF-8 bytes (a binary collation such as PostgreSQL's {@code
 * COLLATE "C"}); a linguistic collation would not do.
 */
public interface PartnerRepository {

  /**
   * Stores a new partner.
   *
   * @param partner the partner
   * @throws ConflictException ({@code DUPLICATE}) if another partner has the same {@link
   *     PartnerRecord#nameKey()} (or the same id)
   */
  void insert(PartnerRecord partner);

  /**
   * The stored partner, if any.
   *
   * @param id the partner's id
   * @return the partner, or empty
   */
  Optional<PartnerRecord> find(PartnerId id);

  /**
   * The ids among {@code ids} of stored partners, active or not (unknown ids are left out; an id
   * given twice counts once). A month-end revenue run asks this for thousands of partners before
   * it stores their months, so a database store should answer in one query (or one per few
   * thousand ids) that reads the ids only. The default calls {@link #find} per id.
   *
   * @param ids the ids, any number (none gives an empty set)
   * @return the ids of stored partners among {@code ids}
   */
  default Set<PartnerId> existing(Collection<PartnerId> ids) {
    Set<PartnerId> out = new java.util.HashSet<>();
    for (PartnerId id : ids) {
      if (find(id).isPresent()) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * The partner whose {@link PartnerRecord#nameKey()} equals {@code nameKey}, if any.
   *
   * @param nameKey the name key
   * @return the partner, or empty
   */
  Optional<PartnerRecord> findByNameKey(String nameKey);

  /**
   * Replaces the stored partner if its stored version equals {@code expectedVersion}; {@code
   * partner.version()} is then the new version.
   *
   * @param partner the new state of the partner
   * @param expectedVersion the version the stored partner must have
   * @return false, changing nothing, if the partner is missing or its version differs
   * @throws ConflictException ({@code DUPLICATE}) if the new name key is another partner's
   */
  boolean update(PartnerRecord partner, long expectedVersion);

  /**
   * One page of the partners list: the rows that {@linkplain PartnerListing#matches match} the
   * listing, strictly {@linkplain PartnerListing#isAfter after} its position, in its {@linkplain
   * PartnerListing#order order}, at most {@link PartnerListing#limit} of them. A deep page must
   * cost what the first costs (seek to the position through an index on the order, never skip
   * rows): the partners list pages through a million partners. That holds for the orders by client
   * counts and by MRR too, which are aggregates: a store keeps what it needs to seek by them (the
   * JDBC store keeps running totals on the partner row, decision L2 of docs/decisions.md, and reads
   * the MRR order from an index on the ledger). Rows added or removed by other transactions between
   * two pages must not make the later page skip or repeat a row that exists in both and keeps its
   * sort value.
   *
   * @param listing the filters, the order, the position and the limit
   * @return the page's rows, in order
   */
  List<PartnerRecord> list(PartnerListing listing);

  /**
   * How many rows match the listing's filters, its position and limit aside (a listing sorted by
   * MRR matches only partners with a current entry of its month in its currency). May read every
   * matching row.
   *
   * @param listing the filters
   * @return the number of matching partners
   */
  long count(PartnerListing listing);

  /**
   * Client totals for each id given (REG-3: the sum of the clients' server counts and their number,
   * as this transaction sees the clients); partners without clients, and unknown ids, map to {@link
   * ClientTotals#NONE}. A store may sum the clients or keep running totals that it changes with
   * every client change in the same transaction (decision L2); either way they equal the sums.
   *
   * @param ids the ids
   * @return the totals by id
   */
  Map<PartnerId, ClientTotals> clientTotals(Collection<PartnerId> ids);

  /**
   * Client totals of one partner ({@link ClientTotals#NONE} without clients). The default delegates
   * to {@link #clientTotals(Collection)}; stores may answer it more cheaply.
   *
   * @param id the partner's id
   * @return the totals
   */
  default ClientTotals clientTotals(PartnerId id) {
    return clientTotals(List.of(id)).getOrDefault(id, ClientTotals.NONE);
  }

  /**
   * Appends an entry to a partner's tier history.
   *
   * @param change the entry
   * @throws ConflictException ({@code DUPLICATE}) if the partner already has an entry with this
   *     sequence
   */
  void appendTierChange(TierChange change);

  /**
   * The partner's tier history ordered by sequence; empty if there is none.
   *
   * @param id the partner's id
   * @return the tier history
   */
  List<TierChange> tierHistory(PartnerId id);

  /**
   * One page of the partner's tier history: the entries with a sequence above {@code
   * afterSequence}, by sequence, at most {@code limit}. The default filters {@link
   * #tierHistory(PartnerId)}; a database seeks through its (partner, sequence) key.
   *
   * @param id the partner's id
   * @param afterSequence the sequence the previous page ended with; 0 for the first page
   * @param limit the most entries to return, 1 or more
   * @return the page's entries, oldest first
   */
  default List<TierChange> tierHistory(PartnerId id, int afterSequence, int limit) {
    return tierHistory(id).stream().filter(c -> c.sequence() > afterSequence).limit(limit).toList();
  }

  /**
   * The highest sequence in the partner's tier history, 0 if it has none. The default reads the
   * whole history; a database answers it from the primary key.
   *
   * @param id the partner's id
   * @return the highest sequence, 0 if none
   */
  default int lastTierSequence(PartnerId id) {
    List<TierChange> history = tierHistory(id);
    return history.isEmpty() ? 0 : history.get(history.size() - 1).sequence();
  }

  /**
   * Stores a new client. From then on, in this transaction and in those that see its commit, the
   * partner's totals ({@link #clientTotals}, {@link #list} and {@link #count}) include it; the same
   * holds for {@link #updateClient} and {@link #deleteClient}. A store that keeps running totals
   * changes them here, atomically, without changing the partner's version (so client changes never
   * make an optimistic partner update stale), and undoes them with the transaction.
   *
   * @param client the client
   * @throws ConflictException ({@code DUPLICATE}) if its partner has a client with the same {@link
   *     Client#nameKey()}
   */
  void insertClient(Client client);

  /**
   * The stored client, if any.
   *
   * @param id the client's id
   * @return the client, or empty
   */
  Optional<Client> findClient(ClientId id);

  /**
   * The partner's client whose {@link Client#nameKey()} is {@code nameKey}, if any. The default
   * scans {@link #clients}; a database answers it from its unique index.
   *
   * @param partnerId the partner
   * @param nameKey the name key
   * @return the client, or empty
   */
  default Optional<Client> findClientByNameKey(PartnerId partnerId, String nameKey) {
    return clients(partnerId).stream().filter(c -> c.nameKey().equals(nameKey)).findFirst();
  }

  /**
   * Replaces the stored client if its stored version equals {@code expectedVersion}.
   *
   * @param client the new state of the client
   * @param expectedVersion the version the stored client must have
   * @return false, changing nothing, if it is missing or its version differs
   * @throws ConflictException ({@code DUPLICATE}) if the new name key is another client's of the
   *     same partner
   */
  boolean updateClient(Client client, long expectedVersion);

  /**
   * Deletes the client if its stored version equals {@code expectedVersion}.
   *
   * @param id the client's id
   * @param expectedVersion the version the stored client must have
   * @return false, changing nothing, if it is missing or its version differs
   */
  boolean deleteClient(ClientId id, long expectedVersion);

  /**
   * The partner's clients ordered by name key then id.
   *
   * @param partnerId the partner
   * @return the clients
   */
  List<Client> clients(PartnerId partnerId);

  /**
   * One page of the partner's clients: those whose name key comes strictly after {@code
   * afterNameKey} (all, if empty) by code point ({@link cloud.quazzar.partner.registry.Names#KEY_ORDER}),
   * in that order, at most {@code limit}. The default filters {@link #clients(PartnerId)}; a store
   * for many clients per partner seeks through its index on (partner, name key) instead, so that a
   * deep page costs what the first costs.
   *
   * @param partnerId the partner
   * @param afterNameKey the name key the previous page ended with; empty for the first page
   * @param limit the most clients to return, 1 or more
   * @return the page's clients, in order
   */
  default List<Client> clients(PartnerId partnerId, Optional<String> afterNameKey, int limit) {
    return clients(partnerId).stream()
        .filter(c -> afterNameKey.map(k -> Names.KEY_ORDER.compare(c.nameKey(), k) > 0).orElse(true))
        .limit(limit)
        .toList();
  }

  /**
   * Replaces the reason of every tier-history entry of the partner whose reason is not {@code
   * replacement} already (docs/rules.md PRIV-1: the one change the append-only history allows).
   * Nothing else of an entry changes.
   *
   * @param partnerId the partner
   * @param replacement the text that replaces each reason
   * @return how many entries were changed; 0 if none was left
   */
  int eraseTierChangeReasons(PartnerId partnerId, String replacement);

  /**
   * Stores the audit entry of an erasure (PRIV-3).
   *
   * @param erasure the entry
   */
  void appendErasure(Erasure erasure);

  /**
   * The partner's erasure audit entries, oldest first (by time, then in the order they were stored).
   *
   * @param partnerId the partner
   * @return the entries; empty if none
   */
  List<Erasure> erasures(PartnerId partnerId);
}
