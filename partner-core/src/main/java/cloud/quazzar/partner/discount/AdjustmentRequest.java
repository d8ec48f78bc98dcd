package cloud.quazzar.partner.discount;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.registry.Names;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A per-partner adjustment to set (rule DISC-8).
 * Start with {@link #extra}, {@link #replaceBase} or {@link #none}, then optionally {@link
 * #withEffectiveFrom} and {@link #withEffectiveUntil}. {@link DiscountEngine#adjust} validates it
 * and keeps it as a {@link PartnerAdjustment}, whose components have the same names. Its period
 * includes both ends.
 *
 * @param kind what it does
 * @param rate the extra or replacement rate; 0% for {@link AdjustmentKind#NONE}
 * @param effectiveFrom the first day it applies (inclusive): today or later; empty for today (the
 *     program's clock decides which day that is)
 * @param effectiveUntil the last day it applies (inclusive), on or after the first; empty for
 *     open-ended
 * @param createdBy who sets it; free text (docs/rules.md TEXT-1), 1 to 100 characters once cleaned
 * @param reason why; free text (TEXT-1), 1 to 500 characters once cleaned; shown in the quote's
 *     explanation
 */
public record AdjustmentRequest(
    @NotNull @Nullable AdjustmentKind kind,
    @NotNull @Nullable Rate rate,
    @NotNull Optional<LocalDate> effectiveFrom,
    @NotNull Optional<LocalDate> effectiveUntil,
    @NotBlank @Size(max = 100) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String createdBy,
    @NotBlank @Size(max = 500) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String reason) {

  /**
   * {@code rate} on top of the partner's combined rate, from today, open-ended.
   *
   * @param rate the extra rate
   * @param createdBy who sets it
   * @param reason why
   * @return the request
   */
  public static AdjustmentRequest extra(Rate rate, String createdBy, String reason) {
    return new AdjustmentRequest(AdjustmentKind.EXTRA, rate, Optional.empty(), Optional.empty(), createdBy, reason);
  }

  /**
   * {@code rate} instead of the tier's base rate, from today, open-ended.
   *
   * @param rate the rate that replaces the base rate
   * @param createdBy who sets it
   * @param reason why
   * @return the request
   */
  public static AdjustmentRequest replaceBase(Rate rate, String createdBy, String reason) {
    return new AdjustmentRequest(AdjustmentKind.REPLACE_BASE, rate, Optional.empty(), Optional.empty(), createdBy,
        reason);
  }

  /**
   * No adjustment from today: ends the partner's earlier adjustments.
   *
   * @param createdBy who sets it
   * @param reason why
   * @return the request
   */
  public static AdjustmentRequest none(String createdBy, String reason) {
    return new AdjustmentRequest(AdjustmentKind.NONE, Rate.ZERO, Optional.empty(), Optional.empty(), createdBy,
        reason);
  }

  /**
   * This request starting on {@code date} (inclusive).
   *
   * @param date the first day
   * @return the changed copy
   * @throws ValidationException ({@code effectiveFrom}) if {@code date} is null
   */
  public AdjustmentRequest withEffectiveFrom(LocalDate date) {
    return new AdjustmentRequest(kind, rate, Optional.of(ValidationException.requireNonNull(date, "effectiveFrom")),
        effectiveUntil, createdBy, reason);
  }

  /**
   * This request ending with {@code date}: its last day (inclusive).
   *
   * @param date the last day
   * @return the changed copy
   * @throws ValidationException ({@code effectiveUntil}) if {@code date} is null
   */
  public AdjustmentRequest withEffectiveUntil(LocalDate date) {
    return new AdjustmentRequest(kind, rate, effectiveFrom,
        Optional.of(ValidationException.requireNonNull(date, "effectiveUntil")), createdBy, reason);
  }
}
