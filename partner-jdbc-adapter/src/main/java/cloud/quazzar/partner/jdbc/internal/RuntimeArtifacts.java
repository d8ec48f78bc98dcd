package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The artifacts beside the adapter that a database needs at run time. They are optional
 * dependencies of the adapter (decision HD1 in docs/decisions.md, docs/dependencies.md): a host
 * adds the ones of its database. The store checks them when it opens, before it connects, so that
 * a missing one is a {@link ConfigurationException} naming the artifact to add, instead of a
 * {@code ClassNotFoundException} from the pool, a {@code NoClassDefFoundError} at the first bulk
 * write, or Flyway's "unsupported database".
 */
final class RuntimeArtifacts {
  /** An artifact a host adds for its database, and a class that shows it is there. */
  enum Artifact {
    /** The H2 database and its JDBC driver. */
    H2("com.h2database:h2", "org.h2.Driver", "the H2 database and its JDBC driver", true),
    /**
     * The PostgreSQL JDBC driver; the store's COPY ({@code PostgresCopy}) uses its classes, so it
     * must be visible to the adapter's class loader.
     */
    POSTGRESQL("org.postgresql:postgresql", "org.postgresql.Driver", "the PostgreSQL JDBC driver", false),
    /**
     * Flyway's PostgreSQL support, found by Flyway with the adapter's class loader; its version must
     * be flyway-core's (H2's support is part of flyway-core).
     */
    FLYWAY_POSTGRESQL("org.flywaydb:flyway-database-postgresql", "org.flywaydb.database.postgresql.PostgreSQLDatabaseType",
        "Flyway's PostgreSQL support, in the same version as flyway-core", false),
    /** MariaDB Connector/J; the pool and the store's start-up check load it by name. */
    MARIADB("org.mariadb.jdbc:mariadb-java-client", "org.mariadb.jdbc.Driver", "the MariaDB JDBC driver", true),
    /**
     * Flyway's MariaDB (and MySQL) support, found by Flyway with the adapter's class loader; its
     * version must be flyway-core's.
     */
    FLYWAY_MYSQL("org.flywaydb:flyway-mysql", "org.flywaydb.database.mysql.mariadb.MariaDBDatabaseType",
        "Flyway's MariaDB support, in the same version as flyway-core", false);

    private final String coordinates;
    private final String probeClass;
    private final String what;
    private final boolean contextLoaderEnough;

    Artifact(String coordinates, String probeClass, String what, boolean contextLoaderEnough) {
      this.coordinates = coordinates;
      this.probeClass = probeClass;
      this.what = what;
      this.contextLoaderEnough = contextLoaderEnough;
    }

    /** {@code groupId:artifactId}, as a host names it in its build. */
    String coordinates() {
      return coordinates;
    }

    /** A class of the artifact that the store needs. */
    String probeClass() {
      return probeClass;
    }

    /**
     * Whether the thread's context class loader finding the class is enough (the pool loads a
     * driver through either loader); otherwise the adapter's own class loader must find it.
     */
    boolean contextLoaderEnough() {
      return contextLoaderEnough;
    }
  }

  private RuntimeArtifacts() {}

  /**
   * What a store of {@code dialect} needs beside the adapter: the driver, if the store connects
   * through its own pool (a host's {@code DataSource} brings its driver; on PostgreSQL the store
   * still uses the driver's COPY), and on PostgreSQL and MariaDB Flyway's support for it if the
   * store migrates.
   */
  static List<Artifact> needed(Dialect dialect, boolean ownPool, boolean migrate) {
    List<Artifact> needed = new ArrayList<>(2);
    if (dialect == Dialect.H2) {
      if (ownPool) {
        needed.add(Artifact.H2);
      }
    } else if (dialect == Dialect.MARIADB) {
      if (ownPool) {
        needed.add(Artifact.MARIADB);
      }
      if (migrate) {
        needed.add(Artifact.FLYWAY_MYSQL);
      }
    } else {
      needed.add(Artifact.POSTGRESQL);
      if (migrate) {
        needed.add(Artifact.FLYWAY_POSTGRESQL);
      }
    }
    return List.copyOf(needed);
  }

  /**
   * Checks that every artifact a store of {@code dialect} needs is there.
   *
   * @param database the database, as the store describes it (no password), for the message
   * @param adapterLoader the adapter's class loader
   * @param contextLoader the thread's context class loader, if any
   * @throws ConfigurationException naming every missing artifact as {@code groupId:artifactId}
   */
  static void require(Dialect dialect, boolean ownPool, boolean migrate, String database, ClassLoader adapterLoader,
      @Nullable ClassLoader contextLoader) {
    List<Artifact> missing = new ArrayList<>(0);
    for (Artifact a : needed(dialect, ownPool, migrate)) {
      if (!visible(a.probeClass(), adapterLoader)
          && !(a.contextLoaderEnough() && contextLoader != null && visible(a.probeClass(), contextLoader))) {
        missing.add(a);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder("the JDBC store cannot open ").append(database).append(": ");
    for (int i = 0; i < missing.size(); i++) {
      Artifact a = missing.get(i);
      message.append(i == 0 ? "" : "; ").append(a.coordinates()).append(" (").append(a.what).append(") is missing");
    }
    message.append(". The adapter leaves the database's artifacts to the host: add ")
        .append(String.join(" and ", missing.stream().map(Artifact::coordinates).toList()))
        .append(" to the class path or module path (the project's docs/dependencies.md lists"
            + " what each database needs)");
    throw new ConfigurationException(message.toString());
  }

  /** Checks with the adapter's class loader and the current thread's context class loader. */
  static void require(Dialect dialect, boolean ownPool, boolean migrate, String database) {
    require(dialect, ownPool, migrate, database, RuntimeArtifacts.class.getClassLoader(),
        Thread.currentThread().getContextClassLoader());
  }

  private static boolean visible(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
