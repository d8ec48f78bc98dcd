package cloud.quazzar.partner.internal;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.spi.StorageProvider;
import cloud.quazzar.partner.spi.StorageSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the storage provider to use, predictably (STYLE.md, after SLF4J): the named one if the
 * settings name one, else the highest priority, ties by name; every provider that failed to load is
 * logged and reported.
 */
public final class StorageDiscovery {
  private static final Logger LOG = LoggerFactory.getLogger(StorageDiscovery.class);

  /** Highest priority first, then name. */
  static final Comparator<StorageProvider> ORDER =
      Comparator.comparingInt(StorageProvider::priority).reversed().thenComparing(StorageProvider::name);

  private StorageDiscovery() {}

  /** Every provider {@link ServiceLoader} finds through {@code loader}, in selection order. */
  public static Found discover(ClassLoader loader) {
    List<StorageProvider> providers = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Iterator<StorageProvider> it = ServiceLoader.load(StorageProvider.class, loader).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        providers.add(it.next());
      } catch (ServiceConfigurationError e) {
        LOG.warn("a storage provider failed to load and is ignored: {}", e.getMessage(), e);
        errors.add(e.getMessage());
      }
    }
    providers.sort(ORDER);
    return new Found(List.copyOf(providers), List.copyOf(errors));
  }

  /** Chooses among {@code found} by the rules above. */
  public static StorageProvider select(Found found, StorageSettings settings) {
    Optional<String> wanted = settings.providerName();
    if (wanted.isPresent()) {
      return found.providers().stream()
          .filter(p -> p.name().equals(wanted.get()))
          .findFirst()
          .orElseThrow(() -> new ConfigurationException(
              "storage provider '" + wanted.get() + "' not found; found: " + found.describe()));
    }
    if (found.providers().isEmpty()) {
      throw new ConfigurationException("no storage provider found; found: " + found.describe());
    }
    StorageProvider chosen = found.providers().get(0);
    if (found.providers().size() > 1 && found.providers().get(1).priority() == chosen.priority()) {
      LOG.warn("storage providers '{}' and '{}' share priority {}; '{}' wins by name",
          chosen.name(), found.providers().get(1).name(), chosen.priority(), chosen.name());
    }
    return chosen;
  }

  /**
   * What discovery found.
   *
   * @param providers loaded providers in selection order
   * @param errors messages of providers that failed to load
   */
  public record Found(List<StorageProvider> providers, List<String> errors) {
    /** e.g. {@code [jdbc (priority 100, a.b.Jdbc), memory (priority 0, ...)]} plus load errors. */
    public String describe() {
      String list = providers.stream()
          .map(p -> p.name() + " (priority " + p.priority() + ", " + p.getClass().getName() + ")")
          .collect(Collectors.joining(", ", "[", "]"));
      return errors.isEmpty() ? list : list + "; failed to load: " + errors;
    }
  }
}
