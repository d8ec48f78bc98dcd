package cloud.quazzar.partner.internal.review;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.events.GracePeriodEnded;
import cloud.quazzar.partner.events.GracePeriodOutcome;
import cloud.quazzar.partner.events.GracePeriodStarted;
import cloud.quazzar.partner.internal.events.OutboxStore;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.EligibilityReport;
import cloud.quazzar.partner.certification.UnmetRequirement;
import cloud.quazzar.partner.internal.Checks;
import cloud.quazzar.partner.internal.PageTokens;
import cloud.quazzar.partner.internal.ProgramTime;
import cloud.quazzar.partner.internal.Retry;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.review.GracePeriod;
import cloud.quazzar.partner.review.MinimumAverageMrr;
import cloud.quazzar.partner.review.MrrAssessment;
import cloud.quazzar.partner.review.RevenueRequirement;
import cloud.quazzar.partner.review.ReviewAction;
import cloud.quazzar.partner.review.ReviewMode;
import cloud.quazzar.partner.review.ReviewOutcome;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.review.ReviewReport;
import cloud.quazzar.partner.review.ReviewVerdict;
import cloud.quazzar.partner.review.TierReviews;
import cloud.quazzar.partner.spi.ClientTotals;
import cloud.quazzar.partner.spi.PartnerListing;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.ReviewRepository;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreTransaction;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The review rules (REVIEW-1 to REVIEW-8 of docs/rules.md), once, over any {@link Store}. One
 * write transaction per partner (REVIEW-8, decision R1): the stored outcome of the day, the grace
 * period and the tier change (through the registry, whose write joins this one) commit together,
 * so a crash leaves each partner reviewed or not, and the outcome's unique key (partner, day) makes
 * a second run of the day, on any node, a no-op.
 */
public final class DefaultTierReviews implements TierReviews {
  private static final int REASON_LIMIT = 500;
  @SuppressWarnings("EnumOrdinal") // Tier's declaration order is its rank (rule TIER-1)
  private static final Tier LOWEST = Tier.values()[0];

  private final OutboxStore store;
  private final PageTokens tokens;
  private final ProgramTime time;
  private final PartnerRegistry registry;
  private final CertificationTracker certifications;

  public DefaultTierReviews(OutboxStore store, ProgramTime time, PartnerRegistry registry,
      CertificationTracker certifications) {
    this.store = store;
    this.tokens = new PageTokens(store);
    this.time = time;
    this.registry = registry;
    this.certifications = certifications;
  }

  private LocalDate today() {
    return time.today();
  }

  @Override
  public ReviewPolicy policy() {
    return store.read(tx -> tx.reviews().latestPolicy().orElse(ReviewPolicy.DEFAULT));
  }

  @Override
  public ReviewPolicy configure(ReviewPolicy policy) {
    Checks.start().notNull("policy", policy).done();
    // a conflict means another node stored a version meanwhile: the next attempt appends after it
    return Retry.write(store, "review policy change", tx -> {
      ReviewRepository repo = tx.reviews();
      repo.appendPolicy(repo.lastPolicyVersion() + 1, policy, time.now());
      return policy;
    });
  }

  @Override
  public ReviewReport run() {
    return run(today());
  }

  @Override
  public ReviewReport run(LocalDate date) {
    Checks.start().notNull("date", date).done();
    LocalDate today = today();
    Checks c = Checks.start().check(!date.isAfter(today), "date", "must not be after today (" + today + "), got " + date);
    Optional<LocalDate> last = store.read(tx -> tx.reviews().lastReviewDate());
    if (last.isPresent() && date.isBefore(last.get())) {
      c.add("date", "must not be before the latest day already reviewed (" + last.get() + "), got " + date);
    }
    c.done();
    ReviewPolicy policy = policy();
    List<PartnerId> ids = activePartners();
    List<ReviewOutcome> outcomes = new ArrayList<>(ids.size());
    for (PartnerId id : ids) {
      reviewWithRetry(id, date, policy).ifPresent(outcomes::add);
    }
    return new ReviewReport(date, outcomes);
  }

