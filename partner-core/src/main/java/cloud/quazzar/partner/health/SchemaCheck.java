package cloud.quazzar.partner.health;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The store's schema version against the one this library expects (rule OPS-3).
 *
 * @param status {@link HealthStatus#UP} for {@link State#CURRENT} and {@link State#NOT_APPLICABLE},
 *     else {@link HealthStatus#DOWN}
 * @param state how the versions compare
 * @param found the version the store holds, if known
 * @param expected the version this library's store expects, if the store has versions
 * @param error why the version could not be read, if it could not
 */
public record SchemaCheck(HealthStatus status, State state, OptionalInt found, OptionalInt expected,
    Optional<String> error) {

  /** How the store's schema compares to the one expected. */
  public enum State {
    /** The version expected. */
    CURRENT,
    /** Older than expected: migrations have not run (e.g. a store opened with migration off). */
    OLDER,
    /** Newer than expected: a later release of the library migrated the database. */
    NEWER,
    /** The store has versions, but none could be read (no history, a failure, no answer in time). */
    UNKNOWN,
    /** The store has no schema versions (the in-memory store). */
    NOT_APPLICABLE
  }

  /**
   * Checks the components.
   *
   * @param status up or down, as the state says
   * @param state how the versions compare
   * @param found the version found
   * @param expected the version expected
   * @param error why the version could not be read
   * @throws ValidationException if a component is null or {@code status} does not follow from
   *     {@code state}
   */
  public SchemaCheck {
    requireNonNull(status, "status");
    requireNonNull(state, "state");
    requireNonNull(found, "found");
    requireNonNull(expected, "expected");
    requireNonNull(error, "error");
    HealthStatus implied = state == State.CURRENT || state == State.NOT_APPLICABLE ? HealthStatus.UP : HealthStatus.DOWN;
    if (status != implied) {
      throw ValidationException.of("status", "must be " + implied + " for " + state + ", got " + status);
    }
  }

  /**
   * The check of a store without schema versions.
   *
   * @return an UP check, {@link State#NOT_APPLICABLE}
   */
  public static SchemaCheck notApplicable() {
    return new SchemaCheck(HealthStatus.UP, State.NOT_APPLICABLE, OptionalInt.empty(), OptionalInt.empty(),
        Optional.empty());
  }

  /**
   * The check of versions read from the store.
   *
   * @param found the version found, if any
   * @param expected the version expected
   * @return the check, {@code CURRENT}, {@code OLDER}, {@code NEWER} or (nothing found) {@code UNKNOWN}
   */
  public static SchemaCheck of(OptionalInt found, int expected) {
    requireNonNull(found, "found");
    if (found.isEmpty()) {
      return new SchemaCheck(HealthStatus.DOWN, State.UNKNOWN, found, OptionalInt.of(expected),
          Optional.of("no successful migration is recorded in the store"));
    }
    int f = found.getAsInt();
    State state = f == expected ? State.CURRENT : f < expected ? State.OLDER : State.NEWER;
    return new SchemaCheck(state == State.CURRENT ? HealthStatus.UP : HealthStatus.DOWN, state, found,
        OptionalInt.of(expected), Optional.empty());
  }

  /**
   * The check when the version could not be read.
   *
   * @param error why
   * @return a DOWN check, {@link State#UNKNOWN}
   */
  public static SchemaCheck unknown(String error) {
    return new SchemaCheck(HealthStatus.DOWN, State.UNKNOWN, OptionalInt.empty(), OptionalInt.empty(),
        Optional.of(requireNonNull(error, "error")));
  }
}
