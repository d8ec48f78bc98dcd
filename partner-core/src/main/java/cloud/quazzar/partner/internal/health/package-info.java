/** The program's health check (rules OPS-1 to OPS-4). */
@NullMarked
package cloud.quazzar.partner.internal.health;

import org.jspecify.annotations.NullMarked;
