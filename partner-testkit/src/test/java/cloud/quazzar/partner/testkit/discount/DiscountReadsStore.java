package cloud.quazzar.partner.testkit.discount;

import cloud.quazzar.partner.spi.DiscountRepository;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreTransaction;
import cloud.quazzar.partner.spi.StoreWork;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store over another one that counts the calls to its {@link DiscountRepository} by method name
 * ({@code revision}, {@code policyVersions}, {@code allAdjustments}, ...), in read and write
 * transactions alike: what a program's discount engine costs the store. Uses only the public SPI.
 */
final class DiscountReadsStore implements Store {
  private final Store inner;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  DiscountReadsStore(Store inner) {
    this.inner = inner;
  }

  /** The calls counted since the last {@link #reset}, by method name; methods not called are absent. */
  Map<String, Integer> calls() {
    Map<String, Integer> out = new TreeMap<>();
    calls.forEach((name, n) -> out.put(name, n.get()));
    return out;
  }

  /** Starts counting from zero. */
  void reset() {
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
    return (StoreTransaction) Proxy.newProxyInstance(StoreTransaction.class.getClassLoader(),
        new Class<?>[] {StoreTransaction.class}, (proxy, m, args) -> {
          Object result = invoke(tx, m, args);
          if (!m.getName().equals("discounts") || m.getParameterCount() != 0) {
            return result;
          }
          DiscountRepository repository = (DiscountRepository) result;
          return Proxy.newProxyInstance(DiscountRepository.class.getClassLoader(), new Class<?>[] {DiscountRepository.class},
              (p, method, a) -> {
                if (method.getDeclaringClass() != Object.class) {
                  calls.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
                }
                return invoke(repository, method, a);
              });
        });
  }

  private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
