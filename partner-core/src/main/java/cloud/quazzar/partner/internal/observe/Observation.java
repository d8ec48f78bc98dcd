package cloud.quazzar.partner.internal.observe;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One program's observation hook: the observer installed (none by default) and the counters core
 * keeps whether or not one is. The decorators ({@code Observed*}) call {@link #start(Operation)} before and
 * {@link #ok}/{@link #failed} after each call: with no observer installed that is one volatile read
 * per call and no clock reading (OPS-14); with one, one call of {@link Observer#operation}, and
 * two {@link System#nanoTime()} readings for every call of a write or bulk operation and for a
 * random one in {@link Observer#timedOneIn()} of the others (a random draw each), so that the
 * clock's cost does not land on every cheap call.
 */
public final class Observation {
  /** What {@link #start(Operation)} answers when no observer is installed: the call is not observed. */
  public static final long NOT_OBSERVED = Long.MIN_VALUE;
  /** What {@link #start(Operation)} answers for a call that is counted but not timed. */
  public static final long NOT_TIMED = Long.MIN_VALUE + 1;

  /** The installed observer(s): null, one, or a {@link Fanout} of several. */
  private volatile @Nullable Observer observer;
  /**
   * {@code timedOneIn() - 1} of the observer: a call is timed when a random int has none of these
   * bits. Plain: written before {@link #observer}, read after it.
   */
  private int timingMask;
  private final List<Observer> installed = new ArrayList<>(1);
  private final AtomicLong conflictRetries = new AtomicLong();
  private static final int OUTCOMES = Outcome.count();
  private static final VarHandle CALLS = MethodHandles.arrayElementVarHandle(LongAdder[].class);
  /** The calls by operation and outcome, each made at its first call (so registered only then). */
  private final @Nullable LongAdder[] calls = new LongAdder[Operation.count() * OUTCOMES];
  private boolean closed;

  /** Installs {@code o} (in addition to any installed), unless the program is closed. */
  public synchronized boolean install(Observer o) {
    if (closed) {
      return false;
    }
    installed.add(o);
    publish();
    return true;
  }

  /** Removes {@code o} if installed. */
  public synchronized void uninstall(Observer o) {
    if (installed.remove(o)) {
      publish();
    }
  }

  /** The program closed: every observer is told and removed. */
  public void closed() {
    List<Observer> told;
    synchronized (this) {
      closed = true;
      told = List.copyOf(installed);
      installed.clear();
      publish();
    }
    for (Observer o : told) {
      o.programClosed();
    }
  }

  private void publish() {
    int oneIn = Integer.MAX_VALUE;
    for (Observer o : installed) {
      oneIn = Math.min(oneIn, o.timedOneIn());
    }
    timingMask = installed.isEmpty() ? 0 : Integer.highestOneBit(Math.max(1, oneIn)) - 1;
    observer = switch (installed.size()) {
      case 0 -> null;
      case 1 -> installed.get(0);
      default -> new Fanout(installed.toArray(new Observer[0]));
    };
  }

  /** Whether an observer is installed. */
  public boolean observed() {
    return observer != null;
  }

  /**
   * The start of a call of {@code op}: {@link #NOT_OBSERVED} without an observer; else {@link
   * System#nanoTime()} for a call to be timed (every call of an operation {@linkplain
   * Operation#timedAlways timed always}, a random one in {@link Observer#timedOneIn()} of the
   * others), {@link #NOT_TIMED} for the others.
   */
  public long start(Operation op) {
    if (observer == null) {
      return NOT_OBSERVED;
    }
    if (!op.timedAlways() && (ThreadLocalRandom.current().nextInt() & timingMask) != 0) {
      return NOT_TIMED;
    }
    return System.nanoTime();
  }

  /** A call started at {@code start} returned {@code result}. */
  public <T> T ok(Operation op, long start, T result) {
    if (start != NOT_OBSERVED) {
      report(op, Outcome.OK, start);
    }
    return result;
  }

  /** As {@link #ok(Operation, long, Object)}, for a {@code long} result. */
  public long ok(Operation op, long start, long result) {
    if (start != NOT_OBSERVED) {
      report(op, Outcome.OK, start);
    }
    return result;
  }

  /** As {@link #ok(Operation, long, Object)}, for a {@code boolean} result. */
  public boolean ok(Operation op, long start, boolean result) {
    if (start != NOT_OBSERVED) {
      report(op, Outcome.OK, start);
    }
    return result;
  }

  /** A call started at {@code start} returned (void). */
  public void ok(Operation op, long start) {
    if (start != NOT_OBSERVED) {
      report(op, Outcome.OK, start);
    }
  }

  /** A call started at {@code start} threw {@code e}; returns it to be thrown. */
  public RuntimeException failed(Operation op, long start, RuntimeException e) {
    if (start != NOT_OBSERVED) {
      report(op, Outcome.of(e), start);
    }
    return e;
  }

  /** A call started at {@code start} threw {@code e}; returns it to be thrown. */
  public IOException failed(Operation op, long start, IOException e) {
    if (start != NOT_OBSERVED) {
      report(op, Outcome.OTHER, start);
    }
    return e;
  }

  /**
   * Counts the call here (the fewest hops from the decorator: this, the table, the adder) and
   * hands a timed one to the observer.
   */
  @SuppressWarnings("EnumOrdinal") // an index into the fixed table of counts, never stored
  private void report(Operation op, Outcome outcome, long start) {
    Observer o = observer; // may have been uninstalled since start(): then the call goes unreported
    if (o != null) {
      int i = op.ordinal() * OUTCOMES + outcome.ordinal();
      LongAdder calls = (LongAdder) CALLS.getAcquire(this.calls, i);
      if (calls == null) {
        calls = firstCall(i, o);
      }
      calls.increment();
      if (start != NOT_TIMED) {
        o.timed(op, outcome, Math.max(0, System.nanoTime() - start));
      }
    }
  }

  /** The first call of an operation with an outcome: its count starts, and the observer is told. */
  private LongAdder firstCall(int i, Observer o) {
    LongAdder made;
    synchronized (this) {
      LongAdder known = (LongAdder) CALLS.getAcquire(calls, i);
      if (known != null) {
        return known;
      }
      made = new LongAdder();
      CALLS.setRelease(calls, i, made);
    }
    o.firstCall(i);
    return made;
  }

  /**
   * The count of the calls at {@code index} ({@code operation.ordinal() * Outcome.count() +
   * outcome.ordinal()}) since the first observer was installed, or null before its first call.
   */
  public @Nullable LongAdder calls(int index) {
    return (LongAdder) CALLS.getAcquire(calls, index);
  }

  /** Core's {@code Retry} runs a write again after a conflict (counted always; OPS-12). */
  public void conflictRetried() {
    conflictRetries.incrementAndGet();
  }

  /** How many times core's {@code Retry} ran a write again after a conflict since the program started. */
  public long conflictRetries() {
    return conflictRetries.get();
  }

  /** See {@link Observer#ledger}. */
  public void ledger(boolean correction, long created, long replayed) {
    Observer o = observer;
    if (o != null) {
      o.ledger(correction, created, replayed);
    }
  }

  /** See {@link Observer#listener}. */
  public void listener(String name, boolean subscribed) {
    Observer o = observer;
    if (o != null) {
      o.listener(name, subscribed);
    }
  }

  /** Several observers, each told everything. */
  private static final class Fanout implements Observer {
    private final Observer[] all;

    Fanout(Observer[] all) {
      this.all = all;
    }

    @Override
    public int timedOneIn() {
      int oneIn = Integer.MAX_VALUE;
      for (Observer o : all) {
        oneIn = Math.min(oneIn, o.timedOneIn());
      }
      return oneIn;
    }

    @Override
    public void timed(Operation operation, Outcome outcome, long nanos) {
      for (Observer o : all) {
        o.timed(operation, outcome, nanos);
      }
    }

    @Override
    public void firstCall(int index) {
      for (Observer o : all) {
        o.firstCall(index);
      }
    }

    @Override
    public void ledger(boolean correction, long created, long replayed) {
      for (Observer o : all) {
        o.ledger(correction, created, replayed);
      }
    }

    @Override
    public void listener(String name, boolean subscribed) {
      for (Observer o : all) {
        o.listener(name, subscribed);
      }
    }

    @Override
    public void programClosed() {
      for (Observer o : all) {
        o.programClosed();
      }
    }
  }
}
