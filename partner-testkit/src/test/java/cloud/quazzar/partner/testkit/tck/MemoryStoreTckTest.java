package cloud.quazzar.partner.testkit.tck;

import cloud.quazzar.partner.internal.memory.MemoryStorageProvider;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import org.junit.jupiter.api.DisplayName;

/** The in-memory store passes the TCK (core cannot test itself with the testkit: it would be a cycle). */
@DisplayName("Memory store TCK")
class MemoryStoreTckTest extends StoreTck {
  @Override
  protected Store newStore() {
    return new MemoryStorageProvider().open(StorageSettings.empty());
  }

  @Override
  protected int propertyExamples() {
    return 200;
  }
}
