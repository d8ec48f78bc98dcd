package cloud.quazzar.partner.spi;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Settings for opening a store: text values and objects (such as a {@code javax.sql.DataSource})
 * under keys a provider documents, plus the optional {@link #PROVIDER} name that selects a
 * provider. Immutable; {@link #with} returns a copy.
 */
public final class StorageSettings {
  /** Key of the provider name that selects a provider by {@link StorageProvider#name()}. */
  public static final String PROVIDER = "provider";

  private static final StorageSettings EMPTY = new StorageSettings(Map.of());

  private final Map<String, Object> values;

  private StorageSettings(Map<String, Object> values) {
    this.values = values;
  }

  /** No settings: the highest-priority provider with its defaults. */
  public static StorageSettings empty() {
    return EMPTY;
  }

  /** Settings that select the provider of this name. */
  public static StorageSettings provider(String name) {
    return EMPTY.with(PROVIDER, name);
  }

  /** A copy with {@code key} set to {@code value}. */
  public StorageSettings with(String key, Object value) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(key, value);
    return new StorageSettings(Map.copyOf(copy));
  }

  /** The provider name, if one is set. */
  public Optional<String> providerName() {
    return string(PROVIDER);
  }

  /** The value under {@code key} as text, if set ({@link String#valueOf} of a non-text value). */
  public Optional<String> string(String key) {
    Object v = values.get(key);
    return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
  }

  /**
   * The value under {@code key}, if set.
   *
   * @throws ConfigurationException if it is set but not of {@code type}
   */
  public <T> Optional<T> object(String key, Class<T> type) {
    Object v = values.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!type.isInstance(v)) {
      throw new ConfigurationException(
          "storage setting '" + key + "' must be a " + type.getName() + " but is a " + v.getClass().getName());
    }
    return Optional.of(type.cast(v));
  }

  /**
   * The value under {@code key} as an int, or {@code defaultValue}.
   *
   * @throws ConfigurationException if it is set but not an integer within {@code min..max}
   */
  public int integer(String key, int defaultValue, int min, int max) {
    Optional<String> text = string(key);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      int v = Integer.parseInt(text.get().strip());
      if (v < min || v > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ConfigurationException(
          "storage setting '" + key + "' must be an integer from " + min + " to " + max + ", got '" + text.get() + "'");
    }
  }

  /**
   * The value under {@code key} as a boolean ({@code true}/{@code false}), or {@code defaultValue}.
   *
   * @throws ConfigurationException if it is set to anything else
   */
  public boolean flag(String key, boolean defaultValue) {
    Optional<String> text = string(key);
    if (text.isEmpty()) {
      return defaultValue;
    }
    return switch (text.get().strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigurationException(
          "storage setting '" + key + "' must be true or false, got '" + text.get() + "'");
    };
  }

  /** Every setting, unmodifiable. */
  public Map<String, Object> asMap() {
    return values;
  }

  /** Lists the keys and text values; values of keys containing "password" are masked. */
  @Override
  public String toString() {
    Map<String, Object> shown = new TreeMap<>();
    values.forEach((k, v) -> shown.put(k, k.toLowerCase(java.util.Locale.ROOT).contains("password") ? "****" : v));
    return "StorageSettings" + shown;
  }
}
