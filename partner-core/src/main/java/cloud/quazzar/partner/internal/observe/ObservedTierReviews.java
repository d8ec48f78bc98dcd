package cloud.quazzar.partner.internal.observe;

import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.review.GracePeriod;
import cloud.quazzar.partner.review.ReviewOutcome;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.review.ReviewReport;
import cloud.quazzar.partner.review.TierReviews;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The {@link TierReviews} the program hands out: each call of the implementation timed and classified
 * by {@link Observation} as operation {@code reviews.<operation>} (docs/operations.md, "Metrics").
 * Written as plain delegation (no reflection) so that an unobserved call costs one volatile read
 * (OPS-14). A method added to the interface must be added here.
 */
public final class ObservedTierReviews implements TierReviews {
  private final TierReviews delegate;
  private final Observation obs;

  /** Observes {@code delegate} through {@code obs}. */
  public ObservedTierReviews(TierReviews delegate, Observation obs) {
    this.delegate = delegate;
    this.obs = obs;
  }

  @Override
  public ReviewPolicy policy() {
    long t = obs.start(Operation.REVIEWS_POLICY);
    try {
      return obs.ok(Operation.REVIEWS_POLICY, t, delegate.policy());
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVIEWS_POLICY, t, e);
    }
  }

  @Override
  public ReviewPolicy configure(ReviewPolicy policy) {
    long t = obs.start(Operation.REVIEWS_CONFIGURE);
    try {
      return obs.ok(Operation.REVIEWS_CONFIGURE, t, delegate.configure(policy));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVIEWS_CONFIGURE, t, e);
    }
  }

  @Override
  public ReviewReport run() {
    long t = obs.start(Operation.REVIEWS_RUN);
    try {
      return obs.ok(Operation.REVIEWS_RUN, t, delegate.run());
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVIEWS_RUN, t, e);
    }
  }

  @Override
  public ReviewReport run(LocalDate date) {
    long t = obs.start(Operation.REVIEWS_RUN);
    try {
      return obs.ok(Operation.REVIEWS_RUN, t, delegate.run(date));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVIEWS_RUN, t, e);
    }
  }

  @Override
  public Optional<GracePeriod> gracePeriod(PartnerId partnerId) {
    long t = obs.start(Operation.REVIEWS_GRACE_PERIOD);
    try {
      return obs.ok(Operation.REVIEWS_GRACE_PERIOD, t, delegate.gracePeriod(partnerId));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVIEWS_GRACE_PERIOD, t, e);
    }
  }

  @Override
  public Page<ReviewOutcome> history(PartnerId partnerId, PageRequest page) {
    long t = obs.start(Operation.REVIEWS_HISTORY);
    try {
      return obs.ok(Operation.REVIEWS_HISTORY, t, delegate.history(partnerId, page));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REVIEWS_HISTORY, t, e);
    }
  }
}
