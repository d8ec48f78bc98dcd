package cloud.quazzar.partner.spi;

import cloud.quazzar.partner.events.DomainEvent;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.registry.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What a store must do for durable domain events: an append-only event log (the outbox) and one
 * cursor per listener name with a delivery lease. Only persistence: core decides what is written
 * and when it is delivered. All methods act inside the enclosing transaction.
 *
 * <p>The one hard rule, which core's delivery depends on: <b>sequences follow commit order</b>.
 * Events get consecutive sequences from 1 with no gaps, and a transaction that commits events
 * with sequences up to n must commit before any transaction whose events start above n becomes
 * visible. A reader that has seen n may therefore move its cursor to n without ever skipping an
 * event that commits later. A database store gets this by taking a row lock on a counter row as
 * it appends (core appends last in each transaction, so the lock is held only for the commit),
 * the memory store from its single writer.
 *
 * <p>Retention (docs/events.md; rules EVT-9 to EVT-12): the log may lose events at its start, never
 * elsewhere, so the events kept are always a consecutive run ending at {@link #lastSequence()}.
 * {@link #prune} deletes from the start; {@link #lastSequence()} and the numbering of later events
 * do not change with it (a store that counts its log must keep the counter, not recount). Core
 * decides the bound from {@link #cursors()} and the policy.
 */
public interface EventRepository {

  /**
   * Appends {@code events} in order, with the next consecutive sequences, in this transaction.
   *
   * @param events one or more events
   * @return the sequence given to the last of them
   */
  long append(List<DomainEvent> events);

  /**
   * The sequence of the last event visible to this transaction; 0 if there is none.
   *
   * @return the last sequence
   */
  long lastSequence();

  /**
   * Events with a sequence above {@code afterSequence}, in sequence order, at most {@code limit}.
   *
   * @param afterSequence the last sequence already seen, 0 for the start
   * @param limit the most events returned
   * @return the events, in order
   */
  List<EventRecord> after(long afterSequence, int limit);

  /**
   * The partner's events with a sequence above {@code afterSequence}, in order, at most {@code limit}.
   *
   * @param partnerId the partner
   * @param afterSequence the last sequence already seen, 0 for the start
   * @param limit the most events returned
   * @return the partner's events, in order
   */
  List<EventRecord> ofPartner(PartnerId partnerId, long afterSequence, int limit);

  /**
   * The position stored for listener {@code name} (the last sequence it accepted), if any.
   *
   * @param name the listener's name
   * @return the stored position, or empty
   */
  OptionalLong cursor(String name);

  /**
   * Takes the delivery lease of listener {@code name} for {@code owner} until {@code until}
   * (exclusive: the lease is free from that instant on), if nobody else holds it at {@code now} (no
   * owner, the same owner, or a lease whose end is before or at {@code now}). Creates the cursor at
   * {@code initialPosition} if the name has none.
   *
   * @param name the listener's name
   * @param owner who takes the lease
   * @param now the current time
   * @param until when the lease ends
   * @param initialPosition the position a new cursor starts at
   * @return the cursor's position if the lease was taken; empty if another owner holds it
   */
  OptionalLong claim(String name, String owner, Instant now, Instant until, long initialPosition);

  /**
   * Stores {@code position} as the cursor of {@code name} and sets its lease to {@code until}, if
   * {@code owner} still holds the lease; a position below the stored one is ignored (cursors only
   * move forward).
   *
   * @param name the listener's name
   * @param owner who must hold the lease
   * @param position the last sequence accepted
   * @param until when the renewed lease ends
   * @return whether {@code owner} held the lease (if not, nothing changed)
   */
  boolean advance(String name, String owner, long position, Instant until);

  /**
   * Replaces the stored event with this sequence by {@code event}, an event of the same type and
   * partner with personal data erased (docs/rules.md PRIV-1: the one change the event log allows).
   * Its sequence, type, partner and time stay. A store that keeps revenue events as references to
   * ledger entries (which {@link RevenueRepository#eraseReasons} erases) may ignore them.
   *
   * @param sequence the event's sequence
   * @param event the event as it reads after the erasure
   * @return false, changing nothing, if no event has that sequence
   */
  boolean replace(long sequence, DomainEvent event);
  /**
   * Every listener cursor stored, by name: the last sequence each accepted. Includes names no
   * program has subscribed now; core prunes nothing a cursor here has not passed (EVT-9).
   *
   * @return the cursors by name; empty if none
   */
  Map<String, Long> cursors();

  /**
   * Deletes the cursor of listener {@code name}, with its lease (EVT-11).
   *
   * @param name the listener's name
   * @return whether there was one
   */
  boolean removeCursor(String name);

  /**
   * The lowest sequence at or below {@code upToSequence} of a kept event that happened ({@link
   * DomainEvent#at()}) at or after {@code instant}: where pruning by age stops.
   *
   * @param instant the oldest time kept
   * @param upToSequence the highest sequence looked at
   * @return that sequence, or empty if every kept event up to {@code upToSequence} happened before
   *     {@code instant}
   */
  OptionalLong firstAtOrAfter(Instant instant, long upToSequence);

  /**
   * Deletes the lowest kept events with a sequence at or below {@code upToSequence}, at most {@code
   * limit} of them, in this transaction. The last sequence and the numbering of later events stay
   * as they are.
   *
   * @param upToSequence the highest sequence that may be deleted
   * @param limit the most events deleted, 1 or more
   * @return how many were deleted (0 if none is left at or below the bound)
   */
  long prune(long upToSequence, int limit);
}
