package cloud.quazzar.partner.internal.observe;

import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationListener;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.EligibilityReport;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.ExpiryThresholds;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Renewal;
import cloud.quazzar.partner.certification.Revocation;
import cloud.quazzar.partner.certification.StatusChange;
import cloud.quazzar.partner.certification.StatusCounts;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.registry.PartnerId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The {@link CertificationTracker} the program hands out: each call of the implementation timed and classified
 * by {@link Observation} as operation {@code certifications.<operation>} (docs/operations.md, "Metrics").
 * Written as plain delegation (no reflection) so that an unobserved call costs one volatile read
 * (OPS-14). A method added to the interface must be added here.
 */
public final class ObservedCertificationTracker implements CertificationTracker {
  private final CertificationTracker delegate;
  private final Observation obs;

  /** Observes {@code delegate} through {@code obs}. */
  public ObservedCertificationTracker(CertificationTracker delegate, Observation obs) {
    this.delegate = delegate;
    this.obs = obs;
  }

  @Override
  public TrackedCertification add(PartnerId partnerId, NewCertification request) {
    long t = obs.start(Operation.CERTIFICATIONS_ADD);
    try {
      return obs.ok(Operation.CERTIFICATIONS_ADD, t, delegate.add(partnerId, request));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.CERTIFICATIONS_ADD, t, e);
    }
  }

  @Override
  public TrackedCertification renew(CertificationId id, long expectedVersion, Renewal renewal) {
    long t = obs.start(Operation.CERTIFICATIONS_RENEW);
    try {
      return obs.ok(Operation.CERTIFICATIONS_RENEW, t, delegate.renew(id, expectedVersion, renewal));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.CERTIFICATIONS_RENEW, t, e);
    }
  }

  @Override
  public Certification revoke(CertificationId id, long expectedVersion, Revocation revocation) {
    long t = obs.start(Operation.CERTIFICATIONS_REVOKE);
    try {
      return obs.ok(Operation.CERTIFICATIONS_REVOKE, t, delegate.revoke(id, expectedVersion, revocation));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.CERTIFICATIONS_REVOKE, t, e);
    }
  }

  @Override
  public Optional<Certification> find(CertificationId id) {
    long t = obs.start(Operation.CERTIFICATIONS_FIND);
    try {
      return obs.ok(Operation.CERTIFICATIONS_FIND, t, delegate.find(id));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.CERTIFICATIONS_FIND, t, e);
    }
  }

  @Override
  public Certification get(CertificationId id) {
    long t = obs.start(Operation.CERTIFICATIONS_GET);
    try {
      return obs.ok(Operation.CERTIFICATIONS_GET, t, delegate.get(id));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.CERTIFICATIONS_GET, t, e);
    }
  }

  @Override
  public Page<TrackedCertification> certifications(PartnerId partnerId, PageRequest page) {
    long t = obs.start(Operation.CERTIFICATIONS_CERTIFICATIONS);
    try {
      return obs.ok(Operation.CERTIFICATIONS_CERTIFICATIONS, t, delegate.certifications(partnerId, page));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.CERTIFICATIONS_CERTIFICATIONS, t, e);
    }
  }

  @Override
  public Page<Certification> history(PartnerId partnerId, PageRequest page) {
    long t = obs.start(Operation.CERTIFICATIONS_HISTORY);
    try {
      return obs.ok(Operation.CERTIFICATIONS_HISTORY, t, delegate.history(partnerId, page));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.CERTIFICATIONS_HISTORY, t, e);
    }
  }

  @Override
  public Page<TrackedCertification> expiringWithin(long days, PageRequest page) {
    long t = obs.start(Operation.CERTIFICATIONS_EXPIRING_WITHIN);
    try {
      return obs.ok(Operation.CERTIFICATIONS_EXPIRING_WITHIN, t, delegate.expiringWithin(days, page));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.CERTIFICATIONS_EXPIRING_WITHIN, t, e);
    }
  }

  @Override
  public StatusCounts counts(PartnerId partnerId) {
    long t = obs.start(Operation.CERTIFICATIONS_COUNTS);
    try {
      return obs.ok(Operation.CERTIFICATIONS_COUNTS, t, delegate.counts(partnerId));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.CERTIFICATIONS_COUNTS, t, e);
    }
  }

  @Override
  public StatusCounts counts() {
    long t = obs.start(Operation.CERTIFICATIONS_COUNTS);
    try {
      return obs.ok(Operation.CERTIFICATIONS_COUNTS, t, delegate.counts());
    } catch (RuntimeException e) {
      throw obs.failed(Operation.CERTIFICATIONS_COUNTS, t, e);
    }
  }

  @Override
  public CertificationStatus statusOf(LocalDate expiryDate) {
    return delegate.statusOf(expiryDate);
  }

  @Override
  public ExpiryThresholds thresholds() {
    return delegate.thresholds();
  }

  @Override
  public List<StatusChange> reportStatusChanges() {
    long t = obs.start(Operation.CERTIFICATIONS_REPORT_STATUS_CHANGES);
    try {
      return obs.ok(Operation.CERTIFICATIONS_REPORT_STATUS_CHANGES, t, delegate.reportStatusChanges());
    } catch (RuntimeException e) {
      throw obs.failed(Operation.CERTIFICATIONS_REPORT_STATUS_CHANGES, t, e);
    }
  }

  @Override
  public void subscribe(String name, CertificationListener listener) {
    long t = obs.start(Operation.CERTIFICATIONS_SUBSCRIBE);
    try {
      delegate.subscribe(name, listener);
      obs.listener(name, true);
      obs.ok(Operation.CERTIFICATIONS_SUBSCRIBE, t);
    } catch (RuntimeException e) {
      throw obs.failed(Operation.CERTIFICATIONS_SUBSCRIBE, t, e);
    }
  }

  @Override
  public boolean unsubscribe(String name) {
    long t = obs.start(Operation.CERTIFICATIONS_UNSUBSCRIBE);
    try {
      boolean r = delegate.unsubscribe(name);
      if (r) {
        obs.listener(name, false);
      }
      return obs.ok(Operation.CERTIFICATIONS_UNSUBSCRIBE, t, r);
    } catch (RuntimeException e) {
      throw obs.failed(Operation.CERTIFICATIONS_UNSUBSCRIBE, t, e);
    }
  }

  @Override
  public EligibilityReport eligibility(PartnerId partnerId) {
    long t = obs.start(Operation.CERTIFICATIONS_ELIGIBILITY);
    try {
      return obs.ok(Operation.CERTIFICATIONS_ELIGIBILITY, t, delegate.eligibility(partnerId));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.CERTIFICATIONS_ELIGIBILITY, t, e);
    }
  }

  @Override
  public EligibilityReport eligibility(PartnerId partnerId, LocalDate date) {
    long t = obs.start(Operation.CERTIFICATIONS_ELIGIBILITY);
    try {
      return obs.ok(Operation.CERTIFICATIONS_ELIGIBILITY, t, delegate.eligibility(partnerId, date));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.CERTIFICATIONS_ELIGIBILITY, t, e);
    }
  }

  @Override
  public EligibilityRequirements requirements() {
    return delegate.requirements();
  }
}
