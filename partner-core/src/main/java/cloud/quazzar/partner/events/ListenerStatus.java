package cloud.quazzar.partner.events;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;
import java.time.Instant;
import java.util.Optional;

/**
 * How far one listener subscribed in this program is behind the event log, as {@link
 * DomainEvents#listeners()} read it at one moment.
 *
 * @param name the listener's name
 * @param cursor the last sequence the listener accepted (its cursor in the store)
 * @param head the sequence of the last committed event when this status was read
 * @param oldestUndelivered when the first event after the cursor happened ({@link DomainEvent#at()}),
 *     or empty if the listener is up to date
 * @param delivered events the listener accepted in this program since it was subscribed
 * @param failures times the listener threw in this program since it was subscribed
 * @param failing whether the listener's last delivery attempt in this program threw (it is
 *     retried after the program's retry delay)
 */
public record ListenerStatus(
    String name, long cursor, long head, Optional<Instant> oldestUndelivered, long delivered, long failures,
    boolean failing) {

  /**
   * Checks the components.
   *
   * @param name the listener's name
   * @param cursor the last sequence the listener accepted (its cursor in the store)
   * @param head the sequence of the last committed event when this status was read
   * @param oldestUndelivered when the first event after the cursor happened, or empty if the
   *     listener is up to date
   * @param delivered events the listener accepted in this program since it was subscribed
   * @param failures times the listener threw in this program since it was subscribed
   * @param failing whether the listener's last delivery attempt in this program threw
   * @throws ValidationException if {@code name} or {@code oldestUndelivered} is null, a count is negative, or {@code cursor}
   *     is above {@code head}
   */
  public ListenerStatus {
    requireNonNull(name, "name");
    requireNonNull(oldestUndelivered, "oldestUndelivered");
    if (cursor < 0 || head < cursor || delivered < 0 || failures < 0) {
      throw ValidationException.of("cursor", "must be within 0..head, with counts 0 or more; got cursor " + cursor
          + ", head " + head + ", delivered " + delivered + ", failures " + failures);
    }
  }

  /**
   * Events committed after the listener's cursor: {@code head - cursor}.
   *
   * @return the listener's lag in events
   */
  public long lag() {
    return head - cursor;
  }
}
