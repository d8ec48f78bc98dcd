package cloud.quazzar.partner.certification;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The new dates of a renewed certification; name, skill area, level and holder carry over.
 *
 * @param issueDate the renewal's issue date, from {@link NewCertification#EARLIEST_DATE}
 * @param expiryDate the renewal's last valid day: after {@code issueDate} and after the renewed
 *     record's expiry date (a renewal never shortens a certification), at most {@link
 *     NewCertification#LATEST_DATE}
 */
public record Renewal(@NotNull @Nullable LocalDate issueDate, @NotNull @Nullable LocalDate expiryDate) {}
