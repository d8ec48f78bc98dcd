/**
 * Durable domain events: what happened in the program, written in the same store transaction as
 * the change (an outbox) and delivered after commit, at least once and in order, to listeners
 * that each keep a cursor in the store. {@link cloud.quazzar.partner.events.DomainEvents} is the
 * entry point ({@code program.events()}); {@link cloud.quazzar.partner.events.DomainEvent} lists
 * the event types. See {@code docs/events.md}.
 */
@NullMarked
package cloud.quazzar.partner.events;

import org.jspecify.annotations.NullMarked;
