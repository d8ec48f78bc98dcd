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
 *   <li><b>Retention (opt-in).</b> The log keeps every event unless the program has an {@link
 *       EventRetention} policy: then {@link #prune()} deletes the oldest events that the policy
 *       allows and every listener cursor stored in the store has passed (EVT-9). Sequences never go
 *       back: after pruning, {@link #lastSequence()} is unchanged and the next event continues the
 *       numbering; reads start at the first kept event (EVT-10).
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

  /** The most events one transaction of a pruning run deletes. */
  int PRUNE_BATCH = 5_000;

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
   * Forgets the listener named {@code name} for good: unsubscribes it in this program (as {@link
   * #unsubscribe}) and deletes its cursor from the store, so that it no longer holds back pruning
   * (EVT-11). Subscribing the name again later is a new listener: it starts at its {@link
   * StartPosition} ({@code EARLIEST}: the first event still kept). Call it when no other program
   * has the name subscribed: a program that still has it subscribed creates the cursor again at its
   * next delivery, at the first event still kept.
   *
   * @param name the listener's name
   * @return whether a cursor was stored under the name
   * @throws ValidationException if the name is null, blank, longer than {@value #MAX_NAME_LENGTH} or
   *     holds a control character
   * @throws StorageException if the store fails
   */
  boolean remove(String name);

  /**
   * The retention policy the program was built with ({@code
   * PartnerProgram.Builder.eventRetention}); {@link EventRetention#keepAll()} by default.
   *
   * @return the program's retention policy
   */
  EventRetention retention();

  /**
   * Prunes the event log by the program's {@link #retention()} policy; see {@link
   * #prune(EventRetention)}. With the default policy (keep everything) it deletes nothing and says
   * so ({@link PruneResult.Holdback#POLICY_KEEPS_ALL}).
   *
   * @return what the run did
   * @throws IllegalStateException if called inside a write transaction of the program's store
   * @throws StorageException if the store fails
   */
  PruneResult prune();

  /**
   * Deletes the oldest events of the log that {@code retention} allows and that every listener
   * cursor stored in the store has passed: the cursors of listeners subscribed in this program, in
   * other programs sharing the store, and of names not subscribed anywhere now (EVT-9). Deletes from
   * the start of the log, in transactions of at most {@value #PRUNE_BATCH} events each, so that one
   * run holds no long lock; a run that fails midway has deleted a prefix of what it would have, and
   * the next run goes on. Sequences are unchanged: {@link #lastSequence()} stays, the next event
   * continues the numbering, {@link #after}{@code (0, n)} and {@link #ofPartner} start at the first
   * kept event (EVT-10). Running it again with nothing new to prune deletes nothing (EVT-12). Must
   * not be called inside a store transaction.
   *
   * @param retention the policy for this run (overrides the program's for this call only)
   * @return what the run did: how many events went, the bound, and what held it back
   * @throws ValidationException if {@code retention} is null
   * @throws IllegalStateException if called inside a write transaction of the program's store
   * @throws StorageException if the store fails (the batches committed before stay pruned)
   */
  PruneResult prune(EventRetention retention);

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
