package cloud.quazzar.partner.internal;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreTransaction;
import cloud.quazzar.partner.spi.StoreWork;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store over another one that makes a write lose a race on demand, as a database under several
 * nodes does: armed with {@link #collideOnce}, the next write transaction that calls the named
 * repository method gets the {@link ConflictException} the store would raise there (a unique key
 * or a compare-and-set lost to a concurrent transaction); the transaction rolls back, and before
 * the conflict reaches the caller the competitor's change commits (typically through a second
 * program on the same underlying store). So the caller's next attempt sees the winner's data, as it
 * would after a real race. Every call of a repository method is recorded with its arguments.
 */
final class CollidingStore implements Store {
  private final Store delegate;
  private final AtomicInteger writes = new AtomicInteger();
  private final List<String> calls = new ArrayList<>();
  private volatile String method = "";
  private volatile ConflictException.Reason reason = ConflictException.Reason.DUPLICATE;
  private volatile Runnable competitor = () -> {};
  private final AtomicInteger collisionsLeft = new AtomicInteger();
  private volatile ConflictException thrown;

  CollidingStore(Store delegate) {
    this.delegate = delegate;
  }

  /**
   * The next {@code times} write transactions that call {@code repositoryMethod} lose the race:
   * the call throws a {@code reason} conflict, and once the transaction rolled back, {@code
   * competitor} runs (and commits).
   */
  void collide(String repositoryMethod, ConflictException.Reason reason, int times, Runnable competitor) {
    this.method = repositoryMethod;
    this.reason = reason;
    this.competitor = competitor;
    this.collisionsLeft.set(times);
  }

  /** {@link #collide} once with a {@code DUPLICATE}, as a unique key taken meanwhile. */
  void collideOnce(String repositoryMethod, Runnable competitor) {
    collide(repositoryMethod, ConflictException.Reason.DUPLICATE, 1, competitor);
  }

  /** Write transactions started so far (each attempt of a retried write is one). */
  int writes() {
    return writes.get();
  }

  /** Collisions armed but not yet made. */
  int collisionsLeft() {
    return collisionsLeft.get();
  }

  /** Every repository call so far, as {@code method(arg, arg, ...)}. */
  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public String description() {
    return "colliding " + delegate.description();
  }

  @Override
  public boolean durable() {
    return delegate.durable();
  }

  @Override
  public <T> T read(StoreWork<T> work) {
    return delegate.read(tx -> work.run(watched(tx)));
  }

  @Override
  public <T> T write(StoreWork<T> work) {
    writes.incrementAndGet();
    try {
      return delegate.write(tx -> work.run(watched(tx)));
    } catch (ConflictException e) {
      if (e == thrown) {
        thrown = null;
        competitor.run(); // the winner commits while the loser's transaction is rolled back
      }
      throw e;
    }
  }

  @Override
  public void close() {
    delegate.close();
  }

  private StoreTransaction watched(StoreTransaction tx) {
    return (StoreTransaction) Proxy.newProxyInstance(StoreTransaction.class.getClassLoader(),
        new Class<?>[] {StoreTransaction.class}, (proxy, m, args) -> {
          Object repository = invoke(tx, m, args);
          if (m.getDeclaringClass() == Object.class) {
            return repository;
          }
          Class<?> type = m.getReturnType();
          return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, repositoryHandler(repository));
        });
  }

  private InvocationHandler repositoryHandler(Object repository) {
    return (proxy, m, args) -> {
      if (m.getDeclaringClass() == Object.class) {
        return invoke(repository, m, args);
      }
      synchronized (this) {
        calls.add(m.getName() + "(" + (args == null ? "" : String.join(", ", List.of(args).stream().map(String::valueOf).toList())) + ")");
      }
      if (m.getName().equals(method) && collisionsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        ConflictException e = new ConflictException(reason, "simulated: a concurrent transaction won the race at " + method);
        thrown = e;
        throw e;
      }
      return invoke(repository, m, args);
    };
  }

  private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
