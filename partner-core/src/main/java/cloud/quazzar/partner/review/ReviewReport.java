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
  public ReviewReport {
    requireNonNull(date, "date");
    outcomes = List.copyOf(requireNonNull(outcomes, "outcomes"));
  }

  /** The outcome of {@code partnerId}, if it was reviewed. */
  public Optional<ReviewOutcome> outcome(PartnerId partnerId) {
    return outcomes.stream().filter(o -> o.partnerId().equals(partnerId)).findFirst();
  }

  /** How many partners got {@code verdict}. */
  public long count(ReviewVerdict verdict) {
    return outcomes.stream().filter(o -> o.verdict() == verdict).count();
  }

  /** The outcomes in which the review did something (see {@link ReviewOutcome#actions()}). */
  public List<ReviewOutcome> acted() {
    return outcomes.stream().filter(o -> !o.actions().isEmpty()).toList();
  }
}
