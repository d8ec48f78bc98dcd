package cloud.quazzar.partner.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ValidationException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExpiryThresholdsTest {
  @Test
  @DisplayName("the default thresholds are 30 and 90 days (rule CERT-4)")
  void defaults() {
    assertEquals(30, ExpiryThresholds.DEFAULT.criticalDays());
    assertEquals(90, ExpiryThresholds.DEFAULT.warningDays());
  }

  @Test
  @DisplayName("thresholds need 0 < critical < warning, and every broken limit is listed by field")
  void validation() {
    ValidationException both = assertThrows(ValidationException.class, () -> new ExpiryThresholds(0, 0));
    assertEquals(List.of("criticalDays", "warningDays"), both.fields());
    assertEquals(List.of("warningDays"), assertThrows(ValidationException.class, () -> new ExpiryThresholds(30, 30)).fields());
    assertEquals(List.of("warningDays"), assertThrows(ValidationException.class, () -> new ExpiryThresholds(30, 29)).fields());
    assertEquals(List.of("criticalDays"), assertThrows(ValidationException.class, () -> new ExpiryThresholds(-1, 90)).fields());
    assertEquals(List.of("warningDays"),
        assertThrows(ValidationException.class, () -> new ExpiryThresholds(1, ExpiryThresholds.MAX_DAYS + 1)).fields());
    assertEquals(2, new ExpiryThresholds(1, 2).warningDays(), "the tightest valid thresholds");
  }

  @Test
  @DisplayName("with the defaults, days 91, 90, 30, 29, 0 and -1 are ACTIVE, EXPIRING_SOON, EXPIRING_SOON, CRITICAL, CRITICAL, EXPIRED")
  void boundaries() {
    ExpiryThresholds t = ExpiryThresholds.DEFAULT;
    assertEquals(CertificationStatus.ACTIVE, t.statusOf(91));
    assertEquals(CertificationStatus.EXPIRING_SOON, t.statusOf(90));
    assertEquals(CertificationStatus.EXPIRING_SOON, t.statusOf(30));
    assertEquals(CertificationStatus.CRITICAL, t.statusOf(29));
    assertEquals(CertificationStatus.CRITICAL, t.statusOf(0));
    assertEquals(CertificationStatus.EXPIRED, t.statusOf(-1));
    assertEquals(CertificationStatus.EXPIRED, t.statusOf(Long.MIN_VALUE));
    assertEquals(CertificationStatus.ACTIVE, t.statusOf(Long.MAX_VALUE));
  }

  @Test
  @DisplayName("configured thresholds move the boundaries: with 7 and 14, day 14 is EXPIRING_SOON and day 6 CRITICAL")
  void configured() {
    ExpiryThresholds t = new ExpiryThresholds(7, 14);
    assertEquals(CertificationStatus.ACTIVE, t.statusOf(15));
    assertEquals(CertificationStatus.EXPIRING_SOON, t.statusOf(14));
    assertEquals(CertificationStatus.EXPIRING_SOON, t.statusOf(7));
    assertEquals(CertificationStatus.CRITICAL, t.statusOf(6));
  }

  @Test
  @DisplayName("each status's band of day counts is exactly the days that give it")
  void bands() {
    ExpiryThresholds t = new ExpiryThresholds(5, 12);
    assertEquals(new DayRange(Long.MIN_VALUE, -1), t.band(CertificationStatus.EXPIRED));
    assertEquals(new DayRange(0, 4), t.band(CertificationStatus.CRITICAL));
    assertEquals(new DayRange(5, 12), t.band(CertificationStatus.EXPIRING_SOON));
    assertEquals(new DayRange(13, Long.MAX_VALUE), t.band(CertificationStatus.ACTIVE));
    for (long d = -20; d <= 20; d++) {
      for (CertificationStatus s : CertificationStatus.values()) {
        assertEquals(s == t.statusOf(d), t.band(s).contains(d), "d = " + d + ", " + s);
      }
    }
  }

  @Test
  @DisplayName("days are counted between calendar dates: across 29 February and a year end")
  void calendarDays() {
    assertEquals(90, ExpiryThresholds.daysToExpiry(LocalDate.of(2027, 12, 1), LocalDate.of(2028, 2, 29)));
    assertEquals(1, ExpiryThresholds.daysToExpiry(LocalDate.of(2028, 2, 28), LocalDate.of(2028, 2, 29)));
    assertEquals(-1, ExpiryThresholds.daysToExpiry(LocalDate.of(2028, 3, 1), LocalDate.of(2028, 2, 29)));
    assertEquals(366, ExpiryThresholds.daysToExpiry(LocalDate.of(2028, 1, 1), LocalDate.of(2029, 1, 1)));
  }

  @Test
  @DisplayName("statuses are ordered by severity, each with its indicator's words and colour")
  void indicators() {
    assertEquals(List.of("Active", "Expiring soon", "Critical", "Expired"),
        List.of(CertificationStatus.values()).stream().map(CertificationStatus::label).toList());
    assertEquals(List.of(IndicatorColour.GREEN, IndicatorColour.YELLOW, IndicatorColour.ORANGE, IndicatorColour.RED),
        List.of(CertificationStatus.values()).stream().map(CertificationStatus::colour).toList());
    assertTrue(CertificationStatus.EXPIRED.isWorseThan(CertificationStatus.CRITICAL));
    assertTrue(CertificationStatus.CRITICAL.countsForEligibility());
    assertTrue(!CertificationStatus.EXPIRED.countsForEligibility());
  }
}
