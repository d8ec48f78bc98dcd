package cloud.quazzar.partner.revenue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.registry.PartnerId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A partner's figures for one month, to record with {@link RevenueLedger#record} or {@link
 * RevenueLedger#recordAll}. Validated by the ledger, which reports every broken rule at once.
 *
 * <p>The server and client counts are optional: a count left out (empty) is taken from the
 * registry when the entry is stored (a snapshot of the partner's clients at that moment; rule
 * REG-3: a partner's server count is the sum over its clients, its client count their number).
 *
 * @param partnerId the partner; must exist (it may be inactive: past revenue stays recordable)
 * @param month the month, from 1900-01 to the current month in the program's zone
 * @param mrr monthly recurring revenue, 0 or more, in the currency it was billed in
 * @param serverCount servers managed, 0 or more; empty to take the registry's count
 * @param clientCount clients managed, 0 to {@value #MAX_CLIENT_COUNT}; empty to take the registry's
 *     count
 * @param idempotencyKey the caller's key for this recording, 1 to {@value #MAX_KEY_LENGTH}
 *     characters, no control characters or unpaired surrogates, no surrounding white space; stored
 *     and matched exactly as given (docs/rules.md TEXT-5); unique across the ledger.
 *     Sending the same recording again with the same key changes nothing and returns the first
 *     entry
 */
public record RevenueRecording(
    @NotNull @Nullable PartnerId partnerId,
    @NotNull @Nullable YearMonth month,
    @NotNull @Nullable Money mrr,
    @NotNull Optional<@PositiveOrZero Long> serverCount,
    @NotNull Optional<@PositiveOrZero @Max(MAX_CLIENT_COUNT) Long> clientCount,
    @NotBlank @Size(max = MAX_KEY_LENGTH)
        @Pattern(regexp = "[^\\p{Cc}\\p{Cs}]*", message = "must not contain control characters or unpaired surrogates")
        @Nullable String idempotencyKey) {

  /** The largest client count a ledger entry holds (2^31 - 1, what every store keeps per entry). */
  public static final long MAX_CLIENT_COUNT = Integer.MAX_VALUE;

  /** The longest idempotency key. */
  public static final int MAX_KEY_LENGTH = 200;

  /**
   * A recording whose counts are taken from the registry.
   *
   * @param partnerId the partner
   * @param month the month
   * @param mrr the month's MRR
   * @param idempotencyKey the key that makes a replay of this recording store nothing
   * @return the recording
   */
  public static RevenueRecording of(PartnerId partnerId, YearMonth month, Money mrr, String idempotencyKey) {
    return new RevenueRecording(partnerId, month, mrr, Optional.empty(), Optional.empty(), idempotencyKey);
  }

  /**
   * This recording with both counts given.
   *
   * @param serverCount the server count
   * @param clientCount the client count
   * @return the changed copy
   */
  public RevenueRecording withCounts(long serverCount, long clientCount) {
    return new RevenueRecording(partnerId, month, mrr, Optional.of(serverCount), Optional.of(clientCount), idempotencyKey);
  }
}
