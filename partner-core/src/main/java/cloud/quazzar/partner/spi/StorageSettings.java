package cloud.quazzar.partner.spi;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Settings for opening a store: text values and objects (such as a {@code javax.sql.DataSource})
 * under keys a provider documents, plus the optional {@link #PROVIDER} name that selects a
 * provider. Immutable; {@link #with} returns a copy.
 *
 * <p>Each key may be set once, like every builder option of the library: {@link #with} on a key
 * that is already set (also {@link #PROVIDER} on settings that already name a provider) is a
 * {@link ConfigurationException} naming the key, never a silent replacement. A null or blank key
 * and a null value are a {@link ValidationException}.
 */
public final class StorageSettings {
  /** Key of the provider name that selects a provider by {@link StorageProvider#name()}. */
  public static final String PROVIDER = "provider";

  private static final StorageSettings EMPTY = new StorageSettings(Map.of());

  private final Map<String, Object> values;

  private StorageSettings(Map<String, Object> values) {
    this.values = values;
  }

  /**
   * No settings. Given to discovery, they name no provider: the highest-priority one is opened with
   * its defaults and kept only if its store is durable (the JDBC store without a database fails).
   *
   * @return empty settings
   */
  public static StorageSettings empty() {
    return EMPTY;
  }

  /**
   * Settings that select the provider of this name.
   *
   * @param name the provider's name
   * @return the settings
   * @throws ValidationException ({@code provider}) if {@code name} is null or blank
   */
  public static StorageSettings provider(String name) {
    if (name == null || name.isBlank()) {
      throw ValidationException.of(PROVIDER, "must be a provider's name, got " + (name == null ? "null" : "'" + name + "'"));
    }
    return EMPTY.with(PROVIDER, name);
  }

  /**
   * A copy with {@code key} set to {@code value}.
   *
   * @param key the key
   * @param value the value
   * @return the changed copy
   * @throws ValidationException ({@code key}, {@code value}) if {@code key} is null or blank or
   *     {@code value} is null, listing both
   * @throws ConfigurationException if {@code key} is already set (each key may be set once)
   */
  public StorageSettings with(String key, Object value) {
    List<Violation> violations = new ArrayList<>(2);
    if (key == null || key.isBlank()) {
      violations.add(new Violation("key", "must be a setting's name, got " + (key == null ? "null" : "'" + key + "'")));
    }
    if (value == null) {
      violations.add(new Violation("value", "must not be null" + (key == null ? "" : " (setting '" + key + "')")));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    if (values.containsKey(key)) {
      // the old value is not shown: it may be a password or a URL holding one
      throw new ConfigurationException("storage setting '" + key + "' is already set: each setting may be set once");
    }
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(key, value);
    return new StorageSettings(Map.copyOf(copy));
  }

  /**
   * The provider name, if one is set.
   *
   * @return the provider's name, or empty
   */
  public Optional<String> providerName() {
    return string(PROVIDER);
  }

  /**
   * The value under {@code key} as text, if set ({@link String#valueOf} of a non-text value).
   *
   * @param key the key
   * @return the value as text, or empty if it is not set
   * @throws ValidationException ({@code key}) if {@code key} is null
   */
  public Optional<String> string(String key) {
    Object v = values.get(given(key));
    return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
  }

  /**
   * The value under {@code key}, if set.
   *
   * @param <T> the type wanted
   * @param key the key
   * @param type the class wanted
   * @return the value, or empty if it is not set
   * @throws ConfigurationException if it is set but not of {@code type}
   * @throws ValidationException ({@code key}, {@code type}) if either is null
   */
  public <T> Optional<T> object(String key, Class<T> type) {
    if (type == null) {
      throw ValidationException.of("type", "must not be null");
    }
    Object v = values.get(given(key));
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
   * @param key the key
   * @param defaultValue the value when the key is not set
   * @param min the lowest value allowed
   * @param max the highest value allowed
   * @return the value
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
   * @param key the key
   * @param defaultValue the value when the key is not set
   * @return the value
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

  private static String given(String key) {
    if (key == null) {
      throw ValidationException.of("key", "must not be null");
    }
    return key;
  }

  /**
   * Every setting, unmodifiable.
   *
   * @return the settings by key
   */
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
