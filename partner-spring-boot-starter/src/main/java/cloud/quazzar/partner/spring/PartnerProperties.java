package cloud.quazzar.partner.spring;

import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code quazzar.partner.*} properties of the auto-configured {@code PartnerProgram}
 * (docs/spring-boot.md has the table). A property left unset keeps the library's default; nothing
 * here repeats a default of {@code PartnerProgram.Builder} or {@code JdbcStorage}. Values are checked
 * by the library when the program is built: a value it refuses stops the application's start with a
 * {@link PartnerStartupException} naming the property.
 */
@ConfigurationProperties(prefix = PartnerProperties.PREFIX)
public class PartnerProperties {
  /** The prefix of every property: {@value}. */
  public static final String PREFIX = "quazzar.partner";

  /** Whether to auto-configure a PartnerProgram bean at all. */
  private boolean enabled = true;

  /** The zone in which the program takes dates (tiers, certifications, revenue periods). Default: UTC. */
  private @Nullable ZoneId zone;

  /**
   * How late the discount engine may see discount changes made by other nodes sharing the store: 0
   * (the library's default, seen by the next call) or whole milliseconds up to 1 hour.
   */
  private @Nullable Duration discountStaleness;

  private final Storage storage = new Storage();

  private final Events events = new Events();

  private final Toggle metrics = new Toggle();

  private final Toggle health = new Toggle();

  /** Creates the properties with every value unset. */
  public PartnerProperties() {}

  /**
   * Whether the auto-configuration defines a {@code PartnerProgram} bean ({@code true} unless set).
   *
   * @return whether it is enabled
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Sets {@link #isEnabled()}.
   *
   * @param enabled whether the auto-configuration defines a {@code PartnerProgram} bean
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * The zone in which the program takes dates, or null for the library's default (UTC).
   *
   * @return the zone, or null if not set
   */
  public @Nullable ZoneId getZone() {
    return zone;
  }

  /**
   * Sets {@link #getZone()}.
   *
   * @param zone the zone, e.g. {@code Europe/Berlin}
   */
  public void setZone(@Nullable ZoneId zone) {
    this.zone = zone;
  }

  /**
   * {@code PartnerProgram.Builder.discountStaleness}, or null for the library's default (zero).
   *
   * @return the staleness, or null if not set
   */
  public @Nullable Duration getDiscountStaleness() {
    return discountStaleness;
  }

  /**
   * Sets {@link #getDiscountStaleness()}.
   *
   * @param discountStaleness zero or whole milliseconds up to 1 hour
   */
  public void setDiscountStaleness(@Nullable Duration discountStaleness) {
    this.discountStaleness = discountStaleness;
  }

  /**
   * The {@code quazzar.partner.storage.*} properties.
   *
   * @return the storage properties, never null
   */
  public Storage getStorage() {
    return storage;
  }

  /**
   * The {@code quazzar.partner.events.*} properties.
   *
   * @return the event properties, never null
   */
  public Events getEvents() {
    return events;
  }

  /**
   * The {@code quazzar.partner.metrics.*} properties: whether the program's Micrometer metrics
   * ({@code PartnerProgramMetrics}) are defined as a bean when Micrometer is on the class path.
   *
   * @return the metrics switch, never null
   */
  public Toggle getMetrics() {
    return metrics;
  }

  /**
   * The {@code quazzar.partner.health.*} properties: whether the health indicator {@code
   * partnerProgram} is defined when Spring Boot's health API is on the class path.
   *
   * @return the health switch, never null
   */
  public Toggle getHealth() {
    return health;
  }

  /**
   * Where the program stores its data: a JDBC URL, an embedded H2 file, or (neither set) the
   * application's {@code DataSource} bean. {@code url} and {@code h2-path} exclude each other.
   */
  public static class Storage {
    /**
     * JDBC URL of the database the program opens with a pool of its own, e.g.
     * jdbc:postgresql://127.0.0.1:5432/partners. Takes precedence over the application's DataSource.
     * Not together with h2-path.
     */
    private @Nullable String url;

    /** User name for url or h2-path (the driver's default if unset; H2: sa). */
    private @Nullable String user;

    /** Password for url or h2-path; never shown in messages or logs. */
    private @Nullable String password;

    /**
     * Path of an embedded H2 file database (H2 adds .mv.db), created on first use: durable. Takes
     * precedence over the application's DataSource. Not together with url.
     */
    private @Nullable String h2Path;

    /**
     * The database schema holding the program's tables (created if missing, when migrating):
     * letters, digits and _, not starting with a digit, at most 63 characters. Default: the
     * connection's own schema. Applies to every storage, the application's DataSource included.
     */
    private @Nullable String schema;

    /**
     * The longest one statement of the store may run before it is cancelled (the operation then
     * fails with "timed out"): whole milliseconds up to 1 day; 0 or unset for no limit.
     */
    private @Nullable Duration statementTimeout;

    /**
     * Whether opening the store runs the library's Flyway migrations (the library's default: true)
     * or only checks that its tables exist (false: the application migrates them itself).
     */
    private @Nullable Boolean migrate;

    /**
     * Maximum connections of the pool the store creates for url or h2-path: 1 to 1000 (library
     * default 8). Not with the application's DataSource, which pools itself.
     */
    private @Nullable Integer poolSize;

    /**
     * Whether the program may run on a volatile store (data lost when the process exits), such as an
     * in-memory H2 DataSource (Spring Boot's embedded database when no spring.datasource.url is set)
     * or a jdbc:h2:mem: URL: for tests and demonstrations. Off by default: the start fails instead.
     */
    private boolean allowVolatile;

    /** Creates the storage properties with every value unset. */
    public Storage() {}

