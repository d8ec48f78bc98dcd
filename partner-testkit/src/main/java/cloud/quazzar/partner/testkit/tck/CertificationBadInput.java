package cloud.quazzar.partner.testkit.tck;

import static cloud.quazzar.partner.testkit.tck.BadInputContract.bad;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.badPages;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.fixed;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.partnerIds;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.textKind;

import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.ExpiryThresholds;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Renewal;
import cloud.quazzar.partner.certification.Revocation;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.events.DomainEvents;
import cloud.quazzar.partner.testkit.generators.InvalidInput;
import cloud.quazzar.partner.testkit.tck.BadInputContract.Case;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The bad-input cases of the certification tracker (adding, renewing, revoking, queries, listeners,
 * thresholds), run by {@link BadInputContract} as the dynamic tests of its "certifications"
 * container: one {@link Case} per operation and kind of bad input.
 */
@SuppressWarnings({"NullAway", "NullOptional"}) // passes null requests, dates, holders and listeners on purpose: ValidationException expected
final class CertificationBadInput {
  private CertificationBadInput() {}

  /** Adds this capability's cases to {@code c}. */
  static void cases(List<Case> c) {
    LocalDate today = StoreTck.START.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    c.add(bad("certifications.add", partnerIds(), v -> "unknown id",
        (w, id) -> w.certifications().add(id, cert("Cloud", CertificationLevel.BASIC, w.today(), w.today().plusDays(30)))));
    c.add(bad("certifications.add", InvalidInput.freeText(200), BadInputContract::textKind,
        (w, n) -> w.certifications().add(w.active().id(), cert(n, CertificationLevel.BASIC, w.today(), w.today().plusDays(30)))));
    c.add(bad("certifications.add", InvalidInput.holders(), BadInputContract::textKind,
        (w, h) -> w.certifications().add(w.active().id(), new NewCertification("Cloud", SkillArea.FLEET_MANAGEMENT,
            CertificationLevel.BASIC, Optional.of(h), w.today(), w.today().plusDays(30)))));
    c.add(bad("certifications.add", InvalidInput.datesOutOfOrder(today), v -> "dates out of order",
        (w, d) -> w.certifications().add(w.active().id(), cert("Cloud", CertificationLevel.BASIC, d.from(), d.to()))));
    c.add(bad("certifications.add", Generate.pick(List.of(LocalDate.of(1899, 12, 31), LocalDate.MIN, LocalDate.of(1, 1, 1))),
        v -> "date out of range",
        (w, d) -> w.certifications().add(w.active().id(), cert("Cloud", CertificationLevel.BASIC, d, w.today()))));
    c.add(fixed("certifications.add", "null", "null skill area, level and dates",
        w -> w.certifications().add(w.active().id(), new NewCertification("Cloud", null, null, Optional.empty(), null, null))));
    c.add(fixed("certifications.add", "null", "null holder (absent is Optional.empty())",
        w -> w.certifications().add(w.active().id(), new NewCertification("Cloud", SkillArea.FLEET_MANAGEMENT,
            CertificationLevel.BASIC, null, w.today(), w.today().plusDays(30)))));
    c.add(fixed("certifications.add", "null", "null request", w -> w.certifications().add(w.active().id(), null)));
    c.add(fixed("certifications.add", "level above the tier", "EXPERT for a SILVER partner",
        w -> w.certifications().add(w.inactive().id(), cert("Cloud", CertificationLevel.EXPERT, w.today(), w.today().plusDays(9)))));
    c.add(bad("certifications.renew", certificationIds(), v -> "unknown id",
        (w, id) -> w.certifications().renew(id, 1, new Renewal(w.today(), w.today().plusDays(900)))));
    c.add(bad("certifications.renew", InvalidInput.impossibleVersions(), v -> "impossible version",
        (w, v) -> w.certifications().renew(w.certification().id(), v, new Renewal(w.today(), w.today().plusDays(900)))));
    c.add(bad("certifications.renew", InvalidInput.datesOutOfOrder(today.plusYears(5)), v -> "dates out of order",
        (w, d) -> w.certifications().renew(w.certification().id(), w.certification().certification().version(),
            new Renewal(d.from(), d.to()))));
    c.add(bad("certifications.renew", SourceDSL.integers().between(0, 5000), v -> "expiry not after the old one",
        (w, back) -> w.certifications().renew(w.certification().id(), w.certification().certification().version(),
            new Renewal(w.today().minusDays(6000), w.certification().certification().expiryDate().minusDays(back)))));
    c.add(fixed("certifications.renew", "null", "null renewal and dates", w -> w.certifications().renew(
        w.certification().id(), 1, new Renewal(null, null))));
    c.add(bad("certifications.revoke", certificationIds(), v -> "unknown id",
        (w, id) -> w.certifications().revoke(id, 1, new Revocation("a", "b"))));
    c.add(bad("certifications.revoke", InvalidInput.impossibleVersions(), v -> "impossible version",
        (w, v) -> w.certifications().revoke(w.certification().id(), v, new Revocation("a", "b"))));
    c.add(bad("certifications.revoke", InvalidInput.freeText(100).zip(InvalidInput.freeText(500), BadInputContract::pair), v -> textKind(v.get(0)),
        (w, v) -> w.certifications().revoke(w.certification().id(), w.certification().certification().version(),
            new Revocation(v.get(0), v.get(1)))));
    c.add(bad("certifications.get", certificationIds(), v -> "unknown id", (w, id) -> w.certifications().get(id)));
    c.add(fixed("certifications.find", "null", "null id", w -> w.certifications().find(null)));
    c.add(bad("certifications.certifications", partnerIds(), v -> "unknown id",
        (w, id) -> w.certifications().certifications(id, PageRequest.first(PageRequest.MAX_LIMIT)).items()));
    c.add(bad("certifications.certifications", badPages(), BadInputContract::pageKind,
        (w, page) -> w.certifications().certifications(w.active().id(), page)));
    c.add(fixed("certifications.certifications", "null", "null partner and page",
        w -> w.certifications().certifications(null, null)));
    c.add(bad("certifications.history", partnerIds(), v -> "unknown id", (w, id) -> w.certifications().history(id, PageRequest.first(PageRequest.MAX_LIMIT)).items()));
    c.add(bad("certifications.history", badPages(), BadInputContract::pageKind,
        (w, page) -> w.certifications().history(w.active().id(), page)));
    c.add(fixed("certifications.history", "null", "null partner and page", w -> w.certifications().history(null, null)));
    c.add(bad("certifications.counts", partnerIds(), v -> "unknown id", (w, id) -> w.certifications().counts(id)));
    c.add(bad("certifications.eligibility", partnerIds(), v -> "unknown id",
        (w, id) -> w.certifications().eligibility(id, w.today())));
    c.add(fixed("certifications.eligibility", "null", "null date",
        w -> w.certifications().eligibility(w.active().id(), null)));
    c.add(bad("certifications.expiringWithin", InvalidInput.days(), v -> "days out of range",
        (w, d) -> w.certifications().expiringWithin(d, PageRequest.first(PageRequest.MAX_LIMIT)).items()));
    c.add(bad("certifications.expiringWithin", badPages(), BadInputContract::pageKind,
        (w, page) -> w.certifications().expiringWithin(30, page)));
    c.add(fixed("certifications.expiringWithin", "null", "null page", w -> w.certifications().expiringWithin(30, null)));
    c.add(fixed("certifications.statusOf", "null", "null date", w -> w.certifications().statusOf(null)));
    c.add(fixed("certifications.subscribe", "null", "null listener", w -> {
      w.certifications().subscribe("watcher", null);
      return null;
    }));
    c.add(bad("certifications.subscribe", InvalidInput.text(DomainEvents.MAX_NAME_LENGTH), BadInputContract::textKind,
        (w, name) -> {
          w.certifications().subscribe(name, change -> { });
          return null;
        }));
    c.add(bad("ExpiryThresholds", InvalidInput.days().zip(InvalidInput.days(), BadInputContract::pair), v -> "days out of range",
        (w, d) -> new ExpiryThresholds(d.get(0), d.get(1))));
    c.add(bad("ExpiryThresholds", SourceDSL.integers().between(1, 1000).zip(SourceDSL.integers().between(0, 1000),
            BadInputContract::pair), v -> "values out of order",
        (w, d) -> new ExpiryThresholds(d.get(0) + d.get(1), d.get(0))));
  }

  private static Gen<CertificationId> certificationIds() {
    return InvalidInput.unknownIds().map(CertificationId::new);
  }

  /** A certification request in Cloud OS Administration without a holder. */
  static NewCertification cert(@Nullable String name, CertificationLevel level, LocalDate issue, LocalDate expiry) {
    return new NewCertification(name, SkillArea.CLOUD_OS_ADMINISTRATION, level, Optional.empty(), issue, expiry);
  }
}
