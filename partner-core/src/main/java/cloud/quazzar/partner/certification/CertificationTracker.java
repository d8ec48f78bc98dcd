package cloud.quazzar.partner.certification;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.registry.PartnerId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Partner certifications with expiry indicators, renewal, warnings and tier eligibility (rules
 * CERT-1 to CERT-10 in docs/rules.md). Obtained from {@link
 * cloud.quazzar.partner.PartnerProgram#certifications()}; thread-safe.
 *
 * <p>"Today" is the program clock's date in the program's zone. A status is computed from the
 * days between today and the expiry date with the program's {@link ExpiryThresholds} (rule
 * CERT-4: {@code d < 0} EXPIRED; {@code 0 <= d < 30} CRITICAL; {@code 30 <= d <= 90} EXPIRING_SOON;
 * {@code d > 90} ACTIVE).
 *
 * <p>Every operation validates all of its input first and throws {@link ValidationException}
 * listing each violation by field. Every change runs in one store transaction: when it throws,
 * nothing of it was stored. Changes take the version the caller read; a stale one is a {@link
 * ConflictException} with {@link ConflictException.Reason#STALE_VERSION}. Records are never
 * deleted: renewals and revocations keep the earlier record as history.
 *
 * <p>Tier access (rule CERT-2): Silver may hold Basic, Gold Basic and Advanced, Platinum all.
 * Adding or renewing a certification above the partner's tier is a {@link ValidationException} on
 * {@code level}. When a partner moves down a tier, the certifications it holds are kept until they
 * expire: they keep their status, appear everywhere and count towards eligibility; only new ones
 * and renewals above the new tier are refused (docs/decisions.md).
 */
public interface CertificationTracker {

  /**
   * Adds a current certification to an active partner.
   *
   * @param partnerId the partner
   * @param request the certification to add
   * @return the record with its status today
   * @throws ValidationException if a field is invalid, the expiry date is not after the date of issue,
   *     or the level is above the partner's tier ({@code level})
   * @throws NotFoundException if there is no such partner
   * @throws ConflictException ({@code STATE}) if the partner is inactive
   */
  TrackedCertification add(PartnerId partnerId, NewCertification request);

  /**
   * Renews a current certification: the record becomes {@link CertificationState#RENEWED} (kept as
   * history) and a new current record with the renewal's dates, the same name, area, level and
   * holder, and {@link Certification#renewalOf()} naming it, is added.
   *
   * @param id the current certification
   * @param expectedVersion the version the caller read
   * @param renewal the renewal's dates
   * @return the new record with its status today
   * @throws ValidationException if the dates are invalid, the new expiry date is not after the old
   *     one, or the level is above the partner's tier now ({@code level})
   * @throws NotFoundException if there is no such certification
   * @throws ConflictException ({@code STALE_VERSION}) on a stale version; ({@code STATE}) if the
   *     record is not current (already renewed or revoked) or the partner is inactive
   */
  TrackedCertification renew(CertificationId id, long expectedVersion, Renewal renewal);

  /**
   * Revokes a current certification: it becomes {@link CertificationState#REVOKED}, stays in the
   * history with who and why, and no longer counts anywhere. Allowed for inactive partners too.
   *
   * @param id the current certification
   * @param expectedVersion the version the caller read
   * @param revocation who revokes it and why
   * @return the revoked record
   * @throws ValidationException if the revocation is invalid
   * @throws NotFoundException if there is no such certification
   * @throws ConflictException ({@code STALE_VERSION}) on a stale version; ({@code STATE}) if the
   *     record is not current
   */
  Certification revoke(CertificationId id, long expectedVersion, Revocation revocation);

  /**
   * The record with this id, in any state, if any.
   *
   * @param id the certification's id
   * @return the record, or empty if there is none
   */
  Optional<Certification> find(CertificationId id);

  /**
   * The record with this id, in any state.
   *
   * @param id the certification's id
   * @return the record
   * @throws NotFoundException if there is none
   */
  Certification get(CertificationId id);

  /**
   * One page of the partner's current certifications with their status today, soonest expiry first,
   * then by name key ({@link cloud.quazzar.partner.registry.Names#key}, by code point), then id (by
   * its text): a total order. Keyset pages (docs/rules.md LIST-2, LIST-4): each page but the last
   * has the token of the next; a certification added, renewed or revoked between pages is on a
   * later page exactly when it is current and comes after the page's last one, and no other
   * certification is skipped or repeated. The token is signed for this partner's list only: the
   * list of another partner, or its portal, refuses it.
   *
   * @param partnerId the partner
   * @param page the page size and the previous page's token
   * @return the page, with the token of the next one if more certifications follow
   * @throws ValidationException listing each of: {@code partnerId} or {@code page} null, the limit
   *     outside 1 to {@value cloud.quazzar.partner.PageRequest#MAX_LIMIT}, the token blank, changed,
   *     or made by another list ({@code pageToken})
   * @throws NotFoundException if there is no such partner
   */
  Page<TrackedCertification> certifications(PartnerId partnerId, PageRequest page);

  /**
   * One page of the partner's certification records in any state (current, renewed, revoked):
   * its full history, oldest first (by creation time, then id by its text: a total order). Keyset
   * pages as {@link #certifications(PartnerId, PageRequest)}; a renewal added between pages comes
   * on a later page; the token is signed for this partner's history only.
   *
   * @param partnerId the partner
   * @param page the page size and the previous page's token
   * @return the page, oldest first, with the token of the next one if more records follow
   * @throws ValidationException listing each of: {@code partnerId} or {@code page} null, the limit
   *     outside 1 to {@value cloud.quazzar.partner.PageRequest#MAX_LIMIT}, the token blank, changed,
   *     or made by another list ({@code pageToken})
   * @throws NotFoundException if there is no such partner
   */
  Page<Certification> history(PartnerId partnerId, PageRequest page);

  /**
   * One page of the administrator's warning board: the current certifications across all partners
   * whose expiry date is from today to {@code days} days ahead, inclusive ({@code 0 <= d <= days}),
   * soonest first, then by partner id, then id (ids by their text: a total order). Expired ones
   * are not on it; see {@link #counts()}. Keyset pages as {@link #certifications(PartnerId,
   * PageRequest)}; the token is signed for the board of these {@code days} only. Today is read
   * for each page: pages read across midnight continue after the previous page's last
   * certification, in the new day's window.
   *
   * @param days 0 to {@value ExpiryThresholds#MAX_DAYS}
   * @param page the page size and the previous page's token
   * @return the page, soonest expiry first, with the token of the next one if more follow
   * @throws ValidationException listing each of: {@code days} out of range, {@code page} null, the
   *     limit outside 1 to {@value cloud.quazzar.partner.PageRequest#MAX_LIMIT}, the token blank,
   *     changed, or made by another list or another {@code days} ({@code pageToken})
   */
  Page<TrackedCertification> expiringWithin(long days, PageRequest page);

  /**
   * How many of the partner's current certifications are in each status today.
   *
   * @param partnerId the partner
   * @return the counts per status
   * @throws NotFoundException if there is no such partner
   */
  StatusCounts counts(PartnerId partnerId);

  /**
   * How many current certifications of the whole program are in each status today.
   *
   * @return the counts per status
   */
  StatusCounts counts();

  /**
   * The status today of a certification whose last valid day is {@code expiryDate}.
   *
   * @param expiryDate the certification's last valid day
   * @return its status today
   */
  CertificationStatus statusOf(LocalDate expiryDate);

  /**
   * The thresholds the statuses use.
   *
   * @return the thresholds
   */
  ExpiryThresholds thresholds();

  /**
   * The status-change sweep, for the host to schedule (daily, say): finds every current
   * certification whose status today differs from the one last reported for it, and stores the new
   * one as reported together with a {@link cloud.quazzar.partner.events.CertificationStatusChanged}
   * event per change, in one transaction (in the store, so the report survives restarts and several
   * nodes sweeping at once report each change once). Listeners get the changes from the event log
   * after the commit ({@link #subscribe}).
   *
   * <p>A new certification's reported status is its status when added; a renewal inherits the
   * renewed record's reported status, so the sweep after a renewal reports the improvement.
   *
   * @return the changes found by this call, each reported by no other call, soonest expiry first
   *     (the same day: by id)
   */
  List<StatusChange> reportStatusChanges();

  /**
   * Subscribes a listener, under a name that identifies it across restarts, to the status changes
   * the sweep reports from now on. It is a durable event subscription ({@link
   * cloud.quazzar.partner.events.DomainEvents#subscribe}) that passes on only {@link
   * cloud.quazzar.partner.events.CertificationStatusChanged} events: delivered after the sweep's
   * commit on the program's event executor, at least once, in order; a listener that throws gets the
   * change again later, before newer ones, without holding up other listeners; a name subscribed
   * before resumes after the last change it accepted, even in a new process.
   *
   * @param name the listener's name, unique in the program
   * @param listener the listener
   * @throws cloud.quazzar.partner.ValidationException if the name is null, blank, longer than 100
   *     characters or holds a control character, or the listener is null
   * @throws cloud.quazzar.partner.ConflictException ({@code DUPLICATE}) if a listener (of any kind)
   *     is subscribed under the name in this program already
   */
  void subscribe(String name, CertificationListener listener);

  /**
   * Stops delivering to the listener subscribed under {@code name}; its cursor stays in the store,
   * so subscribing under the name again resumes where it stopped.
   *
   * @param name the listener's name
   * @return whether a listener was subscribed under the name
   * @throws cloud.quazzar.partner.ValidationException if {@code name} is null
   */
  boolean unsubscribe(String name);

  /**
   * The partner's eligibility today.
   *
   * @param partnerId the partner
   * @return the partner's eligibility report for today
   * @throws NotFoundException if there is no such partner
   */
  EligibilityReport eligibility(PartnerId partnerId);

  /**
   * The partner's eligibility on {@code date}: for a future day, what coming expiries will cost if
   * nothing is renewed.
   *
   * @param partnerId the partner
   * @param date the day evaluated
   * @return the partner's eligibility report for that day
   * @throws ValidationException if {@code date} is null
   * @throws NotFoundException if there is no such partner
   */
  EligibilityReport eligibility(PartnerId partnerId, LocalDate date);

  /**
   * The eligibility requirements in force.
   *
   * @return the requirements
   */
  EligibilityRequirements requirements();
}
