package cloud.quazzar.partner.internal.memory;

import static cloud.quazzar.partner.ConflictException.Reason.DUPLICATE;
import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.spi.CertificationRecord;
import cloud.quazzar.partner.spi.CertificationRepository;
import cloud.quazzar.partner.spi.CertificationRepository.BoardPosition;
import cloud.quazzar.partner.spi.CertificationRepository.CurrentPosition;
import cloud.quazzar.partner.spi.CertificationRepository.HistoryPosition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Certification tables of the memory store; guarded by the store's lock. Current records are also
 * indexed by expiry date, the memory counterpart of the JDBC store's index, so the warning board
 * and the sweep read only the expiry range they ask for; and each page of LIST-4 (a partner's
 * current records, its history, the board) has a sorted map by its position, so that a page reads
 * only its own rows.
 */
final class MemoryCertifications {
  /** The smallest id in the order of {@link BoardPosition} (the ids' text). */
  private static final UUID FIRST_ID = new UUID(0, 0);

  private final Map<CertificationId, CertificationRecord> byId = new HashMap<>();
  private final Map<PartnerId, List<CertificationId>> byPartner = new HashMap<>();
  private final TreeMap<LocalDate, Set<CertificationId>> currentByExpiry = new TreeMap<>();
  private final Map<PartnerId, NavigableMap<CurrentPosition, CertificationId>> currentOfPartner = new HashMap<>();
  private final Map<PartnerId, NavigableMap<HistoryPosition, CertificationId>> historyOfPartner = new HashMap<>();
  private final TreeMap<BoardPosition, CertificationId> board = new TreeMap<>();

  CertificationRepository view(@Nullable Deque<Runnable> undo) {
    return new View(undo);
  }

  private void index(CertificationRecord r) {
    Certification c = r.certification();
    historyOfPartner.computeIfAbsent(c.partnerId(), k -> new TreeMap<>()).put(HistoryPosition.of(c), c.id());
    if (c.isCurrent()) {
      currentByExpiry.computeIfAbsent(c.expiryDate(), k -> new LinkedHashSet<>()).add(c.id());
      currentOfPartner.computeIfAbsent(c.partnerId(), k -> new TreeMap<>()).put(CurrentPosition.of(c), c.id());
      board.put(BoardPosition.of(c), c.id());
    }
  }

  private void unindex(CertificationRecord r) {
    Certification c = r.certification();
    removeFrom(historyOfPartner, c.partnerId(), HistoryPosition.of(c));
    if (c.isCurrent()) {
      LocalDate expiry = c.expiryDate();
      Set<CertificationId> ids = currentByExpiry.get(expiry);
      if (ids != null) {
        ids.remove(c.id());
        if (ids.isEmpty()) {
          currentByExpiry.remove(expiry);
        }
      }
      removeFrom(currentOfPartner, c.partnerId(), CurrentPosition.of(c));
      board.remove(BoardPosition.of(c));
    }
  }

  private static <P> void removeFrom(
      Map<PartnerId, NavigableMap<P, CertificationId>> maps, PartnerId partner, P position) {
    NavigableMap<P, CertificationId> map = maps.get(partner);
    if (map != null) {
      map.remove(position);
      if (map.isEmpty()) {
        maps.remove(partner);
      }
    }
  }

  /** The records of the first {@code limit} ids of {@code ids}. */
  private List<CertificationRecord> records(Iterable<CertificationId> ids, int limit) {
    List<CertificationRecord> out = new ArrayList<>(Math.min(limit, 64));
    for (CertificationId id : ids) {
      if (out.size() == limit) {
        break;
      }
      out.add(requireNonNull(byId.get(id), "the page indexes name stored records only"));
    }
    return out;
  }

  /** Replaces a stored record, keeping the expiry index in step. */
  private void replace(CertificationRecord old, CertificationRecord next) {
    unindex(old);
    byId.put(next.certification().id(), next);
    index(next);
  }

  private final class View implements CertificationRepository {
    private final @Nullable Deque<Runnable> undo;

    View(@Nullable Deque<Runnable> undo) {
      this.undo = undo;
    }

    private void onRollback(Runnable inverse) {
      undo().push(inverse);
    }

    private Deque<Runnable> undo() {
      return UndoLogs.writable(undo);
    }

    @Override
    public void insert(CertificationRecord r) {
      undo();
      CertificationId id = r.certification().id();
      if (byId.containsKey(id)) {
        throw new ConflictException(DUPLICATE, "certification id " + id + " is taken");
      }
      byId.put(id, r);
      List<CertificationId> own = byPartner.computeIfAbsent(r.certification().partnerId(), k -> new ArrayList<>());
      own.add(id);
      index(r);
      onRollback(() -> {
        unindex(r);
        own.remove(own.size() - 1);
        byId.remove(id);
      });
    }

