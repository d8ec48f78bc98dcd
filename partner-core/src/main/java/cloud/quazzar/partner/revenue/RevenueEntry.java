package cloud.quazzar.partner.revenue;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.registry.PartnerId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One entry of the append-only revenue ledger: a partner's figures for one month. Never changed or
 * deleted once stored (rule REV-1: the ledger is append-only); a changed figure is a new
 * {@link EntryKind#CORRECTION} entry with the next {@link #revision()}, which supersedes this one.
 *
 * <p>Throws {@link cloud.quazzar.partner.ValidationException} listing the components that are null
 * or break the rules below.
 *
 * @param id generated id
 * @param partnerId the partner
 * @param month the month the figures are for
 * @param revision 1 for the {@link EntryKind#RECORDED} entry, one more per correction; the highest
 *     revision of a month is the one reports use
 * @param kind recorded or correction; {@code RECORDED} exactly when {@code revision} is 1
 * @param mrr monthly recurring revenue, 0 or more, in its own currency
 * @param serverCount servers managed across the partner's clients, 0 or more
 * @param clientCount clients managed, 0 or more
 * @param idempotencyKey the caller's key; unique across the whole ledger
 * @param reason why the month was corrected; present exactly for corrections
 * @param recordedAt when the entry was stored (microsecond precision)
 * @param supersedes the entry this correction supersedes (revision - 1); present exactly for
 *     corrections
 */
public record RevenueEntry(
    RevenueEntryId id,
    PartnerId partnerId,
    YearMonth month,
    int revision,
    EntryKind kind,
    Money mrr,
    long serverCount,
    long clientCount,
    String idempotencyKey,
    Optional<String> reason,
    Instant recordedAt,
    Optional<RevenueEntryId> supersedes) {

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param id generated id
   * @param partnerId the partner
   * @param month the month the figures are for
   * @param revision 1 for the {@link EntryKind#RECORDED} entry, one more per correction; the highest
   *     revision of a month is the one reports use
   * @param kind recorded or correction; {@code RECORDED} exactly when {@code revision} is 1
   * @param mrr monthly recurring revenue, 0 or more, in its own currency
   * @param serverCount servers managed across the partner's clients, 0 or more
   * @param clientCount clients managed, 0 or more
   * @param idempotencyKey the caller's key; unique across the whole ledger
   * @param reason why the month was corrected; present exactly for corrections
   * @param recordedAt when the entry was stored (microsecond precision)
   * @param supersedes the entry this correction supersedes (revision - 1); present exactly for
   *     corrections
   * @throws ValidationException naming each component that is null or out of range
   */
  public RevenueEntry {
    requireNonNull(id, "id");
    requireNonNull(partnerId, "partnerId");
    requireNonNull(month, "month");
    requireNonNull(kind, "kind");
    requireNonNull(mrr, "mrr");
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(reason, "reason");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(supersedes, "supersedes");
    boolean correction = kind == EntryKind.CORRECTION;
    if (revision < 1 || mrr.isNegative() || serverCount < 0 || clientCount < 0
        || correction != (revision > 1) || correction != reason.isPresent() || correction != supersedes.isPresent()) {
      List<Violation> v = new ArrayList<>(4);
      if (revision < 1 || correction != (revision > 1)) {
        v.add(new Violation("revision", "must be 1 for a RECORDED entry and 2 or more for a CORRECTION, got "
            + revision + " for a " + kind));
      }
      if (mrr.isNegative()) {
        v.add(new Violation("mrr", "must be 0 or more, got " + mrr));
      }
      if (serverCount < 0) {
        v.add(new Violation("serverCount", "must be 0 or more, got " + serverCount));
      }
      if (clientCount < 0) {
        v.add(new Violation("clientCount", "must be 0 or more, got " + clientCount));
      }
      if (correction != reason.isPresent()) {
        v.add(new Violation("reason", "must be present exactly for a CORRECTION, got " + reason + " for a " + kind));
      }
      if (correction != supersedes.isPresent()) {
        v.add(new Violation("supersedes", "must be present exactly for a CORRECTION, got " + supersedes + " for a "
            + kind));
      }
      throw new ValidationException(v);
    }
  }

  /**
   * Whether this is a correction.
   *
   * @return true for a correction
   */
  public boolean isCorrection() {
    return kind == EntryKind.CORRECTION;
  }
}
