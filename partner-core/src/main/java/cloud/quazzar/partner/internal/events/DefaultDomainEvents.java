package cloud.quazzar.partner.internal.events;

import static cloud.quazzar.partner.ConflictException.Reason.DUPLICATE;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.events.DomainEvents;
import cloud.quazzar.partner.events.EventListener;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.events.EventRetention;
import cloud.quazzar.partner.events.ListenerStatus;
import cloud.quazzar.partner.events.PruneResult;
import cloud.quazzar.partner.events.PruneResult.Holdback;
import cloud.quazzar.partner.events.PruneResult.SlowestListener;
import cloud.quazzar.partner.events.StartPosition;
import cloud.quazzar.partner.internal.Checks;
import cloud.quazzar.partner.internal.ProgramTime;
import cloud.quazzar.partner.internal.Retry;
import cloud.quazzar.partner.registry.PartnerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the event log to the listeners subscribed in this program (see {@link DomainEvents} for
 * the promises). One delivery runs at a time per program: a commit that stored events asks for
 * one on the event executor; a request while one runs makes it go round once more, so nothing
 * committed is left waiting. Per listener, a round takes the listener's lease in the store, reads
 * batches after its cursor, hands each event to the listener, stores the new cursor after each
 * batch and gives the lease back at the end. A listener that throws keeps its cursor before the
 * event; a retry is scheduled after the retry delay. Rules EVT-4 (after commit, in order, at least
 * once, cursor in the store), EVT-5 (a throwing listener is retried and blocks no other) and EVT-6
 * (one program per listener name, by lease). Pruning (EVT-9 to EVT-12): {@link #prune(EventRetention)}
 * reads every stored cursor and the policy's bounds in one read, then deletes up to that bound in
 * batches, each its own transaction.
 */
public final class DefaultDomainEvents implements DomainEvents, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultDomainEvents.class);
  /** Listener names are identifiers matched exactly (docs/rules.md TEXT-5). */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cs}]");
  static final int BATCH = 200;

  /** A listener subscribed in this program; {@code known} is its cursor as last seen (-1: unknown). */
  private static final class Subscription {
    final String name;
    final EventListener listener;
    volatile long known = -1;
    final java.util.concurrent.atomic.LongAdder delivered = new java.util.concurrent.atomic.LongAdder();
    final java.util.concurrent.atomic.LongAdder failures = new java.util.concurrent.atomic.LongAdder();
    volatile boolean failing;

    Subscription(String name, EventListener listener) {
      this.name = name;
      this.listener = listener;
    }
  }

  private final OutboxStore store;
  private final ProgramTime time;
  private final IdGenerator ids;
  private final Executor executor;
  private final Duration retryDelay;
  private final Duration lease;
  /** This program as the holder of listener leases; drawn by {@link #owner()}. */
  private volatile @Nullable String owner;
  private final Object ownerLock = new Object();
  private final ConcurrentHashMap<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private final ReentrantLock delivering = new ReentrantLock();
  private final AtomicBoolean requested = new AtomicBoolean();
  private final AtomicBoolean retryScheduled = new AtomicBoolean();
  private final @Nullable ExecutorService ownedExecutor;
  private @Nullable ScheduledExecutorService retryTimer;
  private final EventRetention retention;
  private @Nullable ScheduledExecutorService pruneTimer;
  private volatile boolean closed;

  /**
   * @param ids the program's id generator, which names this program as a lease holder
   * @param executor where deliveries run after a commit
   * @param ownedExecutor the executor's lifecycle if this object created it (closed by {@link #close()})
   */
  public DefaultDomainEvents(OutboxStore store, ProgramTime time, IdGenerator ids, Executor executor,
      @Nullable ExecutorService ownedExecutor, Duration retryDelay, Duration lease, EventRetention retention) {
    this.store = store;
    this.time = time;
    this.ids = ids;
    this.executor = executor;
    this.ownedExecutor = ownedExecutor;
    this.retryDelay = retryDelay;
    this.lease = lease;
    this.retention = retention;
    store.afterCommit(this::request);
    retention.pruneInterval().ifPresent(this::schedulePruning);
  }

  /** The program's own pruning runs (EVT-9), when the policy has an interval. */
  @SuppressWarnings("FutureReturnValueIgnored") // the runs log their own failures
  private void schedulePruning(Duration interval) {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "partner-events-prune");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    pruneTimer = timer;
    long millis = interval.toMillis();
    timer.scheduleWithFixedDelay(() -> {
      try {
        PruneResult r = prune();
        LOG.debug("event log pruned by the program's timer: {}", r);
      } catch (RuntimeException e) {
        LOG.warn("pruning the event log failed; the next run is in {}", interval, e);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void subscribe(String name, EventListener listener) {
    subscribe(name, StartPosition.EARLIEST, listener);
  }

  @Override
  public void subscribe(String name, StartPosition start, EventListener listener) {
    checkName(Checks.start(), name).notNull("start", start).notNull("listener", listener).done();
    Subscription s = new Subscription(name, listener);
    if (subscriptions.putIfAbsent(name, s) != null) {
      throw new ConflictException(DUPLICATE, "a listener is already subscribed as '" + name + "' in this program");
    }
    try {
      // Fixes the start now: LATEST means the events committed after this call.
      Instant now = time.now();
      String owner = owner();
      // A conflict means another node created the cursor at the same moment: it exists now, and
      // the next attempt finds it.
      Retry.write(store, "subscription of event listener '" + name + "'", tx -> tx.events().claim(name, owner, now, now,
          start == StartPosition.LATEST ? tx.events().lastSequence() : beforeFirstKept(tx.events())));
    } catch (RuntimeException e) {
      subscriptions.remove(name, s);
      throw e;
    }
    request();
  }

  @Override
  public boolean unsubscribe(String name) {
    Checks.start().notNull("name", name).done();
    return subscriptions.remove(name) != null;
  }

  /**
   * EARLIEST: just before the first event still kept (EVT-10), so that a listener subscribed after
   * pruning has a lag of what it can still get; 0 on a log never pruned.
   */
  private static long beforeFirstKept(cloud.quazzar.partner.spi.EventRepository events) {
    List<EventRecord> first = events.after(0, 1);
    return first.isEmpty() ? events.lastSequence() : first.get(0).sequence() - 1;
  }

  @Override
  public boolean remove(String name) {
    checkName(Checks.start(), name).done();
    subscriptions.remove(name);
    return store.write(tx -> tx.events().removeCursor(name));
  }

  @Override
  public EventRetention retention() {
    return retention;
  }

  @Override
  public PruneResult prune() {
    return prune(retention);
  }

  @Override
  public PruneResult prune(EventRetention retention) {
    Checks.start().notNull("retention", retention).done();
    if (store.inWrite()) {
      throw new IllegalStateException("prune() cannot run inside a store transaction: it commits in batches");
    }
    Instant now = time.now();
    Bound bound = store.read(tx -> bound(tx.events(), retention, now));
    long pruned = 0;
    if (bound.upTo > 0) {
      long n;
      do {
        n = store.write(tx -> tx.events().prune(bound.upTo, PRUNE_BATCH));
        pruned += n;
      } while (n >= PRUNE_BATCH);
    }
    return new PruneResult(pruned, bound.upTo, bound.last, bound.holdback, bound.slowest);
  }

  private record Bound(long upTo, long last, Holdback holdback, Optional<SlowestListener> slowest) {}

  /**
   * The highest sequence a run may prune to: the lowest of the last sequence, every stored cursor
   * (EVT-9), the last events kept by count and the first event young enough to keep.
   */
  private static Bound bound(cloud.quazzar.partner.spi.EventRepository events, EventRetention retention, Instant now) {
    long last = events.lastSequence();
    Optional<SlowestListener> slowest = Optional.empty();
    for (Map.Entry<String, Long> c : new java.util.TreeMap<>(events.cursors()).entrySet()) {
      if (slowest.isEmpty() || c.getValue() < slowest.get().cursor()) {
        slowest = Optional.of(new SlowestListener(c.getKey(), c.getValue()));
      }
    }
    if (retention.keepsAll()) {
      return new Bound(0, last, Holdback.POLICY_KEEPS_ALL, slowest);
    }
    long upTo = last;
    Holdback why = Holdback.NOTHING;
    if (slowest.isPresent() && slowest.get().cursor() < upTo) {
      upTo = slowest.get().cursor();
      why = Holdback.LISTENER;
    }
    long keep = retention.keepLast().orElse(0);
    if (last - keep < upTo) {
      upTo = Math.max(0, last - keep);
      why = Holdback.KEEP_LAST;
    }
    Optional<Duration> maxAge = retention.maxAge();
    if (maxAge.isPresent() && upTo > 0) {
      Instant oldestKept = now.minus(maxAge.get());
      OptionalLong young = events.firstAtOrAfter(oldestKept, upTo);
      if (young.isPresent() && young.getAsLong() - 1 < upTo) {
        upTo = young.getAsLong() - 1;
        why = Holdback.MAX_AGE;
      }
    }
    return new Bound(upTo, last, why, slowest);
  }

  @Override
  public long deliverPending() {
    if (delivering.isHeldByCurrentThread()) {
      throw new IllegalStateException("deliverPending() cannot be called from an event listener");
    }
    delivering.lock();
    try {
      return round();
    } finally {
      delivering.unlock();
    }
  }

  @Override
  public long cursor(String name) {
    checkName(Checks.start(), name).done();
    OptionalLong position = store.read(tx -> tx.events().cursor(name));
    if (position.isEmpty()) {
      throw new NotFoundException("event listener", name);
    }
    return position.getAsLong();
  }

  @Override
  public List<ListenerStatus> listeners() {
    List<Subscription> subscribed = new ArrayList<>(subscriptions.values());
    subscribed.sort(Comparator.comparing(s -> s.name));
    if (subscribed.isEmpty()) {
      return List.of();
    }
    return store.read(tx -> {
      long head = tx.events().lastSequence();
      List<ListenerStatus> statuses = new ArrayList<>(subscribed.size());
      for (Subscription s : subscribed) {
        long cursor = Math.min(tx.events().cursor(s.name).orElse(0), head);
        Optional<Instant> oldest = Optional.empty();
        if (cursor < head) {
          List<EventRecord> next = tx.events().after(cursor, 1);
          oldest = next.stream().findFirst().map(r -> r.event().at());
        }
        statuses.add(new ListenerStatus(s.name, cursor, head, oldest, s.delivered.sum(), s.failures.sum(), s.failing));
      }
      return statuses;
    });
  }

  @Override
  public long lastSequence() {
    return store.read(tx -> tx.events().lastSequence());
  }

  @Override
  public List<EventRecord> after(long afterSequence, int limit) {
    page(Checks.start(), afterSequence, limit).done();
    return store.read(tx -> tx.events().after(afterSequence, limit));
  }

  @Override
  public List<EventRecord> ofPartner(PartnerId partnerId, long afterSequence, int limit) {
    page(Checks.start().notNull("partnerId", partnerId), afterSequence, limit).done();
    return store.read(tx -> {
      if (tx.partners().find(partnerId).isEmpty()) {
        throw new NotFoundException("partner", partnerId);
      }
      return tx.events().ofPartner(partnerId, afterSequence, limit);
    });
  }

  /** Adds the violations of a listener name to {@code c}. */
  public static Checks checkName(Checks c, @Nullable String name) {
    if (name == null) {
      return c.add("name", "must not be null");
    }
    return c.check(!name.isBlank(), "name", "must not be blank")
        .check(name.length() <= MAX_NAME_LENGTH, "name", "must be at most " + MAX_NAME_LENGTH + " characters")
        .check(!CONTROL.matcher(name).find(), "name", "must not contain control characters or unpaired surrogates");
  }

  private static Checks page(Checks c, long afterSequence, int limit) {
    return c.check(afterSequence >= 0, "afterSequence", "must be 0 or more")
        .check(limit >= 1 && limit <= MAX_PAGE, "limit", "must be within 1.." + MAX_PAGE);
  }

  /** The executor a program uses when the host gives none: one daemon thread. */
  public static ExecutorService defaultExecutor() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "partner-events");
      t.setDaemon(true);
      return t;
    });
  }

  /** Asks for a delivery on the executor (after a commit that stored events, or a subscription). */
  void request() {
    if (closed || subscriptions.isEmpty()) {
      return;
    }
    requested.set(true);
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      LOG.warn("event delivery was not started: the event executor refused it ({}); deliverPending() or the"
          + " next commit delivers the events", e.toString());
    }
  }

  /** Runs rounds while some were requested; returns at once if another thread is delivering. */
  private void drain() {
    while (requested.get() && !closed) {
      if (!delivering.tryLock()) {
        return; // the thread delivering sees the request when its round ends
      }
      try {
        requested.set(false);
        round();
      } catch (RuntimeException e) {
        LOG.warn("event delivery failed; it is retried in {}", retryDelay, e);
        scheduleRetry();
      } finally {
        delivering.unlock();
      }
    }
  }

  /** One pass over every subscription; call holding {@code delivering}. */
  private long round() {
    long accepted = 0;
    boolean failed = false;
    long last = -1;
    for (Subscription s : subscriptions.values()) {
      if (last < 0) {
        last = store.read(tx -> tx.events().lastSequence());
      }
      if (s.known >= last) {
        continue; // nothing new for it
      }
      Delivered d = deliverTo(s);
      accepted += d.accepted;
      failed |= d.failed;
    }
    if (failed) {
      scheduleRetry();
    }
    return accepted;
  }

  private record Delivered(int accepted, boolean failed) {}

  /**
   * This program's name as the holder of listener leases ({@code program-<id>}): drawn once, at the
   * first subscription, from the program's id generator (the one source of ids; tests with
   * sequential ids get a predictable owner). Unique among the programs sharing a store as long as
   * their generators never give the same id, which their records' ids need anyway. Drawn lazily so
   * that a program without listeners takes no id from the generator.
   */
  private String owner() {
    String o = owner;
    if (o == null) {
      synchronized (ownerLock) {
        o = owner;
        if (o == null) {
          o = "program-" + ids.next();
          owner = o;
        }
      }
    }
    return o;
  }

  private Delivered deliverTo(Subscription s) {
    String owner = owner();
    Instant now = time.now();
    OptionalLong claimed = store.write(tx -> tx.events().claim(s.name, owner, now, now.plus(lease), 0));
    if (claimed.isEmpty()) {
      // another program holds the lease: it delivers; if it died, its lease runs out and the
      // retry finds the listener free
      LOG.debug("event listener '{}' is being delivered by another program; retried in {}", s.name, retryDelay);
      return new Delivered(0, true);
    }
    long position = claimed.getAsLong();
    int accepted = 0;
    boolean failed = false;
    try {
      while (isSubscribed(s)) {
        long from = position;
        List<EventRecord> batch = store.read(tx -> tx.events().after(from, BATCH));
        long reached = position;
        for (EventRecord record : batch) {
          if (!isSubscribed(s)) {
            break;
          }
          try {
            s.listener.onEvent(record);
            s.delivered.increment();
          } catch (RuntimeException e) {
            failed = true;
            s.failures.increment();
            LOG.warn("event listener '{}' threw on event {} ({}); it gets the event again in {} or at the next delivery",
                s.name, record.sequence(), record.event().type(), retryDelay, e);
            break;
          }
          reached = record.sequence();
          accepted++;
        }
        if (reached > position) {
          long to = reached;
          Instant renewed = time.now().plus(lease);
          if (!store.write(tx -> tx.events().advance(s.name, owner, to, renewed))) {
            LOG.warn("event listener '{}' lost its delivery lease to another program after event {}", s.name, to);
            return new Delivered(accepted, failed);
          }
          position = to;
        }
        if (failed || batch.size() < BATCH) {
          break;
        }
      }
    } finally {
      long at = position;
      try {
        store.write(tx -> tx.events().advance(s.name, owner, at, time.now())); // gives the lease back
        s.known = failed ? -1 : at;
        s.failing = failed;
      } catch (RuntimeException e) {
        s.known = -1;
        LOG.warn("event listener '{}': giving back the delivery lease failed; it runs out by itself", s.name, e);
      }
    }
    return new Delivered(accepted, failed);
  }

  private boolean isSubscribed(Subscription s) {
    return subscriptions.get(s.name) == s && !closed;
  }

  @SuppressWarnings("FutureReturnValueIgnored") // nothing waits for a retry; request() logs its own failures
  private synchronized void scheduleRetry() {
    if (closed || !retryScheduled.compareAndSet(false, true)) {
      return;
    }
    if (retryTimer == null) {
      ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "partner-events-retry");
        t.setDaemon(true);
        return t;
      });
      timer.setRemoveOnCancelPolicy(true);
      retryTimer = timer;
    }
    retryTimer.schedule(() -> {
      retryScheduled.set(false);
      request();
    }, retryDelay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops delivering; waits briefly for a delivery in progress. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    if (pruneTimer != null) {
      pruneTimer.shutdownNow();
    }
    if (retryTimer != null) {
      retryTimer.shutdownNow();
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
      try {
        if (!ownedExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
          LOG.warn("an event listener was still running 5 s after close(); its thread is left to finish");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
