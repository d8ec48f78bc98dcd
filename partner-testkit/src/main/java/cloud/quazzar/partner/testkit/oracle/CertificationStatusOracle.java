package cloud.quazzar.partner.testkit.oracle;

import cloud.quazzar.partner.certification.CertificationStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The certification status rule (CERT-4 in {@code docs/rules.md}) as a plain calendar computation,
 * sharing no code with the library: days are counted with a civil-calendar day number of its own (proleptic Gregorian,
 * H. Hinnant's {@code days_from_civil}), not with {@code java.time} arithmetic; only the zone's UTC
 * offset at an instant is taken from the time-zone database.
 *
 * <p>Rule CERT-4, with {@code d} = days from today to the expiry date (the last valid day),
 * {@code c} the critical and {@code w} the warning threshold (30 and 90 by default): {@code d < 0}
 * EXPIRED; {@code 0 <= d < c} CRITICAL; {@code c <= d <= w} EXPIRING_SOON; {@code d > w} ACTIVE.
 */
public final class CertificationStatusOracle {
  /** The source's critical threshold. */
  public static final long DEFAULT_CRITICAL_DAYS = 30;

  /** The source's warning threshold. */
  public static final long DEFAULT_WARNING_DAYS = 90;

  private static final long SECONDS_PER_DAY = 86_400;

  private CertificationStatusOracle() {}

  /**
   * Days from 1970-01-01 to {@code year-month-day} in the proleptic Gregorian calendar.
   *
   * @param year the year (proleptic, may be 0 or negative)
   * @param month the month, 1 to 12
   * @param day the day of the month, 1 to its length
   * @return the day number, negative before 1970-01-01
   */
  public static long dayNumber(int year, int month, int day) {
    long y = month <= 2 ? year - 1L : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long mp = (month + 9L) % 12; // March = 0 ... February = 11
    long doy = (153 * mp + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  /**
   * The day number of {@code date} ({@link #dayNumber(int, int, int)}).
   *
   * @param date the date
   * @return its day number
   */
  public static long dayNumber(LocalDate date) {
    return dayNumber(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  /**
   * The date of a day number: the inverse of {@link #dayNumber(int, int, int)}.
   *
   * @param dayNumber days from 1970-01-01
   * @return the date of that day
   */
  public static LocalDate date(long dayNumber) {
    long z = dayNumber + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int) (doy - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return LocalDate.of((int) year, month, day);
  }

  /**
   * The day number of the calendar date at {@code instant} in {@code zone}.
   *
   * @param instant the instant
   * @param zone the zone in which the date is taken
   * @return the day number of that date
   */
  public static long today(Instant instant, ZoneId zone) {
    long local = instant.getEpochSecond() + zone.getRules().getOffset(instant).getTotalSeconds();
    return Math.floorDiv(local, SECONDS_PER_DAY);
  }

  /**
   * Days from {@code today} to {@code expiryDate}: negative once it has passed.
   *
   * @param today the current date
   * @param expiryDate the certification's last valid day
   * @return the days left, 0 on the expiry date itself
   */
  public static long daysToExpiry(LocalDate today, LocalDate expiryDate) {
    return dayNumber(expiryDate) - dayNumber(today);
  }

  /**
   * The status for {@code d} days to go with thresholds {@code critical} and {@code warning}.
   *
   * @param d days to expiry, negative once expired
   * @param critical the critical threshold in days
   * @param warning the warning threshold in days
   * @return the expected status
   */
  public static CertificationStatus status(long d, long critical, long warning) {
    if (d < 0) {
      return CertificationStatus.EXPIRED;
    } else if (0 <= d && d < critical) {
      return CertificationStatus.CRITICAL;
    } else if (critical <= d && d <= warning) {
      return CertificationStatus.EXPIRING_SOON;
    } else {
      return CertificationStatus.ACTIVE;
    }
  }

  /**
   * The status for {@code d} days to go with the default thresholds, 30 and 90.
   *
   * @param d days to expiry, negative once expired
   * @return the expected status
   */
  public static CertificationStatus status(long d) {
    return status(d, DEFAULT_CRITICAL_DAYS, DEFAULT_WARNING_DAYS);
  }

  /**
   * The status on {@code today} of a certification whose last valid day is {@code expiryDate}.
   *
   * @param today the current date
   * @param expiryDate the certification's last valid day
   * @param critical the critical threshold in days
   * @param warning the warning threshold in days
   * @return the expected status
   */
  public static CertificationStatus status(LocalDate today, LocalDate expiryDate, long critical, long warning) {
    return status(daysToExpiry(today, expiryDate), critical, warning);
  }

  /**
   * The status at {@code instant}, with today taken in {@code zone}.
   *
   * @param instant the current instant
   * @param zone the zone in which today is taken
   * @param expiryDate the certification's last valid day
   * @param critical the critical threshold in days
   * @param warning the warning threshold in days
   * @return the expected status
   */
  public static CertificationStatus status(Instant instant, ZoneId zone, LocalDate expiryDate, long critical, long warning) {
    return status(dayNumber(expiryDate) - today(instant, zone), critical, warning);
  }
}
