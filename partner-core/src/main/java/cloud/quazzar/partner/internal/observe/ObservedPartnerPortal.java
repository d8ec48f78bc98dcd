package cloud.quazzar.partner.internal.observe;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.portal.BillingStatement;
import cloud.quazzar.partner.portal.PartnerPortal;
import cloud.quazzar.partner.registry.Benefits;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.PartnerReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.YearMonth;
import java.util.List;

/**
 * The {@link PartnerPortal} the program hands out: each call of the implementation timed and classified
 * by {@link Observation} as operation {@code portal.<operation>} (docs/operations.md, "Metrics").
 * Written as plain delegation (no reflection) so that an unobserved call costs one volatile read
 * (OPS-14). A method added to the interface must be added here.
 */
public final class ObservedPartnerPortal implements PartnerPortal {
  private final PartnerPortal delegate;
  private final Observation obs;

  /** Observes {@code delegate} through {@code obs}. */
  public ObservedPartnerPortal(PartnerPortal delegate, Observation obs) {
    this.delegate = delegate;
    this.obs = obs;
  }

  @Override
  public PartnerId partnerId() {
    return delegate.partnerId();
  }

  @Override
  public Partner partner() {
    long t = obs.start(Operation.PORTAL_PARTNER);
    try {
      return obs.ok(Operation.PORTAL_PARTNER, t, delegate.partner());
    } catch (RuntimeException e) {
      throw obs.failed(Operation.PORTAL_PARTNER, t, e);
    }
  }

  @Override
  public Benefits benefits() {
    long t = obs.start(Operation.PORTAL_BENEFITS);
    try {
      return obs.ok(Operation.PORTAL_BENEFITS, t, delegate.benefits());
    } catch (RuntimeException e) {
      throw obs.failed(Operation.PORTAL_BENEFITS, t, e);
    }
  }

  @Override
  public Page<Client> clients(PageRequest page) {
    long t = obs.start(Operation.PORTAL_CLIENTS);
    try {
      return obs.ok(Operation.PORTAL_CLIENTS, t, delegate.clients(page));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.PORTAL_CLIENTS, t, e);
    }
  }

  @Override
  public Client client(ClientId id) {
    long t = obs.start(Operation.PORTAL_CLIENT);
    try {
      return obs.ok(Operation.PORTAL_CLIENT, t, delegate.client(id));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.PORTAL_CLIENT, t, e);
    }
  }

  @Override
  public Client addClient(NewClient request) {
    long t = obs.start(Operation.PORTAL_ADD_CLIENT);
    try {
      return obs.ok(Operation.PORTAL_ADD_CLIENT, t, delegate.addClient(request));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.PORTAL_ADD_CLIENT, t, e);
    }
  }

  @Override
  public Client renameClient(ClientId id, long expectedVersion, String name) {
    long t = obs.start(Operation.PORTAL_RENAME_CLIENT);
    try {
      return obs.ok(Operation.PORTAL_RENAME_CLIENT, t, delegate.renameClient(id, expectedVersion, name));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.PORTAL_RENAME_CLIENT, t, e);
    }
  }

  @Override
  public Client setServerCount(ClientId id, long expectedVersion, long serverCount) {
    long t = obs.start(Operation.PORTAL_SET_SERVER_COUNT);
    try {
      return obs.ok(Operation.PORTAL_SET_SERVER_COUNT, t, delegate.setServerCount(id, expectedVersion, serverCount));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.PORTAL_SET_SERVER_COUNT, t, e);
    }
  }

  @Override
  public Page<TrackedCertification> certifications(PageRequest page) {
    long t = obs.start(Operation.PORTAL_CERTIFICATIONS);
    try {
      return obs.ok(Operation.PORTAL_CERTIFICATIONS, t, delegate.certifications(page));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.PORTAL_CERTIFICATIONS, t, e);
    }
  }

  @Override
  public PartnerReport revenue(MonthRange range) {
    long t = obs.start(Operation.PORTAL_REVENUE);
    try {
      return obs.ok(Operation.PORTAL_REVENUE, t, delegate.revenue(range));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.PORTAL_REVENUE, t, e);
    }
  }

  @Override
  public long exportCsv(MonthRange range, Writer out) throws IOException {
    long t = obs.start(Operation.PORTAL_EXPORT_CSV);
    try {
      return obs.ok(Operation.PORTAL_EXPORT_CSV, t, delegate.exportCsv(range, out));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.PORTAL_EXPORT_CSV, t, e);
    } catch (IOException e) {
      throw obs.failed(Operation.PORTAL_EXPORT_CSV, t, e);
    }
  }

  @Override
  public BillingStatement statement(YearMonth month, Money licensingCost) {
    long t = obs.start(Operation.PORTAL_STATEMENT);
    try {
      return obs.ok(Operation.PORTAL_STATEMENT, t, delegate.statement(month, licensingCost));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.PORTAL_STATEMENT, t, e);
    }
  }

  @Override
  public List<BillingStatement> statements(MonthRange range, Money licensingCost) {
    long t = obs.start(Operation.PORTAL_STATEMENTS);
    try {
      return obs.ok(Operation.PORTAL_STATEMENTS, t, delegate.statements(range, licensingCost));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.PORTAL_STATEMENTS, t, e);
    }
  }

  @Override
  public void exportPersonalData(OutputStream out) {
    long t = obs.start(Operation.PORTAL_EXPORT_PERSONAL_DATA);
    try {
      delegate.exportPersonalData(out);
      obs.ok(Operation.PORTAL_EXPORT_PERSONAL_DATA, t);
    } catch (RuntimeException e) {
      throw obs.failed(Operation.PORTAL_EXPORT_PERSONAL_DATA, t, e);
    }
  }
}
