package cloud.quazzar.partner.spring;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.PartnerProgramException;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.spi.StorageSettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Builds the auto-configured program from the properties, the application's {@code DataSource}
 * and {@code Clock}: the storage choice of rules SPRING-1 and SPRING-2; every refusal of the library
 * becomes a {@link PartnerStartupException} naming the property (SPRING-3).
 */
final class ProgramFactory {
  static final String P = PartnerProperties.PREFIX + ".";
  static final String URL = P + "storage.url";
  static final String H2_PATH = P + "storage.h2-path";
  static final String USER = P + "storage.user";
  static final String PASSWORD = P + "storage.password";
  static final String POOL_SIZE = P + "storage.pool-size";
  static final String ALLOW_VOLATILE = P + "storage.allow-volatile";

  /** The JDBC store's setting keys, as the library's messages quote them, and the properties that set them. */
  private static final Map<String, String> SETTING_PROPERTIES = settingProperties();

  /** The builder's option names, as the library's violations name them, and the properties that set them. */
  private static final Map<String, String> OPTION_PROPERTIES = Map.of(
      "zone", P + "zone",
      "clock", "the application's Clock bean",
      "discountStaleness", P + "discount-staleness",
      "eventRetryDelay", P + "events.retry-delay",
      "eventLease", P + "events.lease");

  private final List<String> badProperties = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  private ProgramFactory() {}

