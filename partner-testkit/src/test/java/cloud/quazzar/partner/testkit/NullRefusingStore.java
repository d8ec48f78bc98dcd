package cloud.quazzar.partner.testkit;

import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreTransaction;
import cloud.quazzar.partner.spi.StoreWork;
import java.lang.reflect.Method;

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
    return RepositoryCalls.intercepted(tx, NullRefusingStore::refusingNull);
  }

  private static Object refusingNull(Object repository, Method m, Object[] args) throws Throwable {
    if (args != null) {
      for (int i = 0; i < args.length; i++) {
        if (args[i] == null) {
          throw new AssertionError("the core passed null as argument " + i + " of the store's "
              + m.getDeclaringClass().getSimpleName() + "." + m.getName() + ", which the null-marked SPI never allows");
        }
      }
    }
    return RepositoryCalls.invoke(repository, m, args);
  }
}
