/**
 * Tier reviews with grace periods (rules REVIEW-1 to REVIEW-8): {@link cloud.quazzar.partner.review.TierReviews}
 * evaluates every active partner against the tier requirements (the certification requirements of
 * {@link cloud.quazzar.partner.certification.EligibilityRequirements} plus the revenue
 * requirements of the {@link cloud.quazzar.partner.review.ReviewPolicy}) and keeps, promotes or
 * puts at risk; a partner that stops qualifying keeps its tier for a grace period. See {@code
 * docs/reviews.md}.
 */
@NullMarked
package cloud.quazzar.partner.review;

import org.jspecify.annotations.NullMarked;
