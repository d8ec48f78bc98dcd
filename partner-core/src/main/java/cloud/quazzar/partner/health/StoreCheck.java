package cloud.quazzar.partner.health;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether the store answered a small read within the time limit (rule OPS-2).
 *
 * @param status {@link HealthStatus#UP} if it answered, {@link HealthStatus#DOWN} if it failed or did
 *     not answer in time
 * @param responseTime how long the read took; the time waited if it did not answer in time
 * @param error what went wrong (the failure's message, or that it did not answer in time); empty
 *     when up
 */
public record StoreCheck(HealthStatus status, Duration responseTime, Optional<String> error) {
  /**
   * Checks the components.
   *
   * @param status up or down
   * @param responseTime the time taken, 0 or more
   * @param error what went wrong, if anything
   * @throws ValidationException if a component is null, the time is negative, or {@code status} is
   *     {@code DEGRADED}, or an error is given with {@code UP} or missing with {@code DOWN}
   */
  public StoreCheck {
    requireNonNull(status, "status");
    requireNonNull(responseTime, "responseTime");
    requireNonNull(error, "error");
    if (responseTime.isNegative() || status == HealthStatus.DEGRADED || (status == HealthStatus.UP) == error.isPresent()) {
      throw ValidationException.of("status", "must be UP without an error or DOWN with one, with a response time of 0"
          + " or more; got " + status + ", " + responseTime + ", " + error);
    }
  }
}
