package cloud.quazzar.partner.review;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.registry.PartnerId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The result of one review run: one outcome per partner that was active when the run listed the
 * partners, in the order of the registry's listing (company name, then id).
 *
 * @param date the review day
 * @param outcomes one per reviewed partner
 */
public record ReviewReport(LocalDate date, List<ReviewOutcome> outcomes) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param date the review day
   * @param outcomes one per reviewed partner
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null or out of range
   */
  public ReviewReport {
    requireNonNull(date, "date");
    outcomes = List.copyOf(requireNonNull(outcomes, "outcomes"));
  }

  /**
   * The outcome of {@code partnerId}, if it was reviewed.
   *
   * @param partnerId the partner
   * @return its outcome, or empty if it was not reviewed
   */
  public Optional<ReviewOutcome> outcome(PartnerId partnerId) {
    return outcomes.stream().filter(o -> o.partnerId().equals(partnerId)).findFirst();
  }

  /**
   * How many partners got {@code verdict}.
   *
   * @param verdict a verdict
   * @return how many partners got it
   */
  public long count(ReviewVerdict verdict) {
    return outcomes.stream().filter(o -> o.verdict() == verdict).count();
  }

  /**
   * The outcomes in which the review did something (see {@link ReviewOutcome#actions()}).
   *
   * @return the outcomes that acted
   */
  public List<ReviewOutcome> acted() {
    return outcomes.stream().filter(o -> !o.actions().isEmpty()).toList();
  }
}
