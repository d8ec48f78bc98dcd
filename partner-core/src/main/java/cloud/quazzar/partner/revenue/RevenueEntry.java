package cloud.quazzar.partner.revenue;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.registry.PartnerId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the append-only revenue ledger: a partner's figures for one month. Never changed or
 * deleted once stored (DESIGN.md rule: "the ledger is append-only"); a changed figure is a new
 * {@link EntryKind#CORRECTION} entry with the next {@link #revision()}, which supersedes this one.
 *
 * <p>Throws {@link IllegalArgumentException} if the fields break the rules below.
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
 * @param reason why the month was corrected; set exactly for corrections
 * @param recordedAt when the entry was stored (microsecond precision)
 * @param supersedes the entry this correction supersedes (revision - 1); set exactly for
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
    int clientCount,
    String idempotencyKey,
    @Nullable String reason,
    Instant recordedAt,
    @Nullable RevenueEntryId supersedes) {

  public RevenueEntry {
    requireNonNull(id, "id");
    requireNonNull(partnerId, "partnerId");
    requireNonNull(month, "month");
    requireNonNull(kind, "kind");
    requireNonNull(mrr, "mrr");
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(recordedAt, "recordedAt");
    if (revision < 1 || mrr.isNegative() || serverCount < 0 || clientCount < 0) {
      throw new IllegalArgumentException("revision >= 1, mrr >= 0, serverCount >= 0, clientCount >= 0 required: "
          + revision + ", " + mrr + ", " + serverCount + ", " + clientCount);
    }
    boolean correction = kind == EntryKind.CORRECTION;
    if (correction != (revision > 1) || correction != (reason != null) || correction != (supersedes != null)) {
      throw new IllegalArgumentException("a RECORDED entry has revision 1, no reason and supersedes nothing; "
          + "a CORRECTION has revision 2 or more, a reason and the entry it supersedes: " + kind + ", revision "
          + revision + ", reason " + reason + ", supersedes " + supersedes);
    }
  }

  /** The reason of a correction; empty for a recorded entry. */
  public Optional<String> correctionReason() {
    return Optional.ofNullable(reason);
  }

  /** The entry a correction supersedes; empty for a recorded entry. */
  public Optional<RevenueEntryId> superseded() {
    return Optional.ofNullable(supersedes);
  }

  /** Whether this is a correction. */
  public boolean isCorrection() {
    return kind == EntryKind.CORRECTION;
  }
}
