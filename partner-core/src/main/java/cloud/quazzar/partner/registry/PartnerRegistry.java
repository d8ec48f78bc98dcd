package cloud.quazzar.partner.registry;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * Partner management: partners, their clients, tiers and tier history (rules
 * REG-1 to REG-6). Obtained from {@link cloud.quazzar.partner.PartnerProgram#registry()};
 * thread-safe.
 *
 * <p>Every operation validates all of its input first and throws {@link ValidationException}
 * listing each violation by field. Every change runs in one store transaction: when it throws,
 * nothing of it was stored. Updates take the version the caller read; if the stored version
 * differs, they throw {@link ConflictException} with {@link ConflictException.Reason#STALE_VERSION}
 * and change nothing (optimistic locking, never a silent overwrite).
 */
public interface PartnerRegistry {

  /**
   * Adds an active partner with version 1 and records its initial tier as the first entry of its
   * tier history.
   *
   * @param request the partner to add
   * @return the new partner
   * @throws ValidationException if any field of {@code request} is invalid
   * @throws ConflictException ({@code DUPLICATE}) if another partner's company name has the same
   *     {@link Names#key} (docs/rules.md TEXT-2: case, white space, invisible characters and
   *     compatibility forms aside)
   */
  Partner add(NewPartner request);

  /**
   * The partner with this id, if any.
   *
   * @param id the partner's id
   * @return the partner, or empty if there is none
   */
  Optional<Partner> find(PartnerId id);

  /**
   * The partner with this id.
   *
   * @param id the partner's id
   * @return the partner
   * @throws NotFoundException if there is none
   */
  Partner get(PartnerId id);

  /**
   * One page of the partners list (docs/rules.md LIST-1 to LIST-3, and LIST-5 for the filters and
   * sorts by certification status, client counts and MRR): the partners matching the query's
   * filters, in its order, at most its limit, after the page its token ends (the first page without
   * one). Each page costs about what the first costs, however deep, and the pages of one listing
   * never skip or repeat a partner that exists throughout and keeps its sort value, whatever is
   * added, changed or removed between them (a partner whose sort value changes meanwhile, such as
   * its server count when its clients change, may move past the listing's position, as on any
   * keyset-paged list). The certification status filter takes today's date in the program's zone
   * and the program's expiry thresholds when each page is read.
   *
   * @param query the filters, the order, the page size and the page token
   * @return the page, with the token of the next one if more partners follow
   * @throws ValidationException listing each problem of the query: a search text blank, too long,
   *     with control characters or with an empty key; a limit outside 1 to {@value
   *     PartnerQuery#MAX_LIMIT}; a negative count bound or a minimum above its maximum; an MRR
   *     bound without a month (or a month without a bound), a month outside {@link
   *     PartnerQuery#EARLIEST_MONTH} to {@link PartnerQuery#LATEST_MONTH}, a negative MRR bound,
   *     MRR bounds in two currencies or a minimum above the maximum; sorting by MRR without its
   *     month and currency (or a currency without a minor unit), or a sort month or currency with
   *     another sort; a page token this listing did not make, made for another query (other
   *     filters or sort), or changed
   */
  Page<Partner> list(PartnerQuery query);

  /**
   * How many partners match the query's filters (its limit and page token aside; sorting by MRR
   * counts, as it lists, only partners with a current entry of that month in that currency). Costs
   * a read of every matching partner; the Partners screen shows pages, and counts only on demand.
   *
   * @param query the filters (checked as by {@link #list})
   * @return the number of matching partners
   * @throws ValidationException as {@link #list} does
   */
  long count(PartnerQuery query);

  /**
   * Moves an active partner to another tier and appends the change to its tier history.
   *
   * @param id the partner's id
   * @param expectedVersion the version the caller read
   * @param request the new tier, who changes it and why
   * @return the changed partner
   * @throws ValidationException if the request is invalid or names the current tier
   * @throws NotFoundException if there is no such partner
   * @throws ConflictException ({@code STALE_VERSION}) on a stale version, ({@code STATE}) if the
   *     partner is inactive
   */
  Partner changeTier(PartnerId id, long expectedVersion, TierChangeRequest request);

  /**
   * One page of the partner's tier history, oldest first; the first entry is its initial tier.
   * Keyset pages by sequence (docs/rules.md LIST-1, LIST-2), a token signed for this partner's
   * history only.
   *
   * @param id the partner's id
   * @param page the page size and the previous page's token
   * @return the page, oldest first, with the token of the next one if more entries follow
   * @throws ValidationException if an argument is null, the limit is outside 1 to {@value
   *     PageRequest#MAX_LIMIT}, or the token is not one this list made for this partner
   * @throws NotFoundException if there is no such partner
   */
  Page<TierChange> tierHistory(PartnerId id, PageRequest page);

  /**
   * Replaces the company name and contact email.
   *
   * @param id the partner's id
   * @param expectedVersion the version the caller read
   * @param update the new company name and contact email
   * @return the changed partner
   * @throws ValidationException if a field is invalid
   * @throws NotFoundException if there is no such partner
   * @throws ConflictException ({@code STALE_VERSION}) on a stale version, ({@code DUPLICATE}) if
   *     the new name is another partner's
   */
  Partner updateContact(PartnerId id, long expectedVersion, ContactUpdate update);

  /**
   * Deactivates a partner. Nothing is deleted; its clients and history stay readable.
   *
   * @param id the partner's id
   * @param expectedVersion the version the caller read
   * @return the deactivated partner
   * @throws NotFoundException if there is no such partner
   * @throws ConflictException ({@code STALE_VERSION}) on a stale version, ({@code STATE}) if it is
   *     already inactive
   */
  Partner deactivate(PartnerId id, long expectedVersion);

  /**
   * Reactivates a deactivated partner.
   *
   * @param id the partner's id
   * @param expectedVersion the version the caller read
   * @return the reactivated partner
   * @throws NotFoundException if there is no such partner
   * @throws ConflictException ({@code STALE_VERSION}) on a stale version, ({@code STATE}) if it is
   *     already active
   */
  Partner reactivate(PartnerId id, long expectedVersion);

  /**
   * Adds a client to an active partner; the partner's server and client counts include it at once.
   *
   * @param partnerId the partner
   * @param request the client to add
   * @return the new client
   * @throws ValidationException if the request is invalid
   * @throws NotFoundException if there is no such partner
   * @throws ConflictException ({@code DUPLICATE}) if the partner has a client of that name (the same
   *     {@link Names#key}), ({@code STATE}) if the partner is inactive
   */
  Client addClient(PartnerId partnerId, NewClient request);

  /**
   * The client with this id, if any.
   *
   * @param id the client's id
   * @return the client, or empty if there is none
   */
  Optional<Client> findClient(ClientId id);

  /**
   * One page of the partner's clients, ordered by name key ({@link Names#key}, unique within the
   * partner) by code point (docs/rules.md TEXT-3). Keyset pages as the partners list's (LIST-1,
   * LIST-2): a deep page costs what the first costs, and no client that exists throughout is
   * skipped or repeated; a token is signed for this partner's clients only.
   *
   * @param partnerId the partner
   * @param page the page size and the previous page's token
   * @return the page, with the token of the next one if more clients follow
   * @throws ValidationException if an argument is null, the limit is outside 1 to {@value
   *     PageRequest#MAX_LIMIT}, or the token is not one this list made for this partner
   * @throws NotFoundException if there is no such partner
   */
  Page<Client> clients(PartnerId partnerId, PageRequest page);

  /**
   * Renames a client.
   *
   * @param id the client's id
   * @param expectedVersion the version the caller read
   * @param name the new name
   * @return the changed client
   * @throws ValidationException if the name is invalid
   * @throws NotFoundException if there is no such client
   * @throws ConflictException ({@code STALE_VERSION}, {@code DUPLICATE}, or {@code STATE} if its
   *     partner is inactive)
   */
  Client renameClient(ClientId id, long expectedVersion, String name);

  /**
   * Sets a client's server count.
   *
   * @param id the client's id
   * @param expectedVersion the version the caller read
   * @param serverCount the new server count
   * @return the changed client
   * @throws ValidationException if {@code serverCount} is negative or above {@value
   *     Client#MAX_SERVER_COUNT}
   * @throws NotFoundException if there is no such client
   * @throws ConflictException ({@code STALE_VERSION}, or {@code STATE} if its partner is inactive)
   */
  Client setServerCount(ClientId id, long expectedVersion, long serverCount);

  /**
   * Removes a client from its partner. Clients are operational records, so this deletes it; the
   * revenue ledger keeps the month figures that were recorded with it.
   *
   * @param id the client's id
   * @param expectedVersion the version the caller read
   * @throws NotFoundException if there is no such client
   * @throws ConflictException ({@code STALE_VERSION}, or {@code STATE} if its partner is inactive)
   */
  void removeClient(ClientId id, long expectedVersion);
}
