package cloud.quazzar.partner.events;

/**
 * Receives stored events, one at a time, in sequence order, after the transaction that wrote them
 * committed ({@link DomainEvents#subscribe}).
 *
 * <p>Delivery is at least once: an event is offered again after a crash between the call and the
 * moment the listener's cursor is stored, so a listener should be idempotent (each event carries
 * its {@link EventRecord#sequence()}). If the listener throws a {@link RuntimeException}, the event
 * stays unaccepted: this listener gets it again later, before any later event, while the other
 * listeners go on.
 */
@FunctionalInterface
public interface EventListener {
  /**
   * One event; return normally to accept it.
   *
   * @param record the event with its sequence
   */
  void onEvent(EventRecord record);
}
