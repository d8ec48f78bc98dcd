/**
 * The certification tracker's rules, once, over any store. Not API.
 */
@NullMarked
package cloud.quazzar.partner.internal.certification;

import org.jspecify.annotations.NullMarked;
