package cloud.quazzar.partner.internal.memory;

import cloud.quazzar.partner.events.DomainEvent;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.events.PartnerEvent;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.spi.EventRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The event log and listener cursors of the memory store; guarded by the store's lock (one writer
 * at a time, so sequences follow commit order), every change undone through the undo log.
 */
final class MemoryEvents {
  /** The kept events: event n is at index n - 1 - {@link #pruned}. */
  private final ArrayList<EventRecord> log = new ArrayList<>();
  /** How many events were pruned from the start of the log (EVT-10: numbering goes on after them). */
  private long pruned;
  private final Map<PartnerId, ArrayList<EventRecord>> byPartner = new HashMap<>();
  private final Map<String, Cursor> cursors = new HashMap<>();

  private record Cursor(long position, @Nullable String owner, @Nullable Instant until) {}

  EventRepository view(@Nullable Deque<Runnable> undo) {
    return new View(undo);
  }

  private final class View implements EventRepository {
    private final @Nullable Deque<Runnable> undo;

    View(@Nullable Deque<Runnable> undo) {
      this.undo = undo;
    }

    private Deque<Runnable> undoLog() {
      return UndoLogs.writable(undo);
    }

    @Override
    public long append(List<DomainEvent> events) {
      Deque<Runnable> u = undoLog();
      for (DomainEvent e : events) {
        EventRecord r = new EventRecord(pruned + log.size() + 1L, e);
        log.add(r);
        if (e instanceof PartnerEvent pe) {
          List<EventRecord> mine = byPartner.computeIfAbsent(pe.partnerId(), k -> new ArrayList<>());
          mine.add(r);
          u.push(() -> mine.remove(mine.size() - 1));
        }
        u.push(() -> log.remove(log.size() - 1));
      }
      return pruned + log.size();
    }

    @Override
    public boolean replace(long sequence, DomainEvent event) {
      Deque<Runnable> u = undoLog();
      if (sequence <= pruned || sequence > pruned + log.size()) {
        return false;
      }
      int index = (int) (sequence - 1 - pruned);
      EventRecord old = log.get(index);
      EventRecord next = new EventRecord(sequence, event);
      log.set(index, next);
      u.push(() -> log.set(index, old));
      if (old.event() instanceof PartnerEvent pe) {
        List<EventRecord> mine = byPartner.getOrDefault(pe.partnerId(), new ArrayList<>());
        int at = firstAbove(mine, sequence - 1);
        mine.set(at, next);
        u.push(() -> mine.set(at, old));
      }
      return true;
    }

    @Override
    public long lastSequence() {
      return pruned + log.size();
    }

    @Override
    public List<EventRecord> after(long afterSequence, int limit) {
      int from = (int) Math.min(Math.max(afterSequence - pruned, 0), log.size());
      int to = (int) Math.min((long) from + limit, log.size());
      return List.copyOf(log.subList(from, to));
    }

    @Override
    public List<EventRecord> ofPartner(PartnerId partnerId, long afterSequence, int limit) {
      List<EventRecord> mine = byPartner.getOrDefault(partnerId, new ArrayList<>());
      List<EventRecord> out = new ArrayList<>();
      for (int i = firstAbove(mine, afterSequence); i < mine.size() && out.size() < limit; i++) {
        out.add(mine.get(i));
      }
      return out;
    }

    private int firstAbove(List<EventRecord> records, long sequence) {
      int lo = 0;
      int hi = records.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (records.get(mid).sequence() <= sequence) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    @Override
    public OptionalLong cursor(String name) {
      Cursor c = cursors.get(name);
      return c == null ? OptionalLong.empty() : OptionalLong.of(c.position());
    }

    @Override
    public OptionalLong claim(String name, String owner, Instant now, Instant until, long initialPosition) {
      Deque<Runnable> u = undoLog();
      Cursor c = cursors.get(name);
      if (c == null) {
        put(u, name, new Cursor(initialPosition, owner, until));
        return OptionalLong.of(initialPosition);
      }
      boolean free = c.owner() == null || c.owner().equals(owner) || c.until() == null || !c.until().isAfter(now);
      if (!free) {
        return OptionalLong.empty();
      }
      put(u, name, new Cursor(c.position(), owner, until));
      return OptionalLong.of(c.position());
    }

    @Override
    public boolean advance(String name, String owner, long position, Instant until) {
      Deque<Runnable> u = undoLog();
      Cursor c = cursors.get(name);
      if (c == null || !owner.equals(c.owner())) {
        return false;
      }
      put(u, name, new Cursor(Math.max(position, c.position()), owner, until));
      return true;
    }

    @Override
    public Map<String, Long> cursors() {
      Map<String, Long> out = new TreeMap<>();
      cursors.forEach((name, c) -> out.put(name, c.position()));
      return out;
    }

    @Override
    public boolean removeCursor(String name) {
      Deque<Runnable> u = undoLog();
      Cursor before = cursors.remove(name);
      if (before == null) {
        return false;
      }
      u.push(() -> cursors.put(name, before));
      return true;
    }

    @Override
    public OptionalLong firstAtOrAfter(Instant instant, long upToSequence) {
      for (EventRecord r : log) {
        if (r.sequence() > upToSequence) {
          break;
        }
        if (!r.event().at().isBefore(instant)) {
          return OptionalLong.of(r.sequence());
        }
      }
      return OptionalLong.empty();
    }

    @Override
    public long prune(long upToSequence, int limit) {
      Deque<Runnable> u = undoLog();
      int n = (int) Math.min(Math.max(upToSequence - pruned, 0), Math.min(limit, log.size()));
      if (n == 0) {
        return 0;
      }
      List<EventRecord> gone = new ArrayList<>(log.subList(0, n));
      log.subList(0, n).clear();
      pruned += n;
      for (EventRecord r : gone) {
        if (r.event() instanceof PartnerEvent pe) {
          List<EventRecord> mine = byPartner.get(pe.partnerId());
          if (mine != null && !mine.isEmpty() && mine.get(0).sequence() == r.sequence()) {
            mine.remove(0);
            u.push(() -> mine.add(0, r));
          }
        }
      }
      u.push(() -> {
        log.addAll(0, gone);
        pruned -= n;
      });
      return n;
    }

    private void put(Deque<Runnable> u, String name, Cursor next) {
      Cursor before = cursors.put(name, next);
      u.push(before == null ? () -> cursors.remove(name) : () -> cursors.put(name, before));
    }
  }
}
