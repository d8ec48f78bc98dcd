package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Flyway migrations shipped in the jar: {@link JdbcStorage#MIGRATION_LOCATION} on H2 and
 * PostgreSQL, {@link JdbcStorage#MARIADB_MIGRATION_LOCATION} on MariaDB (the same versions, each
 * creating the same tables, indexes and constraints in MariaDB's types).
 */
final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  /** Every table the migrations create; the store checks it can read them when it opens. */
  static final List<String> TABLES = List.of("partners", "partner_tier_history", "partner_clients",
      "discount_policy_versions", "discount_volume_steps", "discount_policy_cancellations",
      "discount_adjustments", "discount_adjustment_cancellations", "discount_revision",
      "partner_certifications", "revenue_entries",
      "review_grace_periods", "review_outcomes", "review_policies", "review_revenue_requirements",
      "domain_events", "event_counter", "event_cursors", "text_rules", "page_token_keys");

  /**
   * The Flyway placeholder of {@code V8__partner_lists.sql}, {@code V9__client_lists.sql} and {@code
   * V10__certification_lists.sql}: the collation that makes the name keys compare by code point
   * (docs/rules.md TEXT-3).
   */
  static final String BINARY_COLLATION = "binary_collation";

  /**
   * The highest migration this jar ships, in both locations (the schema version the store expects,
   * rule OPS-3); {@code MigrationsLatestTest} checks it against the scripts.
   */
  static final int LATEST_VERSION = 12;

  /**
   * Scripts whose comments were reworded after earlier builds applied them, their statements
   * unchanged (decision D12 in docs/decisions.md): version, and the checksum Flyway recorded for the
   * earlier text. A database that holds exactly that checksum gets the new one recorded when it is
   * opened; any other difference still fails validation.
   */
  static final Map<String, Integer> REWORDED_CHECKSUMS = Map.of(
      "3", -2031493043,
      "4", -1632413752,
      "5", 1169970518,
      "6", -526852132);

  private Migrations() {}

  /**
   * The values of the scripts' placeholders on {@code dialect}'s database: {@value
   * #BINARY_COLLATION} is {@code COLLATE "C"} on PostgreSQL (UTF-8 byte order) and empty on H2,
   * which compares strings by UTF-16 units (the same order for name keys).
   */
  static Map<String, String> placeholders(Dialect dialect) {
    return Map.of(BINARY_COLLATION, switch (dialect) {
      case H2 -> "";
      case POSTGRESQL -> "COLLATE \"C\"";
      // MariaDB's own scripts declare their collations and use no placeholder
      case MARIADB -> "";
    });
  }

  /**
   * Flyway set up for the store's migrations on {@code dialect}'s database (its {@linkplain
   * #placeholders placeholders}), in {@code schema} (created if missing) if given.
   */
  static FluentConfiguration configure(Dialect dialect, @Nullable String schema) {
    FluentConfiguration config = Flyway.configure(Migrations.class.getClassLoader())
        .placeholders(placeholders(dialect))
        .loggers("slf4j")
        .locations(dialect.migrationLocation())
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
      Flyway flyway = config.load();
      MigrateResult result;
      try {
        result = flyway.migrate();
      } catch (FlywayValidateException e) {
        List<String> reworded = rewordedOnly(flyway.info().all());
        if (reworded.isEmpty()) {
          throw e;
        }
        // Only the recorded checksums of reworded scripts differ: repair realigns exactly those
        // (nothing failed or is missing, so it has nothing else to do), then migrate validates.
        flyway.repair();
        LOG.info("partner schema in {}: recorded the new checksums of migration(s) {}, whose comments"
            + " were reworded (statements unchanged)", description, reworded);
        result = flyway.migrate();
      }
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

  /**
   * The versions whose recorded checksum is the {@link #REWORDED_CHECKSUMS earlier one} of a
   * reworded script, if that is the only difference between the history and the scripts: every
   * other applied migration succeeded, is still shipped and matches its script (checksum,
   * description and type). Otherwise, or if there is no such version, empty: the validation error
   * stands.
   */
  static List<String> rewordedOnly(MigrationInfo[] migrations) {
    List<String> reworded = new ArrayList<>();
    for (MigrationInfo m : migrations) {
      MigrationState state = m.getState();
      if (!state.isApplied() || m.getType().isSynthetic() || m.getType().isBaseline()) {
        continue; // pending, ignored, or Flyway's own row (the baseline, the schema it created)
      }
      if (state.isFailed() || !state.isResolved()) {
        return List.of(); // a failed or missing migration is not a reworded comment
      }
      if (m.isChecksumMatching()) {
        continue;
      }
      String version = m.isVersioned() ? m.getVersion().getVersion() : null;
      if (version == null || !Objects.equals(REWORDED_CHECKSUMS.get(version), m.getAppliedChecksum())
          || !m.isDescriptionMatching() || !m.isTypeMatching()) {
        return List.of();
      }
      reworded.add("V" + version);
    }
    return List.copyOf(reworded);
  }
}
