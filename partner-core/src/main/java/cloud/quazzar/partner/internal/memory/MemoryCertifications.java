package cloud.quazzar.partner.internal.memory;

import static cloud.quazzar.partner.ConflictException.Reason.DUPLICATE;
import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.spi.CertificationRecord;
import cloud.quazzar.partner.spi.CertificationRepository;
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
import org.jspecify.annotations.Nullable;

/**
 * Certification tables of the memory store; guarded by the store's lock. Current records are also
 * indexed by expiry date, the memory counterpart of the JDBC store's index, so the warning board
 * and the sweep read only the expiry range they ask for.
 */
final class MemoryCertifications {
  private final Map<CertificationId, CertificationRecord> byId = new HashMap<>();
  private final Map<PartnerId, List<CertificationId>> byPartner = new HashMap<>();
  private final TreeMap<LocalDate, Set<CertificationId>> currentByExpiry = new TreeMap<>();

  CertificationRepository view(@Nullable Deque<Runnable> undo) {
    return new View(undo);
  }

  private void index(CertificationRecord r) {
    if (r.certification().isCurrent()) {
      currentByExpiry.computeIfAbsent(r.certification().expiryDate(), k -> new LinkedHashSet<>())
          .add(r.certification().id());
    }
  }

  private void unindex(CertificationRecord r) {
    if (r.certification().isCurrent()) {
      LocalDate expiry = r.certification().expiryDate();
      Set<CertificationId> ids = currentByExpiry.get(expiry);
      if (ids != null) {
        ids.remove(r.certification().id());
        if (ids.isEmpty()) {
          currentByExpiry.remove(expiry);
        }
      }
    }
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
    public List<CertificationRecord> currentExpiringBetween(LocalDate from, LocalDate to) {
      return collect(currentByExpiry.subMap(from, true, to, true), null);
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
