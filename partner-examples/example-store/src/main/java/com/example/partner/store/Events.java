package com.example.partner.store;

import cloud.quazzar.partner.events.DomainEvent;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.events.PartnerEvent;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.spi.EventRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
      data.events.add(new EventRecord(data.prunedEvents + data.events.size() + 1, event));
    }
    return data.prunedEvents + data.events.size();
  }

  @Override
  public boolean replace(long sequence, DomainEvent event) {
    Data data = tx.dataToChange();
    if (sequence <= data.prunedEvents || sequence > data.prunedEvents + data.events.size()) {
      return false;
    }
    data.events.set((int) (sequence - 1 - data.prunedEvents), new EventRecord(sequence, event));
    return true;
  }

  @Override
  public long lastSequence() {
    return tx.data().prunedEvents + tx.data().events.size();
  }

  @Override
  public List<EventRecord> after(long afterSequence, int limit) {
    List<EventRecord> log = tx.data().events;
    // the event with sequence s is at index s - 1 - prunedEvents
    int from = (int) Math.min(Math.max(afterSequence - tx.data().prunedEvents, 0), log.size());
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

  @Override
  public Map<String, Long> cursors() {
    Map<String, Long> out = new TreeMap<>();
    tx.data().cursors.forEach((name, cursor) -> out.put(name, cursor.position()));
    return out;
  }

  @Override
  public boolean removeCursor(String name) {
    Data data = tx.dataToChange();
    return data.cursors.remove(name) != null;
  }

  @Override
  public OptionalLong firstAtOrAfter(Instant instant, long upToSequence) {
    return tx.data().events.stream()
        .filter(r -> r.sequence() <= upToSequence && !r.event().at().isBefore(instant))
        .mapToLong(EventRecord::sequence)
        .findFirst();
  }

  @Override
  public long prune(long upToSequence, int limit) {
    Data data = tx.dataToChange();
    // the log loses events only at its start; sequences of the others stay
    int n = (int) Math.min(Math.max(upToSequence - data.prunedEvents, 0), Math.min(limit, data.events.size()));
    data.events.subList(0, n).clear();
    data.prunedEvents += n;
    return n;
  }
}
