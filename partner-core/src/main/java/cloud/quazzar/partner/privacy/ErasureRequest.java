package cloud.quazzar.partner.privacy;

import cloud.quazzar.partner.registry.Names;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Who erases a partner's personal data and why: kept in the erasure's audit entry ({@link
 * Erasure}), which outlives the erased data.
 *
 * @param erasedBy who erases it (an administrator, a data-protection officer); free text
 *     (docs/rules.md TEXT-1), 1 to 100 characters once cleaned
 * @param reason why, e.g. the reference of the data subject's request; free text (TEXT-1), 1 to
 *     500 characters once cleaned. It is kept: do not put in it what the erasure removes
 */
public record ErasureRequest(
    @NotBlank @Size(max = 100) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String erasedBy,
    @NotBlank @Size(max = 500) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String reason) {}
