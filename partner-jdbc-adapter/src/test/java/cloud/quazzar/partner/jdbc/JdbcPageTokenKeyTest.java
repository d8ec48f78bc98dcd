package cloud.quazzar.partner.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page token key of a JDBC store lives in its database ({@code page_token_keys}), so that a
 * token one node made is taken by every other: stores opened on the same database, also at the
 * same moment, return the same key of at least 32 bytes, and so do stores opened after all of them
 * closed. It is not the per-JVM key of {@link cloud.quazzar.partner.spi.Store}'s default.
 */
@DisplayName("JDBC page token key")
class JdbcPageTokenKeyTest {
  @TempDir
  Path dir;

  @AfterAll
  static void dropLeftovers() {
    PostgresTestDatabase.ifReachable().ifPresent(PostgresTestDatabase::dropLeftoverSchemas);
  }

  /** Opens {@code n} stores at once (released together by a barrier), for the race to make the key. */
  private static List<Store> openAtOnce(StorageSettings settings, int n) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CyclicBarrier start = new CyclicBarrier(n);
      List<Future<Store>> opening = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Callable<Store> open = () -> {
          start.await(30, TimeUnit.SECONDS);
          return new JdbcStorageProvider().open(settings);
        };
        opening.add(pool.submit(open));
      }
      List<Store> stores = new ArrayList<>();
      for (Future<Store> f : opening) {
        stores.add(f.get(60, TimeUnit.SECONDS));
      }
      return stores;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void closeAll(List<Store> stores) {
    stores.forEach(Store::close);
  }

  /** The same key of 32 bytes or more in every store, not the process's own; returns it. */
  private static byte[] sameKey(List<Store> stores) {
    byte[] key = stores.get(0).pageTokenKey();
    assertTrue(key.length >= 32, "at least 32 bytes, got " + key.length);
    try (Store memory = MemoryStorage.create()) {
      assertFalse(Arrays.equals(memory.pageTokenKey(), key), "the database's key, not the JVM's (the default)");
    }
    for (Store s : stores) {
      assertArrayEquals(key, s.pageTokenKey(), s.description());
    }
    return key;
  }

  private static int keyRows(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM page_token_keys")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  @DisplayName("H2 file: stores opened at once share one key, and it outlives closing and reopening")
  void h2File() throws Exception {
    StorageSettings settings = JdbcStorage.h2File(dir.resolve("partners"));
    String url = "jdbc:h2:file:" + dir.resolve("partners").toAbsolutePath();
    // migrated first, alone (several stores in one JVM migrating a new H2 file at once can collide in
    // Flyway's baseline), then without a key, as a database migrated by the host's own tool would be
    new JdbcStorageProvider().open(settings).close();
    try (Connection c = java.sql.DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      s.execute("DELETE FROM page_token_keys");
    }
    oneKeyAcrossReopening(settings);
    try (Connection c = java.sql.DriverManager.getConnection(url, "sa", "")) {
      assertEquals(1, keyRows(c));
    }
  }

  /** Three stores opened at once agree on one key, and two opened afterwards read the same. */
  private static void oneKeyAcrossReopening(StorageSettings settings) throws Exception {
    List<Store> first = openAtOnce(settings, 3);
    byte[] key;
    try {
      key = sameKey(first);
    } finally {
      closeAll(first);
    }
    List<Store> reopened = openAtOnce(settings, 2);
    try {
      assertArrayEquals(key, sameKey(reopened), "the key after reopening");
    } finally {
      closeAll(reopened);
    }
  }

  @Test
  @DisplayName("two H2 databases have two keys")
  void h2Apart() {
    try (Store one = new JdbcStorageProvider().open(H2Memory.fresh("key"));
        Store two = new JdbcStorageProvider().open(H2Memory.fresh("key"))) {
      assertFalse(Arrays.equals(one.pageTokenKey(), two.pageTokenKey()));
    }
  }

  @Test
  @DisplayName("PostgreSQL: nodes opening a new schema at once share one key, and it outlives closing and reopening")
  void postgres() throws Exception {
    PostgresTestDatabase db = PostgresTestDatabase.require();
    String schema = db.newSchemaName();
    StorageSettings settings = db.settings().with(JdbcStorage.SCHEMA, schema);
    try {
      oneKeyAcrossReopening(settings);
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute("SET search_path TO \"" + schema + "\"");
        assertEquals(1, keyRows(c));
      }
    } finally {
      db.dropSchema(schema);
    }
  }
}
