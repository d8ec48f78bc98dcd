/**
 * The Micrometer side of {@code cloud.quazzar.partner.metrics.PartnerProgramMetrics} (not API): the
 * observer that records the program's calls into each registry bound, and the cached gauges. With
 * {@code cloud.quazzar.partner.metrics}, the only package of core that refers to Micrometer (OPS-13).
 */
@NullMarked
package cloud.quazzar.partner.internal.metrics;

import org.jspecify.annotations.NullMarked;