    /**
     * Whether a volatile store is accepted ({@code false} unless set).
     *
     * @return whether a volatile store is accepted
     */
    public boolean isAllowVolatile() {
      return allowVolatile;
    }

    /**
     * Sets {@link #isAllowVolatile()}.
     *
     * @param allowVolatile whether a volatile store is accepted
     */
    public void setAllowVolatile(boolean allowVolatile) {
      this.allowVolatile = allowVolatile;
    }

    /**
     * The JDBC URL, or null.
     *
     * @return the URL, or null if not set
     */
    public @Nullable String getUrl() {
      return url;
    }

    /**
     * Sets {@link #getUrl()}.
     *
     * @param url a JDBC URL
     */
    public void setUrl(@Nullable String url) {
      this.url = url;
    }

    /**
     * The user name, or null.
     *
     * @return the user name, or null if not set
     */
    public @Nullable String getUser() {
      return user;
    }

    /**
     * Sets {@link #getUser()}.
     *
     * @param user the user name
     */
    public void setUser(@Nullable String user) {
      this.user = user;
    }

    /**
     * The password, or null.
     *
     * @return the password, or null if not set
     */
    public @Nullable String getPassword() {
      return password;
    }

    /**
     * Sets {@link #getPassword()}.
     *
     * @param password the password
     */
    public void setPassword(@Nullable String password) {
      this.password = password;
    }

    /**
     * The H2 file path, or null.
     *
     * @return the path without H2's suffix, or null if not set
     */
    public @Nullable String getH2Path() {
      return h2Path;
    }

    /**
     * Sets {@link #getH2Path()}.
     *
     * @param h2Path the path without H2's {@code .mv.db} suffix
     */
    public void setH2Path(@Nullable String h2Path) {
      this.h2Path = h2Path;
    }

    /**
     * The schema, or null.
     *
     * @return the schema, or null if not set
     */
    public @Nullable String getSchema() {
      return schema;
    }

    /**
     * Sets {@link #getSchema()}.
     *
     * @param schema the schema's name
     */
    public void setSchema(@Nullable String schema) {
      this.schema = schema;
    }

    /**
     * The statement timeout, or null.
     *
     * @return the timeout, or null if not set
     */
    public @Nullable Duration getStatementTimeout() {
      return statementTimeout;
    }

    /**
     * Sets {@link #getStatementTimeout()}.
     *
     * @param statementTimeout whole milliseconds up to 1 day, 0 for none
     */
    public void setStatementTimeout(@Nullable Duration statementTimeout) {
      this.statementTimeout = statementTimeout;
    }

    /**
     * Whether to migrate, or null.
     *
     * @return whether to migrate, or null if not set
     */
    public @Nullable Boolean getMigrate() {
      return migrate;
    }

    /**
     * Sets {@link #getMigrate()}.
     *
     * @param migrate whether opening the store migrates
     */
    public void setMigrate(@Nullable Boolean migrate) {
      this.migrate = migrate;
    }

    /**
     * The pool size, or null.
     *
     * @return the pool size, or null if not set
     */
    public @Nullable Integer getPoolSize() {
      return poolSize;
    }

    /**
     * Sets {@link #getPoolSize()}.
     *
     * @param poolSize 1 to 1000
     */
    public void setPoolSize(@Nullable Integer poolSize) {
      this.poolSize = poolSize;
    }
  }

  /** Event delivery: the program's retry delay and lease, and the application's listener beans. */
  public static class Events {
    /** How long after a listener threw its event is offered again: 10 ms to 1 day (library default 5 s). */
    private @Nullable Duration retryDelay;

    /**
     * How long a program may deliver one listener name before another node may take it over: 1 s
     * to 1 hour (library default 30 s).
     */
    private @Nullable Duration lease;

    /**
     * Whether the application's EventListener beans are subscribed to the program under their bean
     * names when the context starts (and unsubscribed when it stops).
     */
    private boolean subscribeListenerBeans = true;

    /** Creates the event properties with every value unset. */
    public Events() {}

    /**
     * The retry delay, or null.
     *
     * @return the delay, or null if not set
     */
    public @Nullable Duration getRetryDelay() {
      return retryDelay;
    }

    /**
     * Sets {@link #getRetryDelay()}.
     *
     * @param retryDelay 10 ms to 1 day
     */
    public void setRetryDelay(@Nullable Duration retryDelay) {
      this.retryDelay = retryDelay;
    }

    /**
     * The lease, or null.
     *
     * @return the lease, or null if not set
     */
    public @Nullable Duration getLease() {
      return lease;
    }

    /**
     * Sets {@link #getLease()}.
     *
     * @param lease 1 s to 1 hour
     */
    public void setLease(@Nullable Duration lease) {
      this.lease = lease;
    }

    /**
     * Whether listener beans are subscribed ({@code true} unless set).
     *
     * @return whether listener beans are subscribed
     */
    public boolean isSubscribeListenerBeans() {
      return subscribeListenerBeans;
    }

    /**
     * Sets {@link #isSubscribeListenerBeans()}.
     *
     * @param subscribeListenerBeans whether to subscribe the application's listener beans
     */
    public void setSubscribeListenerBeans(boolean subscribeListenerBeans) {
      this.subscribeListenerBeans = subscribeListenerBeans;
    }
  }

  /** An integration that is on unless switched off. */
  public static class Toggle {
    /** Whether the integration is on (when its library is on the class path). */
    private boolean enabled = true;

    /** Creates the switch, on. */
    public Toggle() {}

    /**
     * Whether the integration is on ({@code true} unless set).
     *
     * @return whether it is on
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets {@link #isEnabled()}.
     *
     * @param enabled whether the integration is on
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
