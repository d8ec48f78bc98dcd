package cloud.quazzar.partner.events;

import cloud.quazzar.partner.registry.PartnerId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened in the partner program that host code may react to. Every event is
 * written to the store in the transaction that made the change, so an event exists exactly when
 * its change committed; {@link DomainEvents} delivers it to listeners after the commit.
 *
 * <p>The set is closed (a sealed type), so a {@code switch} over it is checked by the compiler.
 * Events are immutable values; stores keep them as they were written, so a listener sees the state
 * at the time of the change, not the current one.
 */
public sealed interface DomainEvent
    permits PartnerCreated, PartnerDeactivated, PartnerReactivated, TierChanged, GracePeriodStarted,
        GracePeriodEnded, DiscountPolicyVersionCreated, CertificationStatusChanged, RevenueRecorded,
        RevenueCorrected {

  /**
   * The partner the event is about; {@code null} only for events about the whole program ({@link
   * DiscountPolicyVersionCreated}). Events of one partner are delivered in the order they committed.
   */
  @Nullable PartnerId partnerId();

  /** When the change was made, by the program's clock. */
  Instant at();

  /** The event's type name as stored, e.g. {@code "TierChanged"}: the simple name of its class. */
  default String type() {
    return getClass().getSimpleName();
  }
}
