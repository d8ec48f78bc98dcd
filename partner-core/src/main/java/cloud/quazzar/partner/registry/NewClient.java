package cloud.quazzar.partner.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A client to add to a partner.
 *
 * @param name free text (docs/rules.md TEXT-1): stored cleaned, 1 to 200 characters once cleaned;
 *     unique within the partner by its {@link Names#key} (TEXT-2)
 * @param serverCount servers the client runs, 0 to {@value Client#MAX_SERVER_COUNT}
 */
public record NewClient(
    @NotBlank @Size(max = 200) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String name,
    @PositiveOrZero @Max(Client.MAX_SERVER_COUNT) long serverCount) {}
