package cloud.quazzar.partner.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.jdbc.PostgresTestDatabase;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The set-up the migration tests share: a database migrated to an older version, given rows as the
 * store of that version wrote them, then opened by the current store (which runs the later
 * migrations), on H2 (a file) or on PostgreSQL (a schema of its own, dropped afterwards).
 */
final class OldDatabase {
  private OldDatabase() {}

  /** Work on a connection's statement. */
  @FunctionalInterface
  interface Sql {
    void run(Statement s) throws SQLException;
  }

  /** Checks of the migrated database, through a statement on it and through stores it opens. */
  @FunctionalInterface
  interface Check {
    void run(Statement s, StorageSettings settings) throws SQLException;
  }

  /** The rest of a PostgreSQL test, once the old rows are in: opens stores and checks. */
  @FunctionalInterface
  interface OnPostgres {
    void run(Statement s, StorageSettings settings, String schema) throws Exception;
  }

  /** Drops the schemas a failed test may have left (each test class's {@code @AfterAll}). */
  static void dropLeftovers() {
    PostgresTestDatabase.ifReachable().ifPresent(PostgresTestDatabase::dropLeftoverSchemas);
  }

  /**
   * An H2 file at {@code path} migrated to {@code version}, given {@code oldRows}; then, while a
   * store holds it open (migrated to the current version), {@code check} on a new connection.
   */
  @SuppressWarnings("try") // the store is opened for its migrations and closed at the end
  static void h2(Path path, int version, Sql oldRows, Check check) throws SQLException {
    String url = "jdbc:h2:file:" + path.toAbsolutePath();
    assertEquals(version, Migrations.configure(Dialect.H2, null).dataSource(url, "sa", "")
        .target(String.valueOf(version)).load().migrate().migrationsExecuted);
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      oldRows.run(s);
    }
    StorageSettings settings = JdbcStorage.h2File(path);
    try (Store opened = new JdbcStorageProvider().open(settings);
        Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      check.run(s, settings);
    }
  }

  /**
   * A new schema of the test database migrated to {@code version}, with the statement's search
   * path set to it, given {@code oldRows}; then {@code rest} on the same statement (the store's
   * settings name the schema). The schema is dropped afterwards.
   */
  static void postgres(int version, Sql oldRows, OnPostgres rest) throws Exception {
    PostgresTestDatabase db = PostgresTestDatabase.require();
    String schema = db.newSchemaName();
    StorageSettings settings = db.settings().with(JdbcStorage.SCHEMA, schema);
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      assertEquals(version, Migrations.configure(Dialect.POSTGRESQL, schema).dataSource(db.url(), db.user(), null)
          .target(String.valueOf(version)).load().migrate().migrationsExecuted);
      s.execute("SET search_path TO \"" + schema + "\"");
      oldRows.run(s);
      rest.run(s, settings, schema);
    } finally {
      db.dropSchema(schema);
    }
  }
}
