package cloud.quazzar.partner.certification;

/**
 * Receives the status changes found by {@link CertificationTracker#reportStatusChanges()}, after
 * the sweep's transaction committed, one change at a time, in the order they were stored.
 *
 * <p>A listener that throws a {@link RuntimeException} does not hold up the other listeners; the
 * change it failed on is offered to it again later (after the program's event retry delay, and at
 * every later delivery) before newer ones, until it accepts it, in this or a later process (see
 * {@link CertificationTracker#subscribe(String, CertificationListener)} and {@code docs/events.md}).
 */
@FunctionalInterface
public interface CertificationListener {
  /**
   * One status change.
   *
   * @param change the change, with the status before and after
   */
  void statusChanged(StatusChange change);
}
