/**
 * Discounts: the administrator's versioned {@link cloud.quazzar.partner.discount.DiscountPolicy}
 * (a base rate per tier, a volume schedule, combination, cap and rounding), per-partner
 * adjustments, and exact quotes that explain themselves, from the {@link
 * cloud.quazzar.partner.discount.DiscountEngine}. The rules are in {@code docs/discounts.md}.
 */
@NullMarked
package cloud.quazzar.partner.discount;

import org.jspecify.annotations.NullMarked;
