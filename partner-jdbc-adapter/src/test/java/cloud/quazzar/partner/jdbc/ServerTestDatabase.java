package cloud.quazzar.partner.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreWork;
import cloud.quazzar.partner.testkit.tck.StoredText;
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
 * A database server the tests run against ({@link PostgresTestDatabase}, {@link
 * MariaDbTestDatabase}): where it is, whether an unreachable server fails the tests or skips them,
 * and stores in fresh schemas that are dropped when they close.
 *
 * <p>An unreachable server is a failure when the server is required (its system property {@code
 * -D<prefix>.required=true}, or environment {@code CI=true} or its own variable), otherwise a
 * skipped test (a JUnit assumption) whose message says how to run it. Each store gets its own
 * schema {@code tck_<random hex>} (on MariaDB a database), dropped when the store closes.
 */
public abstract class ServerTestDatabase {
  /** What differs between servers. */
  record Kind(String name, String propertyPrefix, String defaultUrl, String defaultUser, String requiredVariable,
      String startHint) {}

  final Kind kind;
  final String url;
  final String user;
  private final Set<String> liveSchemas = ConcurrentHashMap.newKeySet();

  ServerTestDatabase(Kind kind) {
    this.kind = kind;
    this.url = System.getProperty(kind.propertyPrefix() + ".url", kind.defaultUrl());
    this.user = System.getProperty(kind.propertyPrefix() + ".user", kind.defaultUser());
  }

  /**
   * {@code candidate} if it answers, else null with the reason in {@code reason[0]}; called once
   * per JVM by each subclass's {@code require()}.
   */
  static <D extends ServerTestDatabase> D probe(D candidate, String[] reason) {
    try (Connection c = candidate.connect()) {
      c.isValid(5);
      return candidate;
    } catch (SQLException e) {
      reason[0] = candidate.kind.name() + " at " + candidate.url + " as user '" + candidate.user + "' is unreachable ("
          + String.valueOf(e.getMessage()).strip().replaceAll("\\.+$", "") + ")";
      return null;
    }
  }

  /** Fails or aborts (skips) the calling test because the server is unreachable. */
  static AssertionError unreachable(Kind kind, String reason) {
    String p = kind.propertyPrefix();
    if (required(kind)) {
      fail(reason + ". " + kind.name() + " is required here (-D" + p + ".required=true, CI=true or "
          + kind.requiredVariable() + "=true): " + kind.startHint() + ", or point -D" + p + ".url / -D" + p
          + ".user at a running server.");
    }
    Assumptions.abort(reason + ". Skipped. To run: start " + kind.name() + " at " + kind.defaultUrl() + " (user "
        + kind.defaultUser() + ", no password) or set -D" + p + ".url and -D" + p + ".user; set -D" + p
        + ".required=true to make this a failure instead of a skip.");
    return new AssertionError("unreachable");
  }

  /** Whether an unreachable server of {@code kind} fails the tests instead of skipping them. */
  static boolean required(Kind kind) {
    return "true".equalsIgnoreCase(System.getProperty(kind.propertyPrefix() + ".required"))
        || "true".equalsIgnoreCase(System.getenv("CI"))
        || "true".equalsIgnoreCase(System.getenv(kind.requiredVariable()));
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  /** A plain connection (auto-commit on), for set-up and clean-up. */
  public Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    connectionProperties(props);
    return DriverManager.getConnection(url, props);
  }

  /** Driver properties for {@link #connect()} beside the user, such as time-outs. */
  abstract void connectionProperties(Properties props);

  /** The statement that drops {@code schema} and everything in it, if it exists. */
  abstract String dropStatement(String schema);

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

  /** The schema of a store opened by {@link #openInFreshSchema}. */
  public String schemaOf(Store store) {
    if (!(store instanceof SchemaDroppingStore s)) {
      throw new IllegalArgumentException("not a store opened in a fresh schema: " + store.description());
    }
    return s.schema;
  }

  /** Drops the schema and everything in it, if it exists. */
  public void dropSchema(String schema) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(dropStatement(schema));
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
    public <T> java.util.Optional<T> unwrap(Class<T> type) {
      return type.isInstance(this) ? java.util.Optional.of(type.cast(this)) : delegate.unwrap(type);
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
