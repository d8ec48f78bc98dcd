package cloud.quazzar.partner.certification;

/**
 * Receives the status changes found by {@link CertificationTracker#reportStatusChanges()}, after
 * they were stored as reported. Called on the thread that runs the sweep, one change at a time.
 *
 * <p>A listener that throws a {@link RuntimeException} does not stop the other listeners nor the
 * remaining changes; the change it failed on is offered to it again, before newer ones, at each
 * following sweep of the same program until it accepts it (see {@code docs/certifications.md}).
 */
@FunctionalInterface
public interface CertificationListener {
  /** One status change. */
  void statusChanged(StatusChange change);
}
