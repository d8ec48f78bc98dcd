package cloud.quazzar.partner.testkit;

import cloud.quazzar.partner.spi.StoreTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.jspecify.annotations.Nullable;

/**
 * The plumbing the test stores share (they race, lose updates, hide rows, refuse nulls, count
 * calls): a transaction whose repositories pass every call through a handler. Uses only the public
 * SPI.
 */
public final class RepositoryCalls {
  /** What happens to one repository call; {@link #invoke} lets it through to the repository. */
  @FunctionalInterface
  public interface Handler {
    /**
     * @param repository the real repository
     * @param method the repository method called
     * @param args its arguments (null for none, as {@link java.lang.reflect.InvocationHandler} gives them)
     * @return the call's result
     * @throws Throwable what the call throws
     */
    @Nullable Object call(Object repository, Method method, @Nullable Object @Nullable [] args) throws Throwable;
  }

  private RepositoryCalls() {}

  /**
   * {@code tx}, with every repository it hands out passing its calls through {@code handler} (the
   * methods of {@link Object} aside, which go straight to the repository).
   */
  public static StoreTransaction intercepted(StoreTransaction tx, Handler handler) {
    return (StoreTransaction) Proxy.newProxyInstance(StoreTransaction.class.getClassLoader(),
        new Class<?>[] {StoreTransaction.class}, (proxy, m, args) -> {
          Object repository = invoke(tx, m, args);
          if (m.getDeclaringClass() == Object.class || repository == null) {
            return repository;
          }
          Class<?> type = m.getReturnType();
          return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, call, callArgs) ->
              call.getDeclaringClass() == Object.class ? invoke(repository, call, callArgs)
                  : handler.call(repository, call, callArgs));
        });
  }

  /** Calls {@code method} on {@code target}, throwing what the method throws (not its reflective wrapper). */
  public static @Nullable Object invoke(Object target, Method method, @Nullable Object @Nullable [] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
