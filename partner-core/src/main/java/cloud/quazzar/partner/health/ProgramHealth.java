package cloud.quazzar.partner.health;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;
import java.time.Duration;
import java.time.Instant;

/**
 * The program's health at one moment ({@code program.health()}; rules OPS-1 to OPS-4): the worst
 * of its parts, and each part. A host maps it to its own health endpoint, e.g. {@code UP} and
 * {@code DEGRADED} to HTTP 200 (with the details) and {@code DOWN} to 503.
 *
 * @param status the worst of {@code store}, {@code schema} and {@code listeners}
 * @param store whether the store answers in time
 * @param schema the store's schema version against the expected one
 * @param listeners the event listeners subscribed in this program
 * @param checkedAt when the check started, by the program's clock
 * @param timeout the time limit the check ran with
 */
public record ProgramHealth(HealthStatus status, StoreCheck store, SchemaCheck schema, ListenersCheck listeners,
    Instant checkedAt, Duration timeout) {
  /**
   * Checks the components.
   *
   * @param status the overall status
   * @param store the store's check
   * @param schema the schema's check
   * @param listeners the listeners' check
   * @param checkedAt when the check started
   * @param timeout the time limit
   * @throws ValidationException if a component is null or {@code status} is not the worst of the
   *     parts
   */
  public ProgramHealth {
    requireNonNull(status, "status");
    requireNonNull(store, "store");
    requireNonNull(schema, "schema");
    requireNonNull(listeners, "listeners");
    requireNonNull(checkedAt, "checkedAt");
    requireNonNull(timeout, "timeout");
    HealthStatus worst = store.status().worst(schema.status()).worst(listeners.status());
    if (status != worst) {
      throw ValidationException.of("status", "must be the worst of the parts, " + worst + ", got " + status);
    }
  }

  /**
   * The health of these parts.
   *
   * @param store the store's check
   * @param schema the schema's check
   * @param listeners the listeners' check
   * @param checkedAt when the check started
   * @param timeout the time limit
   * @return the health, with the worst of the parts as its status
   */
  public static ProgramHealth of(StoreCheck store, SchemaCheck schema, ListenersCheck listeners, Instant checkedAt,
      Duration timeout) {
    requireNonNull(store, "store");
    requireNonNull(schema, "schema");
    requireNonNull(listeners, "listeners");
    return new ProgramHealth(store.status().worst(schema.status()).worst(listeners.status()), store, schema, listeners,
        checkedAt, timeout);
  }
}
