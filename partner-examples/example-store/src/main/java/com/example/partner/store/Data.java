package com.example.partner.store;

import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.discount.Cancellation;
import cloud.quazzar.partner.discount.PartnerAdjustment;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.privacy.Erasure;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.review.GracePeriod;
import cloud.quazzar.partner.review.ReviewOutcome;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.spi.CertificationRecord;
import cloud.quazzar.partner.spi.PartnerRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the example store holds: one collection per table a database store would have. The
 * values are the SPI's and the API's records, which are immutable, so a {@link #copy()} of the
 * collections is a full copy.
 */
final class Data {
  // partners, clients and tier history (Partners)
  final Map<PartnerId, PartnerRecord> partners = new LinkedHashMap<>();
  final Map<ClientId, Client> clients = new LinkedHashMap<>();
  final List<TierChange> tierChanges = new ArrayList<>();
  // the audit entries of personal-data erasures, oldest first (Partners)
  final List<Erasure> erasures = new ArrayList<>();
  // certifications with their reported status (Certifications)
  final Map<CertificationId, CertificationRecord> certifications = new LinkedHashMap<>();
  // discount policy versions, partner adjustments and their cancellations, append-only (Discounts)
  final List<PolicyVersion> policyVersions = new ArrayList<>();
  final Map<Integer, Cancellation> policyCancellations = new LinkedHashMap<>();
  final List<PartnerAdjustment> adjustments = new ArrayList<>();
  final Map<AdjustmentKey, Cancellation> adjustmentCancellations = new LinkedHashMap<>();
  long discountRevision;
  // the revenue ledger, append-only: entries by idempotency key, in the order appended (Revenue)
  final Map<String, RevenueEntry> ledger = new LinkedHashMap<>();
  // tier reviews (Reviews)
  final Map<PartnerId, GracePeriod> gracePeriods = new LinkedHashMap<>();
  final Map<OutcomeKey, ReviewOutcome> outcomes = new LinkedHashMap<>();
  final Map<Integer, StoredPolicy> reviewPolicies = new LinkedHashMap<>();
  // domain events: element i has sequence prunedEvents + i + 1 (the log loses events only at its
  // start, by pruning); listener cursors by name (Events)
  final List<EventRecord> events = new ArrayList<>();
  long prunedEvents;
  final Map<String, Cursor> cursors = new LinkedHashMap<>();

  /** A partner's adjustment version. */
  record AdjustmentKey(PartnerId partnerId, int version) {}

  /** A partner's review day. */
  record OutcomeKey(PartnerId partnerId, LocalDate date) {}

  /** A review policy version with when it was configured. */
  record StoredPolicy(ReviewPolicy policy, Instant configuredAt) {}

  /** A listener's position (the last sequence it accepted) and who holds its delivery lease until when. */
  record Cursor(long position, String owner, Instant leaseUntil) {}

  /** A copy for a write transaction: changing it leaves this one as it is. */
  Data copy() {
    Data c = new Data();
    c.partners.putAll(partners);
    c.clients.putAll(clients);
    c.tierChanges.addAll(tierChanges);
    c.erasures.addAll(erasures);
    c.certifications.putAll(certifications);
    c.policyVersions.addAll(policyVersions);
    c.policyCancellations.putAll(policyCancellations);
    c.adjustments.addAll(adjustments);
    c.adjustmentCancellations.putAll(adjustmentCancellations);
    c.discountRevision = discountRevision;
    c.ledger.putAll(ledger);
    c.gracePeriods.putAll(gracePeriods);
    c.outcomes.putAll(outcomes);
    c.reviewPolicies.putAll(reviewPolicies);
    c.events.addAll(events);
    c.prunedEvents = prunedEvents;
    c.cursors.putAll(cursors);
    return c;
  }
}
