/**
 * Routes the logging of core's libraries to SLF4J (decision L1 in docs/decisions.md). Not API: may
 * change in any release without notice.
 */
@NullMarked
package cloud.quazzar.partner.internal.logging;

import org.jspecify.annotations.NullMarked;
