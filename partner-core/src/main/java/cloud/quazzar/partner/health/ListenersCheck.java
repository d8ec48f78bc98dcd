package cloud.quazzar.partner.health;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.events.ListenerStatus;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The event listeners subscribed in this program (rule OPS-4), from {@code
 * program.events().listeners()}.
 *
 * @param status {@link HealthStatus#DEGRADED} if a listener is failing or lags more than the
 *     threshold; {@link HealthStatus#DOWN} if the listeners could not be read; else {@link
 *     HealthStatus#UP}
 * @param listeners each subscribed listener's status, in name order (empty if they could not be read)
 * @param failing the names of the listeners whose last delivery threw
 * @param lagging the names of the listeners more than {@code lagThreshold} events behind
 * @param lagThreshold the most events a listener may be behind while UP; empty: lag alone is not
 *     a problem
 * @param error why the listeners could not be read, if they could not
 */
public record ListenersCheck(HealthStatus status, List<ListenerStatus> listeners, List<String> failing,
    List<String> lagging, OptionalLong lagThreshold, Optional<String> error) {
  /**
   * Checks the components and copies the lists.
   *
   * @param status the status
   * @param listeners the listeners' statuses
   * @param failing the failing ones' names
   * @param lagging the lagging ones' names
   * @param lagThreshold the lag threshold
   * @param error why they could not be read
   * @throws ValidationException if a component is null
   */
  public ListenersCheck {
    requireNonNull(status, "status");
    listeners = List.copyOf(requireNonNull(listeners, "listeners"));
    failing = List.copyOf(requireNonNull(failing, "failing"));
    lagging = List.copyOf(requireNonNull(lagging, "lagging"));
    requireNonNull(lagThreshold, "lagThreshold");
    requireNonNull(error, "error");
  }

  /**
   * The check of listeners read from the program.
   *
   * @param listeners the subscribed listeners' statuses
   * @param lagThreshold the most events a listener may be behind while UP, if lag counts
   * @return UP, or DEGRADED naming the failing and lagging listeners
   */
  public static ListenersCheck of(List<ListenerStatus> listeners, OptionalLong lagThreshold) {
    requireNonNull(listeners, "listeners");
    requireNonNull(lagThreshold, "lagThreshold");
    List<String> failing = listeners.stream().filter(ListenerStatus::failing).map(ListenerStatus::name).toList();
    List<String> lagging = lagThreshold.isEmpty() ? List.of() : listeners.stream()
        .filter(l -> l.lag() > lagThreshold.getAsLong()).map(ListenerStatus::name).toList();
    HealthStatus status = failing.isEmpty() && lagging.isEmpty() ? HealthStatus.UP : HealthStatus.DEGRADED;
    return new ListenersCheck(status, listeners, failing, lagging, lagThreshold, Optional.empty());
  }

  /**
   * The check when the listeners could not be read.
   *
   * @param error why
   * @param lagThreshold the lag threshold configured
   * @return a DOWN check
   */
  public static ListenersCheck unknown(String error, OptionalLong lagThreshold) {
    return new ListenersCheck(HealthStatus.DOWN, List.of(), List.of(), List.of(), lagThreshold,
        Optional.of(requireNonNull(error, "error")));
  }
}