  @Override
  public Optional<GracePeriod> gracePeriod(PartnerId partnerId) {
    Checks.start().notNull("partnerId", partnerId).done();
    return store.read(tx -> {
      requirePartner(tx, partnerId);
      return tx.reviews().gracePeriod(partnerId);
    });
  }

  @Override
  public Page<ReviewOutcome> history(PartnerId partnerId, PageRequest page) {
    Checks.start().notNull("partnerId", partnerId).bean("page", page).done();
    // LIST-2: a token belongs to one partner's history
    String scope = "reviewHistory\n" + partnerId;
    Optional<LocalDate> after = page.pageToken()
        .map(t -> LocalDate.ofEpochDay(tokens.verify(scope, t).getLong()));
    return store.read(tx -> {
      requirePartner(tx, partnerId);
      return tokens.page(scope, tx.reviews().outcomes(partnerId, after, page.limit() + 1), page.limit(),
          o -> ByteBuffer.allocate(Long.BYTES).putLong(o.date().toEpochDay()).array());
    });
  }

  private static void requirePartner(StoreTransaction tx, PartnerId id) {
    if (tx.partners().find(id).isEmpty()) {
      throw new NotFoundException("partner", id);
    }
  }

  /** Every active partner's id, listed once up front so that tier changes cannot shift the pages. */
  private List<PartnerId> activePartners() {
    return store.read(tx -> {
      List<PartnerId> ids = new ArrayList<>();
      Optional<PartnerListing.Position> after = Optional.empty();
      while (true) {
        List<PartnerRecord> page = tx.partners().list(new PartnerListing(Set.of(), Set.of(PartnerStatus.ACTIVE),
            Optional.empty(), Optional.empty(), Optional.empty(), PartnerSort.NAME, SortDirection.ASCENDING, after,
            PartnerQuery.MAX_LIMIT));
        page.forEach(p -> ids.add(p.id()));
        if (page.size() < PartnerQuery.MAX_LIMIT) {
          return ids;
        }
        // the name order reads only the name key: no totals, no MRR
        after = Optional.of(PartnerListing.Position.of(page.get(page.size() - 1), ClientTotals.NONE,
            Optional.empty()));
      }
    });
  }

  private Optional<ReviewOutcome> reviewWithRetry(PartnerId id, LocalDate date, ReviewPolicy policy) {
    // Another node (or an administrator) may write this partner meanwhile; our transaction then
    // rolls back, and the next attempt reads what they stored (usually the day's outcome) and acts on it.
    return Retry.write(store, "tier review " + date + " of partner " + id, tx -> review(tx, id, date, policy));
  }

