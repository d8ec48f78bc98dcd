package cloud.quazzar.partner.revenue;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.registry.PartnerId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import cloud.quazzar.partner.registry.Names;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A changed figure for an already recorded month, for {@link RevenueLedger#correct}. Figures left
 * out (empty) keep the value of the entry being corrected (not the registry's current
 * count: a correction of January's MRR must not change January's server count); at least one
 * figure must differ from it.
 *
 * <p>Build one with {@link #of} and the {@code with...} methods:
 * {@code RevenueCorrection.of(id, month, "fix-2026-01-acme", "credit note 17 was missed").withMrr(mrr)}.
 *
 * @param partnerId the partner
 * @param month the month to correct; must have been recorded
 * @param mrr the corrected MRR, 0 or more, in the currency of the entry it corrects (rule REV-6 in
 *     {@code docs/rules.md}: a correction never changes a month's currency); empty to keep it
 * @param serverCount the corrected server count, 0 or more; empty to keep it
 * @param clientCount the corrected client count, 0 to {@value RevenueRecording#MAX_CLIENT_COUNT};
 *     empty to keep it
 * @param reason why; free text (docs/rules.md TEXT-1), stored cleaned, 1 to {@value
 *     #MAX_REASON_LENGTH} characters once cleaned
 * @param idempotencyKey as for {@link RevenueRecording#idempotencyKey()}
 * @param expectedRevision the revision the caller saw as current, or empty to correct
 *     whatever is current; if given and another correction came first, the ledger refuses with a
 *     stale-version conflict instead of superseding figures the caller never saw
 */
public record RevenueCorrection(
    @NotNull @Nullable PartnerId partnerId,
    @NotNull @Nullable YearMonth month,
    @NotNull Optional<Money> mrr,
    @NotNull Optional<@PositiveOrZero Long> serverCount,
    @NotNull Optional<@PositiveOrZero @Max(RevenueRecording.MAX_CLIENT_COUNT) Long> clientCount,
    @NotBlank @Size(max = MAX_REASON_LENGTH)
        @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String reason,
    @NotBlank @Size(max = RevenueRecording.MAX_KEY_LENGTH)
        @Pattern(regexp = "[^\\p{Cc}\\p{Cs}]*", message = "must not contain control characters or unpaired surrogates")
        @Nullable String idempotencyKey,
    @NotNull Optional<@Min(1) Integer> expectedRevision) {

  /** The longest reason. */
  public static final int MAX_REASON_LENGTH = 2000;

  /**
   * A correction that changes nothing yet: add figures with the {@code with...} methods.
   *
   * @param partnerId the partner
   * @param month the month corrected
   * @param idempotencyKey the key that makes a replay of this correction store nothing
   * @param reason why
   * @return the correction
   */
  public static RevenueCorrection of(PartnerId partnerId, YearMonth month, String idempotencyKey, String reason) {
    return new RevenueCorrection(partnerId, month, Optional.empty(), Optional.empty(), Optional.empty(), reason,
        idempotencyKey, Optional.empty());
  }

  /**
   * This correction with the MRR set.
   *
   * @param newMrr the corrected MRR
   * @return the changed copy
   * @throws cloud.quazzar.partner.ValidationException ({@code mrr}) if {@code newMrr} is null
   */
  public RevenueCorrection withMrr(Money newMrr) {
    return new RevenueCorrection(partnerId, month, Optional.of(ValidationException.requireNonNull(newMrr, "mrr")),
        serverCount, clientCount, reason, idempotencyKey, expectedRevision);
  }

  /**
   * This correction with the server count set.
   *
   * @param servers the corrected server count
   * @return the changed copy
   */
  public RevenueCorrection withServerCount(long servers) {
    return new RevenueCorrection(partnerId, month, mrr, Optional.of(servers), clientCount, reason, idempotencyKey, expectedRevision);
  }

  /**
   * This correction with the client count set.
   *
   * @param clients the corrected client count
   * @return the changed copy
   */
  public RevenueCorrection withClientCount(long clients) {
    return new RevenueCorrection(partnerId, month, mrr, serverCount, Optional.of(clients), reason, idempotencyKey, expectedRevision);
  }

  /**
   * This correction refusing to apply unless revision {@code revision} is still the current one.
   *
   * @param revision the revision the caller read
   * @return the changed copy
   */
  public RevenueCorrection withExpectedRevision(int revision) {
    return new RevenueCorrection(partnerId, month, mrr, serverCount, clientCount, reason, idempotencyKey,
        Optional.of(revision));
  }
}
