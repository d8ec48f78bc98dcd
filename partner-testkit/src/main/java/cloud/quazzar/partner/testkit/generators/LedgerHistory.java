package cloud.quazzar.partner.testkit.generators;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A well-formed ledger history from {@link RevenueGenerators#histories}: recordings of distinct
 * partner months and corrections of months recorded before them, each changing the MRR. It turns
 * into concrete requests with deterministic idempotency keys (so replaying it sends the same keys)
 * and carries its own oracle: the figures every month must show afterwards.
 *
 * @param partners how many partners the history addresses (indices 0 to partners - 1)
 * @param steps the steps, in order
 */
public record LedgerHistory(int partners, List<LedgerStep> steps) {
  /**
   * Keeps a copy of {@code steps}.
   *
   * @param partners how many partners the history addresses, 1 or more
   * @param steps the steps, in order
   * @throws NullPointerException if {@code steps} is null
   * @throws cloud.quazzar.partner.ValidationException ({@code partners}) if {@code partners} is below 1
   */
  public LedgerHistory {
    steps = List.copyOf(requireNonNull(steps, "steps"));
    if (partners < 1) {
      throw cloud.quazzar.partner.ValidationException.of("partners", "must be 1 or more, got " + partners);
    }
  }

  /** A partner and month of the history, by index. */
  public record Cell(int partner, YearMonth month) {}

  /** The figures a month must show: its current MRR, counts and revision. */
  public record Figures(Money mrr, long servers, long clients, int revision) {}

  /**
   * The idempotency key of step {@code i}, unique per namespace.
   *
   * @param namespace a prefix unique to the run
   * @param i the step's index in the history
   * @param step the step
   * @return the step's idempotency key
   */
  public static String key(String namespace, int i, LedgerStep step) {
    return namespace + "/" + (step instanceof LedgerStep.Recorded ? "rec" : "fix") + "/" + i;
  }

  /**
   * Step {@code i} as a request: a {@link RevenueRecording} or a {@link RevenueCorrection}.
   *
   * @param i the step's index in the history
   * @param ids the partners' ids, by partner index
   * @param namespace the prefix of the idempotency keys
   * @return the request
   */
  public Object request(int i, List<PartnerId> ids, String namespace) {
    LedgerStep step = steps.get(i);
    PartnerId id = ids.get(step.partner());
    if (step instanceof LedgerStep.Recorded r) {
      return RevenueRecording.of(id, r.month(), r.mrr(), key(namespace, i, step)).withCounts(r.servers(), r.clients());
    }
    LedgerStep.Corrected c = (LedgerStep.Corrected) step;
    return RevenueCorrection.of(id, c.month(), key(namespace, i, step), c.reason()).withMrr(c.mrr());
  }

  /**
   * Sends request {@code i} to the ledger and returns the entry it answers with.
   *
   * @param ledger the ledger under test
   * @param i the step's index in the history
   * @param ids the partners' ids, by partner index
   * @param namespace the prefix of the idempotency keys
   * @return the entry the ledger returned
   */
  public RevenueEntry send(RevenueLedger ledger, int i, List<PartnerId> ids, String namespace) {
    Object request = request(i, ids, namespace);
    return request instanceof RevenueRecording r ? ledger.record(r) : ledger.correct((RevenueCorrection) request);
  }

  /**
   * Applies every step in order.
   *
   * @param ledger the ledger under test
   * @param ids the partners' ids, by partner index
   * @param namespace the prefix of the idempotency keys
   */
  public void apply(RevenueLedger ledger, List<PartnerId> ids, String namespace) {
    requireSize(ids);
    for (int i = 0; i < steps.size(); i++) {
      send(ledger, i, ids, namespace);
    }
  }

  /**
   * The recordings of the history (corrections left out), in order.
   *
   * @param ids the partners' ids, by partner index
   * @param namespace the prefix of the idempotency keys
   * @return the recordings
   */
  public List<RevenueRecording> recordings(List<PartnerId> ids, String namespace) {
    requireSize(ids);
    List<RevenueRecording> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof LedgerStep.Recorded) {
        out.add((RevenueRecording) request(i, ids, namespace));
      }
    }
    return out;
  }

  /**
   * The oracle: what each recorded month must show after the history, in order of first recording.
   *
   * @return the expected figures per partner and month
   */
  public Map<Cell, Figures> expected() {
    Map<Cell, Figures> out = new LinkedHashMap<>();
    for (LedgerStep step : steps) {
      Cell cell = new Cell(step.partner(), step.month());
      if (step instanceof LedgerStep.Recorded r) {
        out.put(cell, new Figures(r.mrr(), r.servers(), r.clients(), 1));
      } else {
        Figures f = java.util.Objects.requireNonNull(out.get(cell), "a correction before its recording");
        out.put(cell, new Figures(step.mrr(), f.servers(), f.clients(), f.revision() + 1));
      }
    }
    return out;
  }

  /**
   * Makes any list of steps well formed: drops recordings of months already recorded and
   * corrections of months not recorded yet, and nudges a correction that would not change the MRR
   * by one minor unit. QuickTheories shrinks the raw list; this keeps every shrunk list valid.
   */
  static LedgerHistory normalise(int partners, List<LedgerStep> raw) {
    Map<Cell, Money> current = new HashMap<>();
    List<LedgerStep> out = new ArrayList<>();
    for (LedgerStep step : raw) {
      Cell cell = new Cell(step.partner() % partners, step.month());
      Money now = current.get(cell);
      if (step instanceof LedgerStep.Recorded r) {
        if (now == null) {
          out.add(new LedgerStep.Recorded(cell.partner(), r.month(), r.mrr(), r.servers(), r.clients()));
          current.put(cell, r.mrr());
        }
      } else if (now != null) {
        Money mrr = step.mrr().equals(now) ? Money.ofMinor(now.minorUnits() + 1, now.currency()) : step.mrr();
        out.add(new LedgerStep.Corrected(cell.partner(), step.month(), mrr, ((LedgerStep.Corrected) step).reason()));
        current.put(cell, mrr);
      }
    }
    return new LedgerHistory(partners, out);
  }

  private void requireSize(List<PartnerId> ids) {
    if (ids.size() < partners) {
      throw cloud.quazzar.partner.ValidationException.of("ids", "must hold the " + partners
          + " partners the history addresses, got " + ids.size());
    }
  }
}
