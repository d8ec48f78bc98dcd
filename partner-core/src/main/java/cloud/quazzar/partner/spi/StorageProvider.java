package cloud.quazzar.partner.spi;

import cloud.quazzar.partner.ConfigurationException;

/**
 * A kind of store, found with {@link java.util.ServiceLoader} (list the implementation in {@code
 * META-INF/services/cloud.quazzar.partner.spi.StorageProvider}) or handed to the builder directly.
 *
 * <p>Selection, when the host gives no store: the provider whose {@link #name()} equals {@link
 * StorageSettings#provider()}, if set (a missing one is a {@link ConfigurationException} listing
 * every provider found); otherwise the highest {@link #priority()}, ties broken by name. The
 * in-memory store has priority {@value #PRIORITY_MEMORY}, the JDBC store {@value #PRIORITY_JDBC}.
 *
 * <p>Implementations need a public no-argument constructor and must be cheap to construct:
 * discovery instantiates every provider on the class path. Prove an implementation with the TCK in
 * {@code partner-testkit}.
 */
public interface StorageProvider {
  /** Priority of the in-memory store: the lowest, the fallback for tests and small hosts. */
  int PRIORITY_MEMORY = 0;

  /** Priority of the JDBC store. */
  int PRIORITY_JDBC = 100;

  /** A short, unique, lower-case name used in {@link StorageSettings#provider()}, e.g. {@code jdbc}. */
  String name();

  /** Higher wins when no provider is named. */
  int priority();

  /**
   * Opens a store. The caller owns the result and closes it.
   *
   * @throws ConfigurationException if the settings are invalid or the store cannot be reached or
   *     prepared (for example a failed schema migration)
   */
  Store open(StorageSettings settings);
}
