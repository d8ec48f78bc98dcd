package cloud.quazzar.partner.discount;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Who cancels a scheduled version and why; kept as its {@link Cancellation}.
 *
 * @param cancelledBy who cancels it, 1 to 100 characters
 * @param reason why, 1 to 500 characters
 */
public record CancelRequest(
    @NotBlank @Size(max = 100) @Pattern(regexp = "(?:[^\\p{Cc}]|\\s)*", message = "must not contain control characters other than white space")
        @Nullable String cancelledBy,
    @NotBlank @Size(max = 500) @Nullable String reason) {}
