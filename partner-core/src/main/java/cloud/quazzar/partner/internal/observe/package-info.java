/**
 * The program's observation hook (not API): decorators of the services that time each call and
 * classify its outcome, and the counters core keeps for retries and the ledger, reported to an
 * {@link cloud.quazzar.partner.internal.observe.Observer} only while one is installed (decision O1
 * in docs/decisions.md). Nothing here refers to Micrometer: {@code cloud.quazzar.partner.metrics}
 * installs the observer that does (OPS-13).
 */
@NullMarked
package cloud.quazzar.partner.internal.observe;

import org.jspecify.annotations.NullMarked;
