package cloud.quazzar.partner.testkit.tck;

import static cloud.quazzar.partner.testkit.tck.BadInputContract.USD;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.bad;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.badPages;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.fixed;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.partnerIds;

import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.review.MinimumAverageMrr;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.testkit.generators.InvalidInput;
import cloud.quazzar.partner.testkit.tck.BadInputContract.Case;
import java.util.List;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The bad-input cases of tier reviews (the review policy and its requirements, runs, grace periods
 * and history), run by {@link BadInputContract} as the dynamic tests of its "reviews" container:
 * one {@link Case} per operation and kind of bad input.
 */
@SuppressWarnings({"NullAway", "NullOptional"}) // passes null policies, dates and ids on purpose: ValidationException expected
final class ReviewBadInput {
  private ReviewBadInput() {}

  /** Adds this capability's cases to {@code c}. */
  static void cases(List<Case> c) {
    c.add(fixed("reviews.configure", "null", "null policy", w -> w.program().reviews().configure(null)));
    c.add(bad("ReviewPolicy.gracePeriodDays",
        Generate.oneOf(SourceDSL.longs().between(Long.MIN_VALUE, 0),
            SourceDSL.longs().between(ReviewPolicy.MAX_GRACE_DAYS + 1, Long.MAX_VALUE)),
        v -> v <= 0 ? "negative number" : "huge number",
        (w, d) -> w.program().reviews().configure(ReviewPolicy.builder().gracePeriodDays(d).build())));
    c.add(fixed("ReviewPolicy", "null", "null modes and tier",
        w -> ReviewPolicy.builder().demotionMode(null).promotionMode(null)
            .revenue(null, MinimumAverageMrr.of("1", "USD", 1)).build()));
    c.add(bad("MinimumAverageMrr", InvalidInput.negativeMoney(), v -> "negative number",
        (w, m) -> new MinimumAverageMrr(m, 3)));
    c.add(bad("MinimumAverageMrr", Generate.oneOf(SourceDSL.longs().between(Long.MIN_VALUE, 0),
            SourceDSL.longs().between(MinimumAverageMrr.MAX_MONTHS + 1, Long.MAX_VALUE)),
        v -> v <= 0 ? "negative number" : "huge number", (w, n) -> MinimumAverageMrr.of("100.00", "USD", n)));
    c.add(bad("reviews.run", SourceDSL.integers().between(1, 100_000), v -> "date after today",
        (w, d) -> w.program().reviews().run(w.today().plusDays(d))));
    c.add(bad("reviews.run", SourceDSL.integers().between(1, 100_000), v -> "dates out of order",
        (w, d) -> w.program().reviews().run(w.today().minusDays(d))));
    c.add(fixed("reviews.run", "null", "null date", w -> w.program().reviews().run(null)));
    c.add(bad("reviews.gracePeriod", partnerIds(), v -> "unknown id", (w, id) -> w.program().reviews().gracePeriod(id)));
    c.add(fixed("reviews.gracePeriod", "null", "null id", w -> w.program().reviews().gracePeriod(null)));
    c.add(bad("reviews.history", partnerIds(), v -> "unknown id", (w, id) -> w.program().reviews().history(id, PageRequest.first(PageRequest.MAX_LIMIT)).items()));
    c.add(fixed("reviews.history", "null", "null id", w -> w.program().reviews().history(null, PageRequest.first(PageRequest.MAX_LIMIT)).items()));
    c.add(bad("reviews.history", badPages(), BadInputContract::pageKind,
        (w, page) -> w.program().reviews().history(w.active().id(), page)));
    c.add(fixed("reviews.history", "null", "null page", w -> w.program().reviews().history(w.active().id(), null)));
  }
}
