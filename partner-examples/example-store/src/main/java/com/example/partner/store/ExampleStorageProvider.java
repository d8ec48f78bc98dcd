package com.example.partner.store;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.spi.StorageProvider;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import java.util.List;

/**
 * The example store's provider, found by {@link java.util.ServiceLoader} under the name {@value
 * #NAME}. Its store keeps the data in memory, so it is volatile: storage discovery never chooses it
 * on its own, and a host chooses it by name, {@code
 * PartnerProgram.builder().storage(StorageSettings.provider("example"))}, or hands the provider in,
 * {@code builder().storageProvider(new ExampleStorageProvider(), StorageSettings.empty())}.
 *
 * <p>A public class with a public no-argument constructor that does nothing: discovery instantiates
 * every provider it finds, so construction must be cheap and must not fail.
 */
public final class ExampleStorageProvider implements StorageProvider {
  /** The provider's name, for {@link StorageSettings#provider(String)}. */
  public static final String NAME = "example";

  /** A provider; opening a store is {@link #open}'s work. */
  public ExampleStorageProvider() {}

  /**
   * The provider's name, {@value #NAME}.
   *
   * @return {@value #NAME}
   */
  @Override
  public String name() {
    return NAME;
  }

  /**
   * 10, below the JDBC store's {@value StorageProvider#PRIORITY_JDBC}: where both are on the class path
   * and no provider is named, discovery opens the JDBC store. (Discovery would refuse this volatile
   * store anyway: it keeps only a durable one.)
   *
   * @return 10
   */
  @Override
  public int priority() {
    return 10;
  }

  /**
   * A new, empty store. Two stores opened here share nothing.
   *
   * @param settings the storage settings: the provider's name at most, since this store takes no
   *     settings of its own
   * @return a new, empty, open store
   * @throws ConfigurationException naming every setting other than {@link StorageSettings#PROVIDER}:
   *     a setting meant for another store, or mistyped, is never silently ignored
   */
  @Override
  public Store open(StorageSettings settings) {
    List<String> unknown = settings.asMap().keySet().stream()
        .filter(key -> !key.equals(StorageSettings.PROVIDER))
        .sorted()
        .toList();
    if (!unknown.isEmpty()) {
      throw new ConfigurationException("the '" + NAME + "' store takes no settings, got " + unknown
          + ": it keeps its data in memory, so nothing says where the data lives");
    }
    return new ExampleStore();
  }
}
