package cloud.quazzar.partner.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.memory.MemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The status rule's boundary days (rule CERT-4, days counted as CERT-5) through the public tracker, at instants where a duration-based count
 * (hours / 24) would be wrong: just after midnight on the day clocks spring forward, just before
 * midnight on the day they fall back, on and around 29 February, and in zones with half-hour
 * shifts or a skipped day.
 */
class StatusExamplesTest {
  /** Days before expiry -> the status rule CERT-4 gives with the default thresholds. */
  private static final Map<Integer, CertificationStatus> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put(91, CertificationStatus.ACTIVE);
    EXPECTED.put(90, CertificationStatus.EXPIRING_SOON);
    EXPECTED.put(30, CertificationStatus.EXPIRING_SOON);
    EXPECTED.put(29, CertificationStatus.CRITICAL);
    EXPECTED.put(0, CertificationStatus.CRITICAL);
    EXPECTED.put(-1, CertificationStatus.EXPIRED);
  }

  private static CertificationStatus statusAt(Instant now, ZoneId zone, LocalDate expiry) {
    try (PartnerProgram p = PartnerProgram.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).zone(zone)
        .store(MemoryStorage.create()).build()) {
      return p.certifications().statusOf(expiry);
    }
  }

  /** Checks every boundary day for a certification that expires {@code d} days after {@code today}. */
  private static void checkBoundaries(LocalDateTime localNow, ZoneId zone) {
    Instant now = localNow.atZone(zone).toInstant();
    LocalDate today = localNow.toLocalDate();
    EXPECTED.forEach((d, status) ->
        assertEquals(status, statusAt(now, zone, today.plusDays(d)), d + " days before expiry, now " + localNow + " " + zone));
  }

  /** Checks every boundary day for a certification whose last valid day is {@code expiry}. */
  private static void checkBoundariesBefore(LocalDate expiry, ZoneId zone, int hour, int minute) {
    EXPECTED.forEach((d, status) -> {
      LocalDateTime localNow = expiry.minusDays(d).atTime(hour, minute);
      assertEquals(status, statusAt(localNow.atZone(zone).toInstant(), zone, expiry),
          d + " days before " + expiry + ", now " + localNow + " " + zone);
    });
  }

  @Test
  @DisplayName("boundary days at noon in UTC")
  void utc() {
    checkBoundaries(LocalDateTime.of(2026, 1, 15, 12, 0), ZoneOffset.UTC);
  }

  @Test
  @DisplayName("boundary days just after midnight on the day Berlin springs forward, and just before midnight when it falls back")
  void daylightSaving() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    checkBoundaries(LocalDateTime.of(2026, 3, 29, 0, 0, 1), berlin);
    checkBoundaries(LocalDateTime.of(2026, 10, 25, 23, 59, 59), berlin);
    // expiry dates right after each change, now on either side of midnight
    checkBoundariesBefore(LocalDate.of(2026, 3, 29), berlin, 0, 0);
    checkBoundariesBefore(LocalDate.of(2026, 3, 30), berlin, 23, 59);
    checkBoundariesBefore(LocalDate.of(2026, 10, 26), berlin, 0, 30);
    ZoneId newYork = ZoneId.of("America/New_York");
    checkBoundariesBefore(LocalDate.of(2026, 11, 2), newYork, 23, 30);
  }

  @Test
  @DisplayName("boundary days on and around 29 February, also with today on 29 February")
  void leapDay() {
    checkBoundariesBefore(LocalDate.of(2028, 2, 29), ZoneOffset.UTC, 12, 0);
    checkBoundariesBefore(LocalDate.of(2028, 3, 1), ZoneId.of("Europe/Berlin"), 0, 5);
    checkBoundaries(LocalDateTime.of(2028, 2, 29, 23, 59), ZoneId.of("Asia/Kathmandu"));
    assertEquals(CertificationStatus.EXPIRING_SOON,
        statusAt(Instant.parse("2027-12-01T12:00:00Z"), ZoneOffset.UTC, LocalDate.of(2028, 2, 29)),
        "2027-12-01 to 2028-02-29 is 90 days");
    assertEquals(CertificationStatus.ACTIVE,
        statusAt(Instant.parse("2027-11-30T12:00:00Z"), ZoneOffset.UTC, LocalDate.of(2028, 2, 29)));
  }

  @Test
  @DisplayName("boundary days in Lord Howe (half-hour daylight saving), Kathmandu (+05:45) and Apia across its skipped day")
  void unusualZones() {
    checkBoundaries(LocalDateTime.of(2026, 4, 5, 0, 10), ZoneId.of("Australia/Lord_Howe"));
    checkBoundaries(LocalDateTime.of(2026, 10, 4, 23, 50), ZoneId.of("Australia/Lord_Howe"));
    checkBoundaries(LocalDateTime.of(2026, 6, 1, 0, 0), ZoneId.of("Asia/Kathmandu"));
    // Samoa skipped 2011-12-30: from 2011-12-29 to 2011-12-31 is still two calendar days.
    ZoneId apia = ZoneId.of("Pacific/Apia");
    checkBoundaries(LocalDateTime.of(2011, 12, 29, 23, 59), apia);
    assertEquals(CertificationStatus.CRITICAL, statusAt(
        LocalDateTime.of(2011, 12, 31, 0, 0).atZone(apia).toInstant(), apia, LocalDate.of(2011, 12, 31)));
    assertEquals(CertificationStatus.EXPIRED, statusAt(
        LocalDateTime.of(2011, 12, 31, 0, 0).atZone(apia).toInstant(), apia, LocalDate.of(2011, 12, 30)));
  }

  @Test
  @DisplayName("the same instant is a different day, and so may be a different status, in different zones")
  void zoneDecidesToday() {
    Instant instant = Instant.parse("2026-03-01T05:00:00Z");
    LocalDate expiry = LocalDate.of(2026, 2, 28);
    assertEquals(CertificationStatus.CRITICAL, statusAt(instant, ZoneId.of("America/Los_Angeles"), expiry));
    assertEquals(CertificationStatus.EXPIRED, statusAt(instant, ZoneOffset.UTC, expiry));
  }
}
