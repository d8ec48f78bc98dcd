package cloud.quazzar.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class PartnerProgramTest {
  @TempDir
  Path dir;

  /** A class loader on which discovery finds exactly {@code providers} (partner-core has none). */
  private URLClassLoader loaderWith(Class<?>... providers) throws IOException {
    Path root = Files.createTempDirectory(dir, "loader");
    Path services = root.resolve("META-INF").resolve("services");
    Files.createDirectories(services);
    StringBuilder lines = new StringBuilder();
    for (Class<?> p : providers) {
      lines.append(p.getName()).append('\n');
    }
    Files.writeString(services.resolve("cloud.quazzar.partner.spi.StorageProvider"), lines);
    return new URLClassLoader(new URL[] {root.toUri().toURL()}, getClass().getClassLoader());
  }

  /** The message tells the host how to choose: a database through JdbcStorage, or memory explicitly. */
  private static void assertGuidance(ConfigurationException e) {
    for (String choice : List.of("add partner-jdbc-adapter", "JdbcStorage.h2File(path)",
        "JdbcStorage.url(jdbcUrl, user, password)", "JdbcStorage.dataSource(dataSource)", "store(MemoryStorage.create())")) {
      assertTrue(e.getMessage().contains(choice), "missing " + choice + " in: " + e.getMessage());
    }
  }

  @Nested
  @DisplayName("Storage is chosen, or durable")
  class Storage {
    @Test
    @DisplayName("with only partner-core, no store chosen fails, saying that discovery found nothing and how to choose (was: the memory store, silently)")
    void noStoreAvailable() {
      ConfigurationException e = assertThrows(ConfigurationException.class, () -> PartnerProgram.builder().build());
      assertTrue(e.getMessage().startsWith("no store chosen and no durable store available: storage discovery found no"
          + " storage provider (found: [])"), e.getMessage());
      assertGuidance(e);
    }

    @Test
    @DisplayName("a provider named in the settings that is missing fails the build, listing what was found")
    void missingProvider() {
      ConfigurationException e = assertThrows(ConfigurationException.class,
          () -> PartnerProgram.builder().storage(StorageSettings.provider("oracle")).build());
      assertEquals("storage provider 'oracle' not found; found: []", e.getMessage());
    }

    @Test
    @DisplayName("discovery closes a volatile store it found and fails, saying how to choose")
    void discoveryRefusesVolatile() throws IOException {
      try (URLClassLoader loader = loaderWith(FlaggedStore.VolatileProvider.class)) {
        int closedBefore = FlaggedStore.CLOSED.get();
        ConfigurationException e = assertThrows(ConfigurationException.class,
            () -> PartnerProgram.builder().classLoader(loader).build());
        assertTrue(e.getMessage().startsWith("no store chosen and no durable store available: storage discovery found"
            + " [volatile-test (priority 50, "), e.getMessage());
        assertTrue(e.getMessage().contains("chose 'volatile-test', whose store (volatile test store) is volatile"),
            e.getMessage());
        assertTrue(e.getMessage().contains("StorageSettings.provider(\"volatile-test\")"), e.getMessage());
        assertGuidance(e);
        assertEquals(closedBefore + 1, FlaggedStore.CLOSED.get(), "the refused store is closed");
      }
    }

    @Test
    @DisplayName("discovery takes the highest priority, but keeps only a durable store: it never falls back to a lower volatile one")
    void discoveryKeepsDurable() throws IOException {
      try (URLClassLoader loader = loaderWith(FlaggedStore.DurableProvider.class)) {
        try (PartnerProgram program = PartnerProgram.builder().classLoader(loader).build()) {
          assertEquals("durable test store", program.store().description());
          assertTrue(program.store().durable());
        }
      }
      try (URLClassLoader loader = loaderWith(FlaggedStore.DurableProvider.class, FlaggedStore.VolatileProvider.class)) {
        // the volatile provider has the higher priority: discovery refuses it rather than choosing another
        assertThrows(ConfigurationException.class, () -> PartnerProgram.builder().classLoader(loader).build());
      }
    }

    @Test
    @DisplayName("a volatile store chosen explicitly is used: by store(..), by storageProvider(..), by naming its provider")
    void explicitVolatile() throws IOException {
      try (PartnerProgram program = PartnerProgram.builder().store(MemoryStorage.create()).build()) {
        assertFalse(program.store().durable());
      }
      try (PartnerProgram program = PartnerProgram.builder()
          .storageProvider(new FlaggedStore.VolatileProvider(), StorageSettings.empty()).build()) {
        assertFalse(program.store().durable());
      }
      try (URLClassLoader loader = loaderWith(FlaggedStore.VolatileProvider.class);
          PartnerProgram program = PartnerProgram.builder().classLoader(loader)
              .storage(StorageSettings.provider("volatile-test")).build()) {
        assertEquals("volatile test store", program.store().description());
      }
    }

    @Test
    @DisplayName("the memory store is volatile, and two programs sharing one see each other's data")
    void sharedMemoryStore() {
      Store shared = MemoryStorage.create();
      assertFalse(shared.durable());
      assertEquals("memory", shared.description());
      try (PartnerProgram a = PartnerProgram.builder().store(shared).build();
          PartnerProgram b = PartnerProgram.builder().store(shared).build()) {
        Partner acme = a.registry().add(new NewPartner("Acme", "ops@acme.example", Tier.GOLD));
        assertEquals(acme, b.registry().get(acme.id()));
        Partner beta = b.registry().add(new NewPartner("Beta", "ops@beta.example", Tier.SILVER));
        assertEquals(List.of(acme.id(), beta.id()),
            a.registry().list(PartnerQuery.all()).items().stream().map(Partner::id).toList());
        assertThrows(ConflictException.class, () -> b.registry().add(new NewPartner("ACME", "x@y.example", Tier.SILVER)));
      }
      assertFalse(MemoryStorage.create() == MemoryStorage.create(), "each call makes a new store");
      try (PartnerProgram other = PartnerProgram.builder().store(MemoryStorage.create()).build()) {
        assertEquals(0, other.registry().count(PartnerQuery.all()));
      }
    }

    @Test
    @DisplayName("a store the host hands in is not closed by the program; one it opened is")
    void storeOwnership() {
      Store hostStore = MemoryStorage.create();
      PartnerProgram.builder().store(hostStore).build().close();
      assertEquals(Optional.empty(), hostStore.read(tx -> tx.partners().find(new PartnerId(UUID.randomUUID()))),
          "the host's store still reads after the program closed");
      PartnerProgram owned = PartnerProgram.builder()
          .storageProvider(new FlaggedStore.DurableProvider(), StorageSettings.empty()).build();
      owned.close();
      assertThrows(StorageException.class, () -> owned.registry().find(new PartnerId(UUID.randomUUID())));
    }
  }

  @Nested
  @DisplayName("The start-up log line names the store and says whether it is durable")
  class StartupLog {
    private List<String> infoLines(Supplier<PartnerProgram> build) {
      Logger logger = (Logger) LoggerFactory.getLogger(PartnerProgram.class);
      ListAppender<ILoggingEvent> appender = new ListAppender<>();
      appender.start();
      Level before = logger.getLevel();
      logger.setLevel(Level.INFO);
      logger.addAppender(appender);
      try (PartnerProgram program = build.get()) {
        program.store(); // built: the line is logged by build()
        return appender.list.stream()
            .filter(e -> e.getMessage().startsWith("partner program storage"))
            .map(e -> e.getLevel() + " " + e.getFormattedMessage())
            .toList();
      } finally {
        logger.detachAppender(appender);
        logger.setLevel(before);
      }
    }

    @Test
    @DisplayName("memory given with store(..): volatile, at INFO (an explicit choice)")
    void memory() {
      assertEquals(List.of("INFO partner program storage: memory (volatile: data is lost when the process exits),"
          + " given with store(...)"), infoLines(() -> PartnerProgram.builder().store(MemoryStorage.create()).build()));
    }

    @Test
    @DisplayName("a provider's store: its name, description and durability, and how it was chosen")
    void provider() throws IOException {
      assertEquals(List.of("INFO partner program storage: durable-test (durable test store, durable),"
              + " given with storageProvider(...)"),
          infoLines(() -> PartnerProgram.builder()
              .storageProvider(new FlaggedStore.DurableProvider(), StorageSettings.empty()).build()));
      try (URLClassLoader loader = loaderWith(FlaggedStore.DurableProvider.class)) {
        assertEquals(List.of("INFO partner program storage: durable-test (durable test store, durable), found by discovery"),
            infoLines(() -> PartnerProgram.builder().classLoader(loader).storage(StorageSettings.empty()).build()));
      }
      try (URLClassLoader loader = loaderWith(FlaggedStore.VolatileProvider.class)) {
        // named, so chosen explicitly although volatile
        assertEquals(List.of("INFO partner program storage: volatile-test (volatile test store, volatile: data is lost"
                + " when the process exits), named in the storage settings"),
            infoLines(() -> PartnerProgram.builder().classLoader(loader)
                .storage(StorageSettings.provider("volatile-test")).build()));
      }
    }
  }

  @Test
  @DisplayName("today is the clock's date in the configured zone, not in UTC")
  void todayInZone() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T05:00:00Z"), ZoneOffset.UTC);
    try (PartnerProgram program = PartnerProgram.builder().clock(clock).zone(ZoneId.of("America/Los_Angeles"))
        .store(MemoryStorage.create()).build()) {
      assertEquals(LocalDate.parse("2026-02-28"), program.today());
    }
  }
}
