package cloud.quazzar.partner.testkit.tck;

import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.testkit.Examples;
import cloud.quazzar.partner.spi.Store;
import org.junit.jupiter.api.DisplayName;

/** The in-memory store passes the TCK (core cannot test itself with the testkit: it would be a cycle). */
@DisplayName("Memory store TCK")
class MemoryStoreTckTest extends StoreTck {
  @Override
  protected Store newStore() {
    return MemoryStorage.create();
  }

  @Override
  protected StoredText storedText() {
    return StoredText.reachableFrom(store);
  }

  @Override
  protected int propertyExamples() {
    return Examples.scaled(200);
  }
}
