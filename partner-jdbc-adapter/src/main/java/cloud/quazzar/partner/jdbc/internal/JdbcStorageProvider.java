package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.PartnerProgramException;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.spi.StorageProvider;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Provider {@value JdbcStorage#PROVIDER_NAME} (priority {@value StorageProvider#PRIORITY_JDBC}):
 * opens a {@link JdbcStore} from the settings documented on {@link JdbcStorage}, runs the
 * migrations, and checks the tables. Cheap to construct: nothing happens before {@link #open}.
 */
public final class JdbcStorageProvider implements StorageProvider {
  /** A plain SQL identifier, so it is the same quoted or not in every database (but case). */
  private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  /**
   * Options of every H2 database the store names itself: wait up to 10 s for a row lock; no H2
   * trace file (errors reach the caller as exceptions; H2's SLF4J trace would log every expected
   * unique violation as an ERROR).
   */
  private static final String H2_OPTIONS = ";LOCK_TIMEOUT=10000;TRACE_LEVEL_FILE=0";

  private static final AtomicInteger POOLS = new AtomicInteger();

  /** Connector/J's {@code transactionReplay} turned on in a URL's options (decision MD1). */
  private static final Pattern TRANSACTION_REPLAY =
      Pattern.compile("[?&]transactionReplay=(true|on|1)(&|$)", Pattern.CASE_INSENSITIVE);

  /** For {@link java.util.ServiceLoader}. */
  public JdbcStorageProvider() {}

  @Override
  public String name() {
    return JdbcStorage.PROVIDER_NAME;
  }

  @Override
  public int priority() {
    return PRIORITY_JDBC;
  }

  /**
   * What a host is told when the settings name no database.
   */
  static final String NO_DATABASE = "the JDBC store needs a database, and the storage settings name none: set '"
      + JdbcStorage.URL + "', '" + JdbcStorage.H2_PATH + "' or '" + JdbcStorage.DATA_SOURCE + "', e.g. with"
      + " builder.storage(JdbcStorage.h2File(path)) (an embedded H2 file), .storage(JdbcStorage.url(jdbcUrl, user,"
      + " password)) or .storage(JdbcStorage.dataSource(dataSource)); a volatile database is only ever chosen"
      + " explicitly: JdbcStorage.h2InMemory(name), or the in-memory store with builder.store(MemoryStorage.create())";

  /**
   * Opens the store the settings describe (see {@link JdbcStorage}).
   *
   * @throws ValidationException if {@code settings} is null
   * @throws ConfigurationException if the settings name no database ({@link #NO_DATABASE}) or two
   *     (a {@code DataSource} with a URL, H2 path or pool size; a URL with an H2 path), a setting is
   *     invalid, an artifact the database needs is missing (its driver, or Flyway's PostgreSQL
   *     support: the message names it as {@code groupId:artifactId}, see {@link RuntimeArtifacts}),
   *     the database cannot be reached or is not H2, PostgreSQL or MariaDB, the migration fails, or (with
   *     migration off) the tables are missing; the message never contains the password
   */
  @Override
  public Store open(StorageSettings settings) {
    if (settings == null) {
      throw ValidationException.of("settings", "must not be null");
    }
    int poolSize = settings.integer(JdbcStorage.POOL_SIZE, JdbcStorage.DEFAULT_POOL_SIZE, 1, 1000);
    boolean migrate = settings.flag(JdbcStorage.MIGRATE, true);
    int timeoutMillis = settings.integer(JdbcStorage.STATEMENT_TIMEOUT, 0, 0, 86_400_000);
    @Nullable String schema = schema(settings);
    Optional<DataSource> hostDataSource = settings.object(JdbcStorage.DATA_SOURCE, DataSource.class);
    if (hostDataSource.isPresent()) {
      for (String other : new String[] {JdbcStorage.URL, JdbcStorage.H2_PATH, JdbcStorage.POOL_SIZE}) {
        contradiction(settings, JdbcStorage.DATA_SOURCE, other);
      }
      return openHostDataSource(hostDataSource.get(), schema, migrate, timeoutMillis);
    }
    contradiction(settings, JdbcStorage.URL, JdbcStorage.H2_PATH);
    return openPool(settings, poolSize, schema, migrate, timeoutMillis);
  }

  /** Two settings that each say where the data lives (or how to pool a data source the host pools). */
  private static void contradiction(StorageSettings settings, String first, String second) {
    if (settings.string(first).isPresent() && settings.string(second).isPresent()) {
      throw new ConfigurationException("storage settings '" + first + "' and '" + second
          + "' contradict each other: '" + first + "' names where the data lives"
          + (second.equals(JdbcStorage.POOL_SIZE) ? " and the host's DataSource does its own pooling" : ", and so does '"
              + second + "'") + "; set only one");
    }
  }

  private static @Nullable String schema(StorageSettings settings) {
    Optional<String> schema = settings.string(JdbcStorage.SCHEMA).map(String::strip);
    if (schema.isPresent() && !SCHEMA_NAME.matcher(schema.get()).matches()) {
      throw new ConfigurationException("storage setting '" + JdbcStorage.SCHEMA
          + "' must be 1 to 63 letters, digits or '_', not starting with a digit, got '" + schema.get() + "'");
    }
    return schema.orElse(null);
  }

  private static Store openHostDataSource(DataSource dataSource, @Nullable String schema, boolean migrate,
      int timeoutMillis) {
    boolean galera = false;
    Dialect dialect;
    String url;
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      url = Secrets.maskUrl(String.valueOf(md.getURL()));
      dialect = Dialect.ofProduct(md.getDatabaseProductName(), "the DataSource's database (" + url + ")");
      if (dialect == Dialect.MARIADB) {
        try (Statement s = c.createStatement()) {
          galera = MariaDb.galera(s);
        }
      }
    } catch (SQLException e) {
      throw new ConfigurationException(
          "cannot connect through the DataSource given in '" + JdbcStorage.DATA_SOURCE + "': " + Jdbc.firstLine(e), e);
    }
    String description = "host DataSource " + url + (schema == null ? "" : " (schema " + schema + ")");
    RuntimeArtifacts.require(dialect, false, migrate, description);
    boolean durable = Dialect.durable(url);
    if (migrate) {
      Migrations.migrate(Migrations.configure(dialect, schema).dataSource(dataSource), description, null);
    }
    JdbcStore store = new JdbcStore(dataSource, dialect, schema, description, () -> {}, durable, timeoutMillis,
        galera);
    return checked(store, migrate, null);
  }

  private static Store openPool(StorageSettings settings, int poolSize, @Nullable String schema, boolean migrate,
      int timeoutMillis) {
    @Nullable String password = settings.string(JdbcStorage.PASSWORD).orElse(null);
    @Nullable String user = settings.string(JdbcStorage.USER).orElse(null);
    Optional<String> urlSetting = settings.string(JdbcStorage.URL).map(String::strip);
    Optional<String> h2Path = settings.string(JdbcStorage.H2_PATH).map(String::strip);
    String url;
    Dialect dialect;
    if (urlSetting.isPresent()) {
      url = urlSetting.get();
      Optional<Dialect> known = Dialect.ofUrl(url);
      if (known.isEmpty()) {
        throw new ConfigurationException("storage setting '" + JdbcStorage.URL
            + "' must be an H2 (jdbc:h2:...), PostgreSQL (jdbc:postgresql://...) or MariaDB (jdbc:mariadb://...) URL, got '"
            + Secrets.scrub(url, password) + "'");
      }
      dialect = known.get();
      if (dialect == Dialect.MARIADB && TRANSACTION_REPLAY.matcher(url).find()) {
        throw new ConfigurationException("storage setting '" + JdbcStorage.URL + "' turns on Connector/J's"
            + " transactionReplay, which the store cannot work with: after a failover the driver sends the open"
            + " transaction's statements again and ignores what they now answer, so a version check that no longer"
            + " matches passes silently (a lost update). Leave it off: the store runs a transaction lost to a failover"
            + " again itself. Got '" + Secrets.scrub(url, password) + "'");
      }
    } else if (h2Path.isPresent()) {
      url = "jdbc:h2:file:" + h2File(h2Path.get()) + H2_OPTIONS;
      dialect = Dialect.H2;
    } else {
      throw new ConfigurationException(NO_DATABASE);
    }
    if (dialect == Dialect.H2 && user == null) {
      user = "sa";
      password = password == null ? "" : password;
    }
    String shownUrl = Secrets.scrub(url, password);
    String description = shownUrl + (schema == null ? "" : " (schema " + schema + ")");
    RuntimeArtifacts.require(dialect, true, migrate, description);

    boolean galera = false;
    HikariConfig config = new HikariConfig();
    config.setPoolName("partner-jdbc-" + POOLS.incrementAndGet());
    config.setDriverClassName(dialect.driverClass());
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(Math.min(2, poolSize));
    config.setAutoCommit(false);
    if (dialect == Dialect.MARIADB) {
      // as on H2 and PostgreSQL by default: writes see what others committed before each statement
      // (the optimistic version checks and unique indexes give the guarantees), reads take one
      // snapshot (Dialect.beginRead); MariaDB's own default is REPEATABLE READ
      config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
      galera = MariaDb.prepare(config, url, user, password, schema, migrate, shownUrl);
    }
    if (schema != null) {
      dialect.useSchema(config, schema);
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new ConfigurationException("cannot connect to " + shownUrl
          + (user == null ? "" : " as user '" + user + "'") + ": " + Secrets.scrub(rootMessage(e), password), e);
    }
    JdbcStore store = new JdbcStore(pool, dialect, null, description, pool, Dialect.durable(url), timeoutMillis,
        galera);
    try {
      if (migrate) {
        Migrations.migrate(Migrations.configure(dialect, schema).dataSource(url, user, password), description, password);
      }
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return checked(store, migrate, password);
  }

  /**
   * The store, once its tables answer, its name keys follow its text rule and its page token key
   * is read (made first if the database has none); closed and reported if not.
   */
  private static Store checked(JdbcStore store, boolean migrated, @Nullable String password) {
    try {
      store.checkTables(Migrations.TABLES);
    } catch (PartnerProgramException e) {
      store.close();
      throw new ConfigurationException("the partner tables in " + store.description() + " cannot be read"
          + (migrated ? "" : " (migration is off: run the migrations in " + JdbcStorage.MIGRATION_LOCATION
              + " with history table " + JdbcStorage.HISTORY_TABLE + ", or set " + JdbcStorage.MIGRATE + "=true)")
          + ": " + Secrets.scrub(e.getMessage(), password), e);
    }
    try {
      TextKeys.refresh(store);
    } catch (PartnerProgramException e) {
      store.close();
      throw new ConfigurationException("bringing the name keys in " + store.description()
          + " to text rule " + TextKeys.KEY_RULE + " failed: " + Secrets.scrub(e.getMessage(), password), e);
    }
    try {
      // read now, outside any transaction of the host's: the first store on the database makes it
      store.pageTokenKey();
      return store;
    } catch (PartnerProgramException e) {
      store.close();
      throw new ConfigurationException("reading the page token key in " + store.description()
          + " (table page_token_keys; the first store to open the database must be allowed to insert it) failed: "
          + Secrets.scrub(e.getMessage(), password), e);
    }
  }

  private static String h2File(String path) {
    if (path.indexOf(';') >= 0) {
      throw new ConfigurationException("storage setting '" + JdbcStorage.H2_PATH + "' must not contain ';': " + path);
    }
    try {
      // H2 refuses paths implicitly relative to the working directory.
      return Path.of(path).toAbsolutePath().normalize().toString();
    } catch (InvalidPathException e) {
      throw new ConfigurationException("storage setting '" + JdbcStorage.H2_PATH + "' is not a path: " + path, e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? Jdbc.firstLine(e) : Jdbc.firstLine(e) + " (" + Jdbc.firstLine(t) + ")";
  }
}
