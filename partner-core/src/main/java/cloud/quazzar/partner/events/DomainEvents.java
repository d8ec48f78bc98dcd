package cloud.quazzar.partner.events;

import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.registry.PartnerId;
import java.util.List;

/**
 * The program's durable event log and its delivery to listeners ({@code program.events()}).
 *
 * <p>Guarantees (every store; the TCK's {@code EventContract} checks them):
 *
 * <ul>
 *   <li><b>Outbox.</b> An event is stored in the same transaction as the change it describes: it
 *       exists if and only if the change committed. Events get consecutive sequences in commit
 *       order, so the log only ever grows at its end.
 *   <li><b>After commit, at least once.</b> Each subscribed listener gets every event after its
 *       cursor, in sequence order (so in commit order, and in order per partner), on the program's
 *       event executor after the commit, or when {@link #deliverPending()} runs. Its cursor (the last
 *       sequence it accepted) is kept in the store under its name, so a process that dies after a
 *       commit and before delivery loses nothing: the next program to subscribe the same name gets
 *       the event. An event may be delivered twice (a crash after the listener returned and before
 *       the cursor was stored); listeners should be idempotent.
 *   <li><b>A failing listener is retried and blocks no one else.</b> A listener that throws stops
 *       at that event (its cursor stays before it) and is offered it again after the program's
 *       retry delay and at every later delivery; other listeners are not held up.
 *   <li><b>Several nodes.</b> A listener name is delivered by one program at a time: a lease in the
 *       store (30 seconds, renewed with each stored cursor) keeps two nodes from delivering the
 *       same name at once. A lease that runs out because its node died is taken over.
 * </ul>
 *
 * <p>Listeners run on the event executor of the program ({@code PartnerProgram.Builder.eventExecutor},
 * default: one daemon thread of the program). They may call the program, including writes.
 */
public interface DomainEvents {
  /** The longest listener name. */
  int MAX_NAME_LENGTH = 100;

  /** The most events one {@link #after} or {@link #ofPartner} call returns. */
  int MAX_PAGE = 10_000;

  /**
   * Subscribes {@code listener} under {@code name}, starting from {@link StartPosition#EARLIEST} if
   * the name has no cursor in the store yet; see {@link #subscribe(String, StartPosition,
   * EventListener)}.
   *
   * @param name the listener's name, unique in the program
   * @param listener the listener
   */
  void subscribe(String name, EventListener listener);

  /**
   * Subscribes {@code listener} under {@code name} in this program and starts delivering to it: from
   * the cursor stored under the name if there is one (so a restarted process resumes where the
   * name stopped), else from {@code start}. Delivery of what is pending starts at once, on the event
   * executor.
   *
   * @param name the listener's name, unique in the program
   * @param start where a name without a stored cursor starts
   * @param listener the listener
   * @throws ValidationException if the name is null, blank, longer than {@value #MAX_NAME_LENGTH}
   *     or holds a control character, or {@code start} or {@code listener} is null
   * @throws cloud.quazzar.partner.ConflictException ({@code DUPLICATE}) if a listener is already
   *     subscribed under the name in this program
   */
  void subscribe(String name, StartPosition start, EventListener listener);

  /**
   * Stops delivering to the listener subscribed under {@code name} in this program (a delivery in
   * progress finishes its current event). Its cursor stays in the store, so subscribing the name
   * again resumes from it.
   *
   * @param name the listener's name
   * @return whether a listener was subscribed under the name
   * @throws ValidationException if {@code name} is null
   */
  boolean unsubscribe(String name);

  /**
   * Delivers every committed event after their cursors to the listeners subscribed in this program,
   * on the calling thread, and returns when done (or when each failing listener has failed once).
   * Hosts call it at start-up or on a timer if they want delivery to be checked without waiting for
   * the next change; tests call it to deliver synchronously. Must not be called inside a store
   * transaction.
   *
   * @return how many events listeners accepted in this call
   * @throws StorageException if the store fails
   */
  long deliverPending();

  /**
   * The last sequence the listener named {@code name} accepted (0 if none yet).
   *
   * @param name the listener's name
   * @return the last sequence accepted
   * @throws ValidationException if {@code name} is null or blank
   * @throws NotFoundException ({@code "event listener <name> not found"}) if no cursor is stored
   *     under the name
   */
  long cursor(String name);

  /**
   * The listeners subscribed in this program, in name order, with how far each is behind the log
   * and whether its last delivery threw: for a host's health checks and metrics. Reads the store
   * (the cursors, the head of the log and, per listener behind it, the first event it has not
   * accepted).
   *
   * @return one status per subscribed listener; empty if none
   * @throws StorageException if the store fails
   */
  List<ListenerStatus> listeners();

  /**
   * The sequence of the last committed event; 0 if there is none.
   *
   * @return the last sequence
   */
  long lastSequence();

  /**
   * Committed events with a sequence above {@code afterSequence} (exclusive), in order, at most
   * {@code limit}.
   *
   * @param afterSequence the last sequence already seen, 0 for the start
   * @param limit the most events returned
   * @return the events, in order
   * @throws ValidationException if {@code afterSequence} is negative or {@code limit} is not
   *     within 1..{@value #MAX_PAGE}
   */
  List<EventRecord> after(long afterSequence, int limit);

  /**
   * Committed events of one partner with a sequence above {@code afterSequence}, in order, at most
   * {@code limit}.
   *
   * @param partnerId the partner
   * @param afterSequence the last sequence already seen, 0 for the start
   * @param limit the most events returned
   * @return the partner's events, in order
   * @throws ValidationException if {@code partnerId} is null, {@code afterSequence} is negative or
   *     {@code limit} is not within 1..{@value #MAX_PAGE}
   * @throws NotFoundException if there is no such partner
   */
  List<EventRecord> ofPartner(PartnerId partnerId, long afterSequence, int limit);
}
