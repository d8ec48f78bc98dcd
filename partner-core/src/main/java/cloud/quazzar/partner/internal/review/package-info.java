/** The tier review service over any store (not API). */
@NullMarked
package cloud.quazzar.partner.internal.review;

import org.jspecify.annotations.NullMarked;
