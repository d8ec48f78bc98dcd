package cloud.quazzar.partner.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.ExpiryThresholds;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Renewal;
import cloud.quazzar.partner.certification.Revocation;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.events.DomainEvents;
import cloud.quazzar.partner.events.StartPosition;
import cloud.quazzar.partner.discount.AdjustmentKind;
import cloud.quazzar.partner.discount.AdjustmentRequest;
import cloud.quazzar.partner.discount.CancelRequest;
import cloud.quazzar.partner.discount.Combination;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.discount.QuoteItem;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.review.MinimumAverageMrr;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.ContactUpdate;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.MonthReport;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.testkit.generators.InvalidInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * DESIGN.md "Bad input" (**rule**): every public operation validates its input and fails with a
 * typed exception listing each violation by field; nothing is stored when it fails. Driven by
 * random invalid input (the {@link InvalidInput} generators) over the whole public API: registry,
 * discount engine, certifications, revenue ledger, portal and the value types they take. Every
 * call must fail with {@link ValidationException} (with its violations) or, for an id of nothing,
 * {@link NotFoundException}; anything else (a {@code NullPointerException}, an {@code
 * IllegalArgumentException}, a storage or SQL error, success) fails the test. After each call the
 * store's whole content, read through the public API and rendered as text by {@link
 * #snapshot(PartnerProgram)}, must be exactly what it was.
 *
 * <p>{@link #operations()} is the one list of operations: a new capability adds its cases there
 * (one {@link Case} per operation and kind of bad input). Each case runs {@link
 * #examplesPerCase()} examples, so every operation is tried on every store.
 */
@SuppressWarnings({"NullAway", "NullOptional"}) // passes null on purpose: the API must refuse it with ValidationException
public abstract class BadInputContract {
  /** The test's store, clock and program. */
  protected abstract TckContext context();

  /** How many random examples each case tries. */
  protected int examplesPerCase() {
    return 3;
  }

  /** Runs a bad call against the world. */
  @FunctionalInterface
  public interface Call {
    /** Makes the call; its result, if it returns, is shown in the failure. */
    @Nullable Object apply(World w) throws IOException;
  }

  /**
   * One invalid call.
   *
   * @param operation the API operation, e.g. {@code registry.add}
   * @param kind the kind of invalid input, e.g. {@code null}, {@code unknown id}
   * @param input the input, shown in failures
   * @param call the call
   */
  public record BadCall(String operation, String kind, String input, Call call) {
    @Override
    public String toString() {
      return operation + " [" + kind + "] " + input;
    }
  }

  /**
   * One operation with one family of bad input.
   *
   * @param operation the API operation
   * @param calls the bad calls
   */
  public record Case(String operation, Gen<BadCall> calls) {}

  /**
   * What the bad calls work on: a program holding an active PLATINUM partner with two clients, a
   * tier history, an adjustment, a renewed and a revoked certification and a corrected ledger month;
   * an inactive SILVER partner; one discount policy version.
   *
   * @param program the program under test
   * @param active the active partner
   * @param inactive the inactive partner
   * @param client a client of {@code active}
   * @param otherClient a client of {@code inactive}
   * @param certification {@code active}'s current (renewed) certification
   * @param revoked {@code active}'s revoked certification
   * @param policy the policy version in force
   * @param today the program's date
   * @param month the program's month
   */
  public record World(PartnerProgram program, Partner active, Partner inactive, Client client, Client otherClient,
      TrackedCertification certification, Certification revoked, PolicyVersion policy, LocalDate today,
      YearMonth month) {
    PartnerRegistry registry() {
      return program.registry();
    }

    DiscountEngine discounts() {
      return program.discounts();
    }

    CertificationTracker certifications() {
      return program.certifications();
    }

    RevenueLedger ledger() {
      return program.revenue();
    }
  }

  /**
   * Counts of what one run tried (the figures of docs/reliability.md, "Invalid input").
   *
   * @param cases how many cases (operation and family of bad input) ran
   * @param examples how many invalid calls were made in all
   * @param byOperation calls per operation
   * @param byKind calls per kind of invalid input
   */
  public record Tried(int cases, int examples, Map<String, Integer> byOperation, Map<String, Integer> byKind) {}

  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency JPY = Currency.getInstance("JPY");

  // ------------------------------------------------------------------ the operations

  /** Every operation of the public API with the bad inputs it is tried with. */
  protected static List<Case> operations() {
    List<Case> cases = new ArrayList<>();
    registry(cases);
    discounts(cases);
    certifications(cases);
    revenue(cases);
    portal(cases);
    reviews(cases);
    events(cases);
    values(cases);
    return Collections.unmodifiableList(cases);
  }

  private static void registry(List<Case> c) {
    Gen<@Nullable String> name = InvalidInput.names();
    Gen<@Nullable String> email = InvalidInput.emails();
    c.add(bad("registry.add", name, BadInputContract::textKind,
        (w, n) -> w.registry().add(new NewPartner(n, "ok@x.example", Tier.GOLD))));
    c.add(bad("registry.add", email, BadInputContract::emailKind,
        (w, e) -> w.registry().add(new NewPartner("Fresh Name", e, Tier.GOLD))));
    c.add(bad("registry.add", name.zip(email, BadInputContract::pair), v -> "several fields",
        (w, v) -> w.registry().add(new NewPartner(v.get(0), v.get(1), null))));
    c.add(fixed("registry.add", "null", "null request", w -> w.registry().add(null)));
    c.add(bad("registry.updateContact", name.zip(email, BadInputContract::pair), v -> textKind(v.get(0)),
        (w, v) -> w.registry().updateContact(w.active().id(), w.active().version(), new ContactUpdate(v.get(0), v.get(1)))));
    c.add(bad("registry.updateContact", InvalidInput.impossibleVersions(), v -> "impossible version",
        (w, v) -> w.registry().updateContact(w.active().id(), v, new ContactUpdate("New", "n@x.example"))));
    c.add(bad("registry.updateContact", partnerIds(), v -> "unknown id",
        (w, id) -> w.registry().updateContact(id, 1, new ContactUpdate("New", "n@x.example"))));
    c.add(bad("registry.changeTier", InvalidInput.impossibleVersions(), v -> "impossible version",
        (w, v) -> w.registry().changeTier(w.active().id(), v, new TierChangeRequest(Tier.GOLD, "a", "b"))));
    c.add(bad("registry.changeTier", InvalidInput.freeText(100), BadInputContract::textKind,
        (w, by) -> w.registry().changeTier(w.active().id(), w.active().version(), new TierChangeRequest(Tier.GOLD, by, "why"))));
    c.add(bad("registry.changeTier", InvalidInput.freeText(500), BadInputContract::textKind,
        (w, why) -> w.registry().changeTier(w.active().id(), w.active().version(), new TierChangeRequest(Tier.GOLD, "a", why))));
    c.add(fixed("registry.changeTier", "null", "null tier",
        w -> w.registry().changeTier(w.active().id(), w.active().version(), new TierChangeRequest(null, "a", "b"))));
    c.add(fixed("registry.changeTier", "no change", "to the same tier",
        w -> w.registry().changeTier(w.active().id(), w.active().version(), new TierChangeRequest(w.active().tier(), "a", "b"))));
    c.add(bad("registry.changeTier", partnerIds(), v -> "unknown id",
        (w, id) -> w.registry().changeTier(id, 1, new TierChangeRequest(Tier.GOLD, "a", "b"))));
    c.add(bad("registry.deactivate", InvalidInput.impossibleVersions(), v -> "impossible version",
        (w, v) -> w.registry().deactivate(w.active().id(), v)));
    c.add(bad("registry.deactivate", partnerIds(), v -> "unknown id", (w, id) -> w.registry().deactivate(id, 1)));
    c.add(bad("registry.reactivate", InvalidInput.impossibleVersions(), v -> "impossible version",
        (w, v) -> w.registry().reactivate(w.inactive().id(), v)));
    c.add(bad("registry.reactivate", partnerIds(), v -> "unknown id", (w, id) -> w.registry().reactivate(id, 1)));
    c.add(bad("registry.get", partnerIds(), v -> "unknown id", (w, id) -> w.registry().get(id)));
    c.add(fixed("registry.get", "null", "null id", w -> w.registry().get(null)));
    c.add(fixed("registry.find", "null", "null id", w -> w.registry().find(null)));
    c.add(bad("registry.tierHistory", partnerIds(), v -> "unknown id", (w, id) -> w.registry().tierHistory(id)));
    c.add(bad("registry.clients", partnerIds(), v -> "unknown id", (w, id) -> w.registry().clients(id)));
    c.add(bad("registry.list", SourceDSL.integers().between(Integer.MIN_VALUE, -1), v -> "negative number",
        (w, o) -> w.registry().list(PartnerQuery.all().withPage(o, 10))));
    c.add(bad("registry.list", Generate.oneOf(SourceDSL.integers().between(Integer.MIN_VALUE, 0),
            SourceDSL.integers().between(PartnerQuery.MAX_LIMIT + 1, Integer.MAX_VALUE)), v -> "number out of range",
        (w, l) -> w.registry().list(PartnerQuery.all().withPage(0, l))));
    c.add(fixed("registry.list", "null", "null query", w -> w.registry().list(null)));
    c.add(fixed("registry.list", "null", "null tier set",
        w -> w.registry().list(new PartnerQuery(null, Set.of(), 0, 10))));
    c.add(fixed("registry.list", "null", "a null tier in the set",
        w -> w.registry().list(new PartnerQuery(nullSet(), Set.of(PartnerStatus.ACTIVE), 0, 10))));
    c.add(bad("registry.addClient", name.zip(InvalidInput.negativeCounts(), BadInputContract::pair), v -> textKind((String) v.get(0)),
        (w, v) -> w.registry().addClient(w.active().id(), new NewClient((String) v.get(0), (Long) v.get(1)))));
    c.add(bad("registry.addClient", InvalidInput.negativeCounts(), v -> "negative number",
        (w, n) -> w.registry().addClient(w.active().id(), new NewClient("fresh client", n))));
    c.add(bad("registry.addClient", InvalidInput.countsAbove(Client.MAX_SERVER_COUNT), v -> "huge number",
        (w, n) -> w.registry().addClient(w.active().id(), new NewClient("fresh client", n))));
    c.add(bad("registry.addClient", partnerIds(), v -> "unknown id",
        (w, id) -> w.registry().addClient(id, new NewClient("c", 1))));
    c.add(fixed("registry.addClient", "null", "null request", w -> w.registry().addClient(w.active().id(), null)));
    c.add(bad("registry.renameClient", name, BadInputContract::textKind,
        (w, n) -> w.registry().renameClient(w.client().id(), w.client().version(), n)));
    c.add(bad("registry.renameClient", InvalidInput.impossibleVersions(), v -> "impossible version",
        (w, v) -> w.registry().renameClient(w.client().id(), v, "renamed")));
    c.add(bad("registry.renameClient", clientIds(), v -> "unknown id", (w, id) -> w.registry().renameClient(id, 1, "x")));
    c.add(bad("registry.setServerCount", InvalidInput.negativeCounts(), v -> "negative number",
        (w, n) -> w.registry().setServerCount(w.client().id(), w.client().version(), n)));
    c.add(bad("registry.setServerCount", InvalidInput.countsAbove(Client.MAX_SERVER_COUNT), v -> "huge number",
        (w, n) -> w.registry().setServerCount(w.client().id(), w.client().version(), n)));
    c.add(bad("registry.setServerCount", InvalidInput.impossibleVersions(), v -> "impossible version",
        (w, v) -> w.registry().setServerCount(w.client().id(), v, 1)));
    c.add(bad("registry.setServerCount", clientIds(), v -> "unknown id", (w, id) -> w.registry().setServerCount(id, 1, 5)));
    c.add(bad("registry.removeClient", InvalidInput.impossibleVersions(), v -> "impossible version", (w, v) -> {
      w.registry().removeClient(w.client().id(), v);
      return null;
    }));
    c.add(bad("registry.removeClient", clientIds(), v -> "unknown id", (w, id) -> {
      w.registry().removeClient(id, 1);
      return null;
    }));
    c.add(fixed("registry.findClient", "null", "null id", w -> w.registry().findClient(null)));
  }

  private static void discounts(List<Case> c) {
    Gen<@Nullable String> by = InvalidInput.freeText(100);
    Gen<@Nullable String> why = InvalidInput.freeText(500);
    c.add(fixed("discounts.setPolicy", "null", "null policy",
        w -> w.discounts().setPolicy(null, PolicyChange.today("a", "b"))));
    c.add(bad("discounts.setPolicy", by, BadInputContract::textKind,
        (w, s) -> w.discounts().setPolicy(w.policy().policy(), PolicyChange.today(s, "why"))));
    c.add(bad("discounts.setPolicy", why, BadInputContract::textKind,
        (w, s) -> w.discounts().setPolicy(w.policy().policy(), PolicyChange.today("a", s))));
    c.add(bad("discounts.setPolicy", pastDates(), v -> "date in the past",
        (w, d) -> w.discounts().setPolicy(w.policy().policy(), PolicyChange.from(w.today().minusDays(d), "a", "b"))));
    c.add(bad("DiscountPolicy.builder", InvalidInput.percents(), BadInputContract::percentKind,
        (w, p) -> w.discounts().setPolicy(policyWith(b -> b.baseRate(Tier.GOLD, p)), PolicyChange.today("a", "b"))));
    c.add(bad("DiscountPolicy.builder", InvalidInput.percents(), BadInputContract::percentKind,
        (w, p) -> w.discounts().setPolicy(policyWith(b -> b.cap(p)), PolicyChange.today("a", "b"))));
    c.add(bad("DiscountPolicy.builder", InvalidInput.percents(), BadInputContract::percentKind,
        (w, p) -> w.discounts().setPolicy(policyWith(b -> b.volumeStep(10, p)), PolicyChange.today("a", "b"))));
    c.add(bad("DiscountPolicy.builder", InvalidInput.negativeCounts(), v -> "negative number",
        (w, n) -> w.discounts().setPolicy(policyWith(b -> b.volumeStep(n, "1")),
            PolicyChange.today("a", "b"))));
    c.add(bad("DiscountPolicy.builder", SourceDSL.integers().between(1, 1000), v -> "values out of order",
        (w, n) -> w.discounts().setPolicy(policyWith(b -> b.volumeStep(n, "2").volumeStep(n, "3")), PolicyChange.today("a", "b"))));
    c.add(fixed("DiscountPolicy.builder", "values out of order", "a lower tier with a higher base rate",
        w -> policyWith(b -> b.baseRate(Tier.SILVER, "30"))));
    c.add(fixed("DiscountPolicy.builder", "null", "null combination and rounding",
        w -> policyWith(b -> b.combination(null).rounding(null))));
    c.add(fixed("DiscountPolicy.builder", "number out of range", "rounding UNNECESSARY",
        w -> policyWith(b -> b.rounding(RoundingMode.UNNECESSARY))));
    c.add(fixed("DiscountPolicy.builder", "null", "a missing tier",
        w -> DiscountPolicy.builder().baseRate(Tier.SILVER, "1").baseRate(Tier.GOLD, "2").build()));
    c.add(fixed("DiscountPolicy", "null", "null maps", w -> new DiscountPolicy(null, null, null,
        Combination.ADDITIVE, Rate.FULL, RoundingMode.HALF_UP)));
    c.add(bad("discounts.cancelPolicy", SourceDSL.integers().between(Integer.MIN_VALUE, 0), v -> "impossible version",
        (w, v) -> w.discounts().cancelPolicy(v, new CancelRequest("a", "b"))));
    c.add(bad("discounts.cancelPolicy", SourceDSL.integers().between(2, Integer.MAX_VALUE), v -> "unknown id",
        (w, v) -> w.discounts().cancelPolicy(v, new CancelRequest("a", "b"))));
    c.add(bad("discounts.cancelPolicy", by.zip(why, BadInputContract::pair), v -> textKind(v.get(0)),
        (w, v) -> w.discounts().cancelPolicy(w.policy().version(), new CancelRequest(v.get(0), v.get(1)))));
    c.add(bad("discounts.adjust", partnerIds(), v -> "unknown id",
        (w, id) -> w.discounts().adjust(id, AdjustmentRequest.extra(Rate.percent(1), "a", "b"))));
    c.add(bad("discounts.adjust", InvalidInput.percents(), BadInputContract::percentKind,
        (w, p) -> w.discounts().adjust(w.active().id(), AdjustmentRequest.extra(Rate.percent(p), "a", "b"))));
    c.add(bad("discounts.adjust", by.zip(why, BadInputContract::pair), v -> textKind(v.get(0)),
        (w, v) -> w.discounts().adjust(w.active().id(), AdjustmentRequest.extra(Rate.percent(1), v.get(0), v.get(1)))));
    c.add(bad("discounts.adjust", InvalidInput.datesOutOfOrder(LocalDate.of(2030, 6, 1)), v -> "dates out of order",
        (w, d) -> w.discounts().adjust(w.active().id(),
            AdjustmentRequest.extra(Rate.percent(1), "a", "b").withEffectiveFrom(d.from()).withEffectiveUntil(d.to()))));
    c.add(bad("discounts.adjust", pastDates(), v -> "date in the past",
        (w, d) -> w.discounts().adjust(w.active().id(), AdjustmentRequest.extra(Rate.percent(1), "a", "b").withEffectiveFrom(w.today().minusDays(d)))));
    c.add(fixed("discounts.adjust", "null", "null kind and rate",
        w -> w.discounts().adjust(w.active().id(), new AdjustmentRequest(null, null, Optional.empty(), Optional.empty(), "a", "b"))));
    c.add(bad("discounts.adjust", SourceDSL.integers().between(1, 100), v -> "rate out of range",
        (w, p) -> w.discounts().adjust(w.active().id(),
            new AdjustmentRequest(AdjustmentKind.NONE, Rate.percent(p), Optional.empty(), Optional.empty(), "a", "b"))));
    c.add(bad("discounts.cancelAdjustment", SourceDSL.integers().between(Integer.MIN_VALUE, 0), v -> "impossible version",
        (w, v) -> w.discounts().cancelAdjustment(w.active().id(), v, new CancelRequest("a", "b"))));
    c.add(bad("discounts.cancelAdjustment", SourceDSL.integers().between(2, Integer.MAX_VALUE), v -> "unknown id",
        (w, v) -> w.discounts().cancelAdjustment(w.active().id(), v, new CancelRequest("a", "b"))));
    c.add(bad("discounts.cancelAdjustment", partnerIds(), v -> "unknown id",
        (w, id) -> w.discounts().cancelAdjustment(id, 1, new CancelRequest("a", "b"))));
    c.add(bad("discounts.cancelAdjustment", by.zip(why, BadInputContract::pair), v -> textKind(v.get(1)),
        (w, v) -> w.discounts().cancelAdjustment(w.active().id(), 1, new CancelRequest(v.get(0), v.get(1)))));
    c.add(bad("discounts.adjustmentHistory", partnerIds(), v -> "unknown id", (w, id) -> w.discounts().adjustmentHistory(id)));
    c.add(fixed("discounts.adjustmentOn", "null", "null date", w -> w.discounts().adjustmentOn(w.active().id(), null)));
    c.add(fixed("discounts.policyOn", "null", "null date", w -> w.discounts().policyOn(null)));
    c.add(fixed("discounts.calculatorOn", "null", "null date", w -> w.discounts().calculatorOn(null)));
    c.add(bad("discounts.quote", InvalidInput.negativeMoney(), v -> "negative number",
        (w, m) -> w.discounts().quote(w.active().id(), m)));
    c.add(bad("discounts.quote", partnerIds(), v -> "unknown id",
        (w, id) -> w.discounts().quote(id, Money.of("10", "USD"))));
    c.add(bad("discounts.quote", InvalidInput.inexactAmounts(), v -> "too many decimals",
        (w, a) -> w.discounts().quote(w.active().id(), Money.of(a, "USD"))));
    c.add(bad("discounts.quote", InvalidInput.hugeAmounts(), v -> "huge number",
        (w, a) -> w.discounts().quote(w.active().id(), Money.of(a, "USD"))));
    c.add(bad("discounts.quote", InvalidInput.unknownCurrencyCodes(), v -> "unknown currency",
        (w, code) -> w.discounts().quote(w.active().id(), Money.of("10", code))));
    c.add(fixed("discounts.quote", "null", "null gross", w -> w.discounts().quote(w.active().id(), null)));
    c.add(fixed("discounts.quote", "null", "null date", w -> w.discounts().quote(w.active().id(), null, Money.of("1", "USD"))));
    c.add(bad("discounts.adjustmentOn", partnerIds(), v -> "unknown id", (w, id) -> w.discounts().adjustmentOn(id, w.today())));
    c.add(bad("calculator.quote", SourceDSL.longs().between(Long.MIN_VALUE, -1), v -> "negative number",
        (w, n) -> w.discounts().calculatorOn(w.today()).quote(Tier.GOLD, n, Money.of("1", "USD"))));
    c.add(bad("calculator.quote", InvalidInput.negativeMoney(), v -> "negative number",
        (w, m) -> w.discounts().calculatorOn(w.today()).quote(Tier.GOLD, 1, m)));
    c.add(fixed("calculator.quote", "null", "null tier and gross",
        w -> w.discounts().calculatorOn(w.today()).quote(null, 1, null)));
    c.add(bad("calculator.rate", SourceDSL.longs().between(Long.MIN_VALUE, -1), v -> "negative number",
        (w, n) -> w.discounts().calculatorOn(w.today()).rate(Tier.GOLD, n)));
    c.add(fixed("calculator.rate", "null", "null tier", w -> w.discounts().calculatorOn(w.today()).rate(null, 1)));
    c.add(bad("discounts.quote(tier)", SourceDSL.longs().between(Long.MIN_VALUE, -1), v -> "negative number",
        (w, n) -> w.discounts().quote(Tier.GOLD, n, w.today(), Money.of("10", "USD"))));
    c.add(bad("discounts.quote(tier)", InvalidInput.negativeMoney(), v -> "negative number",
        (w, m) -> w.discounts().quote(Tier.GOLD, 3, w.today(), m)));
    c.add(fixed("discounts.quote(tier)", "null", "null tier, date and gross",
        w -> w.discounts().quote((Tier) null, 3, null, null)));
    c.add(bad("discounts.quoteAll", SourceDSL.longs().between(Long.MIN_VALUE, -1), v -> "negative number",
        (w, n) -> w.discounts().quoteAll(w.today(), USD, List.of(QuoteItem.of(Tier.GOLD, n, Money.of("1", "USD"))))));
    c.add(fixed("discounts.quoteAll", "unknown currency", "an item in another currency",
        w -> w.discounts().quoteAll(w.today(), USD, List.of(QuoteItem.of(Tier.GOLD, 1, Money.of("1", "EUR"))))));
    c.add(fixed("discounts.quoteAll", "null", "null items",
        w -> w.discounts().quoteAll(w.today(), USD, null)));
    c.add(fixed("discounts.quoteAll", "null", "a null item",
        w -> w.discounts().quoteAll(w.today(), USD, nullList())));
  }

  private static void certifications(List<Case> c) {
    LocalDate today = StoreTck.START.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    c.add(bad("certifications.add", partnerIds(), v -> "unknown id",
        (w, id) -> w.certifications().add(id, cert("Cloud", CertificationLevel.BASIC, w.today(), w.today().plusDays(30)))));
    c.add(bad("certifications.add", InvalidInput.freeText(200), BadInputContract::textKind,
        (w, n) -> w.certifications().add(w.active().id(), cert(n, CertificationLevel.BASIC, w.today(), w.today().plusDays(30)))));
    c.add(bad("certifications.add", InvalidInput.holders(), BadInputContract::textKind,
        (w, h) -> w.certifications().add(w.active().id(), new NewCertification("Cloud", SkillArea.FLEET_MANAGEMENT,
            CertificationLevel.BASIC, Optional.of(h), w.today(), w.today().plusDays(30)))));
    c.add(bad("certifications.add", InvalidInput.datesOutOfOrder(today), v -> "dates out of order",
        (w, d) -> w.certifications().add(w.active().id(), cert("Cloud", CertificationLevel.BASIC, d.from(), d.to()))));
    c.add(bad("certifications.add", Generate.pick(List.of(LocalDate.of(1899, 12, 31), LocalDate.MIN, LocalDate.of(1, 1, 1))),
        v -> "date out of range",
        (w, d) -> w.certifications().add(w.active().id(), cert("Cloud", CertificationLevel.BASIC, d, w.today()))));
    c.add(fixed("certifications.add", "null", "null skill area, level and dates",
        w -> w.certifications().add(w.active().id(), new NewCertification("Cloud", null, null, Optional.empty(), null, null))));
    c.add(fixed("certifications.add", "null", "null holder (absent is Optional.empty())",
        w -> w.certifications().add(w.active().id(), new NewCertification("Cloud", SkillArea.FLEET_MANAGEMENT,
            CertificationLevel.BASIC, null, w.today(), w.today().plusDays(30)))));
    c.add(fixed("certifications.add", "null", "null request", w -> w.certifications().add(w.active().id(), null)));
    c.add(fixed("certifications.add", "level above the tier", "EXPERT for a SILVER partner",
        w -> w.certifications().add(w.inactive().id(), cert("Cloud", CertificationLevel.EXPERT, w.today(), w.today().plusDays(9)))));
    c.add(bad("certifications.renew", certificationIds(), v -> "unknown id",
        (w, id) -> w.certifications().renew(id, 1, new Renewal(w.today(), w.today().plusDays(900)))));
    c.add(bad("certifications.renew", InvalidInput.impossibleVersions(), v -> "impossible version",
        (w, v) -> w.certifications().renew(w.certification().id(), v, new Renewal(w.today(), w.today().plusDays(900)))));
    c.add(bad("certifications.renew", InvalidInput.datesOutOfOrder(today.plusYears(5)), v -> "dates out of order",
        (w, d) -> w.certifications().renew(w.certification().id(), w.certification().certification().version(),
            new Renewal(d.from(), d.to()))));
    c.add(bad("certifications.renew", SourceDSL.integers().between(0, 5000), v -> "expiry not after the old one",
        (w, back) -> w.certifications().renew(w.certification().id(), w.certification().certification().version(),
            new Renewal(w.today().minusDays(6000), w.certification().certification().expiryDate().minusDays(back)))));
    c.add(fixed("certifications.renew", "null", "null renewal and dates", w -> w.certifications().renew(
        w.certification().id(), 1, new Renewal(null, null))));
    c.add(bad("certifications.revoke", certificationIds(), v -> "unknown id",
        (w, id) -> w.certifications().revoke(id, 1, new Revocation("a", "b"))));
    c.add(bad("certifications.revoke", InvalidInput.impossibleVersions(), v -> "impossible version",
        (w, v) -> w.certifications().revoke(w.certification().id(), v, new Revocation("a", "b"))));
    c.add(bad("certifications.revoke", InvalidInput.freeText(100).zip(InvalidInput.freeText(500), BadInputContract::pair), v -> textKind(v.get(0)),
        (w, v) -> w.certifications().revoke(w.certification().id(), w.certification().certification().version(),
            new Revocation(v.get(0), v.get(1)))));
    c.add(bad("certifications.get", certificationIds(), v -> "unknown id", (w, id) -> w.certifications().get(id)));
    c.add(fixed("certifications.find", "null", "null id", w -> w.certifications().find(null)));
    c.add(bad("certifications.certifications", partnerIds(), v -> "unknown id",
        (w, id) -> w.certifications().certifications(id)));
    c.add(bad("certifications.history", partnerIds(), v -> "unknown id", (w, id) -> w.certifications().history(id)));
    c.add(bad("certifications.counts", partnerIds(), v -> "unknown id", (w, id) -> w.certifications().counts(id)));
    c.add(bad("certifications.eligibility", partnerIds(), v -> "unknown id",
        (w, id) -> w.certifications().eligibility(id, w.today())));
    c.add(fixed("certifications.eligibility", "null", "null date",
        w -> w.certifications().eligibility(w.active().id(), null)));
    c.add(bad("certifications.expiringWithin", InvalidInput.days(), v -> "days out of range",
        (w, d) -> w.certifications().expiringWithin(d)));
    c.add(fixed("certifications.statusOf", "null", "null date", w -> w.certifications().statusOf(null)));
    c.add(fixed("certifications.subscribe", "null", "null listener", w -> {
      w.certifications().subscribe("watcher", null);
      return null;
    }));
    c.add(bad("certifications.subscribe", InvalidInput.text(DomainEvents.MAX_NAME_LENGTH), BadInputContract::textKind,
        (w, name) -> {
          w.certifications().subscribe(name, change -> { });
          return null;
        }));
    c.add(bad("ExpiryThresholds", InvalidInput.days().zip(InvalidInput.days(), BadInputContract::pair), v -> "days out of range",
        (w, d) -> new ExpiryThresholds(d.get(0), d.get(1))));
    c.add(bad("ExpiryThresholds", SourceDSL.integers().between(1, 1000).zip(SourceDSL.integers().between(0, 1000),
            BadInputContract::pair), v -> "values out of order",
        (w, d) -> new ExpiryThresholds(d.get(0) + d.get(1), d.get(0))));
  }

  private static void revenue(List<Case> c) {
    c.add(bad("ledger.record", partnerIds(), v -> "unknown id",
        (w, id) -> w.ledger().record(RevenueRecording.of(id, w.month(), Money.of("1", "USD"), "k-unknown"))));
    c.add(bad("ledger.record", InvalidInput.monthsOutsideLedger(YearMonth.of(2026, 1)), v -> "month out of range",
        (w, m) -> w.ledger().record(RevenueRecording.of(w.active().id(), m, Money.of("1", "USD"), "k-month"))));
    c.add(bad("ledger.record", InvalidInput.negativeMoney(), v -> "negative number",
        (w, m) -> w.ledger().record(RevenueRecording.of(w.active().id(), w.month().minusMonths(5), m, "k-neg"))));
    c.add(bad("ledger.record", InvalidInput.idempotencyKeys(), BadInputContract::textKind,
        (w, k) -> w.ledger().record(RevenueRecording.of(w.active().id(), w.month().minusMonths(5), Money.of("1", "USD"), k))));
    c.add(bad("ledger.record", SourceDSL.longs().between(Long.MIN_VALUE, -1).zip(InvalidInput.negativeCounts(), BadInputContract::pair),
        v -> "negative number",
        (w, v) -> w.ledger().record(RevenueRecording.of(w.active().id(), w.month().minusMonths(5), Money.of("1", "USD"), "k-c")
            .withCounts(v.get(0), v.get(1)))));
    c.add(bad("ledger.record", InvalidInput.countsAbove(RevenueRecording.MAX_CLIENT_COUNT), v -> "huge number",
        (w, n) -> w.ledger().record(RevenueRecording.of(w.active().id(), w.month().minusMonths(5), Money.of("1", "USD"), "k-h")
            .withCounts(1, n))));
    c.add(fixed("ledger.record", "null", "null fields",
        w -> w.ledger().record(new RevenueRecording(null, null, null, null, null, null))));
    c.add(fixed("ledger.record", "null", "null fields, counts left out",
        w -> w.ledger().record(new RevenueRecording(null, null, null, Optional.empty(), Optional.empty(), null))));
    c.add(fixed("ledger.record", "null", "null recording", w -> w.ledger().record(null)));
    c.add(bad("ledger.recordAll", InvalidInput.negativeMoney(), v -> "negative number (one bad among good)",
        (w, m) -> w.ledger().recordAll(List.of(
            RevenueRecording.of(w.active().id(), w.month().minusMonths(7), Money.of("5", "USD"), "batch-good-1"),
            RevenueRecording.of(w.active().id(), w.month().minusMonths(8), m, "batch-bad"),
            RevenueRecording.of(w.active().id(), w.month().minusMonths(9), Money.of("6", "USD"), "batch-good-2")))));
    c.add(bad("ledger.recordAll", partnerIds(), v -> "unknown id (one bad among good)",
        (w, id) -> w.ledger().recordAll(List.of(
            RevenueRecording.of(w.active().id(), w.month().minusMonths(7), Money.of("5", "USD"), "batch-good-1"),
            RevenueRecording.of(id, w.month().minusMonths(8), Money.of("5", "USD"), "batch-unknown")))));
    c.add(fixed("ledger.recordAll", "null", "null list", w -> w.ledger().recordAll(null)));
    c.add(fixed("ledger.recordAll", "blank", "empty list", w -> w.ledger().recordAll(List.of())));
    c.add(fixed("ledger.recordAll", "null", "a null recording", w -> w.ledger().recordAll(nullList())));
    c.add(bad("ledger.correct", partnerIds(), v -> "unknown id",
        (w, id) -> w.ledger().correct(RevenueCorrection.of(id, w.month(), "fix-unknown", "why").withMrr(Money.of("1", "USD")))));
    c.add(bad("ledger.correct", InvalidInput.freeText(2000), BadInputContract::textKind,
        (w, why) -> w.ledger().correct(RevenueCorrection.of(w.active().id(), w.month().minusMonths(1), "fix-why", why)
            .withMrr(Money.of("1", "USD")))));
    c.add(bad("ledger.correct", InvalidInput.idempotencyKeys(), BadInputContract::textKind,
        (w, k) -> w.ledger().correct(RevenueCorrection.of(w.active().id(), w.month().minusMonths(1), k, "why")
            .withMrr(Money.of("1", "USD")))));
    c.add(bad("ledger.correct", InvalidInput.negativeMoney(), v -> "negative number",
        (w, m) -> w.ledger().correct(RevenueCorrection.of(w.active().id(), w.month().minusMonths(1), "fix-neg", "why").withMrr(m))));
    c.add(bad("ledger.correct", SourceDSL.integers().between(Integer.MIN_VALUE, 0), v -> "impossible version",
        (w, r) -> w.ledger().correct(RevenueCorrection.of(w.active().id(), w.month().minusMonths(1), "fix-rev", "why")
            .withMrr(Money.of("1", "USD")).withExpectedRevision(r))));
    c.add(bad("ledger.correct", InvalidInput.monthsOutsideLedger(YearMonth.of(2026, 1)), v -> "month out of range",
        (w, m) -> w.ledger().correct(RevenueCorrection.of(w.active().id(), m, "fix-m", "why").withMrr(Money.of("1", "USD")))));
    c.add(fixed("ledger.correct", "null", "null correction", w -> w.ledger().correct(null)));
    c.add(fixed("ledger.history", "null", "null partner and month", w -> w.ledger().history(null, null)));
    c.add(bad("ledger.history", partnerIds(), v -> "unknown id", (w, id) -> w.ledger().history(id, w.month())));
    c.add(fixed("ledger.current", "null", "null partner and month", w -> w.ledger().current(null, null)));
    c.add(bad("ledger.findByKey", Generate.pick(java.util.Arrays.asList(null, "", " ", "\t")), BadInputContract::textKind,
        (w, k) -> w.ledger().findByKey(k)));
    c.add(bad("ledger.partnerReport", partnerIds(), v -> "unknown id",
        (w, id) -> w.ledger().partnerReport(id, MonthRange.of(w.month()))));
    c.add(bad("ledger.partnerReport", InvalidInput.monthsOutOfOrder(YearMonth.of(2026, 1)), v -> "months out of order",
        (w, m) -> w.ledger().partnerReport(w.active().id(), new MonthRange(m.from(), m.to()))));
    c.add(bad("ledger.partnerReport", SourceDSL.longs().between(RevenueLedger.MAX_REPORT_MONTHS + 1, 100_000),
        v -> "range too long",
        (w, n) -> w.ledger().partnerReport(w.active().id(), MonthRange.lastMonths(w.month(), n))));
    c.add(fixed("ledger.partnerReport", "null", "null range", w -> w.ledger().partnerReport(w.active().id(), null)));
    c.add(bad("ledger.current", partnerIds(), v -> "unknown id", (w, id) -> w.ledger().current(id, w.month())));
    c.add(bad("ledger.latest", partnerIds(), v -> "unknown id", (w, id) -> w.ledger().latest(id)));
    c.add(bad("ledger.programReport", SourceDSL.longs().between(RevenueLedger.MAX_REPORT_MONTHS + 1, 100_000),
        v -> "range too long", (w, n) -> w.ledger().programReport(MonthRange.lastMonths(w.month(), n))));
    c.add(bad("ledger.programReport", InvalidInput.monthsOutOfOrder(YearMonth.of(2026, 1)), v -> "months out of order",
        (w, m) -> w.ledger().programReport(new MonthRange(m.from(), m.to()))));
    c.add(bad("ledger.topByMrr", Generate.oneOf(SourceDSL.integers().between(Integer.MIN_VALUE, 0),
            SourceDSL.integers().between(RevenueLedger.MAX_TOP + 1, Integer.MAX_VALUE)), v -> "number out of range",
        (w, n) -> w.ledger().topByMrr(w.month(), USD, n)));
    c.add(fixed("ledger.topByMrr", "null", "null month and currency", w -> w.ledger().topByMrr(null, null, 3)));
    c.add(bad("ledger.exportCsv", InvalidInput.monthsOutOfOrder(YearMonth.of(2026, 1)), v -> "months out of order",
        (w, m) -> w.ledger().exportCsv(new RevenueFilter(Optional.empty(), Optional.of(m.from()), Optional.of(m.to()),
            Set.of()), new StringWriter())));
    c.add(bad("ledger.exportCsv", partnerIds(), v -> "unknown id",
        (w, id) -> w.ledger().exportCsv(RevenueFilter.all().withPartner(id), new StringWriter())));
    c.add(fixed("ledger.exportCsv", "null", "null tier set",
        w -> w.ledger().exportCsv(new RevenueFilter(Optional.empty(), Optional.empty(), Optional.empty(), null),
            new StringWriter())));
    c.add(fixed("ledger.exportCsv", "null", "null filter components",
        w -> w.ledger().exportCsv(new RevenueFilter(null, null, null, Set.of()), new StringWriter())));
    c.add(fixed("ledger.exportCsv", "null", "null filter and writer", w -> w.ledger().exportCsv(null, (Writer) null)));
    c.add(fixed("ledger.exportCsv", "null", "null stream",
        w -> w.ledger().exportCsv(RevenueFilter.all(), (java.io.OutputStream) null)));
    c.add(fixed("RevenueFilter.withPartner", "null", "null id", w -> RevenueFilter.all().withPartner(null)));
    c.add(fixed("RevenueFilter.withMonths", "null", "null range", w -> RevenueFilter.all().withMonths(null)));
    c.add(fixed("RevenueFilter.withTiers", "null", "null tier", w -> RevenueFilter.all().withTiers(null)));
    c.add(bad("MonthRange.lastMonths", InvalidInput.monthCounts(), v -> "number out of range",
        (w, n) -> MonthRange.lastMonths(w.month(), n)));
    c.add(bad("MonthRange.lastMonths", SourceDSL.longs().between(12L * 2_000_000_000L, Long.MAX_VALUE),
        v -> "huge number", (w, n) -> MonthRange.lastMonths(w.month(), n)));
    c.add(fixed("MonthRange", "null", "null months", w -> new MonthRange(null, null)));
  }

  private static void portal(List<Case> c) {
    c.add(bad("program.portal", partnerIds(), v -> "unknown id", (w, id) -> w.program().portal(id)));
    c.add(fixed("program.portal", "null", "null id", w -> w.program().portal(null)));
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

  private static void events(List<Case> c) {
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

  private static void reviews(List<Case> c) {
    c.add(fixed("reviews.configure", "null", "null policy", w -> w.program().reviews().configure(null)));
    c.add(bad("ReviewPolicy.gracePeriodDays",
        Generate.oneOf(SourceDSL.longs().between(Long.MIN_VALUE, 0),
            SourceDSL.longs().between(ReviewPolicy.MAX_GRACE_DAYS + 1, Long.MAX_VALUE)),
        v -> v <= 0 ? "negative number" : "huge number",
        (w, d) -> w.program().reviews().configure(ReviewPolicy.builder().gracePeriodDays(d).build())));
    c.add(fixed("ReviewPolicy", "null", "null modes and tier",
        w -> ReviewPolicy.builder().demotionMode(null).promotionMode(null)
            .revenue(null, MinimumAverageMrr.of("1", "USD", 1)).build()));
    c.add(bad("MinimumAverageMrr", InvalidInput.negativeMoney(), v -> "negative number",
        (w, m) -> new MinimumAverageMrr(m, 3)));
    c.add(bad("MinimumAverageMrr", Generate.oneOf(SourceDSL.longs().between(Long.MIN_VALUE, 0),
            SourceDSL.longs().between(MinimumAverageMrr.MAX_MONTHS + 1, Long.MAX_VALUE)),
        v -> v <= 0 ? "negative number" : "huge number", (w, n) -> MinimumAverageMrr.of("100.00", "USD", n)));
    c.add(bad("reviews.run", SourceDSL.integers().between(1, 100_000), v -> "date after today",
        (w, d) -> w.program().reviews().run(w.today().plusDays(d))));
    c.add(bad("reviews.run", SourceDSL.integers().between(1, 100_000), v -> "dates out of order",
        (w, d) -> w.program().reviews().run(w.today().minusDays(d))));
    c.add(fixed("reviews.run", "null", "null date", w -> w.program().reviews().run(null)));
    c.add(bad("reviews.gracePeriod", partnerIds(), v -> "unknown id", (w, id) -> w.program().reviews().gracePeriod(id)));
    c.add(fixed("reviews.gracePeriod", "null", "null id", w -> w.program().reviews().gracePeriod(null)));
    c.add(bad("reviews.history", partnerIds(), v -> "unknown id", (w, id) -> w.program().reviews().history(id)));
    c.add(fixed("reviews.history", "null", "null id", w -> w.program().reviews().history(null)));
  }

  private static void values(List<Case> c) {
    c.add(bad("Money.of", InvalidInput.amountTexts(), v -> v == null ? "null" : "not a number",
        (w, a) -> Money.of(a, "USD")));
    c.add(bad("Money.of", InvalidInput.unknownCurrencyCodes(), v -> "unknown currency", (w, code) -> Money.of("1", code)));
    c.add(bad("Money.of", InvalidInput.inexactAmounts(), v -> "too many decimals", (w, a) -> Money.of(a, "USD")));
    c.add(bad("Money.of", InvalidInput.inexactDecimals(JPY), v -> "too many decimals", (w, a) -> Money.of(a, JPY)));
    c.add(bad("Money.of", InvalidInput.hugeAmounts(), v -> "huge number", (w, a) -> Money.of(a, "JPY")));
    c.add(fixed("Money.of", "null", "null amount and currency", w -> Money.of((BigDecimal) null, null)));
    c.add(fixed("Money", "null", "null currency", w -> Money.ofMinor(1, null)));
    c.add(fixed("Money", "unknown currency", "XAU has no minor unit", w -> Money.zero(Currency.getInstance("XAU"))));
    c.add(bad("Money.plus", SourceDSL.longs().between(1, Long.MAX_VALUE), v -> "huge number",
        (w, n) -> Money.ofMinor(Long.MAX_VALUE, USD).plus(Money.ofMinor(n, USD))));
    c.add(fixed("Money.plus", "unknown currency", "two currencies", w -> Money.of("1", "USD").plus(Money.of("1", "EUR"))));
    c.add(bad("Rate.percent", InvalidInput.percents(), BadInputContract::percentKind, (w, p) -> Rate.percent(p)));
    c.add(bad("Rate.percent", InvalidInput.wholePercents(), v -> "rate out of range", (w, p) -> Rate.percent(p)));
    c.add(bad("Rate.ofBasisPoints", InvalidInput.basisPoints(), v -> "rate out of range", (w, p) -> Rate.ofBasisPoints(p)));
    c.add(fixed("Rate.percent", "null", "null decimal", w -> Rate.percent((BigDecimal) null)));
    c.add(bad("Rate.percent", Generate.pick(List.of("-0.01", "100.01", "1E+3", "12.345")), v -> "rate out of range",
        (w, p) -> Rate.percent(new BigDecimal(p))));
    c.add(bad("QuoteItem", SourceDSL.longs().between(Long.MIN_VALUE, -1), v -> "negative number",
        (w, n) -> QuoteItem.of(Tier.GOLD, n, Money.of("1", "USD"))));
    c.add(fixed("QuoteItem", "null", "null fields", w -> new QuoteItem(null, null, 0, null)));
    c.add(fixed("PartnerProgram.builder", "null", "null clock", w -> PartnerProgram.builder().clock(null)));
    c.add(fixed("PartnerProgram.builder", "null", "null zone", w -> PartnerProgram.builder().zone(null)));
    c.add(fixed("PartnerProgram.builder", "null", "null id generator", w -> PartnerProgram.builder().idGenerator(null)));
    c.add(fixed("PartnerProgram.builder", "null", "null store", w -> PartnerProgram.builder().store(null)));
    c.add(fixed("PartnerProgram.builder", "null", "null settings", w -> PartnerProgram.builder().storage(null)));
    c.add(fixed("PartnerProgram.builder", "null", "null thresholds", w -> PartnerProgram.builder().expiryThresholds(null)));
    c.add(fixed("PartnerProgram.builder", "null", "null requirements",
        w -> PartnerProgram.builder().eligibilityRequirements(null)));
  }

  // ------------------------------------------------------------------ helpers for the cases

  /** A call taking a generated input. */
  @FunctionalInterface
  private interface CallWith<T> {
    @Nullable Object apply(World w, T input) throws IOException;
  }

  private static <T> Case bad(String operation, Gen<T> inputs, Function<T, String> kind, CallWith<T> call) {
    return new Case(operation, inputs.map(v -> new BadCall(operation, kind.apply(v), show(v), w -> call.apply(w, v))));
  }

  private static Case fixed(String operation, String kind, String input, Call call) {
    return new Case(operation, Generate.constant(new BadCall(operation, kind, input, call)));
  }

  private static Gen<PartnerId> partnerIds() {
    return InvalidInput.unknownIds().map(PartnerId::new);
  }

  private static Gen<ClientId> clientIds() {
    return InvalidInput.unknownIds().map(ClientId::new);
  }

  private static Gen<CertificationId> certificationIds() {
    return InvalidInput.unknownIds().map(CertificationId::new);
  }

  private static Gen<Integer> pastDates() {
    return SourceDSL.integers().between(1, 7300);
  }

  private static NewCertification cert(@Nullable String name, CertificationLevel level, LocalDate issue, LocalDate expiry) {
    return new NewCertification(name, SkillArea.CLOUD_OS_ADMINISTRATION, level, Optional.empty(), issue, expiry);
  }

  private static DiscountPolicy policyWith(Function<DiscountPolicy.Builder, DiscountPolicy.Builder> change) {
    return change.apply(validPolicy().toBuilder()).build();
  }

  private static DiscountPolicy validPolicy() {
    return DiscountPolicy.builder().baseRate(Tier.SILVER, "5").baseRate(Tier.GOLD, "10").baseRate(Tier.PLATINUM, "15")
        .volumeStep(10, "2").volumeStep(100, "5").cap("40").build();
  }

  @SuppressWarnings("unchecked")
  private static <T> Set<T> nullSet() {
    Set<T> s = new HashSet<>();
    s.add(null);
    return s;
  }

  private static <T> List<T> pair(@Nullable T a, @Nullable T b) {
    return java.util.Arrays.asList(a, b);
  }

  private static <T> List<T> nullList() {
    List<T> l = new ArrayList<>();
    l.add(null);
    return l;
  }

  private static String textKind(@Nullable String s) {
    if (s == null) {
      return "null";
    }
    if (s.isBlank()) {
      return "blank";
    }
    if (s.codePoints().anyMatch(Character::isISOControl)) {
      return "control character";
    }
    if (!s.matches(Names.TEXT_PATTERN)) {
      return "refused character";
    }
    if (Names.clean(s).isEmpty()) {
      return "blank once cleaned";
    }
    if (!s.matches(Names.EMAIL_PATTERN)) {
      return "invisible character";
    }
    if (!s.equals(s.strip())) {
      return "surrounding white space";
    }
    return s.length() > 100 ? "too long" : "malformed";
  }

  private static String emailKind(@Nullable String s) {
    String kind = textKind(s);
    return kind.equals("malformed") || kind.equals("too long") ? "malformed email" : kind;
  }

  private static String percentKind(@Nullable String s) {
    return s == null ? "null" : "rate out of range";
  }

  private static String show(@Nullable Object v) {
    if (v == null) {
      return "null";
    }
    String s = v.toString();
    StringBuilder out = new StringBuilder();
    // invisible characters (controls, format characters, separators, ...) shown by their code point
    s.codePoints().limit(60).forEach(cp -> out.append(cp != ' ' && !Character.toString(cp).matches(Names.EMAIL_PATTERN)
        ? String.format("\\u%04X", cp) : Character.toString(cp)));
    return "'" + out + "'" + (s.length() > 60 ? " (" + s.length() + " chars)" : "");
  }

  // ------------------------------------------------------------------ the world and its snapshot

  /** The listener the world subscribes: its cursor is part of the snapshot. */
  static final String WATCHER = "bad input watcher";

  /** Builds the world of {@link World} through the public API. */
  protected static World world(PartnerProgram program) {
    PartnerRegistry registry = program.registry();
    LocalDate today = program.today();
    YearMonth month = YearMonth.from(today);
    Partner active = registry.add(new NewPartner("Bad Input Target", "target@x.example", Tier.GOLD));
    Client client = registry.addClient(active.id(), new NewClient("target client", 7));
    registry.addClient(active.id(), new NewClient("second client", 3));
    active = registry.changeTier(active.id(), active.version(), new TierChangeRequest(Tier.PLATINUM, "ops", "grew"));
    Partner inactive = registry.add(new NewPartner("Sleeping Partner", "sleep@x.example", Tier.SILVER));
    Client otherClient = registry.addClient(inactive.id(), new NewClient("sleeping client", 2));
    inactive = registry.deactivate(inactive.id(), inactive.version());
    PolicyVersion policy = program.discounts().setPolicy(validPolicy(), PolicyChange.today("ops", "launch"));
    program.discounts().adjust(active.id(), AdjustmentRequest.extra(Rate.percent(2), "ops", "deal"));
    CertificationTracker certs = program.certifications();
    TrackedCertification first = certs.add(active.id(), new NewCertification("Cloud Admin",
        SkillArea.CLOUD_OS_ADMINISTRATION, CertificationLevel.ADVANCED, Optional.of("Ann"), today.minusDays(100),
        today.plusDays(200)));
    TrackedCertification renewed = certs.renew(first.id(), first.certification().version(),
        new Renewal(today, today.plusDays(400)));
    TrackedCertification doomed = certs.add(active.id(), cert("Fleet", CertificationLevel.BASIC, today.minusDays(5), today.plusDays(50)));
    Certification revoked = certs.revoke(doomed.id(), doomed.certification().version(), new Revocation("ops", "fraud"));
    RevenueLedger ledger = program.revenue();
    ledger.record(RevenueRecording.of(active.id(), month.minusMonths(1), Money.of("1234.56", "USD"), "rec-1").withCounts(10, 2));
    ledger.correct(RevenueCorrection.of(active.id(), month.minusMonths(1), "fix-1", "typo").withMrr(Money.of("1300.00", "USD")));
    ledger.record(RevenueRecording.of(active.id(), month, Money.of("99", "EUR"), "rec-2"));
    program.reviews().run(); // a reviewed day: later calls for earlier days are refused
    program.events().subscribe(WATCHER, r -> { }); // a stored cursor, which no invalid call may move
    program.events().deliverPending();
    return new World(program, active, inactive, client, otherClient, renewed, revoked, policy, today, month);
  }

  /**
   * Everything the program holds, read through the public API and rendered as text: partners with
   * versions, clients, tier histories, adjustments, certification histories, ledger rows with their
   * corrections, the policy history, the certification counts and the whole CSV export. Two stores
   * with the same content give the same text.
   */
  public static String snapshot(PartnerProgram program) {
    StringBuilder out = new StringBuilder();
    PartnerRegistry registry = program.registry();
    YearMonth month = YearMonth.from(program.today());
    MonthRange recent = new MonthRange(month.minusMonths(RevenueLedger.MAX_REPORT_MONTHS - 1L), month);
    for (Partner p : registry.list(PartnerQuery.all().withPage(0, PartnerQuery.MAX_LIMIT)).items()) {
      out.append(p).append('\n');
      registry.clients(p.id()).forEach(c -> out.append("  client ").append(c).append('\n'));
      registry.tierHistory(p.id()).forEach(t -> out.append("  tier ").append(t).append('\n'));
      program.discounts().adjustmentHistory(p.id()).forEach(a -> out.append("  adjustment ").append(a).append('\n'));
      program.certifications().history(p.id()).forEach(c -> out.append("  certification ").append(c).append('\n'));
      program.reviews().gracePeriod(p.id()).ifPresent(g -> out.append("  grace ").append(g).append('\n'));
      program.reviews().history(p.id()).forEach(o -> out.append("  review ").append(o).append('\n'));
      for (MonthReport m : program.revenue().partnerReport(p.id(), recent).months()) {
        program.revenue().history(p.id(), m.entry().month()).forEach(e -> out.append("  ledger ").append(e).append('\n'));
      }
    }
    program.discounts().policyHistory().forEach(v -> out.append("policy ").append(v).append('\n'));
    out.append("review policy ").append(program.reviews().policy()).append('\n');
    out.append("counts ").append(program.certifications().counts()).append('\n');
    program.events().after(0, DomainEvents.MAX_PAGE).forEach(e -> out.append("event ").append(e).append('\n'));
    out.append("last event ").append(program.events().lastSequence()).append('\n');
    try {
      out.append("cursor of '").append(WATCHER).append("' ").append(program.events().cursor(WATCHER)).append('\n');
    } catch (NotFoundException e) {
      out.append("no cursor '").append(WATCHER).append("'\n");
    }
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    try {
      program.revenue().exportCsv(RevenueFilter.all(), csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.append(csv.toString(StandardCharsets.UTF_8));
    return out.toString();
  }

  // ------------------------------------------------------------------ the property

  @Test
  @DisplayName("every invalid call across the public API fails with a typed validation or not-found error and changes nothing")
  void invalidInputChangesNothing(TestReporter reporter) {
    PartnerProgram program = context().program();
    World world = world(program);
    String before = snapshot(program);
    Map<String, Integer> byOperation = new TreeMap<>();
    Map<String, Integer> byKind = new TreeMap<>();
    int[] examples = {0};
    List<AssertionError> failures = new ArrayList<>();
    for (Case c : operations()) {
      try {
        qt().withExamples(examplesPerCase()).withShrinkCycles(10).forAll(c.calls()).checkAssert(bad -> {
          examples[0]++;
          byOperation.merge(bad.operation(), 1, Integer::sum);
          byKind.merge(bad.kind(), 1, Integer::sum);
          expectTypedFailure(world, bad);
          assertUnchanged(before, snapshot(program), bad + " changed the store");
        });
      } catch (AssertionError e) {
        // every failing case is reported at once; the store must still be unchanged for the next
        failures.add(e);
        assertUnchanged(before, snapshot(program), c.operation() + " changed the store");
      }
    }
    if (!failures.isEmpty()) {
      AssertionError all = new AssertionError(failures.size() + " of " + operations().size() + " cases failed:\n"
          + String.join("\n", failures.stream().map(f -> String.valueOf(f.getMessage())).toList()));
      failures.forEach(all::addSuppressed);
      throw all;
    }
    Tried tried = new Tried(operations().size(), examples[0], byOperation, byKind);
    reporter.publishEntry("bad-input figures [" + program.store().description() + "]", tried.toString());
    assertTrue(examples[0] >= operations().size(), "every case ran");
  }

  /** Fails naming the lines that differ, if {@code after} is not {@code before}. */
  static void assertUnchanged(String before, String after, String message) {
    if (before.equals(after)) {
      return;
    }
    List<String> was = List.of(before.split("\n", -1));
    List<String> now = List.of(after.split("\n", -1));
    StringBuilder diff = new StringBuilder(message).append(':');
    was.stream().filter(l -> !now.contains(l)).limit(10).forEach(l -> diff.append("\n  - ").append(l));
    now.stream().filter(l -> !was.contains(l)).limit(10).forEach(l -> diff.append("\n  + ").append(l));
    throw new AssertionError(diff.toString());
  }

  /** Makes the call and checks that it failed with a validation (with violations) or not-found error. */
  static void expectTypedFailure(World world, BadCall bad) {
    Object result;
    try {
      result = bad.call().apply(world);
    } catch (ValidationException e) {
      assertFalse(e.violations().isEmpty(), bad + ": a validation error lists its violations");
      return;
    } catch (NotFoundException e) {
      return;
    } catch (IOException | RuntimeException e) {
      throw new AssertionError(bad + " failed with " + e + " instead of a validation or not-found error", e);
    }
    throw new AssertionError(bad + " was accepted: " + (result instanceof Optional<?> o ? o : String.valueOf(result)));
  }
}
