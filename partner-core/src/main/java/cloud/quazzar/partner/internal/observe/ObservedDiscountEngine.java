package cloud.quazzar.partner.internal.observe;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.discount.AdjustmentRequest;
import cloud.quazzar.partner.discount.BatchQuote;
import cloud.quazzar.partner.discount.CancelRequest;
import cloud.quazzar.partner.discount.DiscountCalculator;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PartnerAdjustment;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.discount.QuoteItem;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The {@link DiscountEngine} the program hands out: each call of the implementation timed and classified
 * by {@link Observation} as operation {@code discounts.<operation>} (docs/operations.md, "Metrics").
 * Written as plain delegation (no reflection) so that an unobserved call costs one volatile read
 * (OPS-14). A method added to the interface must be added here.
 */
public final class ObservedDiscountEngine implements DiscountEngine {
  private final DiscountEngine delegate;
  private final Observation obs;

  /** Observes {@code delegate} through {@code obs}. */
  public ObservedDiscountEngine(DiscountEngine delegate, Observation obs) {
    this.delegate = delegate;
    this.obs = obs;
  }

  @Override
  public PolicyVersion setPolicy(DiscountPolicy policy, PolicyChange change) {
    long t = obs.start(Operation.DISCOUNTS_SET_POLICY);
    try {
      return obs.ok(Operation.DISCOUNTS_SET_POLICY, t, delegate.setPolicy(policy, change));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.DISCOUNTS_SET_POLICY, t, e);
    }
  }

  @Override
  public PolicyVersion cancelPolicy(int version, CancelRequest request) {
    long t = obs.start(Operation.DISCOUNTS_CANCEL_POLICY);
    try {
      return obs.ok(Operation.DISCOUNTS_CANCEL_POLICY, t, delegate.cancelPolicy(version, request));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.DISCOUNTS_CANCEL_POLICY, t, e);
    }
  }

  @Override
  public List<PolicyVersion> policyHistory() {
    long t = obs.start(Operation.DISCOUNTS_POLICY_HISTORY);
    try {
      return obs.ok(Operation.DISCOUNTS_POLICY_HISTORY, t, delegate.policyHistory());
    } catch (RuntimeException e) {
      throw obs.failed(Operation.DISCOUNTS_POLICY_HISTORY, t, e);
    }
  }

  @Override
  public Optional<PolicyVersion> policyOn(LocalDate date) {
    long t = obs.start(Operation.DISCOUNTS_POLICY_ON);
    try {
      return obs.ok(Operation.DISCOUNTS_POLICY_ON, t, delegate.policyOn(date));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.DISCOUNTS_POLICY_ON, t, e);
    }
  }

  @Override
  public DiscountCalculator calculatorOn(LocalDate date) {
    long t = obs.start(Operation.DISCOUNTS_CALCULATOR_ON);
    try {
      return obs.ok(Operation.DISCOUNTS_CALCULATOR_ON, t, delegate.calculatorOn(date));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.DISCOUNTS_CALCULATOR_ON, t, e);
    }
  }

  @Override
  public PartnerAdjustment adjust(PartnerId partnerId, AdjustmentRequest request) {
    long t = obs.start(Operation.DISCOUNTS_ADJUST);
    try {
      return obs.ok(Operation.DISCOUNTS_ADJUST, t, delegate.adjust(partnerId, request));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.DISCOUNTS_ADJUST, t, e);
    }
  }

  @Override
  public PartnerAdjustment cancelAdjustment(PartnerId partnerId, int version, CancelRequest request) {
    long t = obs.start(Operation.DISCOUNTS_CANCEL_ADJUSTMENT);
    try {
      return obs.ok(Operation.DISCOUNTS_CANCEL_ADJUSTMENT, t, delegate.cancelAdjustment(partnerId, version, request));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.DISCOUNTS_CANCEL_ADJUSTMENT, t, e);
    }
  }

  @Override
  public Page<PartnerAdjustment> adjustmentHistory(PartnerId partnerId, PageRequest page) {
    long t = obs.start(Operation.DISCOUNTS_ADJUSTMENT_HISTORY);
    try {
      return obs.ok(Operation.DISCOUNTS_ADJUSTMENT_HISTORY, t, delegate.adjustmentHistory(partnerId, page));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.DISCOUNTS_ADJUSTMENT_HISTORY, t, e);
    }
  }

  @Override
  public Optional<PartnerAdjustment> adjustmentOn(PartnerId partnerId, LocalDate date) {
    long t = obs.start(Operation.DISCOUNTS_ADJUSTMENT_ON);
    try {
      return obs.ok(Operation.DISCOUNTS_ADJUSTMENT_ON, t, delegate.adjustmentOn(partnerId, date));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.DISCOUNTS_ADJUSTMENT_ON, t, e);
    }
  }

  @Override
  public DiscountQuote quote(PartnerId partnerId, Money gross) {
    long t = obs.start(Operation.DISCOUNTS_QUOTE);
    try {
      return obs.ok(Operation.DISCOUNTS_QUOTE, t, delegate.quote(partnerId, gross));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.DISCOUNTS_QUOTE, t, e);
    }
  }

  @Override
  public DiscountQuote quote(PartnerId partnerId, LocalDate date, Money gross) {
    long t = obs.start(Operation.DISCOUNTS_QUOTE);
    try {
      return obs.ok(Operation.DISCOUNTS_QUOTE, t, delegate.quote(partnerId, date, gross));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.DISCOUNTS_QUOTE, t, e);
    }
  }

  @Override
  public DiscountQuote quote(Tier tier, long serverCount, LocalDate date, Money gross) {
    long t = obs.start(Operation.DISCOUNTS_QUOTE);
    try {
      return obs.ok(Operation.DISCOUNTS_QUOTE, t, delegate.quote(tier, serverCount, date, gross));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.DISCOUNTS_QUOTE, t, e);
    }
  }

  @Override
  public BatchQuote quoteAll(LocalDate date, Currency currency, List<QuoteItem> items) {
    long t = obs.start(Operation.DISCOUNTS_QUOTE_ALL);
    try {
      return obs.ok(Operation.DISCOUNTS_QUOTE_ALL, t, delegate.quoteAll(date, currency, items));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.DISCOUNTS_QUOTE_ALL, t, e);
    }
  }
}
