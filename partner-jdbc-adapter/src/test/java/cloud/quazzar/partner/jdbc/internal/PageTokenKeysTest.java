package cloud.quazzar.partner.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.jdbc.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PageTokenKeys}: the node that finds no key and loses the race to insert one takes the
 * winner's. The race is staged, not hoped for: another connection inserts a key and keeps its
 * transaction open; the store, which cannot see that row yet, makes its own and inserts it, and
 * waits on the primary key; the other transaction commits; the store's insert fails as a duplicate
 * and it reads the winner's key. A stored key that is too short or not hexadecimal is refused.
 */
@DisplayName("Page token keys")
class PageTokenKeysTest {
  private static final byte[] WINNER = HexFormat.of().parseHex("00112233445566778899aabbccddeeff".repeat(3));

  @TempDir
  Path dir;

  @AfterAll
  static void dropLeftovers() {
    PostgresTestDatabase.ifReachable().ifPresent(PostgresTestDatabase::dropLeftoverSchemas);
  }

  /** A database connection of the test's own, outside the store. */
  @FunctionalInterface
  private interface Connect {
    Connection open() throws SQLException;
  }

  /** A query counting the sessions that wait for the given connection's transaction. */
  @FunctionalInterface
  private interface Blocked {
    String query(Connection winner) throws SQLException;
  }

  /** The staged race on {@code store}'s database. */
  private static void race(JdbcStore store, Connect connect, Blocked blocked) throws Exception {
    byte[] own = store.pageTokenKey();
    try (Connection admin = connect.open(); Statement s = admin.createStatement()) {
      s.execute("DELETE FROM page_token_keys");
    }
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection winner = connect.open(); Connection watch = connect.open(); Statement w = watch.createStatement()) {
      winner.setAutoCommit(false);
      try (Statement s = winner.createStatement()) {
        s.execute("INSERT INTO page_token_keys (id, key_hex) VALUES (1, '" + HexFormat.of().formatHex(WINNER) + "')");
      }
      Future<byte[]> loser = pool.submit(() -> PageTokenKeys.load(store));
      boolean waiting = false;
      for (int i = 0; i < 200 && !waiting; i++) {
        try (ResultSet rs = w.executeQuery(blocked.query(winner))) {
          rs.next();
          waiting = rs.getInt(1) > 0;
        }
        if (!waiting) {
          Thread.sleep(25);
        }
      }
      assertTrue(waiting, "the store's insert waits on the other transaction's row");
      winner.commit();
      assertArrayEquals(WINNER, loser.get(30, TimeUnit.SECONDS), "the loser reads the winner's key");
    } finally {
      pool.shutdownNow();
    }
    assertFalse(Arrays.equals(own, WINNER));
    assertArrayEquals(own, store.pageTokenKey(), "an open store keeps the key it read when it opened");
  }

  /** A stored key the store must refuse. */
  private static void refused(JdbcStore store, Connect connect, String keyHex, String message) throws SQLException {
    try (Connection c = connect.open(); Statement s = c.createStatement()) {
      // the length check of V8 is dropped to store a key too short, as a damaged database might hold
      s.execute("ALTER TABLE page_token_keys DROP CONSTRAINT IF EXISTS page_token_keys_length_ck");
      s.execute("UPDATE page_token_keys SET key_hex = '" + keyHex + "'");
    }
    StorageException e = assertThrows(StorageException.class, () -> PageTokenKeys.load(store));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  @DisplayName("H2: a store that loses the race to insert the key reads the winner's")
  void h2() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("keys").toAbsolutePath();
    Connect connect = () -> DriverManager.getConnection(url, "sa", "");
    try (JdbcStore store = (JdbcStore) new JdbcStorageProvider().open(JdbcStorage.h2File(dir.resolve("keys")))) {
      race(store, connect, winner -> "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL");
      refused(store, connect, "00ff", "has 2 bytes; it needs at least 32");
      refused(store, connect, "zz".repeat(40), "is not hexadecimal");
    }
  }

  @Test
  @DisplayName("PostgreSQL: a store that loses the race to insert the key reads the winner's")
  void postgres() throws Exception {
    PostgresTestDatabase db = PostgresTestDatabase.require();
    String schema = db.newSchemaName();
    Connect connect = () -> {
      Connection c = db.connect();
      try (Statement s = c.createStatement()) {
        s.execute("SET search_path TO \"" + schema + "\"");
      }
      return c;
    };
    try (JdbcStore store = (JdbcStore) new JdbcStorageProvider().open(db.settings().with(JdbcStorage.SCHEMA, schema))) {
      race(store, connect, winner -> {
        try (Statement s = winner.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
          rs.next();
          return "SELECT COUNT(*) FROM pg_stat_activity WHERE " + rs.getInt(1) + " = ANY (pg_blocking_pids(pid))";
        }
      });
      refused(store, connect, "00ff", "has 2 bytes; it needs at least 32");
    } finally {
      db.dropSchema(schema);
    }
  }
}
