package cloud.quazzar.partner.events;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A tier review found that a partner no longer qualifies for its tier: it keeps the tier and its
 * benefits until {@code endsOn}, unless it requalifies first.
 *
 * @param partnerId the partner
 * @param tier the tier it keeps during the grace period
 * @param startedOn the review date that started it
 * @param endsOn the last day of grace
 * @param at when the review stored it
 */
public record GracePeriodStarted(PartnerId partnerId, Tier tier, LocalDate startedOn, LocalDate endsOn, Instant at)
    implements PartnerEvent {
  public GracePeriodStarted {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(tier, "tier");
    requireNonNull(startedOn, "startedOn");
    requireNonNull(endsOn, "endsOn");
    requireNonNull(at, "at");
  }
}
