package cloud.quazzar.partner.internal.memory;

import cloud.quazzar.partner.spi.StorageProvider;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;

/** Provider {@code memory}: the lowest-priority default, for tests and small hosts. No settings. */
public final class MemoryStorageProvider implements StorageProvider {
  public static final String NAME = "memory";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return PRIORITY_MEMORY;
  }

  @Override
  public Store open(StorageSettings settings) {
    return new MemoryStore();
  }
}
