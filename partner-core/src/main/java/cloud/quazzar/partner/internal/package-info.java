/**
 * Implementation. Not API: may change in any release without notice.
 */
@NullMarked
package cloud.quazzar.partner.internal;

import org.jspecify.annotations.NullMarked;
