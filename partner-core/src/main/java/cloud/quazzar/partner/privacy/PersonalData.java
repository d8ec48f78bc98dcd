package cloud.quazzar.partner.privacy;

import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.registry.PartnerId;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A partner's personal data: erasure (GDPR Art. 17) and export (Art. 15 and 20), on every store.
 * Obtained from {@link cloud.quazzar.partner.PartnerProgram#personalData()}; thread-safe.
 * docs/privacy.md states what counts as personal data here and what is kept.
 *
 * <h2>Promises</h2>
 * <ul>
 *   <li><b>Erasure</b> (docs/rules.md PRIV-1, PRIV-2): {@link #erase} replaces, in one
 *       transaction, the partner's contact email by {@link #ERASED_EMAIL}, its clients' names by
 *       {@code "Erased client <client id>"}, its certifications' holder names by none, and every
 *       free-text reason in its records and history (tier changes, certification revocations,
 *       ledger corrections, discount adjustments and their cancellations) by {@link
 *       #ERASED_TEXT}, in the current records, the history and the stored event log alike.
 *       Afterwards no call of any service, no export and no event returns an erased value.
 *       Figures, dates, tiers, statuses, ids, the company name and who made each change are
 *       kept.
 *   <li><b>Audit</b> (PRIV-3): each erasure that changed something keeps an {@link Erasure}
 *       entry and emits a {@link cloud.quazzar.partner.events.PartnerDataErased} event, so that
 *       a host can erase its own copies.
 *   <li><b>Idempotent</b>: erasing again what is already erased changes nothing, stores no new
 *       entry and returns the last entry.
 *   <li><b>Export</b> (PRIV-4): {@link #export} writes all data held about the partner as one
 *       UTF-8 JSON document (schema in docs/privacy.md), streamed as it is read.
 * </ul>
 */
public interface PersonalData {
  /** What an erased contact email reads afterwards: an address of the reserved {@code .invalid} domain. */
  String ERASED_EMAIL = "erased@erased.invalid";

  /** What an erased free-text reason reads afterwards. */
  String ERASED_TEXT = "[erased]";

  /** The prefix of an erased client's name, followed by the client's id. */
  String ERASED_CLIENT_PREFIX = "Erased client ";

  /**
   * Erases the partner's personal data (PRIV-1, PRIV-2) and keeps the audit entry (PRIV-3), in one
   * transaction: all of it or, on an error, none. The partner may be active or not; it stays as it
   * was (its status, tier, figures and history). Personal data written after an erasure (a new
   * contact email) is erased by the next erasure.
   *
   * @param partnerId the partner
   * @param request who erases and why
   * @return the audit entry of this erasure or, if nothing was left to erase and the partner was
   *     erased before, the last entry
   * @throws ValidationException listing every invalid argument and request field
   * @throws NotFoundException if the partner does not exist
   * @throws cloud.quazzar.partner.ConflictException if a concurrent change of the same records won
   *     (retry)
   * @throws StorageException if the store fails
   */
  Erasure erase(PartnerId partnerId, ErasureRequest request);

  /**
   * The partner's erasures, oldest first.
   *
   * @param partnerId the partner
   * @return the audit entries, oldest first; empty if it was never erased
   * @throws ValidationException if {@code partnerId} is null
   * @throws NotFoundException if the partner does not exist
   */
  List<Erasure> erasures(PartnerId partnerId);

  /**
   * Writes everything held about the partner as one JSON document (PRIV-4, docs/privacy.md):
   * its record, tier history, clients, certifications in every state, discount adjustments, every
   * ledger entry with its revisions, review outcomes, its events and its erasures. Read in one
   * read transaction and written to {@code out} as it is read, so memory use does not grow with
   * the partner's history. {@code out} is flushed, not closed.
   *
   * @param partnerId the partner
   * @param out where the UTF-8 JSON goes
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the partner does not exist (nothing is written)
   * @throws UncheckedIOException if writing to {@code out} fails
   * @throws StorageException if the store fails
   */
  void export(PartnerId partnerId, OutputStream out);
}
