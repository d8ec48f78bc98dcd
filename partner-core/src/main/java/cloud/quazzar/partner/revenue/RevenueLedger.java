package cloud.quazzar.partner.revenue;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.registry.PartnerId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The append-only monthly revenue ledger (rules REV-1 to REV-7): MRR, server count and
 * client count per partner and month, with corrections, trends, reports and a CSV export for
 * accounting. Obtained from {@link cloud.quazzar.partner.PartnerProgram#revenue()}; thread-safe.
 *
 * <h2>Promises</h2>
 *
 * <ul>
 *   <li><b>Append-only</b> (rule REV-1): nothing is updated in place or deleted. A month's
 *       first entry is {@link EntryKind#RECORDED} (revision 1); a changed figure is a {@link
 *       EntryKind#CORRECTION} with a reason and the next revision, which supersedes the entry
 *       before it in every report while that entry stays readable in {@link #history}.
 *   <li><b>Idempotent</b> (rule REV-2): every write carries an idempotency key, unique across
 *       the ledger, enforced by the store itself (a unique index in a database, so two processes
 *       sending the same key at once store one entry). Sending a key again with the same figures
 *       stores nothing and returns the first entry. Sending it again with different figures, or
 *       for another partner, month or kind, is a {@link ConflictException} with reason {@link
 *       ConflictException.Reason#DUPLICATE} naming the key and the entry it already recorded: a
 *       key names one recording, forever.
 *   <li><b>Validated</b>: every operation checks all its input first and throws {@link
 *       ValidationException} listing each violation by field; a write that throws stored nothing.
 * </ul>
 */
public interface RevenueLedger {

  /** The most recordings {@link #recordAll} takes in one call; split larger runs. */
  int MAX_BATCH = 100_000;

  /** The longest range a report covers, in months (100 years). */
  long MAX_REPORT_MONTHS = 1200;

  /** The most partners {@link #topByMrr} returns. */
  int MAX_TOP = 1000;

  /**
   * The CSV export's columns, in order, as its header row names them: month ({@code YYYY-MM}),
   * partner id, company name, tier, MRR (a plain decimal with a dot and the currency's decimals),
   * ISO currency code, server count, client count, revision (1 = as recorded, 2+ = corrected),
   * entry id.
   */
  List<String> CSV_COLUMNS = List.of(
      "month", "partner_id", "company_name", "tier", "mrr", "currency", "server_count", "client_count",
      "revision", "entry_id");

  /**
   * Records a partner's month. Counts left out are taken from the registry (a snapshot of the
   * partner's clients now).
   *
   * @param recording the partner, month, figures and idempotency key
   * @return the new entry; or, if this idempotency key was recorded before with the same figures,
   *     the first entry (nothing is stored). Counts left out of the request match any stored count.
   * @throws ValidationException if the request is invalid (month after the current month, negative
   *     MRR or counts, bad key, ...)
   * @throws NotFoundException if the partner does not exist
   * @throws ConflictException ({@code DUPLICATE}) if the key was used for other figures, or if the
   *     month is already recorded under another key (change a recorded month with {@link #correct})
   */
  RevenueEntry record(RevenueRecording recording);

  /**
   * Records many months in one store transaction (a month-end run): all or nothing. Each
   * recording behaves as in {@link #record}: a key recorded before with the same figures is
   * reported as not created and changes nothing, so a failed or interrupted run can simply be
   * sent again.
   *
   * @param recordings 1 to {@value #MAX_BATCH} recordings; a key may repeat only with the same
   *     figures, and a partner's month may appear only under one key
   * @return one outcome per recording, in order
   * @throws ValidationException listing every invalid recording's fields as {@code
   *     recordings[i].field}; nothing is stored
   * @throws NotFoundException if a partner does not exist; nothing is stored
   * @throws ConflictException ({@code DUPLICATE}) as for {@link #record}, naming the recordings;
   *     nothing is stored
   */
  BatchResult recordAll(List<RevenueRecording> recordings);

  /**
   * Corrects a recorded month: appends a {@link EntryKind#CORRECTION} with the next revision that
   * supersedes the current entry; figures left out keep the current entry's values. A correction
   * keeps the month's currency (rule REV-6 in {@code docs/rules.md}): a corrected MRR in another
   * currency than the current entry's is refused, so a month's trend and the per-currency totals
   * never see it switch.
   *
   * @param correction the month, the new figures, the key and the reason
   * @return the new entry, or the first entry stored with this key if the same correction was sent
   *     before (nothing is stored)
   * @throws ValidationException if the request is invalid, or ({@code mrr.currency}) if the MRR is
   *     in another currency than the entry it corrects; nothing is stored
   * @throws NotFoundException if the partner does not exist
   * @throws ConflictException ({@code STATE}) if the month was never recorded or the correction
   *     changes no figure; ({@code STALE_VERSION}) if an expected revision is given and is not the
   *     current one; ({@code DUPLICATE}) if the key was used for something else
   */
  RevenueEntry correct(RevenueCorrection correction);

  /**
   * One page of the entries of the partner's month, oldest first (revision 1, 2, ...: a total
   * order): the recorded figures and each correction, all still readable. Keyset pages
   * (docs/rules.md LIST-2, LIST-4): each page but the last has the token of the next; a correction
   * stored between pages comes on a later page, and no entry is skipped or repeated. The token is
   * signed for this partner's month only: another month, or another partner's, refuses it.
   *
   * @param partnerId the partner
   * @param month the month
   * @param page the page size and the previous page's token
   * @return the page, oldest first, with the token of the next one if more entries follow
   * @throws ValidationException listing each of: {@code partnerId}, {@code month} or {@code page}
   *     null, the limit outside 1 to {@value cloud.quazzar.partner.PageRequest#MAX_LIMIT}, the token
   *     blank, changed, or made by another list ({@code pageToken})
   * @throws NotFoundException if the partner does not exist
   */
  Page<RevenueEntry> history(PartnerId partnerId, YearMonth month, PageRequest page);

  /**
   * The month's current entry (its highest revision), if the month was recorded.
   *
   * @param partnerId the partner
   * @param month the month
   * @return the current entry, or empty if the month was not recorded
   * @throws NotFoundException if the partner does not exist
   */
  Optional<RevenueEntry> current(PartnerId partnerId, YearMonth month);

  /**
   * The entry stored with this idempotency key, if any.
   *
   * @param idempotencyKey the key
   * @return the entry, or empty if none was stored with it
   * @throws ValidationException if the key is null or blank
   */
  Optional<RevenueEntry> findByKey(String idempotencyKey);

  /**
   * One partner over a range: each recorded month's current entry with its month-over-month trend
   * of MRR, servers and clients.
   *
   * @param partnerId the partner
   * @param range the months
   * @return the report
   * @throws ValidationException if the range is longer than {@value #MAX_REPORT_MONTHS} months
   * @throws NotFoundException if the partner does not exist
   */
  PartnerReport partnerReport(PartnerId partnerId, MonthRange range);

  /**
   * The partner's latest recorded month with its trend against the month before, if it recorded
   * any month.
   *
   * @param partnerId the partner
   * @return the latest month's report, or empty
   * @throws NotFoundException if the partner does not exist
   */
  Optional<MonthReport> latest(PartnerId partnerId);

  /**
   * The whole program per month: totals per currency (no conversion), server and client sums,
   * over every partner's current entry.
   *
   * @param range the months
   * @return the report
   * @throws ValidationException if the range is longer than {@value #MAX_REPORT_MONTHS} months
   */
  ProgramReport programReport(MonthRange range);

  /**
   * The {@code n} partners with the highest MRR in {@code currency} for the month (current
   * entries), highest first; ties by company name key in code point order (docs/rules.md TEXT-3),
   * then partner id. MRR in other currencies is not ranked: amounts are never converted.
   *
   * @param month the month
   * @param currency the currency ranked
   * @param n how many partners at most
   * @return the rows, highest MRR first
   * @throws ValidationException if {@code n} is outside 1 to {@value #MAX_TOP} or an argument is
   *     null
   */
  List<RevenueRow> topByMrr(YearMonth month, Currency currency, int n);

  /**
   * Writes the CSV export of the current entries that {@code filter} selects to {@code out},
   * streaming: rows go out as the store yields them, so a large export never sits in memory.
   * The format (rule REV-7): RFC 4180, records ended by CRLF, fields quoted where
   * needed (comma, quote, CR or LF inside), a header row of {@link #CSV_COLUMNS}, one row per partner and month
   * ordered by month, company name key by code point (docs/rules.md TEXT-3), partner id; decimals
   * plain with a dot. Formula injection (OWASP, docs/rules.md TEXT-6): a text cell that begins with
   * {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return, after any number of {@code
   * '}, gets one more leading {@code '}, so spreadsheets do not run it as a formula; that apostrophe
   * is the only change to any value, and a reader gets the value back exactly by removing one
   * leading {@code '} from every cell that is one or more {@code '} followed by one of those six.
   *
   * <p>The characters go to the writer as they are; use a UTF-8 writer (or {@link
   * #exportCsv(RevenueFilter, OutputStream)}). The writer is flushed, not closed.
   *
   * @param filter which partner months to export
   * @param out where to write
   * @return how many data rows were written (the header aside)
   * @throws IOException if the writer fails; the rows before the failure were written
   * @throws NotFoundException if the filter names a partner that does not
   *     exist (nothing is written)
   * @throws cloud.quazzar.partner.ValidationException if {@code filter} or {@code out} is null
   */
  long exportCsv(RevenueFilter filter, Writer out) throws IOException;

  /**
   * {@link #exportCsv(RevenueFilter, Writer)} encoded as UTF-8 without a byte-order mark. The
   * stream is flushed, not closed.
   *
   * @param filter which partner months to export
   * @param out where to write
   * @return how many data rows were written (the header aside)
   * @throws IOException if the stream fails; the rows before the failure were written
   * @throws NotFoundException if the filter names a partner that does not exist (nothing is
   *     written)
   * @throws cloud.quazzar.partner.ValidationException if {@code filter} or {@code out} is null
   */
  long exportCsv(RevenueFilter filter, OutputStream out) throws IOException;
}
