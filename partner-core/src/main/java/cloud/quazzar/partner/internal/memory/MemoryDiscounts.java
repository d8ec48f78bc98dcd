package cloud.quazzar.partner.internal.memory;

import static cloud.quazzar.partner.ConflictException.Reason.DUPLICATE;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.discount.Cancellation;
import cloud.quazzar.partner.discount.PartnerAdjustment;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.internal.privacy.Redaction;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.spi.DiscountRepository;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Discount tables of the memory store; guarded by the store's lock. Append-only: a cancellation
 * replaces the stored value by the same value with its cancellation attached (the memory form of a
 * joined cancellation row); rollback undoes it.
 */
final class MemoryDiscounts {
  private final TreeMap<Integer, PolicyVersion> versions = new TreeMap<>();
  private final Map<PartnerId, TreeMap<Integer, PartnerAdjustment>> adjustments = new HashMap<>();
  private long revision;

  DiscountRepository view(@Nullable Deque<Runnable> undo) {
    return new View(undo);
  }

  private final class View implements DiscountRepository {
    private final @Nullable Deque<Runnable> undo;

    View(@Nullable Deque<Runnable> undo) {
      this.undo = undo;
    }

    private Deque<Runnable> undoLog() {
      return UndoLogs.writable(undo);
    }

    private void bumpRevision(Deque<Runnable> log) {
      revision++;
      log.push(() -> revision--);
    }

    @Override
    public void appendPolicyVersion(PolicyVersion version) {
      Deque<Runnable> log = undoLog();
      if (version.isCancelled()) {
        throw new IllegalArgumentException("append the version, then its cancellation");
      }
      if (versions.containsKey(version.version())) {
        throw new ConflictException(DUPLICATE, "discount policy version " + version.version() + " exists already");
      }
      versions.put(version.version(), version);
      log.push(() -> versions.remove(version.version()));
      bumpRevision(log);
    }

    @Override
    public void appendPolicyCancellation(int version, Cancellation cancellation) {
      Deque<Runnable> log = undoLog();
      PolicyVersion old = versions.get(version);
      if (old == null) {
        throw new IllegalArgumentException("no discount policy version " + version);
      }
      if (old.isCancelled()) {
        throw new ConflictException(DUPLICATE, "discount policy version " + version + " is cancelled already");
      }
      versions.put(version, old.withCancellation(cancellation));
      log.push(() -> versions.put(version, old));
      bumpRevision(log);
    }

    @Override
    public List<PolicyVersion> policyVersions() {
      return List.copyOf(versions.values());
    }

    @Override
    public void appendAdjustment(PartnerAdjustment adjustment) {
      Deque<Runnable> log = undoLog();
      if (adjustment.isCancelled()) {
        throw new IllegalArgumentException("append the adjustment, then its cancellation");
      }
      TreeMap<Integer, PartnerAdjustment> mine = adjustments.computeIfAbsent(adjustment.partnerId(), k -> new TreeMap<>());
      if (mine.containsKey(adjustment.version())) {
        throw new ConflictException(DUPLICATE,
            "partner " + adjustment.partnerId() + " has adjustment version " + adjustment.version() + " already");
      }
      mine.put(adjustment.version(), adjustment);
      log.push(() -> mine.remove(adjustment.version()));
      bumpRevision(log);
    }

    @Override
    public void appendAdjustmentCancellation(PartnerId partnerId, int version, Cancellation cancellation) {
      Deque<Runnable> log = undoLog();
      TreeMap<Integer, PartnerAdjustment> mine = adjustments.get(partnerId);
      PartnerAdjustment old = mine == null ? null : mine.get(version);
      if (mine == null || old == null) {
        throw new IllegalArgumentException("partner " + partnerId + " has no adjustment version " + version);
      }
      if (old.isCancelled()) {
        throw new ConflictException(DUPLICATE,
            "adjustment version " + version + " of partner " + partnerId + " is cancelled already");
      }
      mine.put(version, old.withCancellation(cancellation));
      log.push(() -> mine.put(version, old));
      bumpRevision(log);
    }

    @Override
    public int eraseAdjustmentReasons(PartnerId partnerId, String replacement) {
      Deque<Runnable> log = undoLog();
      TreeMap<Integer, PartnerAdjustment> mine = adjustments.get(partnerId);
      if (mine == null) {
        return 0;
      }
      int changed = 0;
      for (PartnerAdjustment old : List.copyOf(mine.values())) {
        PartnerAdjustment erased = Redaction.adjustment(old, replacement);
        int n = Redaction.reasonsChanged(old, erased);
        if (n > 0) {
          mine.put(old.version(), erased);
          log.push(() -> mine.put(old.version(), old));
          changed += n;
        }
      }
      if (changed > 0) {
        bumpRevision(log);
      }
      return changed;
    }

    @Override
    public List<PartnerAdjustment> adjustments(PartnerId partnerId) {
      TreeMap<Integer, PartnerAdjustment> mine = adjustments.get(partnerId);
      return mine == null ? List.of() : List.copyOf(mine.values());
    }

    @Override
    public List<PartnerAdjustment> adjustments(PartnerId partnerId, int afterVersion, int limit) {
      TreeMap<Integer, PartnerAdjustment> mine = adjustments.get(partnerId);
      return mine == null ? List.of() : mine.tailMap(afterVersion, false).values().stream().limit(limit).toList();
    }

    @Override
    public List<PartnerAdjustment> allAdjustments() {
      List<PartnerAdjustment> all = new ArrayList<>();
      adjustments.values().forEach(m -> all.addAll(m.values()));
      return all;
    }

    @Override
    public long revision() {
      return revision;
    }
  }
}
