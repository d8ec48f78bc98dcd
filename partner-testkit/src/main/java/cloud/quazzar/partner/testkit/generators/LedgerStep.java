package cloud.quazzar.partner.testkit.generators;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.Money;
import java.time.YearMonth;

/**
 * One step of a generated {@link LedgerHistory}. Partners are indices into the list of partner ids
 * the history is applied to, so a history is a plain value that any store can replay.
 */
public sealed interface LedgerStep {
  /**
   * The partner's index.
   *
   * @return the partner's index
   */
  int partner();

  /**
   * The month.
   *
   * @return the month
   */
  YearMonth month();

  /**
   * The MRR the step leaves current for the month.
   *
   * @return the MRR current for the month after the step
   */
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
    /**
     * Checks that the month and the MRR are given.
     *
     * @param partner the partner's index
     * @param month the month
     * @param mrr the MRR
     * @param servers the server count
     * @param clients the client count
     * @throws NullPointerException if {@code month} or {@code mrr} is null
     */
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
    /**
     * Checks that the month, the MRR and the reason are given.
     *
     * @param partner the partner's index
     * @param month the month
     * @param mrr the corrected MRR
     * @param reason why
     * @throws NullPointerException if {@code month}, {@code mrr} or {@code reason} is null
     */
    public Corrected {
      requireNonNull(month, "month");
      requireNonNull(mrr, "mrr");
      requireNonNull(reason, "reason");
    }
  }
}
