package cloud.quazzar.partner.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.spi.StorageProvider;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StorageDiscoveryTest {
  record Fake(String name, int priority) implements StorageProvider {
    @Override
    public Store open(StorageSettings settings) {
      throw new UnsupportedOperationException();
    }
  }

  private static StorageDiscovery.Found found(StorageProvider... providers) {
    List<StorageProvider> list = new ArrayList<>(List.of(providers));
    list.sort(StorageDiscovery.ORDER);
    return new StorageDiscovery.Found(List.copyOf(list), List.of());
  }

  @Test
  @DisplayName("ServiceLoader finds no provider in core: the in-memory store is never discovered")
  void findsNothingInCore() {
    StorageDiscovery.Found f = StorageDiscovery.discover(getClass().getClassLoader());
    assertEquals(List.of(), f.providers(), f.describe());
    assertEquals("[]", f.describe());
  }

  @Test
  @DisplayName("without a name the highest priority wins, ties broken by name")
  void priorityThenName() {
    assertEquals("b", StorageDiscovery.select(found(new Fake("a", 1), new Fake("b", 5)), StorageSettings.empty()).name());
    assertEquals("a", StorageDiscovery.select(found(new Fake("b", 5), new Fake("a", 5)), StorageSettings.empty()).name());
  }

  @Test
  @DisplayName("a named provider wins over priority")
  void namedWins() {
    assertEquals("a", StorageDiscovery.select(found(new Fake("a", 1), new Fake("b", 5)), StorageSettings.provider("a")).name());
  }

  @Test
  @DisplayName("a missing named provider is an error that lists every provider found")
  void missingNamed() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> StorageDiscovery.select(found(new Fake("a", 1), new Fake("b", 5)), StorageSettings.provider("c")));
    assertTrue(e.getMessage().contains("'c' not found"), e.getMessage());
    assertTrue(e.getMessage().contains("a (priority 1"), e.getMessage());
    assertTrue(e.getMessage().contains("b (priority 5"), e.getMessage());
  }

  @Test
  @DisplayName("no provider at all is an error, never a silent fallback")
  void none() {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> StorageDiscovery.select(found(), StorageSettings.empty()));
    assertTrue(e.getMessage().endsWith(StorageDiscovery.GUIDANCE), e.getMessage());
  }
}
