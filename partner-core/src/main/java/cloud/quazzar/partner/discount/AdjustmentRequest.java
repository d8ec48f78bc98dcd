package cloud.quazzar.partner.discount;

import cloud.quazzar.partner.registry.Names;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A per-partner adjustment to set (source: "Adjust discount configuration" on a partner's page).
 * Start with {@link #extra}, {@link #replaceBase} or {@link #none}, then optionally {@link #from}
 * and {@link #until}.
 *
 * @param kind what it does
 * @param rate the extra or replacement rate; 0% for {@link AdjustmentKind#NONE}
 * @param effectiveFrom the first day it applies: today or later; null means today
 * @param effectiveUntil the last day it applies, on or after the first; null means open-ended
 * @param changedBy who sets it; free text (docs/rules.md TEXT-1), 1 to 100 characters once cleaned
 * @param reason why; free text (TEXT-1), 1 to 500 characters once cleaned; shown in the quote's
 *     explanation
 */
public record AdjustmentRequest(
    @NotNull @Nullable AdjustmentKind kind,
    @NotNull @Nullable Rate rate,
    @Nullable LocalDate effectiveFrom,
    @Nullable LocalDate effectiveUntil,
    @NotBlank @Size(max = 100) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String changedBy,
    @NotBlank @Size(max = 500) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String reason) {

  /** {@code rate} on top of the partner's combined rate, from today, open-ended. */
  public static AdjustmentRequest extra(Rate rate, String changedBy, String reason) {
    return new AdjustmentRequest(AdjustmentKind.EXTRA, rate, null, null, changedBy, reason);
  }

  /** {@code rate} instead of the tier's base rate, from today, open-ended. */
  public static AdjustmentRequest replaceBase(Rate rate, String changedBy, String reason) {
    return new AdjustmentRequest(AdjustmentKind.REPLACE_BASE, rate, null, null, changedBy, reason);
  }

  /** No adjustment from today: ends the partner's earlier adjustments. */
  public static AdjustmentRequest none(String changedBy, String reason) {
    return new AdjustmentRequest(AdjustmentKind.NONE, Rate.ZERO, null, null, changedBy, reason);
  }

  /** This request starting on {@code date}. */
  public AdjustmentRequest from(LocalDate date) {
    return new AdjustmentRequest(kind, rate, date, effectiveUntil, changedBy, reason);
  }

  /** This request ending after {@code date} (inclusive). */
  public AdjustmentRequest until(LocalDate date) {
    return new AdjustmentRequest(kind, rate, effectiveFrom, date, changedBy, reason);
  }
}
