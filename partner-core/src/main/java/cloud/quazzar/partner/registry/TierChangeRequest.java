package cloud.quazzar.partner.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A tier change with its audit data, kept in the tier history.
 *
 * @param tier the new tier; must differ from the current one
 * @param changedBy who changes it, 1 to 100 characters
 * @param reason why, 1 to 500 characters
 */
public record TierChangeRequest(
    @NotNull @Nullable Tier tier,
    @NotBlank @Size(max = 100) @Pattern(regexp = "(?:[^\\p{Cc}]|\\s)*", message = "must not contain control characters other than white space")
        @Nullable String changedBy,
    @NotBlank @Size(max = 500) @Nullable String reason) {}
