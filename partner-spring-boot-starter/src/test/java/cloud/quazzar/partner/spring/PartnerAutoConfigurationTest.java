package cloud.quazzar.partner.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.events.EventListener;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.events.ListenerStatus;
import cloud.quazzar.partner.events.PartnerCreated;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import cloud.quazzar.partner.metrics.PartnerProgramMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The auto-configuration in application contexts (docs/spring-boot.md): few contexts, each
 * checking several things, to keep the build fast.
 */
class PartnerAutoConfigurationTest {
  private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(PartnerAutoConfiguration.class));

  @TempDir Path dir;

  /** The application's beans: an H2 DataSource in memory, a clock and one listener. */
  @Configuration(proxyBeanMethods = false)
  static class DataSourceApp {
    static final BlockingQueue<EventRecord> RECEIVED = new LinkedBlockingQueue<>();

    @Bean
    DataSource dataSource() {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL("jdbc:h2:mem:starter_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
      return ds;
    }

    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    EventListener crmSync() {
      return RECEIVED::add;
    }
  }

  @Test
  @DisplayName("with the application's DataSource (in memory: only with allow-volatile): the program uses it and its"
      + " Clock, listener beans get events"
      + " under their bean names, and are unsubscribed when the context closes")
  void fromTheApplicationsDataSource() throws InterruptedException {
    DataSourceApp.RECEIVED.clear();
    AtomicReference<PartnerProgram> built = new AtomicReference<>();
    AtomicReference<PartnerEventListenerBeans> lifecycle = new AtomicReference<>();
    // an in-memory DataSource (what Spring Boot embeds when no spring.datasource.url is set) is refused ...
    runner.withUserConfiguration(DataSourceApp.class).run(context -> {
      PartnerStartupException e = startupFailure(context.getStartupFailure());
      assertEquals(List.of("quazzar.partner.storage.allow-volatile"), e.properties());
      assertTrue(e.getMessage().contains("the store is volatile (host DataSource jdbc:h2:mem:starter_"), e.getMessage());
    });
    // ... unless the application accepts it
    runner.withUserConfiguration(DataSourceApp.class).withPropertyValues("quazzar.partner.storage.allow-volatile=true")
        .run(context -> {
      assertNull(context.getStartupFailure(), () -> "the context should start: " + context.getStartupFailure());
      PartnerProgram program = context.getBean(PartnerProgram.class);
      built.set(program);
      lifecycle.set(context.getBean(PartnerEventListenerBeans.class));
      assertSame(context.getBean(Clock.class), program.clock(), "the application's Clock bean is the program's");
      assertEquals(ZoneOffset.UTC, program.zone());
      // an H2 DataSource in memory is the host's explicit choice: the library takes it (volatile)
      assertFalse(program.store().durable(), "an in-memory H2 DataSource is volatile: " + program.store().description());
      assertEquals(List.of("crmSync"), lifecycle.get().subscribedNames());

      Partner acme = program.registry().add(new NewPartner("Acme Cloud", "ops@acme.example", Tier.GOLD));
      EventRecord record = DataSourceApp.RECEIVED.poll(10, TimeUnit.SECONDS);
      assertNotNull(record, "the listener bean got no event within 10 s");
      PartnerCreated created = assertInstanceOf(PartnerCreated.class, record.event());
      assertEquals(acme.id(), created.partnerId());
      assertEquals(NOW, created.at(), "the event's time comes from the application's Clock");
      assertEquals(List.of("crmSync"), program.events().listeners().stream().map(ListenerStatus::name).toList());
      // the cursor is stored under the bean name once the listener has returned
      for (int i = 0; i < 200 && program.events().listeners().get(0).cursor() < record.sequence(); i++) {
        Thread.sleep(50);
      }
      assertEquals(record.sequence(), program.events().cursor("crmSync"), "the cursor stored under the bean name");
    });
    assertFalse(lifecycle.get().isRunning(), "stopped with the context");
    // unsubscribed first (with a listener subscribed, listeners() would read the closed store and throw) ...
    assertEquals(List.of(), built.get().events().listeners(), "listener beans are unsubscribed at shutdown");
    // ... then the program closed: its store refuses work (the application's DataSource itself is the host's)
    StorageException closed = assertThrows(StorageException.class,
        () -> built.get().registry().add(new NewPartner("Late", "late@example.com", Tier.SILVER)));
    assertTrue(closed.getMessage().endsWith("is closed"), closed.getMessage());
  }

  @Test
  @DisplayName("from quazzar.partner.* properties: an H2 file with the schema, zone and event settings given;"
      + " the program and its store are closed with the context")
  void fromProperties() {
    Path file = dir.resolve("partners");
    AtomicReference<PartnerProgram> built = new AtomicReference<>();
    runner.withPropertyValues(
            "quazzar.partner.storage.h2-path=" + file,
            "quazzar.partner.storage.schema=partner_app",
            "quazzar.partner.storage.statement-timeout=5s",
            "quazzar.partner.storage.pool-size=3",
            "quazzar.partner.zone=Europe/Berlin",
            "quazzar.partner.events.retry-delay=50ms",
            "quazzar.partner.events.lease=2s")
        .run(context -> {
          assertNull(context.getStartupFailure(), () -> "the context should start: " + context.getStartupFailure());
          PartnerProgram program = context.getBean(PartnerProgram.class);
          built.set(program);
          assertEquals(ZoneId.of("Europe/Berlin"), program.zone());
          assertTrue(program.store().durable(), "an H2 file is durable: " + program.store().description());
          program.registry().add(new NewPartner("Atlas Cloud", "partners@atlas.example", Tier.SILVER));
          assertEquals(List.of(), context.getBean(PartnerEventListenerBeans.class).subscribedNames(), "no listener beans");
        });
    // closed with the context: the pool the program opened is closed
    StorageException closed = assertThrows(StorageException.class,
        () -> built.get().registry().add(new NewPartner("Late", "late@example.com", Tier.SILVER)));
    assertTrue(closed.getMessage().endsWith("is closed"), closed.getMessage());
    // the data is in the file, in the schema the property named
    try (PartnerProgram again = PartnerProgram.builder()
        .storage(JdbcStorage.h2File(file).with(JdbcStorage.SCHEMA, "partner_app")).build()) {
      assertEquals(1, again.registry().count(cloud.quazzar.partner.registry.PartnerQuery.all()));
    }
  }

  /** A listener bean that always throws: the program is then DEGRADED. */
  @Configuration(proxyBeanMethods = false)
  static class FailingListenerApp {
    @Bean
    EventListener billingSync() {
      return record -> {
        throw new IllegalStateException("billing is down");
      };
    }
  }

  @Test
  @DisplayName("SPRING-6: with Micrometer and Boot's health API on the class path, the program's metrics binder and the"
      + " partnerProgram health indicator (UP, DEGRADED for a failing listener, with details); neither without its"
      + " library or when switched off")
  void metricsAndHealth() {
    Path file = dir.resolve("observed");
    runner.withUserConfiguration(FailingListenerApp.class)
        .withPropertyValues("quazzar.partner.storage.h2-path=" + file, "quazzar.partner.events.retry-delay=1h")
        .run(context -> {
          assertNull(context.getStartupFailure(), () -> "the context should start: " + context.getStartupFailure());
          PartnerProgram program = context.getBean(PartnerProgram.class);
          PartnerHealthIndicator indicator = context.getBean("partnerProgramHealthIndicator", PartnerHealthIndicator.class);
          Health up = indicator.health();
          assertEquals(Status.UP, up.getStatus(), () -> "no event yet, nothing failing: " + up);
          @SuppressWarnings("unchecked")
          Map<String, Object> schema = (Map<String, Object>) up.getDetails().get("schema");
          assertEquals("CURRENT", schema.get("state"));
          assertEquals(schema.get("expected"), schema.get("found"));

          PartnerProgramMetrics metrics = context.getBean(PartnerProgramMetrics.class);
          SimpleMeterRegistry registry = new SimpleMeterRegistry();
          metrics.bindTo(registry);
          program.registry().add(new NewPartner("Atlas Cloud", "partners@atlas.example", Tier.SILVER));
          program.events().deliverPending();
          FunctionCounter added = registry.find(PartnerProgramMetrics.OPERATIONS)
              .tags("service", "registry", "operation", "add", "outcome", "ok").functionCounter();
          assertNotNull(added, () -> "registry.add counted: " + registry.getMetersAsString());
          assertEquals(1.0, added.count());

          Health degraded = indicator.health();
          assertEquals(PartnerHealthIndicator.DEGRADED, degraded.getStatus(), () -> "the listener throws: " + degraded);
          @SuppressWarnings("unchecked")
          Map<String, Object> listeners = (Map<String, Object>) degraded.getDetails().get("listeners");
          assertEquals(Map.of("lag", 1L, "failing", true, "oldestUndelivered",
              program.events().after(0, 1).get(0).event().at().toString()), listeners.get("billingSync"));
        });
    runner.withPropertyValues("quazzar.partner.storage.h2-path=" + dir.resolve("plain"))
        .withClassLoader(new FilteredClassLoader(MeterBinder.class, HealthIndicator.class))
        .run(context -> {
          assertNull(context.getStartupFailure(), () -> "the context should start: " + context.getStartupFailure());
          assertEquals(1, context.getBeanNamesForType(PartnerProgram.class).length);
          assertFalse(context.containsBean("partnerProgramMetrics"), "no Micrometer, no metrics");
          assertFalse(context.containsBean("partnerProgramHealthIndicator"), "no health API, no indicator");
        });
    runner.withPropertyValues("quazzar.partner.storage.h2-path=" + dir.resolve("off"),
            "quazzar.partner.metrics.enabled=false", "quazzar.partner.health.enabled=false")
        .run(context -> {
          assertNull(context.getStartupFailure(), () -> "the context should start: " + context.getStartupFailure());
          assertFalse(context.containsBean("partnerProgramMetrics"), "switched off");
          assertFalse(context.containsBean("partnerProgramHealthIndicator"), "switched off");
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnProgramApp {
    static final BlockingQueue<EventRecord> RECEIVED = new LinkedBlockingQueue<>();

    @Bean
    PartnerProgram myProgram() {
      return PartnerProgram.builder().store(MemoryStorage.create()).build();
    }

    @Bean
    EventListener audit() {
      return RECEIVED::add;
    }
  }

  @Test
  @DisplayName("backs off when the application defines its own PartnerProgram, whose listeners it still subscribes;"
      + " quazzar.partner.enabled=false turns it off")
  void backsOff() {
    runner.withUserConfiguration(OwnProgramApp.class)
        .withPropertyValues("quazzar.partner.storage.url=not-a-jdbc-url") // unused: the application's program wins
        .run(context -> {
          assertNull(context.getStartupFailure(), () -> "the context should start: " + context.getStartupFailure());
          assertEquals(List.of("myProgram"), List.of(context.getBeanNamesForType(PartnerProgram.class)));
          PartnerProgram program = context.getBean(PartnerProgram.class);
          assertEquals(List.of("audit"), program.events().listeners().stream().map(ListenerStatus::name).toList());
        });
    runner.withPropertyValues("quazzar.partner.enabled=false").run(context -> {
      assertNull(context.getStartupFailure(), () -> "the context should start: " + context.getStartupFailure());
      assertEquals(0, context.getBeanNamesForType(PartnerProgram.class).length, "no program when disabled");
    });
  }

  @Test
  @DisplayName("bad builder options: the start fails listing every property with the library's reason")
  void badOptions() {
    runner.withPropertyValues(
            "quazzar.partner.storage.h2-path=" + dir.resolve("never"),
            "quazzar.partner.events.retry-delay=1ms",
            "quazzar.partner.events.lease=2h",
            "quazzar.partner.discount-staleness=-1s")
        .run(context -> {
          PartnerStartupException e = startupFailure(context.getStartupFailure());
          assertEquals(List.of("quazzar.partner.discount-staleness", "quazzar.partner.events.retry-delay",
              "quazzar.partner.events.lease"), e.properties());
          assertTrue(e.getMessage().contains("quazzar.partner.events.retry-delay: must be within 10 ms..1 day, got PT0.001S"),
              e.getMessage());
          assertTrue(e.getMessage().contains("quazzar.partner.events.lease: must be within 1 s..1 hour"), e.getMessage());
          FailureAnalysis analysis = new PartnerStartupFailureAnalyzer().analyze(e);
          assertNotNull(analysis, "the analyzer reports it");
          assertTrue(analysis.getAction().contains("quazzar.partner.events.lease"), analysis.getAction());
        });
  }

  @Test
  @DisplayName("bad storage properties: a schema the store refuses, url with h2-path, user without a URL, a zone"
      + " that is none; no storage at all")
  void badStorage() {
    runner.withPropertyValues("quazzar.partner.storage.h2-path=" + dir.resolve("p"), "quazzar.partner.storage.schema=1bad")
        .run(context -> {
          PartnerStartupException e = startupFailure(context.getStartupFailure());
          assertEquals(List.of("quazzar.partner.storage.schema"), e.properties(), e.getMessage());
          assertTrue(e.getMessage().contains("'jdbc.schema' (quazzar.partner.storage.schema)"), e.getMessage());
        });
    runner.withPropertyValues("quazzar.partner.storage.h2-path=" + dir.resolve("p"),
            "quazzar.partner.storage.url=jdbc:h2:mem:x")
        .run(context -> assertEquals(List.of("quazzar.partner.storage.url", "quazzar.partner.storage.h2-path"),
            startupFailure(context.getStartupFailure()).properties()));
    runner.withUserConfiguration(DataSourceApp.class).withPropertyValues("quazzar.partner.storage.user=app")
        .run(context -> {
          PartnerStartupException e = startupFailure(context.getStartupFailure());
          assertEquals(List.of("quazzar.partner.storage.user"), e.properties());
          assertTrue(e.getMessage().contains("the application's DataSource brings its own connections"), e.getMessage());
        });
    // a value Spring Boot cannot convert: its own binding error, which names the property
    runner.withPropertyValues("quazzar.partner.zone=Mars/Base_One").run(context -> {
      assertNotNull(context.getStartupFailure(), "the context should not have started");
      StringBuilder messages = new StringBuilder();
      for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
        messages.append(t.getMessage()).append('\n');
      }
      assertTrue(messages.toString().contains("quazzar.partner.zone"), messages.toString());
    });
    // H2 is on this class path, yet nothing volatile is chosen for the application
    runner.run(context -> {
      PartnerStartupException e = startupFailure(context.getStartupFailure());
      assertTrue(e.getMessage().startsWith("No storage for the partner program: define a DataSource bean, or set"
          + " quazzar.partner.storage.url or quazzar.partner.storage.h2-path"), e.getMessage());
      assertEquals(List.of(), e.properties());
    });
  }

  private static PartnerStartupException startupFailure(Throwable failure) {
    assertNotNull(failure, "the context should not have started");
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PartnerStartupException e) {
        return e;
      }
    }
    throw new AssertionError("no PartnerStartupException in the failure", failure);
  }
}
