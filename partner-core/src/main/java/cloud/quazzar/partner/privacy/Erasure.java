package cloud.quazzar.partner.privacy;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.registry.PartnerId;
import java.time.Instant;

/**
 * The audit entry of one erasure (docs/rules.md PRIV-3): that a partner's personal data was
 * erased, when, by whom and why, and how many stored values it changed. Kept for as long as the
 * partner's figures are; it holds none of the erased values.
 *
 * @param partnerId the partner
 * @param erasedAt when, by the program's clock
 * @param erasedBy who erased it, as the request gave it (cleaned, TEXT-1)
 * @param reason why, as the request gave it (cleaned, TEXT-1)
 * @param valuesErased how many stored values the erasure replaced (each contact email, client
 *     name, holder, reason and event counts once); 0 only for an erasure that found nothing left
 */
public record Erasure(PartnerId partnerId, Instant erasedAt, String erasedBy, String reason, int valuesErased) {
  /**
   * Checks the components.
   *
   * @param partnerId the partner
   * @param erasedAt when
   * @param erasedBy who
   * @param reason why
   * @param valuesErased how many stored values it replaced
   * @throws ValidationException naming each component that is null, and a negative count
   */
  public Erasure {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(erasedAt, "erasedAt");
    requireNonNull(erasedBy, "erasedBy");
    requireNonNull(reason, "reason");
    if (valuesErased < 0) {
      throw ValidationException.of("valuesErased", "must be 0 or more, got " + valuesErased);
    }
  }
}
