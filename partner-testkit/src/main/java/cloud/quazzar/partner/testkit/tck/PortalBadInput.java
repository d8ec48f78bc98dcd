package cloud.quazzar.partner.testkit.tck;

import static cloud.quazzar.partner.testkit.tck.BadInputContract.USD;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.bad;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.badPages;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.clientIds;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.fixed;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.partnerIds;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.textKind;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.testkit.generators.InvalidInput;
import cloud.quazzar.partner.testkit.tck.BadInputContract.Case;
import java.util.List;
import org.quicktheories.generators.SourceDSL;

/**
 * The bad-input cases of a partner's portal (its clients, revenue and statements, and another
 * partner's items), run by {@link BadInputContract} as the dynamic tests of its "portal" container:
 * one {@link Case} per operation and kind of bad input.
 */
@SuppressWarnings({"NullAway", "NullOptional"}) // passes null ids, ranges, writers and costs on purpose: ValidationException expected
final class PortalBadInput {
  private PortalBadInput() {}

  /** Adds this capability's cases to {@code c}. */
  static void cases(List<Case> c) {
    c.add(bad("program.portal", partnerIds(), v -> "unknown id", (w, id) -> w.program().portal(id)));
    c.add(fixed("program.portal", "null", "null id", w -> w.program().portal(null)));
    c.add(bad("portal.certifications", badPages(), BadInputContract::pageKind,
        (w, page) -> w.program().portal(w.active().id()).certifications(page)));
    c.add(fixed("portal.certifications", "null", "null page", w -> w.program().portal(w.active().id()).certifications(null)));
    c.add(fixed("portal.client", "unknown id", "another partner's client",
        w -> w.program().portal(w.active().id()).client(w.otherClient().id())));
    c.add(bad("portal.client", clientIds(), v -> "unknown id", (w, id) -> w.program().portal(w.active().id()).client(id)));
    c.add(bad("portal.addClient", InvalidInput.names().zip(InvalidInput.negativeCounts(), BadInputContract::pair),
        v -> textKind((String) v.get(0)),
        (w, v) -> w.program().portal(w.active().id()).addClient(new NewClient((String) v.get(0), (Long) v.get(1)))));
    c.add(bad("portal.renameClient", InvalidInput.names(), BadInputContract::textKind,
        (w, n) -> w.program().portal(w.active().id()).renameClient(w.client().id(), w.client().version(), n)));
    c.add(fixed("portal.renameClient", "unknown id", "another partner's client",
        w -> w.program().portal(w.active().id()).renameClient(w.otherClient().id(), w.otherClient().version(), "mine")));
    c.add(bad("portal.setServerCount", InvalidInput.negativeCounts(), v -> "negative number",
        (w, n) -> w.program().portal(w.active().id()).setServerCount(w.client().id(), w.client().version(), n)));
    c.add(bad("portal.setServerCount", InvalidInput.impossibleVersions(), v -> "impossible version",
        (w, v) -> w.program().portal(w.active().id()).setServerCount(w.client().id(), v, 1)));
    c.add(fixed("portal.setServerCount", "unknown id", "another partner's client",
        w -> w.program().portal(w.active().id()).setServerCount(w.otherClient().id(), w.otherClient().version(), 1)));
    c.add(bad("portal.revenue", SourceDSL.longs().between(RevenueLedger.MAX_REPORT_MONTHS + 1, 100_000),
        v -> "range too long", (w, n) -> w.program().portal(w.active().id()).revenue(MonthRange.lastMonths(w.month(), n))));
    c.add(fixed("portal.exportCsv", "null", "null range and writer",
        w -> w.program().portal(w.active().id()).exportCsv(null, null)));
    c.add(bad("portal.statement", InvalidInput.negativeMoney(), v -> "negative number",
        (w, m) -> w.program().portal(w.active().id()).statement(w.month(), m)));
    c.add(fixed("portal.statement", "null", "null month and cost", w -> w.program().portal(w.active().id()).statement(null, null)));
    c.add(bad("portal.statements", InvalidInput.negativeMoney(), v -> "negative number",
        (w, m) -> w.program().portal(w.active().id()).statements(MonthRange.of(w.month()), m)));
    c.add(bad("portal.statements", SourceDSL.longs().between(RevenueLedger.MAX_REPORT_MONTHS + 1, 100_000),
        v -> "range too long",
        (w, n) -> w.program().portal(w.active().id()).statements(MonthRange.lastMonths(w.month(), n), Money.of("1", "USD"))));
  }
}
