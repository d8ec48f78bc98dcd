package cloud.quazzar.partner.discount;

import cloud.quazzar.partner.registry.Names;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Who cancels a scheduled version and why; kept as its {@link Cancellation}.
 *
 * @param cancelledBy who cancels it; free text (docs/rules.md TEXT-1), 1 to 100 characters once cleaned
 * @param reason why; free text (TEXT-1), 1 to 500 characters once cleaned
 */
public record CancelRequest(
    @NotBlank @Size(max = 100) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String cancelledBy,
    @NotBlank @Size(max = 500) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String reason) {}
