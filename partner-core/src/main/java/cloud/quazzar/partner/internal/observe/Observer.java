package cloud.quazzar.partner.internal.observe;

/**
 * What an {@link Observation} reports to, while installed. Called on the threads of the calls it
 * observes, so it must be thread-safe and quick, and must not throw.
 */
public interface Observer {
  /**
   * How many calls, on average, per call timed: a power of two (1: every call). The others are
   * counted without reading the clock.
   */
  int timedOneIn();

  /**
   * A timed service call ended (every call is counted by the observation itself: {@link
   * Observation#calls}).
   *
   * @param operation the service and operation
   * @param outcome how it ended
   * @param nanos how long it took, in nanoseconds
   */
  void timed(Operation operation, Outcome outcome, long nanos);

  /**
   * The first call of an operation with an outcome was counted: {@link Observation#calls} at
   * {@code index} exists from now on.
   *
   * @param index {@code operation.ordinal() * Outcome.count() + outcome.ordinal()}
   */
  void firstCall(int index);

  /**
   * Entries of the revenue ledger were recorded or corrected (a committed call of {@code record},
   * {@code recordAll} or {@code correct}).
   *
   * @param correction whether they are corrections (else recordings)
   * @param created entries newly stored
   * @param replayed entries answered as a replay of an idempotency key stored before
   */
  void ledger(boolean correction, long created, long replayed);

  /**
   * A listener was subscribed (or unsubscribed) in the program, by name.
   *
   * @param name the listener's name
   * @param subscribed whether it was subscribed (else unsubscribed)
   */
  void listener(String name, boolean subscribed);

  /** The program was closed: release whatever refers to it. */
  void programClosed();
}
