package cloud.quazzar.partner.testkit;

import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreTransaction;
import cloud.quazzar.partner.spi.StoreWork;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A store over another one that fails the test when the core hands a repository method a null
 * argument. The SPI is null-marked, so a store may assume it never gets one (a JDBC store would
 * bind it as SQL NULL, or throw): the core must refuse a null id with its {@code
 * ValidationException} before it asks the store anything. Uses only the public SPI.
 */
public final class NullRefusingStore implements Store {
  private final Store inner;

  public NullRefusingStore(Store inner) {
    this.inner = inner;
  }

  @Override
  public String description() {
    return "null-refusing " + inner.description();
  }

  @Override
  public boolean durable() {
    return inner.durable();
  }

  @Override
  public <T> T read(StoreWork<T> work) {
    return inner.read(tx -> work.run(watched(tx)));
  }

  @Override
  public <T> T write(StoreWork<T> work) {
    return inner.write(tx -> work.run(watched(tx)));
  }

  @Override
  public void close() {
    inner.close();
  }

  private static StoreTransaction watched(StoreTransaction tx) {
    return (StoreTransaction) Proxy.newProxyInstance(StoreTransaction.class.getClassLoader(),
        new Class<?>[] {StoreTransaction.class}, (proxy, m, args) -> {
          Object repository = invoke(tx, m, args);
          if (m.getDeclaringClass() == Object.class) {
            return repository;
          }
          Class<?> type = m.getReturnType();
          return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, refusingNull(repository));
        });
  }

  private static InvocationHandler refusingNull(Object repository) {
    return (proxy, m, args) -> {
      if (m.getDeclaringClass() != Object.class && args != null) {
        for (int i = 0; i < args.length; i++) {
          if (args[i] == null) {
            throw new AssertionError("the core passed null as argument " + i + " of the store's "
                + m.getDeclaringClass().getSimpleName() + "." + m.getName() + ", which the null-marked SPI never allows");
          }
        }
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
