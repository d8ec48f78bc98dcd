/**
 * Micrometer metrics for a partner program: {@link cloud.quazzar.partner.metrics.PartnerProgramMetrics}.
 *
 * <p>The only package of core that refers to Micrometer, an optional dependency: a host without
 * Micrometer never loads it, and nothing else changes (OPS-13). Every meter, its type, unit and
 * tags are listed in docs/operations.md, "Metrics".
 */
@NullMarked
package cloud.quazzar.partner.metrics;

import org.jspecify.annotations.NullMarked;
