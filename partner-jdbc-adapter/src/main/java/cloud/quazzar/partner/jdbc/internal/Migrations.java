package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the Flyway migrations shipped in the jar ({@link JdbcStorage#MIGRATION_LOCATION}). */
final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  /** Every table the migrations create; the store checks it can read them when it opens. */
  static final List<String> TABLES = List.of("partners", "partner_tier_history", "partner_clients",
      "discount_policy_versions", "discount_volume_steps", "discount_policy_cancellations",
      "discount_adjustments", "discount_adjustment_cancellations", "discount_revision",
      "partner_certifications", "revenue_entries",
      "review_grace_periods", "review_outcomes", "review_policies", "review_revenue_requirements",
      "domain_events", "event_counter", "event_cursors", "text_rules");

  private Migrations() {}

  /** Flyway set up for the store's migrations, in {@code schema} (created if missing) if given. */
  static FluentConfiguration configure(@Nullable String schema) {
    FluentConfiguration config = Flyway.configure(Migrations.class.getClassLoader())
        .loggers("slf4j")
        .locations(JdbcStorage.MIGRATION_LOCATION)
        .table(JdbcStorage.HISTORY_TABLE)
        .failOnMissingLocations(true)
        .validateMigrationNaming(true)
        // A shared schema (e.g. PostgreSQL's public one, holding the host's tables) is not empty the
        // first time: record a baseline below V1 and apply every migration from V1 on.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .baselineDescription("before the partner program schema");
    if (schema != null) {
      config = config.schemas(schema).createSchemas(true);
    }
    return config;
  }

  /**
   * Applies the pending migrations; with several nodes starting at once, Flyway's lock lets one
   * migrate while the others wait.
   *
   * @throws ConfigurationException if a migration fails or the history does not match the scripts
   */
  static void migrate(FluentConfiguration config, String description, @Nullable String password) {
    try {
      MigrateResult result = config.load().migrate();
      if (result.migrationsExecuted > 0) {
        LOG.info("partner schema in {}: applied {} migration(s), now at version {}",
            description, result.migrationsExecuted, result.targetSchemaVersion);
      } else {
        LOG.debug("partner schema in {} is up to date", description);
      }
    } catch (FlywayException e) {
      throw new ConfigurationException("migrating the partner schema in " + description + " failed: "
          + Secrets.scrub(e.getMessage(), password), e);
    }
  }
}
