package com.example.partner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.spi.StorageProvider;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the TCK does not check: how hosts find and open the store. */
class ExampleStorageProviderTest {
  @Test
  @DisplayName("a host that names the provider gets the example store through discovery")
  void foundByName() {
    try (PartnerProgram program = PartnerProgram.builder()
        .storage(StorageSettings.provider(ExampleStorageProvider.NAME))
        .build()) {
      assertTrue(program.store().unwrap(ExampleStore.class).isPresent(),
          "discovery (ServiceLoader) opened the example store: " + program.store().description());
      Partner added = program.registry().add(new NewPartner("Atlas Cloud", "partners@atlas.example", Tier.GOLD));
      assertEquals(added, program.registry().get(added.id()), "the store keeps what the program writes");
    }
  }

  @Test
  @DisplayName("discovery never picks the store on its own: it is volatile")
  void volatileStoreIsNeverDiscovered() {
    Store store = new ExampleStorageProvider().open(StorageSettings.empty());
    try {
      assertFalse(store.durable(), "an in-memory store is not durable");
    } finally {
      store.close();
    }
    assertThrows(ConfigurationException.class, () -> PartnerProgram.builder().build(),
        "with no provider named, discovery refuses the only store it finds, a volatile one");
  }

  @Test
  @DisplayName("a setting the store does not know is refused, naming it")
  void unknownSettings() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> new ExampleStorageProvider()
        .open(StorageSettings.provider(ExampleStorageProvider.NAME).with("example.path", "/srv/partners")));
    assertTrue(String.valueOf(e.getMessage()).contains("example.path"), "the message names the setting: " + e.getMessage());
  }

  @Test
  @DisplayName("the provider is registered for the class path too, in META-INF/services")
  void registeredForTheClassPath() throws IOException {
    String file = "/META-INF/services/" + StorageProvider.class.getName();
    try (InputStream in = ExampleStorageProvider.class.getResourceAsStream(file)) {
      assertTrue(in != null, file + " is in the jar");
      assertEquals(ExampleStorageProvider.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).strip(),
          file + " names the provider");
    }
  }

  @Test
  @DisplayName("a write inside a read is refused, a work that carries on after a failed call is rolled back, a closed store refuses work")
  void transactionRules() {
    Store store = new ExampleStorageProvider().open(StorageSettings.empty());
    assertThrows(IllegalStateException.class, () -> store.read(tx -> store.write(inner -> inner.events().lastSequence())),
        "a write transaction cannot start inside a read transaction");
    assertThrows(IllegalStateException.class, () -> store.read(tx -> tx.events().append(List.of())),
        "a repository write in a read transaction is refused");
    store.write(tx -> {
      tx.reviews().appendPolicy(1, ReviewPolicy.DEFAULT, Instant.EPOCH);
      return true;
    });
    assertThrows(StorageException.class, () -> store.write(tx -> {
      try {
        tx.reviews().appendPolicy(1, ReviewPolicy.DEFAULT, Instant.EPOCH);
      } catch (ConflictException duplicate) {
        // swallowed: the transaction is unusable all the same
      }
      tx.reviews().appendPolicy(2, ReviewPolicy.DEFAULT, Instant.EPOCH);
      return true;
    }), "a work that carries on after a failed call is rolled back with a StorageException");
    assertEquals(1, (int) store.read(tx -> tx.reviews().lastPolicyVersion()), "nothing of that work is stored");
    store.close();
    store.close();
    assertThrows(StorageException.class, () -> store.read(tx -> tx.events().lastSequence()), "a closed store refuses work");
  }
}
