package cloud.quazzar.partner.internal.certification;

import cloud.quazzar.partner.certification.CertificationListener;
import cloud.quazzar.partner.certification.StatusChange;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sweep's listeners, each with the changes it has not accepted yet. Issue 4: a listener that
 * throws does not stop the others or lose the change. "Not lose" here means: the change it threw
 * on is kept for that listener alone and offered to it again, before newer changes, at each
 * following sweep of this program until it returns normally. The other listeners get each change
 * once. Waiting changes live in this program's memory (the sweep's own result is what is durable
 * in the store); each failure is logged at WARN with the change, so none vanishes silently.
 */
final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  /** A listener and its waiting changes; the queue is guarded by the tracker's sweep lock. */
  private static final class Slot {
    final CertificationListener listener;
    final ArrayDeque<StatusChange> waiting = new ArrayDeque<>();

    Slot(CertificationListener listener) {
      this.listener = listener;
    }
  }

  private final CopyOnWriteArrayList<Slot> slots = new CopyOnWriteArrayList<>();

  synchronized void add(CertificationListener listener) {
    for (Slot s : slots) {
      if (s.listener == listener) {
        return;
      }
    }
    slots.add(new Slot(listener));
  }

  synchronized boolean remove(CertificationListener listener) {
    return slots.removeIf(s -> s.listener == listener);
  }

  /** Offers each listener its waiting changes, then {@code fresh}; call under the sweep lock. */
  void deliver(List<StatusChange> fresh) {
    for (Slot slot : slots) {
      for (int n = slot.waiting.size(); n > 0; n--) {
        offer(slot, slot.waiting.poll(), true);
      }
      for (StatusChange change : fresh) {
        offer(slot, change, false);
      }
    }
  }

  private static void offer(Slot slot, StatusChange change, boolean again) {
    try {
      slot.listener.statusChanged(change);
    } catch (RuntimeException e) {
      slot.waiting.add(change);
      LOG.warn("certification listener {} threw on {}{}; it will be offered the change again at the next sweep",
          slot.listener, change, again ? " (again)" : "", e);
    }
  }
}