  private static Map<String, String> settingProperties() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(JdbcStorage.URL, URL);
    m.put(JdbcStorage.H2_PATH, H2_PATH);
    m.put(JdbcStorage.USER, USER);
    m.put(JdbcStorage.PASSWORD, PASSWORD);
    m.put(JdbcStorage.SCHEMA, P + "storage.schema");
    m.put(JdbcStorage.MIGRATE, P + "storage.migrate");
    m.put(JdbcStorage.POOL_SIZE, POOL_SIZE);
    m.put(JdbcStorage.STATEMENT_TIMEOUT, P + "storage.statement-timeout");
    m.put(JdbcStorage.DATA_SOURCE, "the application's DataSource bean");
    return m;
  }

  /**
   * The program, or a {@link PartnerStartupException} listing every property the library refused.
   *
   * @param dataSource the application's one (or primary) DataSource, or null
   * @param dataSources how many DataSource beans the application has
   * @param clock the application's Clock bean, or null
   */
  static PartnerProgram build(PartnerProperties properties, @Nullable DataSource dataSource, long dataSources,
      @Nullable Clock clock) {
    return new ProgramFactory().create(properties, dataSource, dataSources, clock);
  }

  private PartnerProgram create(PartnerProperties properties, @Nullable DataSource dataSource, long dataSources,
      @Nullable Clock clock) {
    PartnerProgram.Builder builder = PartnerProgram.builder();
    if (clock != null) {
      apply(() -> builder.clock(clock), OPTION_PROPERTIES.get("clock"));
    }
    ifSet(properties.getZone(), z -> apply(() -> builder.zone(z), P + "zone"));
    ifSet(properties.getDiscountStaleness(), d -> apply(() -> builder.discountStaleness(d), P + "discount-staleness"));
    PartnerProperties.Events events = properties.getEvents();
    ifSet(events.getRetryDelay(), d -> apply(() -> builder.eventRetryDelay(d), P + "events.retry-delay"));
    ifSet(events.getLease(), d -> apply(() -> builder.eventLease(d), P + "events.lease"));

    StorageSettings settings = storage(properties.getStorage(), dataSource, dataSources);
    if (!problems.isEmpty()) {
      throw failure(null);
    }
    builder.storage(settings);
    PartnerProgram program;
    try {
      program = builder.build();
    } catch (PartnerProgramException e) {
      String message = explained(e.getMessage());
      if (settings.providerName().isEmpty()) {
        // nothing chosen: the library's discovery found no durable store (PartnerProgram.Builder.build)
        throw new PartnerStartupException("No storage for the partner program: define a DataSource bean, or set "
            + URL + " or " + H2_PATH + " (or define a PartnerProgram bean of your own). The library says: "
            + message, List.of(), e);
      }
      for (String property : SETTING_PROPERTIES.values()) {
        if (message.contains("(" + property + ")")) {
          badProperties.add(property);
        }
      }
      problems.add(message);
      throw failure(e);
    }
    if (!program.store().durable() && !properties.getStorage().isAllowVolatile()) {
      String store = program.store().description();
      program.close();
      problem("the store is volatile (" + store + "): the partner program's data would be lost when the process"
          + " exits. " + (settings.object(JdbcStorage.DATA_SOURCE, DataSource.class).isPresent()
              ? "The application's DataSource is an in-memory database (Spring Boot's embedded database when"
                  + " spring.datasource.url is not set?): point it at a durable database, or set "
              : "Choose a durable database, or set ") + ALLOW_VOLATILE + "=true for tests and demonstrations",
          ALLOW_VOLATILE);
      throw failure(null);
    }
    return program;
  }

  private StorageSettings storage(PartnerProperties.Storage storage, @Nullable DataSource dataSource, long dataSources) {
    String url = blankToNull(storage.getUrl());
    String h2Path = blankToNull(storage.getH2Path());
    StorageSettings settings;
    if (url != null && h2Path != null) {
      problem(URL + " and " + H2_PATH + " are both set: set one of them", URL, H2_PATH);
      return StorageSettings.empty();
    } else if (url != null) {
      settings = settings(() -> JdbcStorage.url(url, storage.getUser(), storage.getPassword()), URL);
    } else if (h2Path != null) {
      settings = settings(() -> JdbcStorage.h2File(Path.of(h2Path)), H2_PATH);
      if (settings != null && storage.getUser() != null) {
        settings = settings.with(JdbcStorage.USER, storage.getUser());
      }
      if (settings != null && storage.getPassword() != null) {
        settings = settings.with(JdbcStorage.PASSWORD, storage.getPassword());
      }
    } else {
      String why = "is set, but neither " + URL + " nor " + H2_PATH + (dataSource != null
          ? ": the application's DataSource brings its own connections" : "");
      if (storage.getUser() != null) {
        problem(USER + " " + why, USER);
      }
      if (storage.getPassword() != null) {
        problem(PASSWORD + " " + why, PASSWORD);
      }
      if (storage.getPoolSize() != null) {
        problem(POOL_SIZE + " " + why, POOL_SIZE);
      }
      if (dataSource != null) {
        settings = JdbcStorage.dataSource(dataSource);
      } else if (dataSources > 1) {
        problem("the application has " + dataSources + " DataSource beans and none is primary: mark the one for the"
            + " partner program @Primary, or set " + URL + " or " + H2_PATH + ", or define a PartnerProgram bean", List.of());
        return StorageSettings.empty();
      } else {
        settings = StorageSettings.empty(); // discovery, which never chooses a volatile store
      }
    }
    if (settings == null) {
      return StorageSettings.empty();
    }
    if (storage.getPoolSize() != null && (url != null || h2Path != null)) {
      settings = settings.with(JdbcStorage.POOL_SIZE, storage.getPoolSize());
    }
    String schema = blankToNull(storage.getSchema());
    if (schema != null) {
      settings = settings.with(JdbcStorage.SCHEMA, schema);
    }
    if (storage.getMigrate() != null) {
      settings = settings.with(JdbcStorage.MIGRATE, storage.getMigrate());
    }
    Duration timeout = storage.getStatementTimeout();
    if (timeout != null) {
      if (timeout.isNegative() || !timeout.equals(Duration.ofMillis(timeout.toMillis()))) {
        problem(P + "storage.statement-timeout must be zero or whole milliseconds, got " + timeout,
            P + "storage.statement-timeout");
      } else {
        settings = settings.with(JdbcStorage.STATEMENT_TIMEOUT, timeout.toMillis());
      }
    }
    return settings;
  }

  private @Nullable StorageSettings settings(Supplier<StorageSettings> factory, String property) {
    try {
      return factory.get();
    } catch (PartnerProgramException | InvalidPathException e) {
      problem(property + ": " + e.getMessage(), property);
      return null;
    }
  }

  /** Calls a builder option; a refusal is recorded against {@code property}, with the library's reason. */
  private void apply(Runnable option, @Nullable String property) {
    String name = property == null ? "?" : property;
    try {
      option.run();
    } catch (ValidationException e) {
      for (Violation v : e.violations()) {
        String p = OPTION_PROPERTIES.getOrDefault(v.field(), name);
        problem(p + ": " + v.message(), p);
      }
    } catch (PartnerProgramException e) {
      problem(name + ": " + e.getMessage(), name);
    }
  }

  private void problem(String message, String... properties) {
    problem(message, List.of(properties));
  }

  private void problem(String message, List<String> properties) {
    problems.add(message);
    for (String p : properties) {
      if (!badProperties.contains(p)) {
        badProperties.add(p);
      }
    }
  }

  private PartnerStartupException failure(@Nullable Throwable cause) {
    return new PartnerStartupException("The partner program cannot start:\n  - "
        + String.join("\n  - ", problems), badProperties, cause);
  }

  /** The library's message with each storage setting it quotes followed by the property that sets it. */
  private static String explained(@Nullable String message) {
    String text = message == null ? "" : message;
    for (Map.Entry<String, String> e : SETTING_PROPERTIES.entrySet()) {
      text = text.replace("'" + e.getKey() + "'", "'" + e.getKey() + "' (" + e.getValue() + ")");
    }
    return text;
  }

  private static <T> void ifSet(@Nullable T value, Consumer<T> then) {
    if (value != null) {
      then.accept(value);
    }
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
