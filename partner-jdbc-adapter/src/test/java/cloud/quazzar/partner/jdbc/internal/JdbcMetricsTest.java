package cloud.quazzar.partner.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.jdbc.PostgresTestDatabase;
import cloud.quazzar.partner.metrics.PartnerProgramMetrics;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.spi.Store;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The program's metrics on the JDBC store (rules OPS-10, OPS-15; docs/operations.md, "Metrics"):
 * the same meters move by the same amounts as on the memory store, and the store's own retries are
 * the JDBC store's count. On H2 in memory and on PostgreSQL (skipped when unreachable unless
 * required, as the PostgreSQL TCK).
 */
@DisplayName("JDBC store metrics")
class JdbcMetricsTest {
  private final List<Store> opened = new ArrayList<>();

  @AfterAll
  static void dropLeftovers() {
    PostgresTestDatabase.ifReachable().ifPresent(PostgresTestDatabase::dropLeftoverSchemas);
  }

  @AfterEach
  void closeStores() {
    opened.forEach(Store::close);
  }

  @Test
  @DisplayName("OPS-10, OPS-15 on H2: calls counted by outcome, ledger entries by result, the store's retries")
  void h2() {
    observed(PartnerProgram.builder().storage(JdbcStorage.h2InMemory("metrics-" + UUID.randomUUID())).build());
  }

  @Test
  @DisplayName("OPS-10, OPS-15 on PostgreSQL: calls counted by outcome, ledger entries by result, the store's retries")
  void postgresql() {
    Store store = PostgresTestDatabase.require().openInFreshSchema();
    opened.add(store);
    observed(PartnerProgram.builder().store(store).build());
  }

  private static void observed(PartnerProgram program) {
    try (program; PartnerProgramMetrics metrics = PartnerProgramMetrics.of(program)) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      metrics.bindTo(registry);
      Partner p = program.registry().add(new NewPartner("Metered Cloud", "ops@metered.example", Tier.GOLD));
      program.registry().get(p.id());
      program.registry().get(p.id());
      assertThrows(NotFoundException.class, () -> program.registry().get(new PartnerId(UUID.randomUUID())));
      YearMonth month = YearMonth.from(program.today()).minusMonths(1);
      RevenueRecording recording = RevenueRecording.of(p.id(), month, Money.of("1200.00", "EUR"), "metered-" + month);
      program.revenue().record(recording);
      program.revenue().record(recording); // a replay of the key

      assertEquals(1, calls(registry, "registry", "add", "ok"));
      assertEquals(2, calls(registry, "registry", "get", "ok"));
      assertEquals(1, calls(registry, "registry", "get", "not_found"));
      assertEquals(2, calls(registry, "revenue", "record", "ok"));
      assertEquals(1, registry.get(PartnerProgramMetrics.REVENUE_ENTRIES).tags("kind", "recording", "result", "created")
          .counter().count());
      assertEquals(1, registry.get(PartnerProgramMetrics.REVENUE_ENTRIES).tags("kind", "recording", "result", "replayed")
          .counter().count());
      FunctionCounter storeRetries = registry.get(PartnerProgramMetrics.STORE_RETRIES).tags("layer", "store")
          .functionCounter();
      assertEquals(JdbcStorage.retries(program.store()), storeRetries.count(), "the JDBC store's own count");
      Gauge current = registry.get(PartnerProgramMetrics.CERTIFICATIONS).tags("status", "active").gauge();
      assertNotNull(current);
      assertEquals(0, current.value(), "no certification yet");
    }
  }

  private static double calls(SimpleMeterRegistry registry, String service, String operation, String outcome) {
    return registry.get(PartnerProgramMetrics.OPERATIONS)
        .tags("service", service, "operation", operation, "outcome", outcome).functionCounter().count();
  }
}
