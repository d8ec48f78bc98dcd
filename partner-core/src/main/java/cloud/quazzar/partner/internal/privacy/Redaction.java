package cloud.quazzar.partner.internal.privacy;

import static cloud.quazzar.partner.privacy.PersonalData.ERASED_TEXT;

import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.StatusChange;
import cloud.quazzar.partner.discount.Cancellation;
import cloud.quazzar.partner.discount.PartnerAdjustment;
import cloud.quazzar.partner.events.CertificationStatusChanged;
import cloud.quazzar.partner.events.DomainEvent;
import cloud.quazzar.partner.events.RevenueCorrected;
import cloud.quazzar.partner.events.TierChanged;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.revenue.RevenueEntry;
import java.util.Optional;

/**
 * What each record and event reads once a partner's personal data is erased (docs/rules.md
 * PRIV-1): holders gone, free-text reasons replaced by {@link
 * cloud.quazzar.partner.privacy.PersonalData#ERASED_TEXT}; everything else as it was. Each method
 * returns an equal value when nothing is left to erase, so erasing twice changes nothing.
 */
public final class Redaction {
  private Redaction() {}

  /** The certification without its holder and with its revocation reason (if any) replaced. */
  public static Certification certification(Certification c) {
    return new Certification(c.id(), c.partnerId(), c.name(), c.skillArea(), c.level(), Optional.empty(),
        c.issueDate(), c.expiryDate(), c.state(), c.renewalOf(), c.revokedBy(), c.revocationReason().map(r -> ERASED_TEXT),
        c.createdAt(), c.updatedAt(), c.version());
  }

  /** The adjustment with {@code replacement} as its reason and as its cancellation's, if it has one. */
  public static PartnerAdjustment adjustment(PartnerAdjustment a, String replacement) {
    return new PartnerAdjustment(a.partnerId(), a.version(), a.kind(), a.rate(), a.effectiveFrom(), a.effectiveUntil(),
        a.createdAt(), a.createdBy(), replacement,
        a.cancellation().map(c -> new Cancellation(c.cancelledAt(), c.cancelledBy(), replacement)));
  }

  /** How many reasons differ between an adjustment and its redacted form: 0, 1 or 2. */
  public static int reasonsChanged(PartnerAdjustment before, PartnerAdjustment after) {
    int n = before.reason().equals(after.reason()) ? 0 : 1;
    return before.cancellation().map(Cancellation::reason).equals(after.cancellation().map(Cancellation::reason))
        ? n : n + 1;
  }

  /** The ledger entry with its reason (a correction's) replaced. */
  public static RevenueEntry entry(RevenueEntry e) {
    return new RevenueEntry(e.id(), e.partnerId(), e.month(), e.revision(), e.kind(), e.mrr(), e.serverCount(),
        e.clientCount(), e.idempotencyKey(), e.reason().map(r -> ERASED_TEXT), e.recordedAt(), e.supersedes());
  }

  /** The tier change with its reason replaced. */
  public static TierChange tierChange(TierChange c) {
    return new TierChange(c.partnerId(), c.sequence(), c.from(), c.to(), c.changedAt(), c.changedBy(), ERASED_TEXT);
  }

  /**
   * The event as it reads once erased: the records it carries redacted as above. Events that
   * carry no personal data come back as they are (the company name of {@code PartnerCreated} is
   * kept, docs/privacy.md).
   */
  public static DomainEvent event(DomainEvent e) {
    if (e instanceof TierChanged t) {
      return new TierChanged(tierChange(t.change()));
    }
    if (e instanceof CertificationStatusChanged s) {
      StatusChange c = s.change();
      return new CertificationStatusChanged(
          new StatusChange(certification(c.certification()), c.from(), c.to(), c.on()), s.at());
    }
    if (e instanceof RevenueCorrected r) {
      return new RevenueCorrected(entry(r.correction()));
    }
    return e;
  }
}
