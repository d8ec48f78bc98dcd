package cloud.quazzar.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.internal.memory.MemoryStorageProvider;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PartnerProgramTest {
  @Test
  @DisplayName("with no storage configured, discovery picks the only provider on core's class path: memory")
  void discoversMemory() {
    try (PartnerProgram program = PartnerProgram.builder().build()) {
      assertEquals("memory", program.store().description());
      Partner p = program.registry().add(new NewPartner("Acme", "ops@acme.example", Tier.GOLD));
      assertEquals(p, program.registry().get(p.id()));
    }
  }

  @Test
  @DisplayName("a provider named in the settings that is missing fails the build, listing what was found")
  void missingProvider() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> PartnerProgram.builder().storage(StorageSettings.provider("oracle")).build());
    assertTrue(e.getMessage().contains("memory (priority 0"), e.getMessage());
  }

  @Test
  @DisplayName("every builder option can be set once only")
  void setOnce() {
    PartnerProgram.Builder b = PartnerProgram.builder().clock(Clock.systemUTC());
    assertThrows(IllegalStateException.class, () -> b.clock(Clock.systemUTC()));
    b.storage(StorageSettings.empty());
    assertThrows(IllegalStateException.class,
        () -> b.storageProvider(new MemoryStorageProvider(), StorageSettings.empty()));
  }

  @Test
  @DisplayName("today is the clock's date in the configured zone, not in UTC")
  void todayInZone() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T05:00:00Z"), ZoneOffset.UTC);
    try (PartnerProgram program = PartnerProgram.builder().clock(clock).zone(ZoneId.of("America/Los_Angeles")).build()) {
      assertEquals(LocalDate.parse("2026-02-28"), program.today());
    }
  }

  @Test
  @DisplayName("a store the host hands in is not closed by the program; one it opened is")
  void storeOwnership() {
    Store hostStore = new MemoryStorageProvider().open(StorageSettings.empty());
    PartnerProgram.builder().store(hostStore).build().close();
    long total = hostStore.read(tx -> tx.partners().list(cloud.quazzar.partner.registry.PartnerQuery.all()).total());
    assertEquals(0L, total);
    PartnerProgram owned = PartnerProgram.builder().storageProvider(new MemoryStorageProvider(), StorageSettings.empty()).build();
    owned.close();
    assertThrows(StorageException.class, () -> owned.registry().find(new cloud.quazzar.partner.registry.PartnerId(java.util.UUID.randomUUID())));
  }
}
