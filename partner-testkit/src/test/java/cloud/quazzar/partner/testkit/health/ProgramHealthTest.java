package cloud.quazzar.partner.testkit.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.health.HealthStatus;
import cloud.quazzar.partner.health.ListenersCheck;
import cloud.quazzar.partner.health.ProgramHealth;
import cloud.quazzar.partner.health.SchemaCheck;
import cloud.quazzar.partner.health.StoreCheck;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.SchemaVersion;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreWork;
import cloud.quazzar.partner.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code program.health()} on the memory store and on stores that fail, hang or report schema versions. */
class ProgramHealthTest {
  private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
  private final TestClock clock = TestClock.at(T0);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseHungStores() {
    release.countDown();
  }

  /** A store over the memory store whose reads can be made to fail or block, with a schema version to report. */
  private final class Faulty implements Store {
    final Store inner = MemoryStorage.create();
    final AtomicReference<String> mode = new AtomicReference<>("ok");
    final AtomicReference<Optional<SchemaVersion>> schema = new AtomicReference<>(Optional.empty());

    @Override
    public String description() {
      return "faulty memory";
    }

    @Override
    public boolean durable() {
      return false;
    }

    @Override
    public Optional<SchemaVersion> schemaVersion() {
      return schema.get();
    }

    @Override
    public <T> T read(StoreWork<T> work) {
      switch (mode.get()) {
        case "fail" -> throw new StorageException("connection refused");
        case "hang" -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            // interrupted by the health check that gave up: keep blocking, as a hung socket read would
            try {
              release.await();
            } catch (InterruptedException again) {
              Thread.currentThread().interrupt();
            }
          }
        }
        default -> { }
      }
      return inner.read(work);
    }

    @Override
    public <T> T write(StoreWork<T> work) {
      return inner.write(work);
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  private PartnerProgram program(Store store) {
    return PartnerProgram.builder().clock(clock).store(store).eventExecutor(Runnable::run)
        .eventRetryDelay(Duration.ofDays(1)).build();
  }

  @Test
  @DisplayName("OPS-1, OPS-2, OPS-3: the memory store is UP, answers, and has no schema versions")
  void memoryIsUp() {
    try (PartnerProgram program = program(MemoryStorage.create())) {
      ProgramHealth h = program.health();
      assertEquals(HealthStatus.UP, h.status(), h.toString());
      assertEquals(HealthStatus.UP, h.store().status());
      assertEquals(Optional.empty(), h.store().error());
      assertEquals(SchemaCheck.notApplicable(), h.schema());
      assertEquals(ListenersCheck.of(List.of(), OptionalLong.empty()), h.listeners());
      assertEquals(T0, h.checkedAt(), "the check's time comes from the program's clock");
      assertEquals(Duration.ofSeconds(5), h.timeout(), "the default time limit");
    }
  }

  @Test
  @DisplayName("OPS-1, OPS-2: a store that fails is DOWN with its message, reported, not thrown")
  void failingStoreIsDown() {
    Faulty store = new Faulty();
    try (PartnerProgram program = program(store)) {
      store.mode.set("fail");
      ProgramHealth h = program.health();
      assertEquals(HealthStatus.DOWN, h.status());
      assertEquals(Optional.of("StorageException: connection refused"), h.store().error());
      assertEquals(SchemaCheck.State.UNKNOWN, h.schema().state(), "not checked when the store is down");
      assertEquals(HealthStatus.DOWN, h.listeners().status());
      store.mode.set("ok");
      assertEquals(HealthStatus.UP, program.health().status(), "up again once the store answers");
    }
  }

  @Test
  @DisplayName("OPS-1, OPS-2: a store that hangs is DOWN within the time limit; while it stays hung, later checks answer DOWN at once")
  void hangingStoreIsDownInTime() {
    Faulty store = new Faulty();
    try (PartnerProgram program = program(store)) {
      store.mode.set("hang");
      ProgramHealth h = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> program.health(Duration.ofMillis(200)),
          "health must not hang with the store");
      assertEquals(HealthStatus.DOWN, h.status());
      assertEquals(Optional.of("no answer within 200 ms"), h.store().error());
      assertTrue(h.store().responseTime().compareTo(Duration.ofMillis(200)) >= 0, h.store().toString());
      assertEquals(Duration.ofMillis(200), h.timeout());
      ProgramHealth again = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> program.health(Duration.ofSeconds(60)));
      assertEquals(HealthStatus.DOWN, again.status());
      assertTrue(again.store().error().orElseThrow().contains("has not answered an earlier health check"),
          again.store().toString());
      store.mode.set("ok");
      release.countDown();
      ProgramHealth later = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
        ProgramHealth r = program.health(Duration.ofSeconds(10));
        while (r.status() != HealthStatus.UP) { // the hung probe ends once released
          Thread.sleep(10);
          r = program.health(Duration.ofSeconds(10));
        }
        return r;
      });
      assertEquals(HealthStatus.UP, later.status());
    }
  }

  @Test
  @DisplayName("OPS-3: a schema older, newer or unknown is DOWN; the expected one is UP")
  void schemaVersions() {
    Faulty store = new Faulty();
    try (PartnerProgram program = program(store)) {
      store.schema.set(Optional.of(new SchemaVersion(OptionalInt.of(12), 12)));
      assertEquals(SchemaCheck.of(OptionalInt.of(12), 12), program.health().schema());
      assertEquals(HealthStatus.UP, program.health().status());
      store.schema.set(Optional.of(new SchemaVersion(OptionalInt.of(11), 12)));
      ProgramHealth older = program.health();
      assertEquals(HealthStatus.DOWN, older.status());
      assertEquals(SchemaCheck.State.OLDER, older.schema().state());
      assertEquals(HealthStatus.UP, older.store().status(), "the store itself answers");
      store.schema.set(Optional.of(new SchemaVersion(OptionalInt.of(13), 12)));
      assertEquals(SchemaCheck.State.NEWER, program.health().schema().state());
      assertEquals(HealthStatus.DOWN, program.health().status());
      store.schema.set(Optional.of(new SchemaVersion(OptionalInt.empty(), 12)));
      assertEquals(SchemaCheck.State.UNKNOWN, program.health().schema().state());
      assertEquals(HealthStatus.DOWN, program.health().status());
    }
  }

  @Test
  @DisplayName("OPS-4: a failing listener makes the program DEGRADED, and so does a lag above the threshold")
  void listeners() {
    AtomicBoolean fail = new AtomicBoolean(true);
    try (PartnerProgram program = PartnerProgram.builder().clock(clock).store(MemoryStorage.create())
        .eventExecutor(Runnable::run).eventRetryDelay(Duration.ofDays(1)).healthLagThreshold(1).build()) {
      program.events().subscribe("billing", r -> {
        if (fail.get()) {
          throw new IllegalStateException("billing is down");
        }
      });
      program.events().subscribe("audit", r -> { });
      program.registry().add(new NewPartner("Acme", "ops@acme.example", Tier.SILVER));
      ProgramHealth h = program.health();
      assertEquals(HealthStatus.DEGRADED, h.status(), h.toString());
      assertEquals(List.of("billing"), h.listeners().failing());
      assertEquals(List.of(), h.listeners().lagging(), "1 behind: not above the threshold of 1");
      assertEquals(OptionalLong.of(1), h.listeners().lagThreshold());
      assertEquals(2, h.listeners().listeners().size());
      program.events().unsubscribe("billing"); // its cursor stays at 0
      program.registry().add(new NewPartner("Beta", "ops@beta.example", Tier.SILVER));
      assertEquals(HealthStatus.UP, program.health().status(), "only subscribed listeners count");
      fail.set(false);
      program.events().subscribe("slow", r -> {
        throw new IllegalStateException("never accepts");
      });
      ProgramHealth lagging = program.health();
      assertEquals(List.of("slow"), lagging.listeners().lagging(), "2 behind");
      assertEquals(HealthStatus.DEGRADED, lagging.status());
    }
  }

  @Test
  @DisplayName("OPS-1: bad time limits and thresholds are typed: ValidationException naming the option; set twice is a ConfigurationException")
  @SuppressWarnings("NullAway") // passes null on purpose
  void badInput() {
    try (PartnerProgram program = program(MemoryStorage.create())) {
      assertThrows(ValidationException.class, () -> program.health(null));
      assertThrows(ValidationException.class, () -> program.health(Duration.ofMillis(9)));
      assertThrows(ValidationException.class, () -> program.health(Duration.ofMinutes(6)));
    }
    ValidationException e = assertThrows(ValidationException.class, () -> PartnerProgram.builder().healthTimeout(Duration.ZERO));
    assertEquals("healthTimeout", e.violations().get(0).field());
    assertThrows(ValidationException.class, () -> PartnerProgram.builder().healthLagThreshold(-1));
    assertThrows(ConfigurationException.class,
        () -> PartnerProgram.builder().healthTimeout(Duration.ofSeconds(1)).healthTimeout(Duration.ofSeconds(2)));
    assertThrows(ValidationException.class, () -> new StoreCheck(HealthStatus.UP, Duration.ZERO, Optional.of("x")));
    assertThrows(ValidationException.class, () -> new StoreCheck(HealthStatus.DEGRADED, Duration.ZERO, Optional.empty()));
  }

  @Test
  @DisplayName("OPS-1: the builder's time limit is the default of health()")
  void builderTimeout() {
    try (PartnerProgram program = PartnerProgram.builder().clock(clock).store(MemoryStorage.create())
        .healthTimeout(Duration.ofMillis(750)).build()) {
      assertEquals(Duration.ofMillis(750), program.health().timeout());
    }
  }
}
