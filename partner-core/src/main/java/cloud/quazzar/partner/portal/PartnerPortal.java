package cloud.quazzar.partner.portal;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.registry.Benefits;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.PartnerReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.YearMonth;
import java.util.List;

/**
 * One partner's view of the program, obtained by {@link
 * cloud.quazzar.partner.PartnerProgram#portal(PartnerId)} after the host has authenticated the
 * partner. Thread-safe; a cheap object holding only the partner's id, so it may be made per
 * request. No method takes a partner id: every one works on this portal's partner.
 *
 * <h2>Promises</h2>
 * <ul>
 *   <li><b>Isolation</b> (rules PORTAL-1, PORTAL-2): nothing returned or written belongs to another partner.
 *       An id of another partner's item (a {@link ClientId}) is refused with exactly the {@link
 *       NotFoundException} of an id that does not exist (same type, same message, e.g. {@code
 *       "client <id> not found"}); input is validated first, in the same way for both, so no
 *       error tells the two apart. Ownership is checked before anything is changed.
 *   <li><b>Limited</b>: a partner can read its record, benefits, certifications, revenue and
 *       statements, and manage its own clients. It cannot change its tier, its contact, its
 *       status, the discount policy or adjustments, certifications or the ledger.
 *   <li>Errors otherwise as the underlying services document ({@link ValidationException},
 *       {@link ConflictException}).
 * </ul>
 */
public interface PartnerPortal {

  /**
   * This portal's partner's id.
   *
   * @return the partner's id
   */
  PartnerId partnerId();

  /**
   * The partner's own record, read now.
   *
   * @return the partner
   */
  Partner partner();

  /**
   * The benefits of the partner's current tier.
   *
   * @return the benefits
   */
  Benefits benefits();

  /**
   * One page of the partner's own clients, as {@link
   * cloud.quazzar.partner.registry.PartnerRegistry#clients} gives them (ordered by name key by code
   * point, keyset pages). A token made for another partner's clients is refused.
   *
   * @param page the page size and the previous page's token
   * @return the page
   * @throws ValidationException if {@code page} is null, its limit is out of range or its token
   *     is not one this partner's client list made
   */
  Page<Client> clients(PageRequest page);

  /**
   * One of the partner's clients.
   *
   * @param id the client's id
   * @return the client
   * @throws ValidationException if {@code id} is null
   * @throws NotFoundException ({@code "client <id> not found"}) if there is no such client or it
   *     belongs to another partner
   */
  Client client(ClientId id);

  /**
   * Adds a client to the partner, as {@link
   * cloud.quazzar.partner.registry.PartnerRegistry#addClient} does.
   *
   * @param request the client to add
   * @return the new client
   * @throws ValidationException if the request is invalid
   * @throws ConflictException ({@code DUPLICATE}) for a name the partner already uses, ({@code
   *     STATE}) if the partner is inactive
   */
  Client addClient(NewClient request);

  /**
   * Renames one of the partner's clients.
   *
   * @param id the client's id
   * @param expectedVersion the version the caller read
   * @param name the new name
   * @return the changed client
   * @throws ValidationException if an argument is invalid
   * @throws NotFoundException ({@code "client <id> not found"}) if there is no such client or it
   *     belongs to another partner
   * @throws ConflictException as {@link cloud.quazzar.partner.registry.PartnerRegistry#renameClient}
   */
  Client renameClient(ClientId id, long expectedVersion, String name);

  /**
   * Sets the server count of one of the partner's clients.
   *
   * @param id the client's id
   * @param expectedVersion the version the caller read
   * @param serverCount the new server count, 0 or more
   * @return the changed client
   * @throws ValidationException if an argument is invalid
   * @throws NotFoundException ({@code "client <id> not found"}) if there is no such client or it
   *     belongs to another partner
   * @throws ConflictException as {@link
   *     cloud.quazzar.partner.registry.PartnerRegistry#setServerCount}
   */
  Client setServerCount(ClientId id, long expectedVersion, long serverCount);

  /**
   * One page of the partner's current certifications with their status today, as {@link
   * cloud.quazzar.partner.certification.CertificationTracker#certifications(PartnerId, PageRequest)}
   * gives them (soonest expiry first, then name key, then id; keyset pages, docs/rules.md LIST-4).
   * A token made for another partner's certifications is refused.
   *
   * @param page the page size and the previous page's token
   * @return the page, with the token of the next one if more certifications follow
   * @throws ValidationException if {@code page} is null, its limit is out of range or its token is
   *     not one this partner's certification list made ({@code pageToken})
   */
  Page<TrackedCertification> certifications(PageRequest page);

  /**
   * The partner's revenue report over {@code range}.
   *
   * @param range the months
   * @return the report
   * @throws ValidationException if the range is null or longer than {@value
   *     cloud.quazzar.partner.revenue.RevenueLedger#MAX_REPORT_MONTHS} months
   */
  PartnerReport revenue(MonthRange range);

  /**
   * Writes the CSV export (format of {@link
   * cloud.quazzar.partner.revenue.RevenueLedger#exportCsv(cloud.quazzar.partner.revenue.RevenueFilter,
   * Writer)}) of the partner's own months in {@code range}; no other partner's row is written. The
   * writer is flushed, not closed.
   *
   * @param range the months
   * @param out where to write
   * @return how many data rows were written
   * @throws ValidationException if an argument is null
   * @throws IOException if the writer fails
   */
  long exportCsv(MonthRange range, Writer out) throws IOException;

  /**
   * The billing statement of {@code month} for {@code licensingCost} (see {@link
   * BillingStatement}): quoted on the month's last day with the tier in force at the end of the
   * month, the month's ledger server count and the partner's adjustment in force that day.
   *
   * @param month the month
   * @param licensingCost the month's licensing cost before the discount
   * @return the statement
   * @throws ValidationException if an argument is null or the licensing cost negative
   * @throws NotFoundException ({@code "revenue month <YYYY-MM> not found"}) if the ledger has no
   *     entry for the partner's month (a statement needs the month's figures), or if no discount
   *     policy is in force on the month's last day
   */
  BillingStatement statement(YearMonth month, Money licensingCost);

  /**
   * The statements of every month of {@code range} that the ledger recorded, oldest first, each
   * for {@code licensingCost}; months without a ledger entry are left out.
   *
   * @param range the months
   * @param licensingCost each month's licensing cost before the discount
   * @return the statements, oldest first
   * @throws ValidationException if an argument is null, the licensing cost negative or the range
   *     longer than {@value cloud.quazzar.partner.revenue.RevenueLedger#MAX_REPORT_MONTHS} months
   * @throws NotFoundException if no discount policy is in force on a recorded month's last day
   */
  List<BillingStatement> statements(MonthRange range, Money licensingCost);

  /**
   * Writes everything the program holds about this partner as one JSON document, exactly as
   * {@link cloud.quazzar.partner.privacy.PersonalData#export} does for this partner (the partner's
   * right of access and to portability; docs/privacy.md has the schema). {@code out} is flushed,
   * not closed.
   *
   * @param out where the UTF-8 JSON goes
   * @throws ValidationException if {@code out} is null
   * @throws java.io.UncheckedIOException if writing to {@code out} fails
   */
  void exportPersonalData(OutputStream out);
}
