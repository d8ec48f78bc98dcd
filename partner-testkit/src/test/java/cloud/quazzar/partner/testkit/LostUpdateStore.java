package cloud.quazzar.partner.testkit;

import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreTransaction;
import cloud.quazzar.partner.spi.StoreWork;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store over another one whose compare-and-set writes lose on demand, as a database shared by
 * several nodes shows it when another transaction committed a change to the same row between this
 * transaction's read and its write: armed with {@link #lose}, the next call of the named repository
 * method that answers whether it changed anything ({@code update}, {@code deleteGracePeriod}, ...)
 * answers {@code false} and changes nothing. Once the outermost write transaction that got that
 * answer has ended (the caller is expected to roll it back), {@code winner} runs, usually through a
 * second program on the inner store, so that what the winner committed is there for the next read.
 * Unlike {@link RaceLosingStore}, whose calls throw, this one exercises the caller's own handling of
 * a {@code false} answer. Uses only the public SPI.
 */
public final class LostUpdateStore implements Store {
  private final Store inner;
  private final AtomicInteger lossesLeft = new AtomicInteger();
  private final AtomicBoolean lost = new AtomicBoolean();
  private volatile String method = "";
  private volatile Runnable winner = () -> {};
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  public LostUpdateStore(Store inner) {
    this.inner = inner;
  }

  /**
   * The next call of {@code repositoryMethod} (a method returning {@code boolean}) in a write
   * transaction answers {@code false} without reaching the inner store; {@code winner} runs once
   * that transaction has ended.
   */
  public void lose(String repositoryMethod, Runnable winner) {
    this.method = repositoryMethod;
    this.winner = winner;
    this.lossesLeft.set(1);
  }

  /** Losses armed but not yet made. */
  public int lossesLeft() {
    return lossesLeft.get();
  }

  @Override
  public String description() {
    return "lost-update " + inner.description();
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
    int[] depth = this.depth.get();
    depth[0]++;
    try {
      return inner.write(tx -> work.run(watched(tx)));
    } finally {
      depth[0]--;
      if (depth[0] == 0 && lost.getAndSet(false)) {
        winner.run();
      }
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
    if (m.getName().equals(method) && m.getReturnType() == boolean.class
        && lossesLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      lost.set(true);
      return false;
    }
    return RepositoryCalls.invoke(repository, m, args);
  }
}
