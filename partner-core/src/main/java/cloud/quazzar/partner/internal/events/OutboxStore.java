package cloud.quazzar.partner.internal.events;

import cloud.quazzar.partner.events.DomainEvent;
import cloud.quazzar.partner.internal.observe.Observation;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreWork;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The store as the program's services see it: the host's store plus the outbox. Services {@link
 * #emit} events inside a write; the outermost write of the thread appends them to the event log as
 * the last thing before commit (so a database store holds the event counter's row lock only for
 * the commit), and after the commit asks for delivery. So an event exists if and only if its change
 * committed (EVT-2), and sequences follow commit order (EVT-3).
 *
 * <p>A store may run a write's work more than once (a retry after a serialization failure): the
 * buffer is made anew for each run, so only the events of the run that committed are stored.
 */
public final class OutboxStore implements Store {
  private final Store inner;
  /** The events of the outermost write running on this thread; null outside a write. */
  @SuppressWarnings("ThreadLocalUsage") // per store: a thread may write to several programs' stores
  private final ThreadLocal<@Nullable List<DomainEvent>> buffer = new ThreadLocal<>();
  /** What runs when the outermost write running on this thread has ended; null outside a write. */
  @SuppressWarnings("ThreadLocalUsage") // per store: a thread may write to several programs' stores
  private final ThreadLocal<@Nullable List<Runnable>> atEnd = new ThreadLocal<>();
  private volatile Runnable afterCommit = () -> {};
  /** The program's observation hook (one per program, as this outbox is): decision O1. */
  private final Observation observation = new Observation();

  public OutboxStore(Store inner) {
    this.inner = inner;
  }

  /** What runs after a write that stored events committed (the delivery's trigger). */
  void afterCommit(Runnable action) {
    this.afterCommit = action;
  }

  /** The program's observation hook: core's retry and ledger counts, the installed observer. */
  public Observation observation() {
    return observation;
  }

  /** The host's store this one wraps. */
  public Store inner() {
    return inner;
  }

  /**
   * Adds an event to the current write transaction; it is stored if and only if the transaction
   * commits.
   *
   * @throws IllegalStateException outside a write of this store
   */
  public void emit(DomainEvent event) {
    List<DomainEvent> events = buffer.get();
    if (events == null) {
      throw new IllegalStateException("an event can only be emitted inside a write transaction: " + event.type());
    }
    events.add(event);
  }

  /**
   * Runs {@code action} when the outermost write running on this thread has ended (committed or
   * rolled back), or at once outside a write: for caches that a write makes stale, since a write
   * joined to an outer one is not committed when it returns.
   */
  public void whenWriteEnds(Runnable action) {
    List<Runnable> actions = atEnd.get();
    if (actions == null) {
      action.run();
    } else {
      actions.add(action);
    }
  }

  /**
   * Whether this thread runs a write of this store (its own or a host's, through this store): a
   * write started now would join it rather than commit on its own.
   */
  public boolean inWrite() {
    return buffer.get() != null;
  }

  @Override
  public String description() {
    return inner.description();
  }

  @Override
  public boolean durable() {
    return inner.durable();
  }

  @Override
  public long retries() {
    return inner.retries();
  }

  @Override
  public byte[] pageTokenKey() {
    return inner.pageTokenKey();
  }

  @Override
  public java.util.Optional<cloud.quazzar.partner.spi.SchemaVersion> schemaVersion() {
    return inner.schemaVersion();
  }

  @Override
  public <T> java.util.Optional<T> unwrap(Class<T> type) {
    return type.isInstance(this) ? java.util.Optional.of(type.cast(this)) : inner.unwrap(type);
  }

  @Override
  public <T> T read(StoreWork<T> work) {
    return inner.read(work);
  }

  @Override
  public <T> T write(StoreWork<T> work) {
    if (buffer.get() != null) {
      return inner.write(work); // joins the outer write, whose buffer collects the events
    }
    List<Runnable> actions = new ArrayList<>(0);
    atEnd.set(actions);
    try {
      return outermost(work);
    } finally {
      atEnd.remove();
      actions.forEach(Runnable::run);
    }
  }

  private <T> T outermost(StoreWork<T> work) {
    boolean[] stored = {false};
    T result = inner.write(tx -> {
      List<DomainEvent> events = new ArrayList<>();
      buffer.set(events);
      try {
        T r = work.run(tx);
        stored[0] = !events.isEmpty();
        if (stored[0]) {
          tx.events().append(events);
        }
        return r;
      } finally {
        buffer.remove();
      }
    });
    if (stored[0]) {
      afterCommit.run();
    }
    return result;
  }

  /** Closes the host's store (the program decides whether it owns it). */
  @Override
  public void close() {
    inner.close();
  }

  @Override
  public String toString() {
    return "outbox over " + inner;
  }
}
