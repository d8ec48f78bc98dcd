package cloud.quazzar.partner.testkit;

import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreTransaction;
import cloud.quazzar.partner.spi.StoreWork;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store over another one that counts the calls to one of its repositories by method name, in
 * read and write transactions alike: what a part of the program costs the store (the discount
 * engine's {@code revision} reads, the ledger's {@code clientTotals} queries, ...). Uses only the
 * public SPI.
 */
public final class CountingStore implements Store {
  private final Store inner;
  /** The type of the repository whose calls are counted. */
  private final Class<?> counted;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  /**
   * @param inner the store that does the work
   * @param repository the {@link StoreTransaction} method giving the repository to count, such as
   *     {@code "discounts"} or {@code "partners"}
   */
  public CountingStore(Store inner, String repository) {
    try {
      this.counted = StoreTransaction.class.getMethod(repository).getReturnType();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("StoreTransaction has no repository " + repository + "()", e);
    }
    this.inner = inner;
  }

  /** The calls counted since the last {@link #reset}, by method name; methods not called are absent. */
  public Map<String, Integer> calls() {
    Map<String, Integer> out = new TreeMap<>();
    calls.forEach((name, n) -> out.put(name, n.get()));
    return out;
  }

  /** Starts counting from zero. */
  public void reset() {
    calls.clear();
  }

  @Override
  public String description() {
    return "counting " + inner.description();
  }

  @Override
  public boolean durable() {
    return inner.durable();
  }

  @Override
  public <T> T read(StoreWork<T> work) {
    return inner.read(tx -> work.run(counted(tx)));
  }

  @Override
  public <T> T write(StoreWork<T> work) {
    return inner.write(tx -> work.run(counted(tx)));
  }

  @Override
  public void close() {
    inner.close();
  }

  private StoreTransaction counted(StoreTransaction tx) {
    return RepositoryCalls.intercepted(tx, (repo, method, a) -> {
      if (method.getDeclaringClass() == counted) {
        calls.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
      }
      return RepositoryCalls.invoke(repo, method, a);
    });
  }
}
