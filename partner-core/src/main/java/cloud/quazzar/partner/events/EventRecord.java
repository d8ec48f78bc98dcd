package cloud.quazzar.partner.events;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

/**
 * A stored event with its position in the program's event log.
 *
 * @param sequence its position: 1 for the first event ever stored, then consecutive, in commit
 *     order (an event with a higher sequence committed after every event with a lower one)
 * @param event the event
 */
public record EventRecord(long sequence, DomainEvent event) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param sequence its position: 1 for the first event ever stored, then consecutive, in commit
   *     order (an event with a higher sequence committed after every event with a lower one)
   * @param event the event
   * @throws ValidationException naming each component that is null or out of range
   */
  public EventRecord {
    requireNonNull(event, "event");
    if (sequence < 1) {
      throw ValidationException.of("sequence", "must be 1 or more, got " + sequence);
    }
  }
}
