package cloud.quazzar.partner.jdbc.internal;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.PartnerProgramException;
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
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provider {@value JdbcStorage#PROVIDER_NAME} (priority {@value StorageProvider#PRIORITY_JDBC}):
 * opens a {@link JdbcStore} from the settings documented on {@link JdbcStorage}, runs the
 * migrations, and checks the tables. Cheap to construct: nothing happens before {@link #open}.
 */
public final class JdbcStorageProvider implements StorageProvider {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcStorageProvider.class);

  /** A plain SQL identifier, so it is the same quoted or not in every database (but case). */
  private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  /**
   * Options of every H2 database the store names itself: wait up to 10 s for a row lock; no H2
   * trace file (errors reach the caller as exceptions; H2's SLF4J trace would log every expected
   * unique violation as an ERROR).
   */
  private static final String H2_OPTIONS = ";LOCK_TIMEOUT=10000;TRACE_LEVEL_FILE=0";

  private static final AtomicInteger POOLS = new AtomicInteger();

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
   * Opens the store the settings describe (see {@link JdbcStorage}).
   *
   * @throws ConfigurationException if a setting is invalid, the database cannot be reached or is
   *     not H2 or PostgreSQL, the migration fails, or (with migration off) the tables are missing;
   *     the message never contains the password
   */
  @Override
  public Store open(StorageSettings settings) {
    requireNonNull(settings, "settings");
    int poolSize = settings.integer(JdbcStorage.POOL_SIZE, JdbcStorage.DEFAULT_POOL_SIZE, 1, 1000);
    boolean migrate = settings.flag(JdbcStorage.MIGRATE, true);
    int timeoutMillis = settings.integer(JdbcStorage.STATEMENT_TIMEOUT, 0, 0, 86_400_000);
    @Nullable String schema = schema(settings);
    Optional<DataSource> hostDataSource = settings.object(JdbcStorage.DATA_SOURCE, DataSource.class);
    if (hostDataSource.isPresent()) {
      for (String ignored : new String[] {JdbcStorage.URL, JdbcStorage.H2_PATH, JdbcStorage.POOL_SIZE}) {
        if (settings.string(ignored).isPresent()) {
          LOG.warn("storage setting '{}' is ignored: '{}' is set and takes precedence", ignored, JdbcStorage.DATA_SOURCE);
        }
      }
      return openHostDataSource(hostDataSource.get(), schema, migrate, timeoutMillis);
    }
    return openPool(settings, poolSize, schema, migrate, timeoutMillis);
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
    Dialect dialect;
    String url;
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      url = Secrets.maskUrl(String.valueOf(md.getURL()));
      dialect = Dialect.ofProduct(md.getDatabaseProductName(), "the DataSource's database (" + url + ")");
    } catch (SQLException e) {
      throw new ConfigurationException(
          "cannot connect through the DataSource given in '" + JdbcStorage.DATA_SOURCE + "': " + Jdbc.firstLine(e), e);
    }
    String description = "host DataSource " + url + (schema == null ? "" : " (schema " + schema + ")");
    if (migrate) {
      Migrations.migrate(Migrations.configure(schema).dataSource(dataSource), description, null);
    }
    JdbcStore store = new JdbcStore(dataSource, dialect, schema, description, () -> {}, timeoutMillis);
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
    boolean privateMemory = false;
    if (urlSetting.isPresent()) {
      url = urlSetting.get();
      Optional<Dialect> known = Dialect.ofUrl(url);
      if (known.isEmpty()) {
        throw new ConfigurationException("storage setting '" + JdbcStorage.URL
            + "' must be an H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://...) URL, got '"
            + Secrets.scrub(url, password) + "'");
      }
      dialect = known.get();
      h2Path.ifPresent(p -> LOG.warn("storage setting '{}' is ignored: '{}' is set and takes precedence",
          JdbcStorage.H2_PATH, JdbcStorage.URL));
    } else if (h2Path.isPresent()) {
      url = "jdbc:h2:file:" + h2File(h2Path.get()) + H2_OPTIONS;
      dialect = Dialect.H2;
    } else {
      url = "jdbc:h2:mem:partner-" + IdGenerator.random().next() + ";DB_CLOSE_DELAY=-1" + H2_OPTIONS;
      dialect = Dialect.H2;
      privateMemory = true;
    }
    if (dialect == Dialect.H2 && user == null) {
      user = "sa";
      password = password == null ? "" : password;
    }
    String shownUrl = Secrets.scrub(url, password);
    String description = shownUrl + (privateMemory ? " (private, in memory)" : "")
        + (schema == null ? "" : " (schema " + schema + ")");

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
    String finalUser = user;
    String finalPassword = password;
    boolean shutdown = privateMemory;
    AutoCloseable resources = () -> {
      pool.close();
      if (shutdown) {
        shutdownH2(url, finalUser, finalPassword);
      }
    };
    JdbcStore store = new JdbcStore(pool, dialect, null, description, resources, timeoutMillis);
    try {
      if (migrate) {
        Migrations.migrate(Migrations.configure(schema).dataSource(url, user, password), description, password);
      }
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return checked(store, migrate, password);
  }

  /** The store, once its tables answer; closed and reported if they do not. */
  private static Store checked(JdbcStore store, boolean migrated, @Nullable String password) {
    try {
      store.checkTables(Migrations.TABLES);
      return store;
    } catch (PartnerProgramException e) {
      store.close();
      throw new ConfigurationException("the partner tables in " + store.description() + " cannot be read"
          + (migrated ? "" : " (migration is off: run the migrations in " + JdbcStorage.MIGRATION_LOCATION
              + " with history table " + JdbcStorage.HISTORY_TABLE + ", or set " + JdbcStorage.MIGRATE + "=true)")
          + ": " + Secrets.scrub(e.getMessage(), password), e);
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

  /** Drops a private in-memory H2 database (kept alive by DB_CLOSE_DELAY=-1 while the pool runs). */
  private static void shutdownH2(String url, @Nullable String user, @Nullable String password) throws SQLException {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    try (Connection c = new org.h2.Driver().connect(url, props); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
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
