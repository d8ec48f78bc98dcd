package cloud.quazzar.partner.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreWork;
import cloud.quazzar.partner.testkit.tck.StoredText;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A database server the tests run against ({@link PostgresTestDatabase}, {@link
 * MariaDbTestDatabase}): where it is, whether an unreachable server fails the tests or skips them,
 * and stores in fresh schemas that are dropped when they close.
 *
 * <p>An unreachable server is a failure when the server is required (its system property {@code
 * -D<prefix>.required=true}, or environment {@code CI=true} or its own variable), otherwise a
 * skipped test (a JUnit assumption) whose message says how to run it. Each store gets a schema
 * {@code tck_<random hex>} (on MariaDB a database) of its own: new, or emptied after an earlier
 * store ({@link #emptySchema}).
 */
public abstract class ServerTestDatabase {
  /** What differs between servers. */
  record Kind(String name, String propertyPrefix, String defaultUrl, String defaultUser, String requiredVariable,
      String startHint) {}

  final Kind kind;
  final String url;
  final String user;
  private final Set<String> liveSchemas = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedDeque<String> emptied = new ConcurrentLinkedDeque<>();
  private final Object templateLock = new Object();
  private String template;
  private List<String> tables;
  private List<String> seeded;

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
    return open(newSchemaName(), extra, false);
  }

  /**
   * A store in a schema holding what a new one holds, reused: {@link #emptySchema} says how. For
   * the TCK, whose tests each open a store; tests that look at the database itself (query plans,
   * migrations) use {@link #openInFreshSchema}.
   */
  public Store openEmptied() {
    return open(emptySchema(), StorageSettings.empty(), true);
  }

  private Store open(String schema, StorageSettings extra, boolean reuse) {
    StorageSettings settings = settings().with(JdbcStorage.SCHEMA, schema);
    for (var e : extra.asMap().entrySet()) {
      settings = settings.with(e.getKey(), e.getValue());
    }
    liveSchemas.add(schema);
    try {
      return new SchemaDroppingStore(new JdbcStorageProvider().open(settings), schema, reuse);
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

  /**
   * The schema for {@link #openEmptied}. Creating the tables costs a server about
   * half a second (a dozen migrations; on MariaDB each DDL statement is its own durable
   * transaction, on a Galera cluster also replicated in total order), and the TCK opens a store
   * for each of its hundreds of tests. So such a store gets a schema that an earlier store used and
   * that was emptied when that store closed ({@link #release}): in one transaction, every table but
   * Flyway's history is emptied and the rows the migrations insert are copied back from a template
   * schema migrated once. What the store then finds is what a new schema holds (the same
   * migrations, the same rows), and it still opens as on a new one (migration check, tables, text
   * rule, a new page token key). Every schema is dropped by {@link #dropLeftoverSchemas()}.
   */
  String emptySchema() {
    String schema = emptied.pollFirst();
    return schema != null ? schema : newSchemaName();
  }

  /** Empties the schema of a store that closed for the next store, or drops it if that fails. */
  private void release(String schema) {
    try {
      empty(schema);
      emptied.addFirst(schema);
    } catch (SQLException | RuntimeException e) {
      dropSchema(schema);
    }
  }

  /** Empties {@code tables} of {@code schema} (every table but Flyway's history), inside a transaction. */
  abstract void emptyTables(Statement s, String schema, List<String> tables) throws SQLException;

  /** {@code identifier} quoted for this server. */
  abstract String quoted(String identifier);

  /** {@code schema.table}, both quoted for this server, for the tests' own SQL. */
  public String qualified(String schema, String table) {
    return quoted(schema) + "." + quoted(table);
  }

  /** Empties {@code schema} as {@link #emptySchema} describes, in one transaction. */
  private void empty(String schema) throws SQLException {
    String from = template();
    try (Connection c = connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      emptyTables(s, schema, tables);
      for (String table : seeded) {
        s.execute("INSERT INTO " + quoted(schema) + "." + quoted(table) + " SELECT * FROM " + quoted(from) + "."
            + quoted(table));
      }
      c.commit();
    }
  }

  /** The template schema, migrated on first use, and its tables. */
  private String template() throws SQLException {
    synchronized (templateLock) {
      if (template == null) {
        String name = newSchemaName();
        liveSchemas.add(name);
        new JdbcStorageProvider().open(settings().with(JdbcStorage.SCHEMA, name)).close();
        List<String> all = new ArrayList<>();
        List<String> withRows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
          try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
              + name + "' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
              if (!rs.getString(1).equalsIgnoreCase(JdbcStorage.HISTORY_TABLE)) {
                all.add(rs.getString(1));
              }
            }
          }
          for (String table : all) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quoted(name) + "." + quoted(table))) {
              rs.next();
              if (rs.getLong(1) > 0) {
                withRows.add(table);
              }
            }
          }
        }
        if (all.isEmpty()) {
          throw new IllegalStateException("the template schema " + name + " has no tables");
        }
        tables = List.copyOf(all);
        seeded = List.copyOf(withRows);
        template = name;
      }
      return template;
    }
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
    synchronized (templateLock) {
      emptied.clear();
      template = null;
    }
    for (String schema : Set.copyOf(liveSchemas)) {
      dropSchema(schema);
    }
  }

  /** Closes the store, then drops its schema or empties it for the next ({@link #openEmptied}). */
  private final class SchemaDroppingStore implements Store {
    private final Store delegate;
    private final String schema;
    private final boolean reuse;
    private boolean closed;

    SchemaDroppingStore(Store delegate, String schema, boolean reuse) {
      this.delegate = delegate;
      this.schema = schema;
      this.reuse = reuse;
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
    public java.util.Optional<cloud.quazzar.partner.spi.SchemaVersion> schemaVersion() {
      return delegate.schemaVersion();
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
        if (reuse) {
          release(schema);
        } else {
          dropSchema(schema);
        }
      }
    }
  }
}
