package cloud.quazzar.partner.internal.memory;

import static cloud.quazzar.partner.ConflictException.Reason.DUPLICATE;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.review.GracePeriod;
import cloud.quazzar.partner.review.ReviewOutcome;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.spi.ReviewRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Tier review tables of the memory store; guarded by the store's lock, every change undone through
 * the transaction's undo log.
 */
final class MemoryReviews {
  private final Map<PartnerId, GracePeriod> grace = new HashMap<>();
  private final Map<PartnerId, TreeMap<LocalDate, ReviewOutcome>> outcomes = new HashMap<>();
  /** How many outcomes each day has, so that the latest day is the last key. */
  private final TreeMap<LocalDate, Integer> days = new TreeMap<>();
  private final TreeMap<Integer, ReviewPolicy> policies = new TreeMap<>();

  ReviewRepository view(@Nullable Deque<Runnable> undo) {
    return new View(undo);
  }

  private final class View implements ReviewRepository {
    private final @Nullable Deque<Runnable> undo;

    View(@Nullable Deque<Runnable> undo) {
      this.undo = undo;
    }

    private Deque<Runnable> undoLog() {
      return UndoLogs.writable(undo);
    }

    @Override
    public Optional<GracePeriod> gracePeriod(PartnerId partnerId) {
      return Optional.ofNullable(grace.get(partnerId));
    }

    @Override
    public void insertGracePeriod(GracePeriod g) {
      Deque<Runnable> log = undoLog();
      if (grace.containsKey(g.partnerId())) {
        throw new ConflictException(DUPLICATE, "partner " + g.partnerId() + " has a running grace period already");
      }
      grace.put(g.partnerId(), g);
      log.push(() -> grace.remove(g.partnerId()));
    }

    @Override
    public boolean deleteGracePeriod(PartnerId partnerId, LocalDate startedOn) {
      Deque<Runnable> log = undoLog();
      GracePeriod g = grace.get(partnerId);
      if (g == null || !g.startedOn().equals(startedOn)) {
        return false;
      }
      grace.remove(partnerId);
      log.push(() -> grace.put(partnerId, g));
      return true;
    }

    @Override
    public Optional<ReviewOutcome> outcome(PartnerId partnerId, LocalDate date) {
      TreeMap<LocalDate, ReviewOutcome> mine = outcomes.get(partnerId);
      return mine == null ? Optional.empty() : Optional.ofNullable(mine.get(date));
    }

    @Override
    public void insertOutcome(ReviewOutcome o) {
      Deque<Runnable> log = undoLog();
      TreeMap<LocalDate, ReviewOutcome> mine = outcomes.computeIfAbsent(o.partnerId(), k -> new TreeMap<>());
      if (mine.containsKey(o.date())) {
        throw new ConflictException(DUPLICATE, "partner " + o.partnerId() + " was reviewed on " + o.date() + " already");
      }
      mine.put(o.date(), o);
      days.merge(o.date(), 1, Integer::sum);
      log.push(() -> {
        mine.remove(o.date());
        days.compute(o.date(), (d, n) -> n == null || n <= 1 ? null : n - 1);
      });
    }

    @Override
    public List<ReviewOutcome> outcomes(PartnerId partnerId) {
      TreeMap<LocalDate, ReviewOutcome> mine = outcomes.get(partnerId);
      return mine == null ? List.of() : List.copyOf(mine.values());
    }

    @Override
    public List<ReviewOutcome> outcomes(PartnerId partnerId, Optional<LocalDate> afterDate, int limit) {
      TreeMap<LocalDate, ReviewOutcome> mine = outcomes.get(partnerId);
      if (mine == null) {
        return List.of();
      }
      return (afterDate.isPresent() ? mine.tailMap(afterDate.get(), false) : mine).values().stream().limit(limit)
          .toList();
    }

    @Override
    public Optional<LocalDate> lastReviewDate() {
      return days.isEmpty() ? Optional.empty() : Optional.of(days.lastKey());
    }

    @Override
    public void appendPolicy(int version, ReviewPolicy policy, Instant configuredAt) {
      Deque<Runnable> log = undoLog();
      if (policies.containsKey(version)) {
        throw new ConflictException(DUPLICATE, "review policy version " + version + " exists already");
      }
      policies.put(version, policy);
      log.push(() -> policies.remove(version));
    }

    @Override
    public int lastPolicyVersion() {
      return policies.isEmpty() ? 0 : policies.lastKey();
    }

    @Override
    public Optional<ReviewPolicy> latestPolicy() {
      return policies.isEmpty() ? Optional.empty() : Optional.of(policies.lastEntry().getValue());
    }
  }
}
