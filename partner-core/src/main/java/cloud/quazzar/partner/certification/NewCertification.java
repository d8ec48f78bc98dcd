package cloud.quazzar.partner.certification;

import cloud.quazzar.partner.registry.Names;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A certification to add to a partner (rule CERT-1: name, skill area, level, an
 * optional holder, issue date and expiry date). Validated by {@link
 * CertificationTracker#add}, which reports every broken rule at once.
 *
 * @param name free text (docs/rules.md TEXT-1): stored cleaned; 1 to 200 characters once cleaned
 * @param skillArea the skill area
 * @param level the level; the partner's tier must allow it (Silver: Basic; Gold: up to Advanced;
 *     Platinum: all)
 * @param holder the person who holds it, or empty; if present, free text like {@code name}
 *     (cleaned by TEXT-1, 1 to 200 characters once cleaned, so not blank)
 * @param issueDate from {@link #EARLIEST_DATE} to {@link #LATEST_DATE}
 * @param expiryDate the last valid day: after {@code issueDate}, at most {@link #LATEST_DATE}
 */
public record NewCertification(
    @NotBlank @Size(max = 200) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        @Nullable String name,
    @NotNull @Nullable SkillArea skillArea,
    @NotNull @Nullable CertificationLevel level,
    @NotNull Optional<@Size(min = 1, max = 200) @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE)
        String> holder,
    @NotNull @Nullable LocalDate issueDate,
    @NotNull @Nullable LocalDate expiryDate) {

  /** The earliest issue or expiry date accepted (inclusive). */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

  /** The latest issue or expiry date accepted (inclusive; every store can hold it). */
  public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);
}
