package cloud.quazzar.partner.internal.observe;

import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.events.DomainEvents;
import cloud.quazzar.partner.privacy.PersonalData;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.review.TierReviews;

/**
 * The services a program hands out, each observed through the program's {@link Observation}
 * (decision O1); the implementations they wrap call each other unobserved, so a call is counted
 * once, under the service the host called.
 */
public record ObservedServices(Observation observation, PartnerRegistry registry, DiscountEngine discounts,
    CertificationTracker certifications, RevenueLedger revenue, TierReviews reviews, DomainEvents events,
    PersonalData personalData) {

  /** Wraps each implementation in its observing decorator. */
  public static ObservedServices of(Observation o, PartnerRegistry registry, DiscountEngine discounts,
      CertificationTracker certifications, RevenueLedger revenue, TierReviews reviews, DomainEvents events,
      PersonalData personalData) {
    return new ObservedServices(o, new ObservedPartnerRegistry(registry, o), new ObservedDiscountEngine(discounts, o),
        new ObservedCertificationTracker(certifications, o), new ObservedRevenueLedger(revenue, o),
        new ObservedTierReviews(reviews, o), new ObservedDomainEvents(events, o), new ObservedPersonalData(personalData, o));
  }
}
