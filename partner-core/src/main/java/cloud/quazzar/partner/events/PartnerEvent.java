package cloud.quazzar.partner.events;

import cloud.quazzar.partner.registry.PartnerId;

/**
 * An event about one partner: every {@link DomainEvent} except the program-wide ones. Events of one
 * partner are delivered in the order they committed, and {@link DomainEvents#ofPartner} reads
 * them.
 */
public sealed interface PartnerEvent extends DomainEvent
    permits PartnerCreated, PartnerDeactivated, PartnerReactivated, TierChanged, GracePeriodStarted,
        GracePeriodEnded, CertificationStatusChanged, RevenueRecorded, RevenueCorrected, PartnerDataErased {

  /**
   * The partner the event is about.
   *
   * @return the partner's id
   */
  PartnerId partnerId();
}
