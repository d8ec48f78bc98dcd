package cloud.quazzar.partner.internal;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.spi.StorageProvider;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
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
 * Finds the storage provider to use, predictably (after SLF4J): the named one if the settings name
 * one, else the highest priority, ties by name; every provider that failed to load is logged and
 * reported. Discovery never settles for a volatile store: a store it opens without a provider
 * named must be {@linkplain Store#durable() durable}, or it is closed and the build fails saying
 * how to choose ({@link #GUIDANCE}).
 */
public final class StorageDiscovery {
  private static final Logger LOG = LoggerFactory.getLogger(StorageDiscovery.class);

  /** Highest priority first, then name. */
  static final Comparator<StorageProvider> ORDER =
      Comparator.comparingInt(StorageProvider::priority).reversed().thenComparing(StorageProvider::name);

  /** How a host chooses its storage; the end of every "no durable store" message. */
  public static final String GUIDANCE = "Choose the storage: add partner-jdbc-adapter to the class path and name a"
      + " database with builder.storage(JdbcStorage.h2File(path)), .storage(JdbcStorage.url(jdbcUrl, user, password))"
      + " or .storage(JdbcStorage.dataSource(dataSource)); or choose the volatile in-memory store explicitly with"
      + " builder.store(MemoryStorage.create()) (its data is lost when the process exits).";

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

  /**
   * Chooses among {@code found} by the rules above, without opening anything.
   *
   * @throws ConfigurationException if the named provider is missing, or none was found, listing
   *     what was found
   */
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
      throw new ConfigurationException("no store chosen and no durable store available: storage discovery found no"
          + " storage provider (found: " + found.describe() + "). " + GUIDANCE);
    }
    StorageProvider chosen = found.providers().get(0);
    if (found.providers().size() > 1 && found.providers().get(1).priority() == chosen.priority()) {
      LOG.warn("storage providers '{}' and '{}' share priority {}; '{}' wins by name",
          chosen.name(), found.providers().get(1).name(), chosen.priority(), chosen.name());
    }
    return chosen;
  }

  /**
   * Selects a provider from {@code found} and opens its store with {@code settings}. A provider
   * named in the settings is an explicit choice, kept even if its store is volatile. Without a
   * name, the store must be durable: a volatile one is closed, and so is a failure to open it
   * reported with what discovery found and how to choose.
   *
   * @throws ConfigurationException if no provider fits, the store cannot be opened, or discovery
   *     opened a volatile store
   */
  public static Opened open(Found found, StorageSettings settings) {
    StorageProvider chosen = select(found, settings);
    if (settings.providerName().isPresent()) {
      return new Opened(chosen.name(), chosen.open(settings), "named in the storage settings");
    }
    String where = "storage discovery found " + found.describe() + " and chose '" + chosen.name() + "'";
    Store store;
    try {
      store = chosen.open(settings);
    } catch (ConfigurationException e) {
      String message = String.valueOf(e.getMessage());
      throw new ConfigurationException("no store chosen and no durable store available: " + where
          + ", which cannot open: " + message
          // the JDBC provider's message already says how to choose (its settings, or the memory store)
          + (message.contains("MemoryStorage.create()") ? "" : ". " + GUIDANCE), e);
    }
    boolean durable;
    try {
      durable = store.durable();
    } catch (RuntimeException e) {
      closeAfterFailure(store, e);
      throw e;
    }
    if (!durable) {
      String description = store.description();
      ConfigurationException refused = new ConfigurationException("no store chosen and no durable store available: "
          + where + ", whose store (" + description + ") is volatile; discovery never chooses a volatile store, so it"
          + " was closed. " + GUIDANCE + " To use this volatile store anyway, name its provider:"
          + " StorageSettings.provider(\"" + chosen.name() + "\").");
      closeAfterFailure(store, refused);
      throw refused;
    }
    return new Opened(chosen.name(), store, "found by discovery");
  }

  private static void closeAfterFailure(Store store, RuntimeException failure) {
    try {
      store.close();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * What discovery found.
   *
   * @param providers loaded providers in selection order
   * @param errors messages of providers that failed to load
   */
  public record Found(List<StorageProvider> providers, List<String> errors) {
    /** e.g. {@code [jdbc (priority 100, a.b.Jdbc)]} plus load errors; {@code []} for none. */
    public String describe() {
      String list = providers.stream()
          .map(p -> p.name() + " (priority " + p.priority() + ", " + p.getClass().getName() + ")")
          .collect(Collectors.joining(", ", "[", "]"));
      return errors.isEmpty() ? list : list + "; failed to load: " + errors;
    }
  }

  /**
   * A store that discovery opened.
   *
   * @param provider the provider's name
   * @param store the open store; the caller owns it
   * @param how how the provider was chosen, for the start-up log line
   */
  public record Opened(String provider, Store store, String how) {}
}
