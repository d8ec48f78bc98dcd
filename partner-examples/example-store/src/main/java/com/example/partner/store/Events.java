package com.example.partner.store;

import cloud.quazzar.partner.events.DomainEvent;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.events.PartnerEvent;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.spi.EventRepository;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Domain events: an append-only log and one cursor per listener name with a delivery lease.
 *
 * <p>Sequences follow commit order, the rule core's delivery depends on, because writes run one at
 * a time: a write appends after the last committed event, and a rolled-back write's sequences are
 * given again to the next. Events are the API's immutable records, kept as appended, so they read
 * back equal.
 */
final class Events implements EventRepository {
  private final Transaction tx;

  Events(Transaction tx) {
    this.tx = tx;
  }

  @Override
  public long append(List<DomainEvent> events) {
    Data data = tx.dataToChange();
    for (DomainEvent event : events) {
      data.events.add(new EventRecord(data.events.size() + 1, event));
    }
    return data.events.size();
  }

  @Override
  public boolean replace(long sequence, DomainEvent event) {
    Data data = tx.dataToChange();
    if (sequence < 1 || sequence > data.events.size()) {
      return false;
    }
    data.events.set((int) sequence - 1, new EventRecord(sequence, event));
    return true;
  }

  @Override
  public long lastSequence() {
    return tx.data().events.size();
  }

  @Override
  public List<EventRecord> after(long afterSequence, int limit) {
    List<EventRecord> log = tx.data().events;
    // the event with sequence s is at index s - 1: those after afterSequence start at index afterSequence
    int from = (int) Math.min(Math.max(afterSequence, 0), log.size());
    int to = (int) Math.min(log.size(), (long) from + limit);
    return List.copyOf(log.subList(from, to));
  }

  @Override
  public List<EventRecord> ofPartner(PartnerId partnerId, long afterSequence, int limit) {
    return tx.data().events.stream()
        .filter(r -> r.sequence() > afterSequence)
        .filter(r -> r.event() instanceof PartnerEvent e && e.partnerId().equals(partnerId))
        .limit(limit)
        .toList();
  }

  @Override
  public OptionalLong cursor(String name) {
    Data.Cursor cursor = tx.data().cursors.get(name);
    return cursor == null ? OptionalLong.empty() : OptionalLong.of(cursor.position());
  }

  @Override
  public OptionalLong claim(String name, String owner, Instant now, Instant until, long initialPosition) {
    Data data = tx.dataToChange();
    Data.Cursor cursor = data.cursors.get(name);
    if (cursor != null && !cursor.owner().equals(owner) && cursor.leaseUntil().isAfter(now)) {
      return OptionalLong.empty(); // another owner holds a lease that has not ended at now
    }
    long position = cursor == null ? initialPosition : cursor.position();
    data.cursors.put(name, new Data.Cursor(position, owner, until));
    return OptionalLong.of(position);
  }

  @Override
  public boolean advance(String name, String owner, long position, Instant until) {
    Data data = tx.dataToChange();
    Data.Cursor cursor = data.cursors.get(name);
    if (cursor == null || !cursor.owner().equals(owner)) {
      return false;
    }
    // cursors only move forward: a lower position keeps the stored one
    data.cursors.put(name, new Data.Cursor(Math.max(cursor.position(), position), owner, until));
    return true;
  }
}
