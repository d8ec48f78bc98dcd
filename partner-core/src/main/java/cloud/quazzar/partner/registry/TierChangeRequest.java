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
 * @param changedBy who changes it; free text (docs/rules.md TEXT-1), 1 to 100 characters once cleaned
 * @param reason why; free text (TEXT-1), 1 to 500 characters once cleaned
 */
public record TierChangeRequest(
    @NotNull @Nullable Tier tier,
    @NotBlank @Size(max = 100) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String changedBy,
    @NotBlank @Size(max = 500) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String reason) {}
