package cloud.quazzar.partner.jdbc;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.jdbc.internal.JdbcStore;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Settings for the JDBC store, ready for {@code PartnerProgram.builder().storage(...)}. Every
 * factory returns {@link StorageSettings} that select the provider {@value #PROVIDER_NAME}; add
 * more keys with {@link StorageSettings#with}:
 *
 * <pre>{@code
 * PartnerProgram.builder()
 *     .storage(JdbcStorage.url("jdbc:postgresql://db:5432/panel", "panel", secret)
 *         .with(JdbcStorage.SCHEMA, "partner_program")
 *         .with(JdbcStorage.POOL_SIZE, 16))
 *     .build();
 * }</pre>
 *
 * <p>Where the store connects: exactly one of the {@link #DATA_SOURCE} object (the host owns it;
 * the store never closes it), {@link #URL} with {@link #USER} and {@link #PASSWORD} through a
 * connection pool of {@link #POOL_SIZE}, or the H2 file database at {@link #H2_PATH}. Settings that
 * name none of them are a {@link ConfigurationException} when the store opens, saying how to
 * choose: the store never invents a database, so a host that forgets a setting fails at start-up
 * instead of recording into memory. Settings that name two ({@link #DATA_SOURCE} with {@link #URL},
 * {@link #H2_PATH} or {@link #POOL_SIZE}; {@link #URL} with {@link #H2_PATH}) are a {@link
 * ConfigurationException} too. Supported databases: H2 2.x, PostgreSQL (15 and later) and MariaDB
 * (10.7 and later, also a Galera cluster; not MySQL, which lacks MariaDB's {@code UUID} type).
 *
 * <p>The database's artifacts are the host's to add (this module declares them optional): for H2
 * {@code com.h2database:h2}; for PostgreSQL {@code org.postgresql:postgresql} and, unless {@link
 * #MIGRATE} is off, {@code org.flywaydb:flyway-database-postgresql} in flyway-core's version; for
 * MariaDB {@code org.mariadb.jdbc:mariadb-java-client} (3.5) and, unless {@link #MIGRATE} is off,
 * {@code org.flywaydb:flyway-mysql} in flyway-core's version. A
 * store opened without one of them fails with a {@link ConfigurationException} naming it as
 * {@code groupId:artifactId}, before it connects. A host {@link #DATA_SOURCE} on H2 brings its
 * driver itself.
 *
 * <p>Durability ({@link Store#durable()}): every database is durable except an H2 in-memory one
 * ({@code jdbc:h2:mem:...}, as {@link #h2InMemory} makes). Settings from these factories name the
 * provider, so they are an explicit choice: the program uses a volatile {@link #h2InMemory}
 * database when told to, while storage discovery on its own never keeps a volatile store.
 *
 * <p>Errors: these factories throw {@link ValidationException} for a null argument and {@link
 * ConfigurationException} for a value that can never work (a blank URL, an H2 name or path that
 * would change the URL's options); opening the store throws {@link ConfigurationException} when no
 * database is named, a setting is invalid, an artifact the database needs is missing, the database
 * cannot be reached, or the migration fails.
 * Messages never contain the password.
 */
public final class JdbcStorage {
  /** The provider name, {@value}: {@code StorageSettings.provider("jdbc")}. */
  public static final String PROVIDER_NAME = "jdbc";

  /**
   * JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test}, {@code
   * jdbc:mariadb://127.0.0.1:3306/test}, {@code jdbc:mariadb:sequential://n1:3306,n2:3306/test} (a
   * Galera cluster through Connector/J's failover) or {@code jdbc:h2:mem:x}.
   */
  public static final String URL = "jdbc.url";

  /** User name for {@link #URL} or {@link #H2_PATH} (H2 default: {@code sa}). */
  public static final String USER = "jdbc.user";

  /** Password for {@link #URL} or {@link #H2_PATH}; masked in every message and description. */
  public static final String PASSWORD = "jdbc.password";

  /**
   * A {@link DataSource} object owned by the host: used as is, never closed by the store. Not
   * together with {@link #URL}, {@link #H2_PATH} or {@link #POOL_SIZE}.
   */
  public static final String DATA_SOURCE = "jdbc.dataSource";

  /** Path of an embedded H2 file database (H2 adds {@code .mv.db}). */
  public static final String H2_PATH = "jdbc.h2.path";

  /**
   * The database schema holding the store's tables: created if missing (when migrating), and the
   * store's connections use it. Letters, digits and {@code _}, not starting with a digit, at most
   * 63 characters; case-sensitive. Default: the connection's own default schema. On MariaDB a
   * schema is a database: the store creates it ({@code utf8mb4}, binary collation) and its
   * connections use it as their catalog.
   */
  public static final String SCHEMA = "jdbc.schema";

  /**
   * Whether opening the store runs the migrations ({@code true}, the default) or only checks
   * that the tables exist ({@code false}: the host runs {@link #MIGRATION_LOCATION} itself).
   */
  public static final String MIGRATE = "jdbc.migrate";

  /** Maximum connections of the pool the store creates: 1 to 1000, default {@value #DEFAULT_POOL_SIZE}. */
  public static final String POOL_SIZE = "jdbc.pool.size";

  /** Default of {@link #POOL_SIZE}. */
  public static final int DEFAULT_POOL_SIZE = 8;

  /**
   * The longest a single statement of the store may run, in milliseconds: 0 (the default) for no
   * limit, else 1 to 86,400,000. Applied per transaction (PostgreSQL {@code statement_timeout} for
   * the transaction, H2 {@code QUERY_TIMEOUT}, MariaDB {@code max_statement_time}, SQLSTATE 70100),
   * also on a host's {@link #DATA_SOURCE}. MariaDB waits for a row lock up to its {@code
   * innodb_lock_wait_timeout} (error 1205), also reported as "timed out". A statement
   * that runs longer (on PostgreSQL also one waiting for a row lock another node holds) is
   * cancelled: the operation throws {@code StorageException} saying "timed out" (SQLSTATE 57014),
   * the transaction is rolled back, and the same request can be sent again. H2 waits for row locks
   * up to its own {@code LOCK_TIMEOUT} instead (10 s in the URLs the store builds), also reported
   * as "timed out" (SQLSTATE HYT00).
   */
  public static final String STATEMENT_TIMEOUT = "jdbc.statementTimeout";

  /**
   * Where the Flyway migrations live in the jar, for hosts that run them with their own tool
   * (then also use the history table {@value #HISTORY_TABLE}, and set the Flyway placeholder
   * {@code binary_collation} to {@code COLLATE "C"} on PostgreSQL and to an empty text on H2: the
   * collation that makes the partners' name keys compare by code point).
   */
  public static final String MIGRATION_LOCATION = "classpath:cloud/quazzar/partner/jdbc/migration";

  /**
   * Where the Flyway migrations for MariaDB live in the jar, for hosts that run them with their own
   * tool (history table {@value #HISTORY_TABLE}, no placeholders): the same versions as {@link
   * #MIGRATION_LOCATION}, each creating the same tables, indexes and constraints in MariaDB's
   * types (text in {@code utf8mb4} with the binary collation {@code utf8mb4_nopad_bin}, name keys as
   * {@code VARBINARY}, points in time as {@code DATETIME(6)} at UTC).
   */
  public static final String MARIADB_MIGRATION_LOCATION = "classpath:cloud/quazzar/partner/jdbc/mariadb/migration";

  /** Name of the table in which Flyway records the migrations it applied. */
  public static final String HISTORY_TABLE = "partner_schema_history";

  private static final Pattern H2_NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  private JdbcStorage() {}

  /**
   * How many times a store opened by this provider has re-run a whole transaction after a
   * serialization failure or deadlock (SQLSTATE 40001, 40P01), or after MariaDB Connector/J failed
   * over to another host of a multi-host URL in the middle of it (SQLSTATE 25S03), since it
   * opened, e.g. {@code
   * JdbcStorage.retries(program.store())}. Each transaction runs at most five times (ten on a node
   * of a Galera cluster) with a short, random, bounded pause between attempts; after that the
   * operation throws {@code StorageException}.
   *
   * @param store a JDBC store, or a store that wraps one such as {@code PartnerProgram.store()}
   * @return the number of transactions re-run since the store opened
   * @throws ValidationException ({@code store}) if {@code store} is null or neither is nor wraps a
   *     JDBC store
   */
  public static long retries(Store store) {
    given(store, "store");
    return store.unwrap(JdbcStore.class)
        .orElseThrow(() -> ValidationException.of("store", "must be a store of the '" + PROVIDER_NAME
            + "' provider, got " + store.description()))
        .retries();
  }

  private static <T> T given(@Nullable T value, String parameter) {
    if (value == null) {
      throw ValidationException.of(parameter, "must not be null");
    }
    return value;
  }

  /**
   * An embedded H2 file database at {@code path} (H2 stores it as {@code path + ".mv.db"}),
   * created with its directories on first use and kept when the store closes: durable. One
   * process at a time may open it.
   *
   * @param path the database file without H2's {@code .mv.db} suffix; relative paths are resolved
   *     against the working directory
   * @return the settings to pass to {@code PartnerProgram.Builder.storage}
   * @throws ValidationException ({@code path}) if {@code path} is null
   * @throws ConfigurationException if the path contains {@code ;} (it would change H2's options)
   */
  public static StorageSettings h2File(Path path) {
    given(path, "path");
    String text = path.toAbsolutePath().normalize().toString();
    if (text.indexOf(';') >= 0) {
      throw new ConfigurationException("H2 database path must not contain ';': " + text);
    }
    return StorageSettings.provider(PROVIDER_NAME).with(H2_PATH, text);
  }

  /**
   * A named H2 database in memory: <b>volatile</b> ({@link Store#durable()} is false), for tests and
   * demonstrations, chosen only explicitly like this. It lives until the JVM exits: stores opened
   * with the same name share it, also after one of them closes.
   *
   * @param name the database's name within this JVM
   * @return the settings to pass to {@code PartnerProgram.Builder.storage}
   * @throws ValidationException ({@code name}) if {@code name} is null
   * @throws ConfigurationException if {@code name} is not 1 to 100 letters, digits, {@code _} or
   *     {@code -}
   */
  public static StorageSettings h2InMemory(String name) {
    given(name, "name");
    if (!H2_NAME.matcher(name).matches()) {
      throw new ConfigurationException(
          "H2 in-memory database name must be 1 to 100 letters, digits, '_' or '-', got '" + name + "'");
    }
    return StorageSettings.provider(PROVIDER_NAME)
        .with(URL, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
  }

  /**
   * The database at {@code jdbcUrl} (H2, PostgreSQL or MariaDB) through a connection pool the store
   * creates and closes. Durable unless it is an H2 in-memory URL ({@code jdbc:h2:mem:...}). On
   * MariaDB the pool's transactions run at READ COMMITTED (reads at REPEATABLE READ, one snapshot),
   * and on a Galera cluster each connection sets {@code wsrep_sync_wait = 1}, so that a transaction
   * sees what any node committed before it began.
   *
   * @param jdbcUrl the database's JDBC URL, e.g. {@code jdbc:postgresql://host:5432/db}
   * @param user user name, or null for the driver's default
   * @param password password, or null for none; it never appears in messages or descriptions
   * @return the settings to pass to {@code PartnerProgram.Builder.storage}
   * @throws ValidationException ({@code jdbcUrl}) if {@code jdbcUrl} is null
   * @throws ConfigurationException if {@code jdbcUrl} is blank or does not start with {@code jdbc:}
   */
  public static StorageSettings url(String jdbcUrl, @Nullable String user, @Nullable String password) {
    given(jdbcUrl, "jdbcUrl");
    if (jdbcUrl.isBlank() || !jdbcUrl.strip().startsWith("jdbc:")) {
      throw new ConfigurationException("a JDBC URL must start with 'jdbc:', e.g. jdbc:postgresql://host:5432/db");
    }
    StorageSettings settings = StorageSettings.provider(PROVIDER_NAME).with(URL, jdbcUrl.strip());
    if (user != null) {
      settings = settings.with(USER, user);
    }
    if (password != null) {
      settings = settings.with(PASSWORD, password);
    }
    return settings;
  }

  /**
   * The host's own {@link DataSource} (typically its pool). The store borrows connections and
   * returns them, restoring auto-commit, read-only and schema as it found them; it never closes
   * the data source. The data source should allow at least as many connections as threads that
   * use the program at once, and at least two: the migration at start-up borrows two at a time.
   * Durable unless the data source's URL is an H2 in-memory one. On MariaDB the data source must
   * report found rows for updates (Connector/J's default, {@code useAffectedRows=false}: the store's
   * version checks count the rows an {@code UPDATE} matched) and, on a Galera cluster, should set
   * {@code wsrep_sync_wait=1} on its sessions (Connector/J: {@code sessionVariables=wsrep_sync_wait=1}),
   * or a node may answer a read before it has applied what another node committed.
   *
   * @param dataSource the host's data source, left open by the store
   * @return the settings to pass to {@code PartnerProgram.Builder.storage}
   * @throws ValidationException ({@code dataSource}) if {@code dataSource} is null
   */
  public static StorageSettings dataSource(DataSource dataSource) {
    given(dataSource, "dataSource");
    return StorageSettings.provider(PROVIDER_NAME).with(DATA_SOURCE, dataSource);
  }
}
