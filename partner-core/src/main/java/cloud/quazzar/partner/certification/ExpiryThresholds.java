package cloud.quazzar.partner.certification;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The two day limits that divide a certification's remaining days into statuses; the defaults are
 * 30 and 90 ({@link #DEFAULT}, rule CERT-4). Immutable, validated on construction.
 *
 * <p>Rule CERT-4, with {@code d} = days from today to the expiry date (the expiry date is the
 * last valid day), {@code c} = {@link #criticalDays()}, {@code w} = {@link #warningDays()}:
 * {@code d < 0} EXPIRED; {@code 0 <= d < c} CRITICAL; {@code c <= d <= w} EXPIRING_SOON;
 * {@code d > w} ACTIVE. Days are counted between calendar dates ({@link ChronoUnit#DAYS}), never
 * from a duration, so daylight-saving changes and 29 February shift nothing.
 *
 * <p>Throws {@link ValidationException} listing every broken limit, by field.
 *
 * @param criticalDays below this many days to go a certification is CRITICAL; 1 or more
 * @param warningDays up to this many days to go (inclusive) it is EXPIRING_SOON; more than {@code
 *     criticalDays}, at most {@value #MAX_DAYS}
 */
public record ExpiryThresholds(long criticalDays, long warningDays) {
  /** The source's limits: critical below 30 days, expiring soon up to 90 days. */
  public static final ExpiryThresholds DEFAULT = new ExpiryThresholds(30, 90);

  /** The largest threshold accepted: 100 years of days. */
  public static final long MAX_DAYS = 36_500;

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param criticalDays below this many days to go a certification is CRITICAL; 1 or more
   * @param warningDays up to this many days to go (inclusive) it is EXPIRING_SOON; more than {@code
   *     criticalDays}, at most {@value #MAX_DAYS}
   * @throws ValidationException naming each component that is null or out of range
   */
  public ExpiryThresholds {
    List<Violation> violations = new ArrayList<>(2);
    if (criticalDays <= 0) {
      violations.add(new Violation("criticalDays", "must be greater than 0, got " + criticalDays));
    }
    if (warningDays <= criticalDays) {
      violations.add(new Violation("warningDays",
          "must be greater than criticalDays (" + criticalDays + "), got " + warningDays));
    }
    if (warningDays > MAX_DAYS) {
      violations.add(new Violation("warningDays", "must be at most " + MAX_DAYS + ", got " + warningDays));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  /**
   * Days from {@code today} to {@code expiryDate}: negative once it has passed, 0 on the expiry
   * date itself. Rule CERT-5: counted with {@link ChronoUnit#DAYS} between calendar dates.
   *
   * @param today the current date
   * @param expiryDate the certification's last valid day
   * @return the days left
   */
  public static long daysToExpiry(LocalDate today, LocalDate expiryDate) {
    return ChronoUnit.DAYS.between(today, expiryDate);
  }

  /**
   * The status for {@code daysToExpiry} days to go (rule CERT-4 above). Allocation-free.
   *
   * @param daysToExpiry days to go, negative once expired
   * @return the status
   */
  public CertificationStatus statusOf(long daysToExpiry) {
    if (daysToExpiry < 0) {
      return CertificationStatus.EXPIRED;
    }
    if (daysToExpiry < criticalDays) {
      return CertificationStatus.CRITICAL;
    }
    if (daysToExpiry <= warningDays) {
      return CertificationStatus.EXPIRING_SOON;
    }
    return CertificationStatus.ACTIVE;
  }

  /**
   * The status on {@code today} of a certification whose last valid day is {@code expiryDate}.
   *
   * @param expiryDate the certification's last valid day
   * @param today the current date
   * @return the status
   */
  public CertificationStatus statusOn(LocalDate expiryDate, LocalDate today) {
    return statusOf(daysToExpiry(today, expiryDate));
  }

  /**
   * The day counts that give {@code status}; the four ranges partition every day count.
   * EXPIRED: ..-1; CRITICAL: 0..c-1; EXPIRING_SOON: c..w; ACTIVE: w+1...
   *
   * @param status a status
   * @return the day counts that give it
   */
  public DayRange band(CertificationStatus status) {
    return switch (status) {
      case EXPIRED -> new DayRange(Long.MIN_VALUE, -1);
      case CRITICAL -> new DayRange(0, criticalDays - 1);
      case EXPIRING_SOON -> new DayRange(criticalDays, warningDays);
      case ACTIVE -> new DayRange(warningDays + 1, Long.MAX_VALUE);
    };
  }
}
