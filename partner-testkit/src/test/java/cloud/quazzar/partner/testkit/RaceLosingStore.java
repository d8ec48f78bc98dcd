package cloud.quazzar.partner.testkit;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreTransaction;
import cloud.quazzar.partner.spi.StoreWork;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store over another one whose writes lose a race on demand, as a database shared by several
 * nodes shows it: armed with {@link #lose}, the next write transactions that call the named
 * repository method get the {@link ConflictException} a store raises there (a unique key or a
 * compare-and-set taken by a concurrent transaction), the transaction rolls back, and then the
 * winner's change commits (usually through a second program on the inner store), so the loser's
 * next attempt reads the winner's data as it would after a real race. Counts write transactions.
 * Uses only the public SPI.
 */
public final class RaceLosingStore implements Store {
  private final Store inner;
  private final AtomicInteger writes = new AtomicInteger();
  private final AtomicInteger lossesLeft = new AtomicInteger();
  private volatile String method = "";
  private volatile ConflictException.Reason reason = ConflictException.Reason.DUPLICATE;
  private volatile Runnable winner = () -> {};
  private volatile ConflictException thrown;
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  public RaceLosingStore(Store inner) {
    this.inner = inner;
  }

  /**
   * The next {@code times} write transactions that call {@code repositoryMethod} lose: the call
   * throws a {@code reason} conflict and, once the transaction rolled back, {@code winner} runs.
   */
  public void lose(String repositoryMethod, ConflictException.Reason reason, int times, Runnable winner) {
    this.method = repositoryMethod;
    this.reason = reason;
    this.winner = winner;
    this.lossesLeft.set(times);
  }

  /** {@link #lose} once, with a {@code DUPLICATE} conflict (a unique key taken meanwhile). */
  public void loseOnce(String repositoryMethod, Runnable winner) {
    lose(repositoryMethod, ConflictException.Reason.DUPLICATE, 1, winner);
  }

  /** Write transactions begun so far; each attempt of a retried write is one. */
  public int writes() {
    return writes.get();
  }

  /** Losses armed but not yet made. */
  public int lossesLeft() {
    return lossesLeft.get();
  }

  @Override
  public String description() {
    return "race-losing " + inner.description();
  }

  @Override
  public boolean durable() {
    return inner.durable();
  }

  @Override
  public <T> T read(StoreWork<T> work) {
    return inner.read(work);
  }

  @Override
  public <T> T write(StoreWork<T> work) {
    writes.incrementAndGet();
    int[] depth = this.depth.get();
    depth[0]++;
    try {
      return inner.write(tx -> work.run(watched(tx)));
    } catch (ConflictException e) {
      // a write joined to an enclosing one (the registry's inside a review) rolls back with it:
      // the winner commits once the outermost transaction is gone
      if (depth[0] == 1 && e == thrown) {
        thrown = null;
        winner.run();
      }
      throw e;
    } finally {
      depth[0]--;
    }
  }

  @Override
  public void close() {
    inner.close();
  }

  private StoreTransaction watched(StoreTransaction tx) {
    return RepositoryCalls.intercepted(tx, this::losing);
  }

  private Object losing(Object repository, Method m, Object[] args) throws Throwable {
    if (m.getName().equals(method) && lossesLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      ConflictException e = new ConflictException(reason, "a concurrent transaction won the race at " + method);
      thrown = e;
      throw e;
    }
    return RepositoryCalls.invoke(repository, m, args);
  }
}
