package cloud.quazzar.partner.discount;

import cloud.quazzar.partner.registry.Names;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * When a new policy version takes effect, who sets it and why (rule DR5 of {@code docs/rules.md}: a
 * policy is versioned and effective-dated; who changed it and why is kept).
 *
 * @param effectiveFrom the first day the version is in force: today or later, in the program's
 *     zone; null means today
 * @param changedBy who sets it; free text (docs/rules.md TEXT-1), 1 to 100 characters once cleaned
 * @param reason why; free text (TEXT-1), 1 to 500 characters once cleaned
 */
public record PolicyChange(
    @Nullable LocalDate effectiveFrom,
    @NotBlank @Size(max = 100) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String changedBy,
    @NotBlank @Size(max = 500) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String reason) {

  /** A version in force from today. */
  public static PolicyChange today(String changedBy, String reason) {
    return new PolicyChange(null, changedBy, reason);
  }

  /** A version in force from {@code effectiveFrom} (today or a future date: scheduled ahead). */
  public static PolicyChange from(LocalDate effectiveFrom, String changedBy, String reason) {
    return new PolicyChange(effectiveFrom, changedBy, reason);
  }
}
