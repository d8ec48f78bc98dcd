package cloud.quazzar.partner.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.jdbc.internal.RuntimeArtifacts.Artifact;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Which artifacts a database needs beside the adapter, and the message when one is missing, with a
 * class loader that finds none of them (MissingDriverTest shows the same in whole host programs).
 */
class RuntimeArtifactsTest {
  /**
   * Sees the JDK's boot modules only: no driver, no Flyway. (Not the platform class loader: it
   * delegates packages of named modules on the module path, such as the PostgreSQL driver's here,
   * to the application class loader.)
   */
  private static final ClassLoader EMPTY = new URLClassLoader(new URL[0], null);
  private static final ClassLoader TESTS = RuntimeArtifactsTest.class.getClassLoader();

  @Test
  @DisplayName("H2 and MariaDB need their driver when the store pools connections itself; PostgreSQL its driver"
      + " (COPY) always; when migrating, PostgreSQL and MariaDB need Flyway's support for them")
  void needed() {
    assertEquals(List.of(Artifact.H2), RuntimeArtifacts.needed(Dialect.H2, true, true));
    assertEquals(List.of(), RuntimeArtifacts.needed(Dialect.H2, false, true));
    assertEquals(List.of(Artifact.POSTGRESQL, Artifact.FLYWAY_POSTGRESQL), RuntimeArtifacts.needed(Dialect.POSTGRESQL, true, true));
    assertEquals(List.of(Artifact.POSTGRESQL, Artifact.FLYWAY_POSTGRESQL),
        RuntimeArtifacts.needed(Dialect.POSTGRESQL, false, true));
    assertEquals(List.of(Artifact.POSTGRESQL), RuntimeArtifacts.needed(Dialect.POSTGRESQL, true, false));
    assertEquals(List.of(Artifact.MARIADB, Artifact.FLYWAY_MYSQL), RuntimeArtifacts.needed(Dialect.MARIADB, true, true));
    assertEquals(List.of(Artifact.FLYWAY_MYSQL), RuntimeArtifacts.needed(Dialect.MARIADB, false, true));
    assertEquals(List.of(Artifact.MARIADB), RuntimeArtifacts.needed(Dialect.MARIADB, true, false));
    assertEquals(List.of(), RuntimeArtifacts.needed(Dialect.MARIADB, false, false));
  }

  @Test
  @DisplayName("on MariaDB the driver (which the pool loads by name, from either class loader) and Flyway's"
      + " MariaDB support are named when missing")
  void missingMariaDb() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> RuntimeArtifacts.require(Dialect.MARIADB, true, true, "jdbc:mariadb://db/panel", EMPTY, null));
    assertTrue(e.getMessage().contains("add org.mariadb.jdbc:mariadb-java-client and org.flywaydb:flyway-mysql to"),
        e.getMessage());
    RuntimeArtifacts.require(Dialect.MARIADB, true, false, "jdbc:mariadb://db/panel", EMPTY, TESTS);
  }

  @Test
  @DisplayName("every artifact's class is found where the adapter's tests run, so nothing is missing there")
  void allPresentHere() {
    for (Dialect d : Dialect.values()) {
      RuntimeArtifacts.require(d, true, true, "db", TESTS, null);
    }
  }

  @Test
  @DisplayName("a missing driver is a ConfigurationException naming the database and groupId:artifactId to add")
  void missingH2() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> RuntimeArtifacts.require(Dialect.H2, true, true, "jdbc:h2:file:/srv/partners", EMPTY, null));
    assertEquals("the JDBC store cannot open jdbc:h2:file:/srv/partners: com.h2database:h2 (the H2 database and its"
        + " JDBC driver) is missing. The adapter leaves the database's artifacts to the host: add com.h2database:h2 to"
        + " the class path or module path (the project's docs/dependencies.md lists what each database needs)",
        e.getMessage());
  }

  @Test
  @DisplayName("on PostgreSQL every missing artifact is named at once")
  void missingPostgres() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> RuntimeArtifacts.require(Dialect.POSTGRESQL, true, true, "jdbc:postgresql://db/panel", EMPTY, TESTS));
    assertTrue(e.getMessage().contains("add org.postgresql:postgresql and org.flywaydb:flyway-database-postgresql to"),
        e.getMessage());
    assertTrue(e.getMessage().contains("(Flyway's PostgreSQL support, in the same version as flyway-core)"), e.getMessage());
  }

  @Test
  @DisplayName("H2's driver may come from the context class loader (the pool loads it from either); PostgreSQL's"
      + " must be the adapter's, whose COPY uses its classes")
  void contextLoader() {
    RuntimeArtifacts.require(Dialect.H2, true, true, "jdbc:h2:mem:x", EMPTY, TESTS);
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> RuntimeArtifacts.require(Dialect.POSTGRESQL, true, false, "jdbc:postgresql://db/panel", EMPTY, TESTS));
    assertTrue(e.getMessage().contains("add org.postgresql:postgresql to"), e.getMessage());
  }
}
