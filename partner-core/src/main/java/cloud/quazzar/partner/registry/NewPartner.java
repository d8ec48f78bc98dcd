package cloud.quazzar.partner.registry;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What the administrator enters to add a partner (source: "Adding a Partner"). Validated by
 * {@link PartnerRegistry#add}, which reports every broken rule at once.
 *
 * @param companyName 1 to 200 characters, no control characters; unique ignoring case and spaces
 * @param contactEmail a valid email address, at most 254 characters
 * @param tier the initial tier
 */
public record NewPartner(
    @NotBlank @Size(max = 200) @Pattern(regexp = "(?:[^\\p{Cc}]|\\s)*", message = "must not contain control characters other than white space")
        @Nullable String companyName,
    @NotBlank @Email @Size(max = 254) @Pattern(regexp = "[^\\p{Cc}\\s]*", message = "must not contain white space or control characters")
        @Nullable String contactEmail,
    @NotNull @Nullable Tier tier) {}
