/**
 * An example storage adapter for the Quazzar Partner Program: a small in-memory store written
 * against the public SPI only ({@code cloud.quazzar.partner.spi} and the API packages), proved by
 * the storage TCK of {@code partner-testkit}. Copy it to start a store of your own
 * (docs/spi-guide.md).
 *
 * <p>The provider is declared twice, so that the jar works on both paths: here for the module path,
 * and in {@code META-INF/services/cloud.quazzar.partner.spi.StorageProvider} for the class path.
 */
module com.example.partner.store {
  // the SPI and the API types it uses (core's ...internal packages are exported to no one); transitive,
  // since ExampleStorageProvider, which this module exports, names the SPI's types
  requires transitive cloud.quazzar.partner.core;

  // hosts may also hand the provider in directly: builder.storageProvider(new ExampleStorageProvider(), settings)
  exports com.example.partner.store;

  provides cloud.quazzar.partner.spi.StorageProvider with com.example.partner.store.ExampleStorageProvider;
}
