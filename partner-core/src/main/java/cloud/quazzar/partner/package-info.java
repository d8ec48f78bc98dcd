/**
 * Entry point ({@link cloud.quazzar.partner.PartnerProgram}), shared value types and the typed exceptions every service throws.
 */
@NullMarked
package cloud.quazzar.partner;

import org.jspecify.annotations.NullMarked;
