package cloud.quazzar.partner.internal.privacy;

import static cloud.quazzar.partner.privacy.PersonalData.ERASED_CLIENT_PREFIX;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.events.PartnerDataErased;
import cloud.quazzar.partner.internal.Checks;
import cloud.quazzar.partner.internal.ProgramTime;
import cloud.quazzar.partner.internal.events.OutboxStore;
import cloud.quazzar.partner.privacy.Erasure;
import cloud.quazzar.partner.privacy.ErasureRequest;
import cloud.quazzar.partner.privacy.PersonalData;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.spi.CertificationRecord;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.PartnerRepository;
import cloud.quazzar.partner.spi.StoreTransaction;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Erasure and export (docs/rules.md PRIV-1 to PRIV-4) over any store: one write transaction
 * replaces every personal value the SPI holds for the partner and stores the audit entry; one read
 * transaction streams the export.
 */
public final class DefaultPersonalData implements PersonalData {
  static final String PARTNER = "partner";
  /** Limits of the request's free text (docs/rules.md TEXT-1), checked again once cleaned. */
  private static final int BY_LENGTH = 100;
  private static final int REASON_LENGTH = 500;
  /** Events read per round while erasing the event log. */
  static final int EVENT_PAGE = 500;

  private final OutboxStore store;
  private final ProgramTime time;
  private final Runnable historyChanged;

  /**
   * @param historyChanged what to run after an erasure's write ends: the discount engine drops its
   *     cached adjustment history (other programs see the store's revision change)
   */
  public DefaultPersonalData(OutboxStore store, ProgramTime time, Runnable historyChanged) {
    this.store = store;
    this.time = time;
    this.historyChanged = historyChanged;
  }

  @Override
  public Erasure erase(PartnerId partnerId, ErasureRequest request) {
    Checks.start().notNull("partnerId", partnerId).bean("request", request)
        .text("erasedBy", request == null ? null : request.erasedBy(), BY_LENGTH)
        .text("reason", request == null ? null : request.reason(), REASON_LENGTH).done();
    String by = Names.clean(Objects.requireNonNull(request.erasedBy()));
    String reason = Names.clean(Objects.requireNonNull(request.reason()));
    try {
      return store.write(tx -> {
        PartnerRepository partners = tx.partners();
        PartnerRecord partner = partners.find(partnerId).orElseThrow(() -> new NotFoundException(PARTNER, partnerId));
        Instant now = time.now();
        int erased = erasePartner(partners, partner, now) + eraseClients(partners, partnerId, now)
            + eraseCertifications(tx, partnerId, now)
            + partners.eraseTierChangeReasons(partnerId, ERASED_TEXT)
            + tx.revenue().eraseReasons(partnerId, ERASED_TEXT)
            + tx.discounts().eraseAdjustmentReasons(partnerId, ERASED_TEXT)
            + eraseEvents(tx, partnerId);
        List<Erasure> before = partners.erasures(partnerId);
        if (erased == 0 && !before.isEmpty()) {
          return before.get(before.size() - 1); // idempotent: nothing left, nothing new to record
        }
        Erasure erasure = new Erasure(partnerId, now, by, reason, erased);
        partners.appendErasure(erasure);
        store.emit(new PartnerDataErased(partnerId, now));
        return erasure;
      });
    } finally {
      historyChanged.run();
    }
  }

  private static int erasePartner(PartnerRepository partners, PartnerRecord p, Instant now) {
    if (p.contactEmail().equals(ERASED_EMAIL)) {
      return 0;
    }
    PartnerRecord next = new PartnerRecord(p.id(), p.companyName(), ERASED_EMAIL, p.tier(), p.status(), p.createdAt(),
        now, p.version() + 1);
    if (!partners.update(next, p.version())) {
      throw changedMeanwhile(PARTNER, p.id());
    }
    return 1;
  }

  private static int eraseClients(PartnerRepository partners, PartnerId partnerId, Instant now) {
    int n = 0;
    Optional<String> after = Optional.empty();
    List<Client> page;
    do {
      page = partners.clients(partnerId, after, EVENT_PAGE);
      for (Client c : page) {
        String name = ERASED_CLIENT_PREFIX + c.id();
        if (!c.name().equals(name)) {
          Client next = new Client(c.id(), c.partnerId(), name, c.serverCount(), c.createdAt(), now, c.version() + 1);
          if (!partners.updateClient(next, c.version())) {
            throw changedMeanwhile("client", c.id());
          }
          n++;
        }
      }
      // the erased names sort elsewhere, but the page's last original key is still a valid position
      after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).nameKey());
    } while (page.size() == EVENT_PAGE);
    return n;
  }

  private static int eraseCertifications(StoreTransaction tx, PartnerId partnerId, Instant now) {
    int n = 0;
    for (CertificationRecord r : tx.certifications().byPartner(partnerId)) {
      Certification c = r.certification();
      Certification erased = Redaction.certification(c);
      if (!erased.equals(c)) {
        int values = (c.holder().isPresent() ? 1 : 0)
            + (c.revocationReason().equals(erased.revocationReason()) ? 0 : 1);
        Certification next = new Certification(erased.id(), erased.partnerId(), erased.name(), erased.skillArea(),
            erased.level(), erased.holder(), erased.issueDate(), erased.expiryDate(), erased.state(), erased.renewalOf(),
            erased.revokedBy(), erased.revocationReason(), erased.createdAt(), now, c.version() + 1);
        if (!tx.certifications().update(new CertificationRecord(next, r.reportedStatus()), c.version())) {
          throw changedMeanwhile("certification", c.id());
        }
        n += values;
      }
    }
    return n;
  }

  private static int eraseEvents(StoreTransaction tx, PartnerId partnerId) {
    int n = 0;
    long after = 0;
    List<EventRecord> page;
    do {
      page = tx.events().ofPartner(partnerId, after, EVENT_PAGE);
      for (EventRecord r : page) {
        var erased = Redaction.event(r.event());
        if (!erased.equals(r.event())) {
          tx.events().replace(r.sequence(), erased);
          n++;
        }
        after = r.sequence();
      }
    } while (page.size() == EVENT_PAGE);
    return n;
  }

  private static ConflictException changedMeanwhile(String entity, Object id) {
    return new ConflictException(ConflictException.Reason.STALE_VERSION,
        entity + " " + id + " changed while its personal data was being erased: erase again");
  }

  @Override
  public List<Erasure> erasures(PartnerId partnerId) {
    Checks.start().notNull("partnerId", partnerId).done();
    return store.read(tx -> {
      if (tx.partners().find(partnerId).isEmpty()) {
        throw new NotFoundException(PARTNER, partnerId);
      }
      return tx.partners().erasures(partnerId);
    });
  }

  @Override
  public void export(PartnerId partnerId, OutputStream out) {
    Checks.start().notNull("partnerId", partnerId).notNull("out", out).done();
    store.read(tx -> {
      new JsonExport(tx, time, partnerId).writeTo(out);
      return Boolean.TRUE;
    });
  }
}
