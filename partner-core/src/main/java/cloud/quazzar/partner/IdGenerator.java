package cloud.quazzar.partner;

import java.util.UUID;

/**
 * The one source of new ids in a program. The default is {@link #random()}; tests replace it
 * (the testkit has a sequential one) to make ids predictable.
 *
 * <p>Implementations must be thread-safe and never return the same id twice.
 */
@FunctionalInterface
public interface IdGenerator {
  /**
   * A new id, never returned before by this generator.
   *
   * @return a new id
   */
  UUID next();

  /**
   * Random (version 4) UUIDs from {@link UUID#randomUUID()}.
   *
   * @return a generator of random ids
   */
  static IdGenerator random() {
    return UUID::randomUUID;
  }
}
