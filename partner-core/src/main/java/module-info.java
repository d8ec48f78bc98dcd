/**
 * The partner program's API, its storage SPI and the in-memory store.
 *
 * <p>Exports the API packages ({@code cloud.quazzar.partner} and one package per capability), the
 * storage SPI ({@code cloud.quazzar.partner.spi}) and the in-memory store's factory ({@code
 * cloud.quazzar.partner.memory}). The implementations in {@code cloud.quazzar.partner.internal}
 * and its subpackages are not exported: they are not API and may change in any release. Storage
 * providers are found with {@link java.util.ServiceLoader}: on the module path through a
 * provider module's {@code provides cloud.quazzar.partner.spi.StorageProvider with ...}, on the
 * class path through its {@code META-INF/services} file.
 */
// "module": opens to Jackson, which core does not depend on; "requires-automatic": Micrometer (see below)
@SuppressWarnings({"module", "requires-automatic"})
module cloud.quazzar.partner.core {
  exports cloud.quazzar.partner;
  exports cloud.quazzar.partner.certification;
  exports cloud.quazzar.partner.discount;
  exports cloud.quazzar.partner.events;
  exports cloud.quazzar.partner.health;
  exports cloud.quazzar.partner.memory;
  exports cloud.quazzar.partner.metrics;
  exports cloud.quazzar.partner.portal;
  exports cloud.quazzar.partner.privacy;
  exports cloud.quazzar.partner.registry;
  exports cloud.quazzar.partner.revenue;
  exports cloud.quazzar.partner.review;
  exports cloud.quazzar.partner.spi;

  // Deep reflection only for the two libraries that need it, on the packages they read:
  // - Hibernate Validator reads the constrained components of the request records;
  // - Jackson, with which the JDBC store writes domain events as JSON, reads the fields of the event
  //   records and of the records inside them (Money, the ids, TierChange, StatusChange, RevenueEntry).
  //   Core does not depend on Jackson; a qualified opens may name a module that is absent (javac's
  //   "module not found" lint, suppressed above).
  opens cloud.quazzar.partner to org.hibernate.validator, com.fasterxml.jackson.databind;
  opens cloud.quazzar.partner.certification to org.hibernate.validator, com.fasterxml.jackson.databind;
  opens cloud.quazzar.partner.discount to org.hibernate.validator;
  opens cloud.quazzar.partner.events to com.fasterxml.jackson.databind;
  opens cloud.quazzar.partner.privacy to org.hibernate.validator;
  opens cloud.quazzar.partner.registry to org.hibernate.validator, com.fasterxml.jackson.databind;
  opens cloud.quazzar.partner.revenue to org.hibernate.validator, com.fasterxml.jackson.databind;

  // @NullMarked and @Nullable are part of every exported signature; annotations only, not needed at run time.
  requires static transitive org.jspecify;
  // the constraint annotations on the request records' components are part of their signatures
  requires transitive jakarta.validation;
  requires org.hibernate.validator;
  requires org.slf4j;
  // Hibernate Validator's logging API: its output goes to SLF4J through the provider below (decision L1)
  requires org.jboss.logging;
  requires org.apache.commons.csv;
  // the personal-data export: JSON written by a well-kept streaming generator (docs/rules.md PRIV-4)
  requires com.fasterxml.jackson.core;
  // Micrometer is optional (docs/dependencies.md): only cloud.quazzar.partner.metrics uses it, and a
  // host without it never loads that package (OPS-13). Not transitive, though MeterBinder and MeterRegistry
  // are in PartnerProgramMetrics' signatures: a static transitive requirement makes javac demand Micrometer
  // of every module that requires core. micrometer-core has no module-info (automatic module name).
  requires static micrometer.core;

  uses cloud.quazzar.partner.spi.StorageProvider;

  // found by JBoss Logging's ServiceLoader (META-INF/services holds the same for the class path)
  provides org.jboss.logging.LoggerProvider with cloud.quazzar.partner.internal.logging.JBossLoggingToSlf4j;
}
