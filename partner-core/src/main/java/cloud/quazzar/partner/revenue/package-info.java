/**
 * Revenue tracking (rules REV-1 to REV-7): the append-only monthly {@link
 * cloud.quazzar.partner.revenue.RevenueLedger}, its entries, corrections, month-over-month trends,
 * reports and the CSV export for accounting.
 */
@NullMarked
package cloud.quazzar.partner.revenue;

import org.jspecify.annotations.NullMarked;
