package com.example.partner.store;

import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.review.GracePeriod;
import cloud.quazzar.partner.review.ReviewOutcome;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.spi.ReviewRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Tier reviews: at most one running grace period per partner, one outcome per partner and day, and
 * the review policy's versions (append-only, one per number). The outcomes and policies are the
 * API's immutable records, kept as given, so every field reads back exactly.
 */
final class Reviews implements ReviewRepository {
  private final Transaction tx;

  Reviews(Transaction tx) {
    this.tx = tx;
  }

  @Override
  public Optional<GracePeriod> gracePeriod(PartnerId partnerId) {
    return Optional.ofNullable(tx.data().gracePeriods.get(partnerId));
  }

  @Override
  public void insertGracePeriod(GracePeriod gracePeriod) {
    Data data = tx.dataToChange();
    if (data.gracePeriods.containsKey(gracePeriod.partnerId())) {
      throw tx.duplicate("the running grace period of partner " + gracePeriod.partnerId());
    }
    data.gracePeriods.put(gracePeriod.partnerId(), gracePeriod);
  }

  @Override
  public boolean deleteGracePeriod(PartnerId partnerId, LocalDate startedOn) {
    Data data = tx.dataToChange();
    GracePeriod stored = data.gracePeriods.get(partnerId);
    if (stored == null || !stored.startedOn().equals(startedOn)) {
      return false;
    }
    data.gracePeriods.remove(partnerId);
    return true;
  }

  @Override
  public Optional<ReviewOutcome> outcome(PartnerId partnerId, LocalDate date) {
    return Optional.ofNullable(tx.data().outcomes.get(new Data.OutcomeKey(partnerId, date)));
  }

  @Override
  public void insertOutcome(ReviewOutcome outcome) {
    Data data = tx.dataToChange();
    Data.OutcomeKey key = new Data.OutcomeKey(outcome.partnerId(), outcome.date());
    if (data.outcomes.containsKey(key)) {
      throw tx.duplicate("the review outcome of partner " + outcome.partnerId() + " on " + outcome.date());
    }
    data.outcomes.put(key, outcome);
  }

  @Override
  public List<ReviewOutcome> outcomes(PartnerId partnerId) {
    return tx.data().outcomes.values().stream()
        .filter(o -> o.partnerId().equals(partnerId))
        .sorted(Comparator.comparing(ReviewOutcome::date))
        .toList();
  }

  @Override
  public Optional<LocalDate> lastReviewDate() {
    return tx.data().outcomes.keySet().stream().map(Data.OutcomeKey::date).max(Comparator.naturalOrder());
  }

  @Override
  public void appendPolicy(int version, ReviewPolicy policy, Instant configuredAt) {
    Data data = tx.dataToChange();
    if (data.reviewPolicies.containsKey(version)) {
      throw tx.duplicate("review policy version " + version);
    }
    data.reviewPolicies.put(version, new Data.StoredPolicy(policy, configuredAt));
  }

  @Override
  public int lastPolicyVersion() {
    return tx.data().reviewPolicies.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  @Override
  public Optional<ReviewPolicy> latestPolicy() {
    int last = lastPolicyVersion();
    return last == 0 ? Optional.empty() : Optional.of(tx.data().reviewPolicies.get(last).policy());
  }
}
