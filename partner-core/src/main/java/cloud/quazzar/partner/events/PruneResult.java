package cloud.quazzar.partner.events;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;
import java.util.Optional;

/**
 * What one {@link DomainEvents#prune()} run did (rules EVT-9 to EVT-12).
 *
 * @param pruned how many events this run deleted (0 if nothing was allowed or all of it was gone
 *     already)
 * @param upToSequence the bound of the run: after it, no event with a sequence at or below it is
 *     left in the log (0: nothing may be pruned yet)
 * @param lastSequence the sequence of the last committed event when the run started
 * @param holdback what stopped the bound below {@code lastSequence}
 * @param slowest the listener whose stored cursor is lowest (ties: the first name in order), if
 *     any cursor is stored, subscribed in this program or not
 */
public record PruneResult(long pruned, long upToSequence, long lastSequence, Holdback holdback,
    Optional<SlowestListener> slowest) {

  /** What kept the bound of a run below the last sequence; the strictest one if several did. */
  public enum Holdback {
    /** Nothing: every event up to the last sequence could go. */
    NOTHING,
    /** The retention policy keeps everything ({@link EventRetention#keepAll()}). */
    POLICY_KEEPS_ALL,
    /** A listener's stored cursor has not passed later events ({@link PruneResult#slowest()}). */
    LISTENER,
    /** The policy's {@link EventRetention#maxAge() maximum age}: later events are younger. */
    MAX_AGE,
    /** The policy's {@link EventRetention#keepLast() count}: later events are among the last ones. */
    KEEP_LAST
  }

  /**
   * The listener that holds the log back most.
   *
   * @param name the listener's name
   * @param cursor the last sequence it accepted
   */
  public record SlowestListener(String name, long cursor) {
    /**
     * Checks the components.
     *
     * @param name the listener's name
     * @param cursor the last sequence it accepted
     * @throws ValidationException if {@code name} is null or {@code cursor} is negative
     */
    public SlowestListener {
      requireNonNull(name, "name");
      if (cursor < 0) {
        throw ValidationException.of("cursor", "must be 0 or more, got " + cursor);
      }
    }
  }

  /**
   * Checks the components.
   *
   * @param pruned events deleted by the run
   * @param upToSequence the run's bound
   * @param lastSequence the last sequence when the run started
   * @param holdback what kept the bound below the last sequence
   * @param slowest the listener with the lowest stored cursor, if any
   * @throws ValidationException if a component is null, a count is negative or {@code upToSequence}
   *     is above {@code lastSequence}
   */
  public PruneResult {
    requireNonNull(holdback, "holdback");
    requireNonNull(slowest, "slowest");
    if (pruned < 0 || upToSequence < 0 || lastSequence < upToSequence) {
      throw ValidationException.of("upToSequence", "must be within 0..lastSequence, with pruned 0 or more; got pruned "
          + pruned + ", upToSequence " + upToSequence + ", lastSequence " + lastSequence);
    }
  }
}
