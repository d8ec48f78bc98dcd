/**
 * The JDBC store: H2 embedded, PostgreSQL or MariaDB (also a Galera cluster) shared by several
 * nodes.
 *
 * <p>Exports only {@code cloud.quazzar.partner.jdbc} ({@code JdbcStorage}, the settings for this
 * store); the store itself is in {@code cloud.quazzar.partner.jdbc.internal}, which is not
 * exported. Core finds the store's provider with {@link java.util.ServiceLoader}: through {@code
 * provides} below on the module path, through {@code
 * META-INF/services/cloud.quazzar.partner.spi.StorageProvider} on the class path.
 */
// Flyway's jar declares no module name: flyway.core is the name the JDK derives from its file name
// (an automatic module). Its PostgreSQL and MariaDB support (flyway-database-postgresql, flyway-mysql,
// also automatic) is found by Flyway's ServiceLoader; like every automatic module on the module path, it is resolved along
// with flyway.core. The database's artifacts are the host's (decision HD1): the H2 driver is not
// named here at all, nor is MariaDB's (the pool loads them by name), the PostgreSQL driver only statically.
@SuppressWarnings("requires-automatic")
module cloud.quazzar.partner.jdbc {
  exports cloud.quazzar.partner.jdbc;

  // Flyway reads the migration scripts (a resource-only package) through the class loader, which
  // finds resources of a named module only in packages opened to everyone.
  opens cloud.quazzar.partner.jdbc.migration;
  opens cloud.quazzar.partner.jdbc.mariadb.migration;

  // JdbcStorage's factories return the SPI's StorageSettings
  requires transitive cloud.quazzar.partner.core;
  // JdbcStorage.dataSource(javax.sql.DataSource)
  requires transitive java.sql;
  requires static org.jspecify;
  requires org.slf4j;
  requires com.zaxxer.hikari;
  requires flyway.core;
  // only PostgresCopy uses the PostgreSQL driver's classes, and only on PostgreSQL: a host on H2 has no
  // driver module (on the module path a driver that is there is resolved anyway, by the java.sql.Driver
  // service it provides, and read through this clause)
  requires static org.postgresql.jdbc;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;

  provides cloud.quazzar.partner.spi.StorageProvider with cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider;
}
