package cloud.quazzar.partner.certification;

import cloud.quazzar.partner.registry.Names;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Who withdraws a certification and why, kept on the revoked record.
 *
 * @param revokedBy who revokes it; free text (docs/rules.md TEXT-1), 1 to 100 characters once cleaned
 * @param reason why; free text (TEXT-1), 1 to 500 characters once cleaned
 */
public record Revocation(
    @NotBlank @Size(max = 100) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String revokedBy,
    @NotBlank @Size(max = 500) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String reason) {}
