package cloud.quazzar.partner.certification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Who withdraws a certification and why, kept on the revoked record.
 *
 * @param revokedBy 1 to 100 characters, no control characters other than white space
 * @param reason 1 to 500 characters
 */
public record Revocation(
    @NotBlank @Size(max = 100) @Pattern(regexp = "(?:[^\\p{Cc}]|\\s)*", message = "must not contain control characters other than white space")
        @Nullable String revokedBy,
    @NotBlank @Size(max = 500) @Nullable String reason) {}
