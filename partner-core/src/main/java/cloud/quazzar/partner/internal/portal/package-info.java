/**
 * The partner portal's implementation. Not API: may change in any release without notice.
 */
@NullMarked
package cloud.quazzar.partner.internal.portal;

import org.jspecify.annotations.NullMarked;
