package cloud.quazzar.partner.revenue;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import java.util.List;

/**
 * The outcome of {@link RevenueLedger#recordAll}: one {@link RecordOutcome} per recording, in the
 * order given.
 *
 * @param outcomes one per recording, unmodifiable
 */
public record BatchResult(List<RecordOutcome> outcomes) {
  public BatchResult {
    outcomes = List.copyOf(requireNonNull(outcomes, "outcomes"));
  }

  /** How many entries this batch stored. */
  public long createdCount() {
    return outcomes.stream().filter(RecordOutcome::created).count();
  }

  /** How many recordings repeated a key already recorded (and changed nothing). */
  public long replayedCount() {
    return outcomes.size() - createdCount();
  }

  /** The entries, in the order of the recordings. */
  public List<RevenueEntry> entries() {
    return outcomes.stream().map(RecordOutcome::entry).toList();
  }
}
