/**
 * The discount engine's implementation: versions compiled once into flat arrays, the effective-dated
 * history cache, and the rules applied over any store. Not API.
 */
@NullMarked
package cloud.quazzar.partner.internal.discount;

import org.jspecify.annotations.NullMarked;
