package cloud.quazzar.partner.jdbc;

import cloud.quazzar.partner.testkit.tck.StoredText;
import static org.junit.jupiter.api.Assertions.fail;

import cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreWork;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the {@code *Postgres*} tests run against: {@code -Dpartner.pg.url}
 * (default {@value #DEFAULT_URL}) as {@code -Dpartner.pg.user} (default {@value #DEFAULT_USER}),
 * no password (trust authentication).
 *
 * <p>{@link #require()} decides what an unreachable server means: a failure when PostgreSQL is
 * required ({@code -Dpartner.pg.required=true}, or environment {@code CI=true} or {@code
 * PARTNER_PG_REQUIRED=true}), otherwise a skipped test (a JUnit assumption) whose message says how
 * to run it. Each store gets its own schema {@code tck_<random hex>}, dropped when the store
 * closes, so the database stays clean.
 */
public final class PostgresTestDatabase {
  public static final String URL_PROPERTY = "partner.pg.url";
  public static final String USER_PROPERTY = "partner.pg.user";
  public static final String REQUIRED_PROPERTY = "partner.pg.required";
  public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  public static final String DEFAULT_USER = "postgres";

  private static final Object LOCK = new Object();
  private static PostgresTestDatabase reachable;
  private static String unreachable;

  private final String url;
  private final String user;
  private final Set<String> liveSchemas = ConcurrentHashMap.newKeySet();

  private PostgresTestDatabase(String url, String user) {
    this.url = url;
    this.user = user;
  }

  /**
   * The database, if it answers; otherwise fails the calling test or aborts it (skipped), as the
   * class comment says. Checks once per JVM.
   */
  public static PostgresTestDatabase require() {
    synchronized (LOCK) {
      if (reachable == null && unreachable == null) {
        PostgresTestDatabase db = new PostgresTestDatabase(
            System.getProperty(URL_PROPERTY, DEFAULT_URL), System.getProperty(USER_PROPERTY, DEFAULT_USER));
        try (Connection c = db.connect()) {
          c.isValid(5);
          reachable = db;
        } catch (SQLException e) {
          unreachable = "PostgreSQL at " + db.url + " as user '" + db.user + "' is unreachable ("
              + String.valueOf(e.getMessage()).strip().replaceAll("\\.+$", "") + ")";
        }
      }
      if (reachable != null) {
        return reachable;
      }
    }
    if (required()) {
      fail(unreachable + ". PostgreSQL is required here (-D" + REQUIRED_PROPERTY
          + "=true, CI=true or PARTNER_PG_REQUIRED=true): start it (e.g. pg_ctlcluster --skip-systemctl-redirect"
          + " <version> main start) or point -D" + URL_PROPERTY + " / -D" + USER_PROPERTY + " at a running server.");
    }
    Assumptions.abort(unreachable + ". Skipped. To run: start PostgreSQL at " + DEFAULT_URL
        + " (user postgres, trust authentication) or set -D" + URL_PROPERTY + "=jdbc:postgresql://host:port/db -D"
        + USER_PROPERTY + "=user; set -D" + REQUIRED_PROPERTY + "=true to make this a failure instead of a skip.");
    throw new AssertionError("unreachable");
  }

  /** The database if an earlier {@link #require()} found it reachable, for clean-up in an {@code @AfterAll}. */
  public static java.util.Optional<PostgresTestDatabase> ifReachable() {
    synchronized (LOCK) {
      return java.util.Optional.ofNullable(reachable);
    }
  }

  /** Whether an unreachable server fails the tests instead of skipping them. */
  public static boolean required() {
    return "true".equalsIgnoreCase(System.getProperty(REQUIRED_PROPERTY))
        || "true".equalsIgnoreCase(System.getenv("CI"))
        || "true".equalsIgnoreCase(System.getenv("PARTNER_PG_REQUIRED"));
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  /**
   * Every value of every table in the schema of {@code store}, a store this class opened in a
   * fresh schema, read through connections of its own.
   *
   * @throws IllegalArgumentException for a store not opened by {@link #openInFreshSchema}
   */
  public StoredText storedText(Store store) {
    if (!(store instanceof SchemaDroppingStore s)) {
      throw new IllegalArgumentException("not a store opened in a fresh schema: " + store.description());
    }
    return StoredText.ofDatabase(() -> {
      try {
        return connect();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot connect to " + url, e);
      }
    }, s.schema);
  }

  /** A plain connection (auto-commit on), for set-up and clean-up. */
  public Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("connectTimeout", "5");
    props.setProperty("loginTimeout", "5");
    return DriverManager.getConnection(url, props);
  }

  /** Settings for this database (default schema, no password). */
  public StorageSettings settings() {
    return JdbcStorage.url(url, user, null);
  }

  /** A new schema name, {@code tck_} and 16 random hex digits. */
  public String newSchemaName() {
    byte[] bytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(bytes);
    return "tck_" + HexFormat.of().formatHex(bytes);
  }

  /**
   * A store in a new schema (created by the store's migration) that drops the schema when it
   * closes.
   */
  public Store openInFreshSchema(StorageSettings extra) {
    String schema = newSchemaName();
    StorageSettings settings = settings().with(JdbcStorage.SCHEMA, schema);
    for (var e : extra.asMap().entrySet()) {
      settings = settings.with(e.getKey(), e.getValue());
    }
    liveSchemas.add(schema);
    try {
      return new SchemaDroppingStore(new JdbcStorageProvider().open(settings), schema);
    } catch (RuntimeException e) {
      dropSchema(schema);
      throw e;
    }
  }

  /** {@link #openInFreshSchema(StorageSettings)} with no extra settings. */
  public Store openInFreshSchema() {
    return openInFreshSchema(StorageSettings.empty());
  }

  /** Drops the schema and everything in it, if it exists. */
  public void dropSchema(String schema) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS \"" + schema.replace("\"", "\"\"") + "\" CASCADE");
      liveSchemas.remove(schema);
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop schema " + schema + ": " + e.getMessage(), e);
    }
  }

  /** Drops every schema this helper created that is still there (for an {@code @AfterAll}). */
  public void dropLeftoverSchemas() {
    for (String schema : Set.copyOf(liveSchemas)) {
      dropSchema(schema);
    }
  }

  /** Closes the store, then drops its schema. */
  private final class SchemaDroppingStore implements Store {
    private final Store delegate;
    private final String schema;
    private boolean closed;

    SchemaDroppingStore(Store delegate, String schema) {
      this.delegate = delegate;
      this.schema = schema;
    }

    @Override
    public String description() {
      return delegate.description();
    }

    @Override
    public boolean durable() {
      return delegate.durable();
    }

    @Override
    public byte[] pageTokenKey() {
      return delegate.pageTokenKey();
    }

    @Override
    public <T> T read(StoreWork<T> work) {
      return delegate.read(work);
    }

    @Override
    public <T> T write(StoreWork<T> work) {
      return delegate.write(work);
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        delegate.close();
        dropSchema(schema);
      }
    }
  }
}
