package cloud.quazzar.partner.registry;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * New contact details for a partner, same rules as
 * {@link NewPartner}.
 *
 * @param companyName the company name, as for {@link NewPartner#companyName()}
 * @param contactEmail the contact email address, as for {@link NewPartner#contactEmail()}
 */
public record ContactUpdate(
    @NotBlank @Size(max = 200) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String companyName,
    @NotBlank @Email @Size(max = 254) @Pattern(regexp = Names.EMAIL_PATTERN, message = Names.EMAIL_MESSAGE)
        @Nullable String contactEmail) {}
