package cloud.quazzar.partner.testkit.oracle;

import cloud.quazzar.partner.review.ReviewAction;
import cloud.quazzar.partner.review.ReviewVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The tier review rules (REVIEW-1 to REVIEW-8 in {@code docs/rules.md}, details in {@code
 * docs/reviews.md}) written again in the plainest way: tiers
 * as ranks 0 (Silver) to 2 (Platinum), days as day numbers, money as whole minor units in one
 * currency, and requirements as server minimums plus a minimum average MRR per tier. No {@code
 * java.time} arithmetic, no {@code BigDecimal}, no code shared with the library beyond its enums.
 * Property tests feed it the same inputs as a program and compare.
 *
 * <pre>{@code
 * int qualified = ReviewOracle.qualifiedRank(requirements, servers, mrrByMonthIndex, reviewMonthIndex);
 * ReviewOracle.Expected e = ReviewOracle.review(state, qualified, day, policy);
 * }</pre>
 */
public final class ReviewOracle {
  /** The number of tiers. */
  public static final int TIERS = 3;

  private ReviewOracle() {}

  /**
   * What each tier requires, by rank; a tier needs its own and every lower tier's requirements.
   *
   * @param minServers per rank, the minimum server count (0: none)
   * @param minAverageMinor per rank, the minimum average MRR in minor units, or -1 for none
   * @param months per rank, the window of the average (complete months before the review month)
   */
  @SuppressWarnings("ArrayRecordComponent") // per-rank inputs of the oracle, read by index, never compared
  public record Requirements(long[] minServers, long[] minAverageMinor, long[] months) {}

  /** The policy's settings that matter to the state machine. */
  public record Policy(long graceDays, boolean automaticDemotion, boolean automaticPromotion) {}

  /**
   * A running grace period: the rank kept, its first day of grace and the first day without grace
   * (day numbers; the grace covers {@code startDay} to {@code demotionDueDay - 1}).
   */
  public record Grace(int rank, long startDay, long demotionDueDay) {}

  /** A partner before a review: its rank and running grace period, if any. */
  public record State(int rank, Optional<Grace> grace) {}

  /**
   * What a review must say and do.
   *
   * @param verdict keep, promote or at risk
   * @param actions in order
   * @param rankAfter the tier rank after the review
   * @param target the rank a promotion or demotion moves to or recommends; empty if none
   * @param reportedGrace the grace period the outcome names (running after, or ended by, the review);
   *     empty if none
   * @param after the partner's state after the review
   */
  public record Expected(ReviewVerdict verdict, List<ReviewAction> actions, int rankAfter, OptionalInt target,
      Optional<Grace> reportedGrace, State after) {}

  /**
   * The highest rank the partner qualifies for; -1 (a rank below the lowest tier) if none.
   *
   * @param r the tier requirements
   * @param servers the partner's server count
   * @param mrrMinor recorded MRR per month index (a month index is year × 12 + month − 1); a month
   *     without an entry counts as zero
   * @param reviewMonth the month index of the review day; the window is the months before it
   * @return the rank qualified for, -1 if none
   */
  public static int qualifiedRank(Requirements r, long servers, Map<Integer, Long> mrrMinor, int reviewMonth) {
    int best = -1;
    for (int rank = 0; rank < TIERS; rank++) {
      boolean ok = servers >= r.minServers()[rank];
      if (ok && r.minAverageMinor()[rank] >= 0) {
        long n = r.months()[rank];
        long sum = 0;
        for (int m = (int) (reviewMonth - n); m < reviewMonth; m++) {
          sum += mrrMinor.getOrDefault(m, 0L);
        }
        // average >= minimum, without dividing: sum >= minimum * n
        ok = sum >= r.minAverageMinor()[rank] * n;
      }
      if (!ok) {
        return best;
      }
      best = rank;
    }
    return best;
  }

  /**
   * One partner's review on {@code day}.
   *
   * @param s the partner before the review
   * @param qualified the highest rank it qualifies for on {@code day}, -1 if none
   * @param day the review day, as a day number
   * @param p the review policy
   * @return the expected outcome
   */
  public static Expected review(State s, int qualified, long day, Policy p) {
    List<ReviewAction> actions = new ArrayList<>();
    Optional<Grace> grace = s.grace();
    Optional<Grace> reported = Optional.empty();
    if (grace.isPresent() && grace.get().rank() != s.rank()) {
      actions.add(ReviewAction.GRACE_ENDED_TIER_CHANGED);
      grace = Optional.empty();
    }
    if (qualified >= s.rank()) {
      if (grace.isPresent()) {
        actions.add(ReviewAction.GRACE_ENDED_REQUALIFIED);
        reported = grace;
      }
      if (qualified > s.rank()) {
        if (p.automaticPromotion()) {
          actions.add(ReviewAction.PROMOTED);
          return new Expected(ReviewVerdict.PROMOTE, actions, qualified, OptionalInt.of(qualified), reported,
              new State(qualified, Optional.empty()));
        }
        actions.add(ReviewAction.PROMOTION_RECOMMENDED);
        return new Expected(ReviewVerdict.PROMOTE, actions, s.rank(), OptionalInt.of(qualified), reported,
            new State(s.rank(), Optional.empty()));
      }
      return new Expected(ReviewVerdict.KEEP, actions, s.rank(), OptionalInt.empty(), reported,
          new State(s.rank(), Optional.empty()));
    }
    if (s.rank() == 0) {
      return new Expected(ReviewVerdict.AT_RISK, actions, 0, OptionalInt.empty(), Optional.empty(),
          new State(0, Optional.empty()));
    }
    int target = Math.max(qualified, 0);
    if (grace.isEmpty()) {
      Grace started = new Grace(s.rank(), day, day + p.graceDays());
      actions.add(ReviewAction.GRACE_STARTED);
      return new Expected(ReviewVerdict.AT_RISK, actions, s.rank(), OptionalInt.of(target), Optional.of(started),
          new State(s.rank(), Optional.of(started)));
    }
    if (day >= grace.get().demotionDueDay()) {
      if (p.automaticDemotion()) {
        actions.add(ReviewAction.DEMOTED);
        return new Expected(ReviewVerdict.AT_RISK, actions, target, OptionalInt.of(target), grace,
            new State(target, Optional.empty()));
      }
      actions.add(ReviewAction.DEMOTION_RECOMMENDED);
    }
    return new Expected(ReviewVerdict.AT_RISK, actions, s.rank(), OptionalInt.of(target), grace,
        new State(s.rank(), grace));
  }
}
