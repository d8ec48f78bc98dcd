package com.example.partner.store;

import cloud.quazzar.partner.discount.Cancellation;
import cloud.quazzar.partner.discount.PartnerAdjustment;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.spi.DiscountRepository;
import java.util.Comparator;
import java.util.List;

/**
 * Discount policy versions, partner adjustments and their cancellations: append-only, nothing is
 * ever changed or removed. A cancellation is kept beside the version it cancels and joined to it
 * when read. Every append counts in {@link #revision()}.
 */
final class Discounts implements DiscountRepository {
  private final Transaction tx;

  Discounts(Transaction tx) {
    this.tx = tx;
  }

  @Override
  public void appendPolicyVersion(PolicyVersion version) {
    Data data = tx.dataToChange();
    if (data.policyVersions.stream().anyMatch(v -> v.version() == version.version())) {
      throw tx.duplicate("policy version " + version.version());
    }
    data.policyVersions.add(version);
    data.discountRevision++;
  }

  @Override
  public void appendPolicyCancellation(int version, Cancellation cancellation) {
    Data data = tx.dataToChange();
    if (data.policyCancellations.containsKey(version)) {
      throw tx.duplicate("the cancellation of policy version " + version);
    }
    data.policyCancellations.put(version, cancellation);
    data.discountRevision++;
  }

  @Override
  public List<PolicyVersion> policyVersions() {
    Data data = tx.data();
    return data.policyVersions.stream()
        .sorted(Comparator.comparingInt(PolicyVersion::version))
        .map(v -> data.policyCancellations.containsKey(v.version())
            ? v.withCancellation(data.policyCancellations.get(v.version())) : v)
        .toList();
  }

  @Override
  public void appendAdjustment(PartnerAdjustment adjustment) {
    Data data = tx.dataToChange();
    boolean taken = data.adjustments.stream()
        .anyMatch(a -> a.partnerId().equals(adjustment.partnerId()) && a.version() == adjustment.version());
    if (taken) {
      throw tx.duplicate("adjustment version " + adjustment.version() + " of partner " + adjustment.partnerId());
    }
    data.adjustments.add(adjustment);
    data.discountRevision++;
  }

  @Override
  public void appendAdjustmentCancellation(PartnerId partnerId, int version, Cancellation cancellation) {
    Data data = tx.dataToChange();
    Data.AdjustmentKey key = new Data.AdjustmentKey(partnerId, version);
    if (data.adjustmentCancellations.containsKey(key)) {
      throw tx.duplicate("the cancellation of adjustment version " + version + " of partner " + partnerId);
    }
    data.adjustmentCancellations.put(key, cancellation);
    data.discountRevision++;
  }

  @Override
  public int eraseAdjustmentReasons(PartnerId partnerId, String replacement) {
    Data data = tx.dataToChange();
    int changed = 0;
    for (int i = 0; i < data.adjustments.size(); i++) {
      PartnerAdjustment a = data.adjustments.get(i);
      if (a.partnerId().equals(partnerId) && !a.reason().equals(replacement)) {
        data.adjustments.set(i, new PartnerAdjustment(a.partnerId(), a.version(), a.kind(), a.rate(), a.effectiveFrom(),
            a.effectiveUntil(), a.createdAt(), a.createdBy(), replacement, a.cancellation()));
        changed++;
      }
    }
    for (var entry : data.adjustmentCancellations.entrySet()) {
      Cancellation c = entry.getValue();
      if (entry.getKey().partnerId().equals(partnerId) && !c.reason().equals(replacement)) {
        entry.setValue(new Cancellation(c.cancelledAt(), c.cancelledBy(), replacement));
        changed++;
      }
    }
    if (changed > 0) {
      data.discountRevision++;
    }
    return changed;
  }

  @Override
  public List<PartnerAdjustment> adjustments(PartnerId partnerId) {
    return allAdjustments().stream()
        .filter(a -> a.partnerId().equals(partnerId))
        .sorted(Comparator.comparingInt(PartnerAdjustment::version))
        .toList();
  }

  @Override
  public List<PartnerAdjustment> allAdjustments() {
    Data data = tx.data();
    return data.adjustments.stream().map(a -> {
      Cancellation c = data.adjustmentCancellations.get(new Data.AdjustmentKey(a.partnerId(), a.version()));
      return c == null ? a : a.withCancellation(c);
    }).toList();
  }

  @Override
  public long revision() {
    return tx.data().discountRevision;
  }
}