    @Override
    public Optional<CertificationRecord> find(CertificationId id) {
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public boolean update(CertificationRecord r, long expectedVersion) {
      undo();
      CertificationRecord old = byId.get(r.certification().id());
      if (old == null || old.certification().version() != expectedVersion) {
        return false;
      }
      replace(old, r);
      onRollback(() -> replace(r, old));
      return true;
    }

    @Override
    public List<CertificationRecord> byPartner(PartnerId partnerId) {
      List<CertificationId> ids = byPartner.get(partnerId);
      if (ids == null) {
        return List.of();
      }
      List<CertificationRecord> out = new ArrayList<>(ids.size());
      for (CertificationId id : ids) {
        out.add(byId.get(id));
      }
      return out;
    }

    @Override
    public List<CertificationRecord> current(PartnerId partnerId, Optional<CurrentPosition> after, int limit) {
      NavigableMap<CurrentPosition, CertificationId> mine = currentOfPartner.get(partnerId);
      if (mine == null) {
        return List.of();
      }
      return records((after.isPresent() ? mine.tailMap(after.get(), false) : mine).values(), limit);
    }

    @Override
    public List<CertificationRecord> history(PartnerId partnerId, Optional<HistoryPosition> after, int limit) {
      NavigableMap<HistoryPosition, CertificationId> mine = historyOfPartner.get(partnerId);
      if (mine == null) {
        return List.of();
      }
      return records((after.isPresent() ? mine.tailMap(after.get(), false) : mine).values(), limit);
    }

    @Override
    public List<CertificationRecord> currentExpiringBetween(LocalDate from, LocalDate to) {
      return collect(currentByExpiry.subMap(from, true, to, true), null);
    }

    @Override
    public List<CertificationRecord> currentExpiringBetween(
        LocalDate from, LocalDate to, Optional<BoardPosition> after, int limit) {
      if (to.isBefore(from)) {
        return List.of();
      }
      BoardPosition start = new BoardPosition(from, new PartnerId(FIRST_ID), new CertificationId(FIRST_ID));
      NavigableMap<BoardPosition, CertificationId> rest = after.isPresent() && after.get().compareTo(start) >= 0
          ? board.tailMap(after.get(), false) : board.tailMap(start, true);
      List<CertificationRecord> out = new ArrayList<>(Math.min(limit, 64));
      for (Map.Entry<BoardPosition, CertificationId> e : rest.entrySet()) {
        if (out.size() == limit || e.getKey().expiryDate().isAfter(to)) {
          break;
        }
        out.add(requireNonNull(byId.get(e.getValue()), "the board names stored records only"));
      }
      return out;
    }

    @Override
    public List<Long> countCurrentByExpiry(Optional<PartnerId> partnerId, List<LocalDate> bounds) {
      long[] counts = new long[bounds.size() + 1];
      if (partnerId.isPresent()) {
        for (CertificationRecord r : byPartner(partnerId.get())) {
          if (r.certification().isCurrent()) {
            counts[slot(bounds, r.certification().expiryDate())]++;
          }
        }
      } else {
        for (Map.Entry<LocalDate, Set<CertificationId>> e : currentByExpiry.entrySet()) {
          counts[slot(bounds, e.getKey())] += e.getValue().size();
        }
      }
      List<Long> out = new ArrayList<>(counts.length);
      for (long c : counts) {
        out.add(c);
      }
      return out;
    }

    private int slot(List<LocalDate> bounds, LocalDate expiry) {
      int i = 0;
      while (i < bounds.size() && !expiry.isBefore(bounds.get(i))) {
        i++;
      }
      return i;
    }

    @Override
    public List<CertificationRecord> currentReportedOtherThan(
        CertificationStatus status, Optional<LocalDate> from, Optional<LocalDate> to) {
      NavigableMap<LocalDate, Set<CertificationId>> range = currentByExpiry;
      if (from.isPresent()) {
        range = range.tailMap(from.get(), true);
      }
      if (to.isPresent()) {
        range = range.headMap(to.get(), true);
      }
      return collect(range, status);
    }

    private List<CertificationRecord> collect(
        NavigableMap<LocalDate, Set<CertificationId>> range, @Nullable CertificationStatus notReportedAs) {
      List<CertificationRecord> out = new ArrayList<>();
      for (Set<CertificationId> ids : range.values()) {
        for (CertificationId id : ids) {
          CertificationRecord r = requireNonNull(byId.get(id), "the expiry index names stored records only");
          if (notReportedAs == null || !r.reportedStatus().equals(Optional.of(notReportedAs))) {
            out.add(r);
          }
        }
      }
      return out;
    }

    @Override
    public boolean markReported(CertificationId id, CertificationStatus expected, CertificationStatus reported) {
      undo();
      CertificationRecord old = byId.get(id);
      if (old == null || !old.certification().isCurrent() || !old.reportedStatus().equals(Optional.of(expected))) {
        return false;
      }
      CertificationRecord next = new CertificationRecord(old.certification(), Optional.of(reported));
      byId.put(id, next);
      onRollback(() -> byId.put(id, old));
      return true;
    }
  }
}
