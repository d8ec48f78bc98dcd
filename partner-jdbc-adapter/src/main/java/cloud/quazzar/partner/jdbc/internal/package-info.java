/**
 * Implementation of the JDBC store. Not API: may change in any release without notice.
 *
 * <p>Layout, so later capabilities can add tables without touching what exists: {@code Jdbc}
 * runs prepared statements on the transaction's connection and translates SQL errors; each
 * capability has its own repository class ({@code JdbcPartners} for partners, clients and tier
 * history) and its own migrations ({@code V1__partners.sql}; discounts, certifications and revenue
 * come as {@code V2}, {@code V3}, ...); {@code JdbcTransaction} hands the repositories out.
 */
@NullMarked
package cloud.quazzar.partner.jdbc.internal;

import org.jspecify.annotations.NullMarked;
