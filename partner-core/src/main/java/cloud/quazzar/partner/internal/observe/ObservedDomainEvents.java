package cloud.quazzar.partner.internal.observe;

import cloud.quazzar.partner.events.DomainEvents;
import cloud.quazzar.partner.events.EventListener;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.events.EventRetention;
import cloud.quazzar.partner.events.ListenerStatus;
import cloud.quazzar.partner.events.PruneResult;
import cloud.quazzar.partner.events.StartPosition;
import cloud.quazzar.partner.registry.PartnerId;
import java.util.List;

/**
 * The {@link DomainEvents} the program hands out: each call of the implementation timed and classified
 * by {@link Observation} as operation {@code events.<operation>} (docs/operations.md, "Metrics").
 * Written as plain delegation (no reflection) so that an unobserved call costs one volatile read
 * (OPS-14). A method added to the interface must be added here.
 */
public final class ObservedDomainEvents implements DomainEvents {
  private final DomainEvents delegate;
  private final Observation obs;

  /** Observes {@code delegate} through {@code obs}. */
  public ObservedDomainEvents(DomainEvents delegate, Observation obs) {
    this.delegate = delegate;
    this.obs = obs;
  }

  @Override
  public void subscribe(String name, EventListener listener) {
    long t = obs.start(Operation.EVENTS_SUBSCRIBE);
    try {
      delegate.subscribe(name, listener);
      obs.listener(name, true);
      obs.ok(Operation.EVENTS_SUBSCRIBE, t);
    } catch (RuntimeException e) {
      throw obs.failed(Operation.EVENTS_SUBSCRIBE, t, e);
    }
  }

  @Override
  public void subscribe(String name, StartPosition start, EventListener listener) {
    long t = obs.start(Operation.EVENTS_SUBSCRIBE);
    try {
      delegate.subscribe(name, start, listener);
      obs.listener(name, true);
      obs.ok(Operation.EVENTS_SUBSCRIBE, t);
    } catch (RuntimeException e) {
      throw obs.failed(Operation.EVENTS_SUBSCRIBE, t, e);
    }
  }

  @Override
  public boolean unsubscribe(String name) {
    long t = obs.start(Operation.EVENTS_UNSUBSCRIBE);
    try {
      boolean r = delegate.unsubscribe(name);
      if (r) {
        obs.listener(name, false);
      }
      return obs.ok(Operation.EVENTS_UNSUBSCRIBE, t, r);
    } catch (RuntimeException e) {
      throw obs.failed(Operation.EVENTS_UNSUBSCRIBE, t, e);
    }
  }

  @Override
  public boolean remove(String name) {
    long t = obs.start(Operation.EVENTS_REMOVE);
    try {
      boolean r = delegate.remove(name);
      obs.listener(name, false);
      return obs.ok(Operation.EVENTS_REMOVE, t, r);
    } catch (RuntimeException e) {
      throw obs.failed(Operation.EVENTS_REMOVE, t, e);
    }
  }

  @Override
  public EventRetention retention() {
    long t = obs.start(Operation.EVENTS_RETENTION);
    try {
      return obs.ok(Operation.EVENTS_RETENTION, t, delegate.retention());
    } catch (RuntimeException e) {
      throw obs.failed(Operation.EVENTS_RETENTION, t, e);
    }
  }

  @Override
  public PruneResult prune() {
    long t = obs.start(Operation.EVENTS_PRUNE);
    try {
      return obs.ok(Operation.EVENTS_PRUNE, t, delegate.prune());
    } catch (RuntimeException e) {
      throw obs.failed(Operation.EVENTS_PRUNE, t, e);
    }
  }

  @Override
  public PruneResult prune(EventRetention retention) {
    long t = obs.start(Operation.EVENTS_PRUNE);
    try {
      return obs.ok(Operation.EVENTS_PRUNE, t, delegate.prune(retention));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.EVENTS_PRUNE, t, e);
    }
  }

  @Override
  public long deliverPending() {
    long t = obs.start(Operation.EVENTS_DELIVER_PENDING);
    try {
      return obs.ok(Operation.EVENTS_DELIVER_PENDING, t, delegate.deliverPending());
    } catch (RuntimeException e) {
      throw obs.failed(Operation.EVENTS_DELIVER_PENDING, t, e);
    }
  }

  @Override
  public long cursor(String name) {
    long t = obs.start(Operation.EVENTS_CURSOR);
    try {
      return obs.ok(Operation.EVENTS_CURSOR, t, delegate.cursor(name));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.EVENTS_CURSOR, t, e);
    }
  }

  @Override
  public List<ListenerStatus> listeners() {
    long t = obs.start(Operation.EVENTS_LISTENERS);
    try {
      return obs.ok(Operation.EVENTS_LISTENERS, t, delegate.listeners());
    } catch (RuntimeException e) {
      throw obs.failed(Operation.EVENTS_LISTENERS, t, e);
    }
  }

  @Override
  public long lastSequence() {
    long t = obs.start(Operation.EVENTS_LAST_SEQUENCE);
    try {
      return obs.ok(Operation.EVENTS_LAST_SEQUENCE, t, delegate.lastSequence());
    } catch (RuntimeException e) {
      throw obs.failed(Operation.EVENTS_LAST_SEQUENCE, t, e);
    }
  }

  @Override
  public List<EventRecord> after(long afterSequence, int limit) {
    long t = obs.start(Operation.EVENTS_AFTER);
    try {
      return obs.ok(Operation.EVENTS_AFTER, t, delegate.after(afterSequence, limit));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.EVENTS_AFTER, t, e);
    }
  }

  @Override
  public List<EventRecord> ofPartner(PartnerId partnerId, long afterSequence, int limit) {
    long t = obs.start(Operation.EVENTS_OF_PARTNER);
    try {
      return obs.ok(Operation.EVENTS_OF_PARTNER, t, delegate.ofPartner(partnerId, afterSequence, limit));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.EVENTS_OF_PARTNER, t, e);
    }
  }
}
