package cloud.quazzar.partner.internal.events;

import static cloud.quazzar.partner.ConflictException.Reason.DUPLICATE;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.events.DomainEvents;
import cloud.quazzar.partner.events.EventListener;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.events.ListenerStatus;
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
 * (one program per listener name, by lease).
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
  private volatile boolean closed;

  /**
   * @param ids the program's id generator, which names this program as a lease holder
   * @param executor where deliveries run after a commit
   * @param ownedExecutor the executor's lifecycle if this object created it (closed by {@link #close()})
   */
  public DefaultDomainEvents(OutboxStore store, ProgramTime time, IdGenerator ids, Executor executor,
      @Nullable ExecutorService ownedExecutor, Duration retryDelay, Duration lease) {
    this.store = store;
    this.time = time;
    this.ids = ids;
    this.executor = executor;
    this.ownedExecutor = ownedExecutor;
    this.retryDelay = retryDelay;
    this.lease = lease;
    store.afterCommit(this::request);
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
          start == StartPosition.LATEST ? tx.events().lastSequence() : 0));
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
        Instant oldest = null;
        if (cursor < head) {
          List<EventRecord> next = tx.events().after(cursor, 1);
          oldest = next.isEmpty() ? null : next.get(0).event().at();
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
