package cloud.quazzar.partner.spi;

import cloud.quazzar.partner.ConfigurationException;

/**
 * A kind of store, found with {@link java.util.ServiceLoader} (list the implementation in {@code
 * META-INF/services/cloud.quazzar.partner.spi.StorageProvider}) or handed to the builder directly.
 *
 * <p>Selection, when the host gives no store and no provider: the provider whose {@link #name()}
 * equals {@link StorageSettings#providerName()}, if the settings name one (a missing one is a
 * {@link ConfigurationException} listing every provider found); otherwise discovery takes the
 * highest {@link #priority()}, ties broken by name, and keeps the store it opens only if that store
 * is {@linkplain Store#durable() durable}: discovery never chooses a volatile store (it closes it
 * and fails with a {@link ConfigurationException} that says how to choose). No provider at all is
 * the same {@link ConfigurationException}. The JDBC store has priority {@value #PRIORITY_JDBC}. The
 * in-memory store has no provider: hosts choose it with {@code
 * cloud.quazzar.partner.memory.MemoryStorage.create()}.
 *
 * <p>Implementations need a public no-argument constructor and must be cheap to construct:
 * discovery instantiates every provider on the class path. Prove an implementation with the TCK in
 * {@code partner-testkit}.
 */
public interface StorageProvider {
  /** Priority of the JDBC store. */
  int PRIORITY_JDBC = 100;

  /**
   * A short, unique, lower-case name used in {@link StorageSettings#provider}, e.g. {@code jdbc}.
   *
   * @return the provider's name
   */
  String name();

  /**
   * Higher wins when no provider is named.
   *
   * @return the priority
   */
  int priority();

  /**
   * Opens a store. The caller owns the result and closes it.
   *
   * @param settings the storage settings
   * @return the open store
   * @throws ConfigurationException if the settings are invalid, incomplete (nothing says where the
   *     data lives) or contradict each other, or the store cannot be reached or prepared (for
   *     example a failed schema migration)
   */
  Store open(StorageSettings settings);
}
