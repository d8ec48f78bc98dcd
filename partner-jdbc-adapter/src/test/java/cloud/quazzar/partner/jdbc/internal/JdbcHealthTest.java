package cloud.quazzar.partner.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.health.HealthStatus;
import cloud.quazzar.partner.health.ProgramHealth;
import cloud.quazzar.partner.health.SchemaCheck;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.jdbc.MariaDbTestDatabase;
import cloud.quazzar.partner.jdbc.PostgresTestDatabase;
import cloud.quazzar.partner.spi.Store;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code program.health()} on the JDBC store (rules OPS-2, OPS-3): UP on a migrated database; the
 * schema DOWN when the history says older, newer or nothing; the store DOWN once closed. On H2 in
 * memory, PostgreSQL and MariaDB (the server ones as their TCKs: skipped when unreachable unless
 * required, see {@code ServerTestDatabase}).
 */
@DisplayName("JDBC store health")
class JdbcHealthTest {
  @AfterAll
  static void dropLeftovers() {
    PostgresTestDatabase.ifReachable().ifPresent(PostgresTestDatabase::dropLeftoverSchemas);
    MariaDbTestDatabase.ifReachable().ifPresent(MariaDbTestDatabase::dropLeftoverSchemas);
  }

  private final java.util.List<Store> opened = new java.util.ArrayList<>();

  private PartnerProgram open(String database) {
    return switch (database) {
      case "h2" -> PartnerProgram.builder().storage(JdbcStorage.h2InMemory("health-" + UUID.randomUUID())).build();
      case "postgresql" -> owning(PostgresTestDatabase.require().openInFreshSchema());
      case "mariadb" -> owning(MariaDbTestDatabase.require().openInFreshSchema());
      default -> throw new IllegalArgumentException(database);
    };
  }

  /** A program over {@code store}; the store is closed after the test. */
  private PartnerProgram owning(Store store) {
    opened.add(store);
    return PartnerProgram.builder().store(store).build();
  }

  @AfterEach
  void closeStores() {
    opened.forEach(Store::close);
  }

  /** Runs {@code sql} on the program's database, its identifiers written {@code "x"} and quoted for the database. */
  private static void sql(PartnerProgram program, String sql) {
    JdbcStore store = program.store().unwrap(JdbcStore.class).orElseThrow();
    store.write(tx -> {
      Jdbc jdbc = ((JdbcTransaction) tx).jdbc();
      String quoted = jdbc.dialect() == Dialect.MARIADB ? sql.replace('"', '`') : sql;
      return jdbc.update(quoted);
    });
  }

  private static final String HISTORY = "\"" + JdbcStorage.HISTORY_TABLE + "\"";

  private static String row(int rank, String version, boolean success) {
    return "INSERT INTO " + HISTORY + " (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
        + " \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (" + rank + ", '" + version
        + "', 'from a later release', 'SQL', 'V" + version + "__later.sql', 0, 'test', 1, " + success + ")";
  }

  @Test
  @DisplayName("OPS-3, H2: UP at the version shipped; DOWN when the history is newer, older or empty; a failed newer migration does not count")
  void h2() {
    schemaVersions("h2");
  }

  @Test
  @DisplayName("OPS-3, PostgreSQL: as on H2")
  void postgresql() {
    schemaVersions("postgresql");
  }

  @Test
  @DisplayName("OPS-3, MariaDB: as on H2")
  void mariadb() {
    schemaVersions("mariadb");
  }

  private void schemaVersions(String database) {
    try (PartnerProgram program = open(database)) {
      int expected = Migrations.LATEST_VERSION;
      ProgramHealth up = program.health();
      assertEquals(HealthStatus.UP, up.status(), up.toString());
      assertEquals(SchemaCheck.of(OptionalInt.of(expected), expected), up.schema());
      assertEquals(HealthStatus.UP, up.store().status());

      sql(program, row(1001, String.valueOf(expected + 1), true));
      ProgramHealth newer = program.health();
      assertEquals(HealthStatus.DOWN, newer.status(), newer.toString());
      assertEquals(new SchemaCheck(HealthStatus.DOWN, SchemaCheck.State.NEWER, OptionalInt.of(expected + 1),
          OptionalInt.of(expected), java.util.Optional.empty()), newer.schema());
      assertEquals(HealthStatus.UP, newer.store().status(), "the store answers; its schema is the problem");

      sql(program, "DELETE FROM " + HISTORY + " WHERE \"installed_rank\" = 1001");
      sql(program, row(1002, String.valueOf(expected + 1), false));
      assertEquals(SchemaCheck.State.CURRENT, program.health().schema().state(), "a failed migration is not applied");

      sql(program, "DELETE FROM " + HISTORY + " WHERE \"version\" = '" + expected + "'");
      ProgramHealth older = program.health();
      assertEquals(HealthStatus.DOWN, older.status());
      assertEquals(SchemaCheck.State.OLDER, older.schema().state());
      assertEquals(OptionalInt.of(expected - 1), older.schema().found());

      sql(program, "DELETE FROM " + HISTORY);
      assertEquals(SchemaCheck.State.UNKNOWN, program.health().schema().state());
      assertEquals(HealthStatus.DOWN, program.health().status());
    }
  }

  @Test
  @DisplayName("OPS-2: a closed store is DOWN with the database's error, reported and not thrown")
  void closedStoreIsDown() {
    try (PartnerProgram program = open("h2")) {
      program.store().unwrap(JdbcStore.class).orElseThrow().close();
      ProgramHealth h = program.health(Duration.ofSeconds(10));
      assertEquals(HealthStatus.DOWN, h.status());
      assertEquals(HealthStatus.DOWN, h.store().status());
      assertTrue(h.store().error().isPresent(), "DOWN with an error message: " + h.store());
    }
  }
}