  /** The review of one partner on one day, inside one write transaction. */
  private Optional<ReviewOutcome> review(StoreTransaction tx, PartnerId id, LocalDate date, ReviewPolicy policy) {
    ReviewRepository repo = tx.reviews();
    Optional<ReviewOutcome> done = repo.outcome(id, date);
    if (done.isPresent()) {
      return done; // REVIEW-8: reviewed today already (by this node or another): change nothing
    }
    Optional<PartnerRecord> found = tx.partners().find(id);
    if (found.isEmpty() || found.get().status() != PartnerStatus.ACTIVE) {
      return Optional.empty(); // deactivated since the run listed it
    }
    PartnerRecord partner = found.get();
    Tier current = partner.tier();
    Standing standing = standing(tx, id, date, policy);

    List<ReviewAction> actions = new ArrayList<>();
    Optional<GracePeriod> running = repo.gracePeriod(id);
    @Nullable GracePeriod grace = running.orElse(null);
    @Nullable GracePeriod reported = null;
    if (grace != null && grace.tier() != current) {
      endGracePeriod(repo, grace, date, ReviewAction.GRACE_ENDED_TIER_CHANGED);
      actions.add(ReviewAction.GRACE_ENDED_TIER_CHANGED);
      grace = null;
    }
    ReviewVerdict verdict;
    Tier after = current;
    @Nullable Tier target = null;
    List<String> unmet = List.of();
    if (standing.qualifies(current)) { // REVIEW-1: keep or promote
      if (grace != null) { // REVIEW-3: requalifying ends the grace period
        endGracePeriod(repo, grace, date, ReviewAction.GRACE_ENDED_REQUALIFIED);
        actions.add(ReviewAction.GRACE_ENDED_REQUALIFIED);
        reported = grace;
      }
      Tier highest = standing.highest();
      if (highest != null && highest.compareTo(current) > 0) {
        verdict = ReviewVerdict.PROMOTE;
        target = highest;
        if (policy.promotionMode() == ReviewMode.AUTOMATIC) { // REVIEW-6, through the history (REVIEW-7)
          changeTier(partner, highest, date, "promoted from " + current + " to " + highest
              + ": qualifies for " + highest);
          after = highest;
          actions.add(ReviewAction.PROMOTED);
        } else {
          actions.add(ReviewAction.PROMOTION_RECOMMENDED);
        }
      } else {
        verdict = ReviewVerdict.KEEP;
      }
    } else {
      verdict = ReviewVerdict.AT_RISK;
      unmet = standing.unmetUpTo(current);
      Tier highest = standing.highest();
      if (current != LOWEST) {
        target = highest == null ? LOWEST : highest;
        if (grace == null) { // REVIEW-3: the tier is kept for the grace period
          grace = new GracePeriod(id, current, date, date.plusDays(policy.gracePeriodDays()));
          startGracePeriod(repo, grace);
          actions.add(ReviewAction.GRACE_STARTED);
          reported = grace;
        } else if (grace.isOverOn(date)) { // REVIEW-4: on or after demotionDueOn
          reported = grace; // REVIEW-5: demoted to the highest qualifying tier, or recommended
          if (policy.demotionMode() == ReviewMode.AUTOMATIC) {
            changeTier(partner, target, date, "demoted from " + current + " to " + target
                + " at the end of the grace period " + grace.startedOn() + " to " + grace.demotionDueOn().minusDays(1)
                + "; unmet: " + String.join("; ", unmet));
            endGracePeriod(repo, grace, date, ReviewAction.DEMOTED);
            after = target;
            actions.add(ReviewAction.DEMOTED);
          } else {
            actions.add(ReviewAction.DEMOTION_RECOMMENDED);
          }
        } else {
          reported = grace; // inside the grace period: the partner keeps its tier
        }
      }
    }
    Optional<GracePeriod> named = Optional.ofNullable(reported);
    ReviewOutcome outcome = new ReviewOutcome(id, date, verdict, current, after,
        Optional.ofNullable(standing.highest()), Optional.ofNullable(target), actions,
        named.map(GracePeriod::startedOn), named.map(GracePeriod::demotionDueOn), unmet);
    repo.insertOutcome(outcome);
    return Optional.of(outcome);
  }

  /** A grace period starts: the one place where it does, with its event in the same transaction. */
  private void startGracePeriod(ReviewRepository repo, GracePeriod grace) {
    repo.insertGracePeriod(grace); // DUPLICATE if another node started one meanwhile: Retry runs the review again
    store.emit(new GracePeriodStarted(grace.partnerId(), grace.tier(), grace.startedOn(), grace.demotionDueOn(), now()));
  }

  /**
   * A grace period ends ({@code how}: requalified, demoted, or the tier changed otherwise): the one
   * place where it does, with its event in the same transaction.
   */
  private void endGracePeriod(ReviewRepository repo, GracePeriod grace, LocalDate date, ReviewAction how) {
    if (!repo.deleteGracePeriod(grace.partnerId(), grace.startedOn())) {
      throw new ConflictException(ConflictException.Reason.STALE_VERSION, "the grace period of partner "
          + grace.partnerId() + " from " + grace.startedOn() + " was ended meanwhile (" + how + " on " + date + ")");
    }
    GracePeriodOutcome outcome = switch (how) {
      case GRACE_ENDED_REQUALIFIED -> GracePeriodOutcome.REQUALIFIED;
      case DEMOTED -> GracePeriodOutcome.DEMOTED;
      case GRACE_ENDED_TIER_CHANGED -> GracePeriodOutcome.TIER_CHANGED;
      default -> throw new IllegalArgumentException("not a way for a grace period to end: " + how);
    };
    store.emit(new GracePeriodEnded(grace.partnerId(), grace.tier(), grace.startedOn(), date, outcome, now()));
  }

