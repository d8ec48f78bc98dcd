package com.example.partner.store;

import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.tck.StoreTck;
import cloud.quazzar.partner.testkit.tck.StoredText;

/**
 * The example store passes the storage TCK: every contract of {@link StoreTck}, each test on a new,
 * empty store opened the way a host opens it. (Named {@code ...Test} so that Surefire's default
 * includes find it; a test class Surefire does not find runs no test at all.)
 */
class ExampleStoreTckTest extends StoreTck {
  @Override
  protected Store newStore() {
    return new ExampleStorageProvider().open(StorageSettings.provider(ExampleStorageProvider.NAME));
  }

  @Override
  protected StoredText storedText() {
    return StoredText.reachableFrom(store);
  }
}
