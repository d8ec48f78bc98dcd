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
 * When a new policy version takes effect, who sets it and why (rule DISC-5 of {@code docs/rules.md}: a
 * policy is versioned and effective-dated; who changed it and why is kept). Make one with {@link
 * #today} or {@link #from}; {@link DiscountEngine#setPolicy} validates it and keeps it as the
 * {@link PolicyVersion}'s {@code effectiveFrom}, {@code createdBy} and {@code reason}.
 *
 * @param effectiveFrom the first day the version is in force (inclusive): today or later, in the
 *     program's zone; empty for today (the program's clock decides which day that is)
 * @param createdBy who sets it; free text (docs/rules.md TEXT-1), 1 to 100 characters once cleaned
 * @param reason why; free text (TEXT-1), 1 to 500 characters once cleaned
 */
public record PolicyChange(
    @NotNull Optional<LocalDate> effectiveFrom,
    @NotBlank @Size(max = 100) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String createdBy,
    @NotBlank @Size(max = 500) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String reason) {

  /**
   * A version in force from today.
   *
   * @param createdBy who sets the version
   * @param reason why
   * @return the change
   */
  public static PolicyChange today(String createdBy, String reason) {
    return new PolicyChange(Optional.empty(), createdBy, reason);
  }

  /**
   * A version in force from {@code effectiveFrom} (inclusive; today or a future date: scheduled
   * ahead; {@link DiscountEngine#setPolicy} refuses a past one).
   *
   * @param effectiveFrom the first day the version is in force
   * @param createdBy who sets the version
   * @param reason why
   * @return the change
   * @throws ValidationException ({@code effectiveFrom}) if {@code effectiveFrom} is null: use
   *     {@link #today} for today
   */
  public static PolicyChange from(LocalDate effectiveFrom, String createdBy, String reason) {
    return new PolicyChange(Optional.of(ValidationException.requireNonNull(effectiveFrom, "effectiveFrom")),
        createdBy, reason);
  }
}