  private Instant now() {
    return time.now();
  }

  private void changeTier(PartnerRecord partner, Tier to, LocalDate date, String why) {
    String reason = cut("tier review " + date + ": " + why, REASON_LIMIT);
    // Joins the review's transaction; a stale version (another node changed the tier) is a
    // ConflictException that rolls the whole review of this partner back.
    registry.changeTier(partner.id(), partner.version(), new TierChangeRequest(to, REVIEWER, reason));
  }

  /**
   * {@code text} itself if it has at most {@code limit} characters, else its first {@code limit - 3}
   * and "...", one character fewer where the cut would split a surrogate pair: never half a
   * character, since an unpaired surrogate is refused as free text (docs/rules.md TEXT-1).
   */
  static String cut(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    int end = limit - 3;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "...";
  }

  /**
   * Which tiers the partner qualifies for on {@code date}, and what it misses per tier: the
   * certification ladder plus each tier's average-MRR requirements (REVIEW-1, REVIEW-2).
   */
  @SuppressWarnings("EnumOrdinal") // Tier's declaration order is its rank (rule TIER-1)
  private Standing standing(StoreTransaction tx, PartnerId id, LocalDate date, ReviewPolicy policy) {
    EligibilityReport eligibility = certifications.eligibility(id, date);
    YearMonth reviewMonth = YearMonth.from(date);
    long window = 0;
    for (Tier t : Tier.values()) {
      for (RevenueRequirement r : policy.revenueRequirementsOf(t)) {
        window = Math.max(window, averageMrr(r).months());
      }
    }
    Map<YearMonth, Money> mrr = new HashMap<>();
    if (window > 0) {
      for (RevenueEntry e : tx.revenue().current(id, reviewMonth.minusMonths(window), reviewMonth.minusMonths(1))) {
        mrr.put(e.month(), e.mrr());
      }
    }
    int n = Tier.values().length;
    boolean[] qualified = new boolean[n];
    List<List<String>> unmet = new ArrayList<>(n);
    for (Tier t : Tier.values()) {
      List<String> words = new ArrayList<>();
      for (UnmetRequirement u : eligibility.assessment(t).unmet()) {
        words.add(oneLine(u.explanation()));
      }
      boolean revenueMet = true;
      for (RevenueRequirement r : policy.revenueRequirementsOf(t)) {
        MrrAssessment a = averageMrr(r).assess(reviewMonth, mrr);
        if (!a.met()) {
          revenueMet = false;
          words.add(oneLine(a.explanation()));
        }
      }
      int i = t.ordinal();
      qualified[i] = eligibility.qualifiesFor(t) && revenueMet && (i == 0 || qualified[i - 1]);
      unmet.add(words);
    }
    return new Standing(qualified, unmet);
  }

  /** The one kind of revenue requirement so far; a new kind of the sealed interface fails here first. */
  private static MinimumAverageMrr averageMrr(RevenueRequirement r) {
    if (r instanceof MinimumAverageMrr m) {
      return m;
    }
    throw new IllegalStateException("unknown revenue requirement " + r);
  }

  private static String oneLine(String s) {
    return s.replace('\r', ' ').replace('\n', ' ');
  }

  /** Per tier (by ordinal): qualified on the ladder, and its own unmet requirements in words. */
  // indexed by rank (rule TIER-1); a private value of one review, never compared
  @SuppressWarnings({"EnumOrdinal", "ArrayRecordComponent"})
  private record Standing(boolean[] qualified, List<List<String>> unmet) {
    boolean qualifies(Tier t) {
      return qualified[t.ordinal()];
    }

    @Nullable Tier highest() {
      Tier best = null;
      for (Tier t : Tier.values()) {
        if (qualified[t.ordinal()]) {
          best = t;
        }
      }
      return best;
    }

    List<String> unmetUpTo(Tier tier) {
      List<String> all = new ArrayList<>();
      for (Tier t : Tier.values()) {
        if (t.compareTo(tier) <= 0) {
          for (String words : unmet.get(t.ordinal())) {
            all.add(t + ": " + words);
          }
        }
      }
      return all;
    }
  }
}
