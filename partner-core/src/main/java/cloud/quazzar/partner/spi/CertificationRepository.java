package cloud.quazzar.partner.spi;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationState;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.registry.PartnerId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a store must do for certifications. Only persistence: core has validated every value and
 * computes every status; the store filters by expiry date and by the reported status core gave it.
 * All methods act inside the enclosing transaction. Lists come in no particular order (core sorts).
 *
 * <p>"Current" means {@link CertificationState#CURRENT}. A database should index current records
 * by expiry date (the warning board and the sweep ask for expiry ranges) so that neither scans
 * every row.
 */
public interface CertificationRepository {

  /**
   * Stores a new record.
   *
   * @param record the record
   * @throws ConflictException ({@code DUPLICATE}) if a record with this id exists
   */
  void insert(CertificationRecord record);

  /**
   * The stored record, if any.
   *
   * @param id the record's id
   * @return the record, or empty
   */
  Optional<CertificationRecord> find(CertificationId id);

  /**
   * Replaces the stored record if its stored version equals {@code expectedVersion}; {@code
   * record.certification().version()} is then the new version.
   *
   * @param record the new state of the record
   * @param expectedVersion the version the stored record must have
   * @return false, changing nothing, if the record is missing or its version differs
   */
  boolean update(CertificationRecord record, long expectedVersion);

  /**
   * Every record of the partner, in any state; empty if none.
   *
   * @param partnerId the partner
   * @return the partner's records
   */
  List<CertificationRecord> byPartner(PartnerId partnerId);

  /**
   * The current records whose expiry date is from {@code from} to {@code to}, inclusive.
   *
   * @param from the first expiry date
   * @param to the last expiry date
   * @return the current records expiring in that range
   */
  List<CertificationRecord> currentExpiringBetween(LocalDate from, LocalDate to);

  /**
   * Counts current records by expiry date: with ascending {@code bounds} b0 &lt; b1 &lt; ... &lt;
   * bn, element 0 counts expiry dates before b0, element i (1..n) those from b(i-1) up to but
   * excluding b(i), and element n+1 those from bn on. Restricted to one partner if {@code
   * partnerId} is present.
   *
   * @param partnerId the partner to count for, or empty for every partner
   * @param bounds the ascending bounds
   * @return {@code bounds.size() + 1} counts
   */
  List<Long> countCurrentByExpiry(Optional<PartnerId> partnerId, List<LocalDate> bounds);

  /**
   * The current records whose expiry date lies from {@code from} to {@code to} (both inclusive; an
   * empty end is open) and whose reported status is not {@code status}: the candidates of the sweep
   * for one status band.
   *
   * @param status the status band's status
   * @param from the first expiry date, or empty for no lower end
   * @param to the last expiry date, or empty for no upper end
   * @return the candidates
   */
  List<CertificationRecord> currentReportedOtherThan(
      CertificationStatus status, Optional<LocalDate> from, Optional<LocalDate> to);

  /**
   * Sets the reported status of a current record if it is still {@code expected} (compare and set,
   * so that two sweeps at once report a change once). Does not change the record's version.
   *
   * @param id the record's id
   * @param expected the reported status the record must have
   * @param reported the reported status to set
   * @return false, changing nothing, if the record is missing, not current, or reported otherwise
   */
  boolean markReported(CertificationId id, CertificationStatus expected, CertificationStatus reported);
}
