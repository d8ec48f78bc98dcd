package cloud.quazzar.partner.testkit.tck;

import static cloud.quazzar.partner.testkit.tck.BadInputContract.bad;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.fixed;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.partnerIds;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.events.DomainEvents;
import cloud.quazzar.partner.events.StartPosition;
import cloud.quazzar.partner.testkit.generators.InvalidInput;
import cloud.quazzar.partner.testkit.tck.BadInputContract.Case;
import java.time.Duration;
import java.util.List;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The bad-input cases of domain events (subscriptions, cursors, reading the log, and the program
 * options of their delivery), run by {@link BadInputContract} as the dynamic tests of its "events"
 * container: one {@link Case} per operation and kind of bad input.
 */
@SuppressWarnings({"NullAway", "NullOptional"}) // passes null names, listeners and options on purpose: ValidationException expected
final class EventBadInput {
  private EventBadInput() {}

  /** Adds this capability's cases to {@code c}. */
  static void cases(List<Case> c) {
    c.add(bad("events.subscribe", InvalidInput.text(DomainEvents.MAX_NAME_LENGTH), BadInputContract::textKind,
        (w, name) -> {
          w.program().events().subscribe(name, StartPosition.LATEST, r -> { });
          return null;
        }));
    c.add(fixed("events.subscribe", "null", "null listener and start", w -> {
      w.program().events().subscribe("another watcher", null, null);
      return null;
    }));
    c.add(fixed("events.unsubscribe", "null", "null name", w -> w.program().events().unsubscribe(null)));
    c.add(bad("events.cursor", InvalidInput.text(DomainEvents.MAX_NAME_LENGTH), BadInputContract::textKind,
        (w, name) -> w.program().events().cursor(name)));
    c.add(fixed("events.cursor", "unknown id", "a name never subscribed",
        w -> w.program().events().cursor("never subscribed")));
    c.add(bad("events.after", SourceDSL.longs().between(Long.MIN_VALUE, -1), v -> "negative number",
        (w, n) -> w.program().events().after(n, 10)));
    c.add(bad("events.after", Generate.oneOf(SourceDSL.integers().between(Integer.MIN_VALUE, 0),
            SourceDSL.integers().between(DomainEvents.MAX_PAGE + 1, Integer.MAX_VALUE)),
        v -> v <= 0 ? "negative number" : "huge number", (w, n) -> w.program().events().after(0, n)));
    c.add(bad("events.ofPartner", partnerIds(), v -> "unknown id", (w, id) -> w.program().events().ofPartner(id, 0, 10)));
    c.add(fixed("events.ofPartner", "null", "null partner", w -> w.program().events().ofPartner(null, 0, 10)));
    c.add(bad("events.ofPartner", SourceDSL.longs().between(Long.MIN_VALUE, -1), v -> "negative number",
        (w, n) -> w.program().events().ofPartner(w.active().id(), n, 10)));
    c.add(fixed("PartnerProgram.builder", "null", "null event executor", w -> PartnerProgram.builder().eventExecutor(null)));
    c.add(bad("PartnerProgram.builder", Generate.pick(List.of(Duration.ZERO, Duration.ofMillis(9), Duration.ofMillis(-1),
            Duration.ofDays(2))), v -> v.isNegative() || v.isZero() ? "negative number" : "number out of range",
        (w, d) -> PartnerProgram.builder().eventRetryDelay(d)));
    c.add(bad("PartnerProgram.builder", Generate.pick(List.of(Duration.ZERO, Duration.ofMillis(999), Duration.ofSeconds(-5),
            Duration.ofHours(2))), v -> v.isNegative() || v.isZero() ? "negative number" : "number out of range",
        (w, d) -> PartnerProgram.builder().eventLease(d)));
  }
}
