package cloud.quazzar.partner.internal.observe;

import cloud.quazzar.partner.privacy.Erasure;
import cloud.quazzar.partner.privacy.ErasureRequest;
import cloud.quazzar.partner.privacy.PersonalData;
import cloud.quazzar.partner.registry.PartnerId;
import java.io.OutputStream;
import java.util.List;

/**
 * The {@link PersonalData} the program hands out: each call of the implementation timed and classified
 * by {@link Observation} as operation {@code personal_data.<operation>} (docs/operations.md, "Metrics").
 * Written as plain delegation (no reflection) so that an unobserved call costs one volatile read
 * (OPS-14). A method added to the interface must be added here.
 */
public final class ObservedPersonalData implements PersonalData {
  private final PersonalData delegate;
  private final Observation obs;

  /** Observes {@code delegate} through {@code obs}. */
  public ObservedPersonalData(PersonalData delegate, Observation obs) {
    this.delegate = delegate;
    this.obs = obs;
  }

  @Override
  public Erasure erase(PartnerId partnerId, ErasureRequest request) {
    long t = obs.start(Operation.PERSONAL_DATA_ERASE);
    try {
      return obs.ok(Operation.PERSONAL_DATA_ERASE, t, delegate.erase(partnerId, request));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.PERSONAL_DATA_ERASE, t, e);
    }
  }

  @Override
  public List<Erasure> erasures(PartnerId partnerId) {
    long t = obs.start(Operation.PERSONAL_DATA_ERASURES);
    try {
      return obs.ok(Operation.PERSONAL_DATA_ERASURES, t, delegate.erasures(partnerId));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.PERSONAL_DATA_ERASURES, t, e);
    }
  }

  @Override
  public void export(PartnerId partnerId, OutputStream out) {
    long t = obs.start(Operation.PERSONAL_DATA_EXPORT);
    try {
      delegate.export(partnerId, out);
      obs.ok(Operation.PERSONAL_DATA_EXPORT, t);
    } catch (RuntimeException e) {
      throw obs.failed(Operation.PERSONAL_DATA_EXPORT, t, e);
    }
  }
}
