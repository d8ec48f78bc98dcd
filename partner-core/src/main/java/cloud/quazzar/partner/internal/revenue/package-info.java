/**
 * The revenue ledger's implementation. Not API: may change in any release without notice.
 */
@NullMarked
package cloud.quazzar.partner.internal.revenue;

import org.jspecify.annotations.NullMarked;
