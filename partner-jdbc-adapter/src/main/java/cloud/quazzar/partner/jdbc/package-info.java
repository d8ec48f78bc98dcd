/**
 * The JDBC store: an embedded H2 database (a file; in memory only when chosen explicitly) or a
 * shared PostgreSQL database for hosts with several nodes. Host code only needs {@link
 * cloud.quazzar.partner.jdbc.JdbcStorage}, whose factories return the settings to hand to {@code
 * PartnerProgram.builder().storage(...)}; the provider itself is found by {@link
 * java.util.ServiceLoader} under the name {@value cloud.quazzar.partner.jdbc.JdbcStorage#PROVIDER_NAME}.
 *
 * <p>The schema comes from versioned Flyway migrations shipped in the jar under {@value
 * cloud.quazzar.partner.jdbc.JdbcStorage#MIGRATION_LOCATION}; the store runs them when it opens,
 * or the host runs them with its own tool and sets {@value
 * cloud.quazzar.partner.jdbc.JdbcStorage#MIGRATE} to {@code false}.
 */
@NullMarked
package cloud.quazzar.partner.jdbc;

import org.jspecify.annotations.NullMarked;
