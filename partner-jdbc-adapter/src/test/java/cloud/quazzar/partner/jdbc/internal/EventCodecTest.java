package cloud.quazzar.partner.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationState;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.StatusChange;
import cloud.quazzar.partner.events.CertificationStatusChanged;
import cloud.quazzar.partner.events.DomainEvent;
import cloud.quazzar.partner.events.GracePeriodStarted;
import cloud.quazzar.partner.events.TierChanged;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The JSON of stored events: absent values, and rows written before a component was renamed. */
class EventCodecTest {
  private static final PartnerId PARTNER = new PartnerId(UUID.fromString("00000000-0000-0000-0000-000000000007"));
  private static final Instant AT = Instant.parse("2026-11-28T08:00:00Z");

  private static DomainEvent roundTrip(DomainEvent e) {
    return EventCodec.decode(e.type(), EventCodec.encode(e));
  }

  @Test
  @DisplayName("an empty Optional is left out of the JSON, as a null was, and reads back empty; a present one reads back")
  void optionalValues() {
    Certification cert = new Certification(new CertificationId(new UUID(1, 2)), PARTNER, "Fleet Operator",
        SkillArea.FLEET_MANAGEMENT, CertificationLevel.BASIC, Optional.empty(), LocalDate.of(2026, 1, 1),
        LocalDate.of(2027, 1, 1), CertificationState.CURRENT, Optional.empty(), Optional.empty(), Optional.empty(),
        AT, AT, 1);
    CertificationStatusChanged status = new CertificationStatusChanged(
        new StatusChange(cert, CertificationStatus.ACTIVE, CertificationStatus.EXPIRING_SOON, LocalDate.of(2026, 11, 28)),
        AT);
    String json = EventCodec.encode(status);
    assertFalse(json.contains("holder"), json);
    assertFalse(json.contains("renewalOf"), json);
    assertEquals(status, roundTrip(status));

    Certification held = cert.with(CertificationState.REVOKED, Optional.of("auditor"), Optional.of("exam voided"), AT, 2);
    CertificationStatusChanged revoked = new CertificationStatusChanged(
        new StatusChange(held, CertificationStatus.ACTIVE, CertificationStatus.CRITICAL, LocalDate.of(2026, 11, 28)), AT);
    assertTrue(EventCodec.encode(revoked).contains("\"revokedBy\":\"auditor\""), EventCodec.encode(revoked));
    assertEquals(revoked, roundTrip(revoked));

    TierChanged tier = new TierChanged(new TierChange(PARTNER, 2, Optional.of(Tier.GOLD), Tier.SILVER, AT, "ops", "review"));
    assertTrue(EventCodec.encode(tier).contains("\"from\":\"GOLD\""), EventCodec.encode(tier));
    assertEquals(tier, roundTrip(tier));
  }

  @Test
  @DisplayName("a TierChanged row written with the tier change's at (before the rename) reads as changedAt")
  void renamedChangedAt() {
    TierChanged expected = new TierChanged(new TierChange(PARTNER, 2, Optional.of(Tier.GOLD), Tier.SILVER, AT, "ops", "x"));
    String before = "{\"change\":{\"partnerId\":{\"value\":\"" + PARTNER + "\"},\"sequence\":2,\"from\":\"GOLD\","
        + "\"to\":\"SILVER\",\"at\":\"2026-11-28T08:00:00Z\",\"changedBy\":\"ops\",\"reason\":\"x\"}}";
    assertEquals(expected, EventCodec.decode("TierChanged", before));
    assertTrue(EventCodec.encode(expected).contains("\"changedAt\":\"2026-11-28T08:00:00Z\""), EventCodec.encode(expected));
  }

  @Test
  @DisplayName("a GracePeriodStarted row written with endsOn (before the rename) reads as demotionDueOn, the same day")
  void renamedGraceEnd() {
    GracePeriodStarted expected = new GracePeriodStarted(PARTNER, Tier.GOLD, LocalDate.of(2026, 11, 28),
        LocalDate.of(2027, 2, 26), AT);
    String before = "{\"partnerId\":{\"value\":\"" + PARTNER + "\"},\"tier\":\"GOLD\",\"startedOn\":\"2026-11-28\","
        + "\"endsOn\":\"2027-02-26\",\"at\":\"2026-11-28T08:00:00Z\"}";
    assertEquals(expected, EventCodec.decode("GracePeriodStarted", before));
    String now = EventCodec.encode(expected);
    assertTrue(now.contains("\"demotionDueOn\":\"2027-02-26\""), now);
    assertEquals(expected, roundTrip(expected));
  }
}
