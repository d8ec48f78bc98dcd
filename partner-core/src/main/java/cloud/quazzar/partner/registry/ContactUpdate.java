package cloud.quazzar.partner.registry;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * New contact details for a partner (source: "Update contact information"), same rules as
 * {@link NewPartner}.
 *
 * @param companyName the company name; unique ignoring case and spaces
 * @param contactEmail the contact email address
 */
public record ContactUpdate(
    @NotBlank @Size(max = 200) @Pattern(regexp = "(?:[^\\p{Cc}]|\\s)*", message = "must not contain control characters other than white space")
        @Nullable String companyName,
    @NotBlank @Email @Size(max = 254) @Pattern(regexp = "[^\\p{Cc}\\s]*", message = "must not contain white space or control characters")
        @Nullable String contactEmail) {}
