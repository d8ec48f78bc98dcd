package cloud.quazzar.partner.testkit.generators;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.Money;
import java.time.YearMonth;

/**
 * One step of a generated {@link LedgerHistory}. Partners are indices into the list of partner ids
 * the history is applied to, so a history is a plain value that any store can replay.
 */
public sealed interface LedgerStep {
  /** The partner's index. */
  int partner();

  /** The month. */
  YearMonth month();

  /** The MRR the step leaves current for the month. */
  Money mrr();

  /**
   * Records a month (never one recorded earlier in the history), with both counts given.
   *
   * @param partner the partner's index
   * @param month the month
   * @param mrr the MRR
   * @param servers the server count
   * @param clients the client count
   */
  record Recorded(int partner, YearMonth month, Money mrr, long servers, long clients) implements LedgerStep {
    public Recorded {
      requireNonNull(month, "month");
      requireNonNull(mrr, "mrr");
    }
  }

  /**
   * Corrects the MRR of a month recorded earlier in the history (always to a different amount).
   *
   * @param partner the partner's index
   * @param month the month
   * @param mrr the corrected MRR
   * @param reason why
   */
  record Corrected(int partner, YearMonth month, Money mrr, String reason) implements LedgerStep {
    public Corrected {
      requireNonNull(month, "month");
      requireNonNull(mrr, "mrr");
      requireNonNull(reason, "reason");
    }
  }
}
