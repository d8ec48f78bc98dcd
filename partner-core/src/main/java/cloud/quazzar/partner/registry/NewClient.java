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
 * @param name 1 to 200 characters, no control characters; unique within the partner ignoring case
 *     and spaces
 * @param serverCount servers the client runs, 0 to {@value Client#MAX_SERVER_COUNT}
 */
public record NewClient(
    @NotBlank @Size(max = 200) @Pattern(regexp = "(?:[^\\p{Cc}]|\\s)*", message = "must not contain control characters other than white space")
        @Nullable String name,
    @PositiveOrZero @Max(Client.MAX_SERVER_COUNT) long serverCount) {}
