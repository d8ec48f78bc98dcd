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
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param outcomes one per recording, unmodifiable
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null or out of range
   */
  public BatchResult {
    outcomes = List.copyOf(requireNonNull(outcomes, "outcomes"));
  }

  /**
   * How many entries this batch stored.
   *
   * @return the number of entries stored
   */
  public long createdCount() {
    return outcomes.stream().filter(RecordOutcome::created).count();
  }

  /**
   * How many recordings repeated a key already recorded (and changed nothing).
   *
   * @return the number of replayed recordings
   */
  public long replayedCount() {
    return outcomes.size() - createdCount();
  }

  /**
   * The entries, in the order of the recordings.
   *
   * @return the entries
   */
  public List<RevenueEntry> entries() {
    return outcomes.stream().map(RecordOutcome::entry).toList();
  }
}
