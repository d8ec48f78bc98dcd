package cloud.quazzar.partner.registry;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What the administrator enters to add a partner (rule REG-1). Validated by
 * {@link PartnerRegistry#add}, which reports every broken rule at once.
 *
 * @param companyName free text (docs/rules.md TEXT-1): stored cleaned, 1 to 200 characters once
 *     cleaned; unique by its {@link Names#key} (TEXT-2: case, spacing, invisible characters and
 *     compatibility forms aside)
 * @param contactEmail an email address (TEXT-4), at most 254 characters, stored as given
 * @param tier the initial tier
 */
public record NewPartner(
    @NotBlank @Size(max = 200) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String companyName,
    @NotBlank @Email @Size(max = 254) @Pattern(regexp = Names.EMAIL_PATTERN, message = Names.EMAIL_MESSAGE)
        @Nullable String contactEmail,
    @NotNull @Nullable Tier tier) {}
