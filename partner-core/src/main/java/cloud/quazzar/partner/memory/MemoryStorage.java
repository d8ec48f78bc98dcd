package cloud.quazzar.partner.memory;

import cloud.quazzar.partner.internal.memory.MemoryStore;
import cloud.quazzar.partner.spi.Store;

/**
 * The in-memory store, chosen explicitly: for tests, benchmarks, examples and hosts that do not
 * need their data after the process ends. It is <b>volatile</b>: everything in it is lost when the
 * JVM exits, and its {@link Store#durable()} is false. It has no storage provider, so discovery
 * never finds it: this factory is the only way to choose it, and the program's start-up log line
 * then says {@code memory (volatile: data is lost when the process exits)}.
 *
 * <pre>{@code
 * Store memory = MemoryStorage.create();
 * try (PartnerProgram program = PartnerProgram.builder().store(memory).build()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>The store is thread-safe and atomic (a write that throws leaves nothing behind). Several
 * programs given the same store share its data, as several nodes share one database. The caller
 * owns the store: a program built with {@code store(...)} never closes it.
 */
public final class MemoryStorage {
  private MemoryStorage() {}

  /**
   * A new, empty, volatile in-memory store.
   *
   * @return a new store
   */
  public static Store create() {
    return new MemoryStore();
  }
}
