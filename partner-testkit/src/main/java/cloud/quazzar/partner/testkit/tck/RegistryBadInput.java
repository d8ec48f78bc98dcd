package cloud.quazzar.partner.testkit.tck;

import static cloud.quazzar.partner.testkit.tck.BadInputContract.USD;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.bad;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.clientIds;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.fixed;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.partnerIds;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.textKind;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ContactUpdate;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.testkit.generators.InvalidInput;
import cloud.quazzar.partner.testkit.tck.BadInputContract.Case;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The bad-input cases of the partner registry (partners, tier changes, clients, listing), run by
 * {@link BadInputContract} as the dynamic tests of its "registry" container: one {@link Case} per
 * operation and kind of bad input.
 */
@SuppressWarnings({"NullAway", "NullOptional"}) // passes null requests, ids and fields on purpose: ValidationException expected
final class RegistryBadInput {
  private static final Currency EUR = Currency.getInstance("EUR");

  private RegistryBadInput() {}

  /** Adds this capability's cases to {@code c}. */
  static void cases(List<Case> c) {
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
    c.add(bad("registry.tierHistory", partnerIds(), v -> "unknown id", (w, id) -> w.registry().tierHistory(id, PageRequest.first(PageRequest.MAX_LIMIT)).items()));
    c.add(bad("registry.clients", partnerIds(), v -> "unknown id", (w, id) -> w.registry().clients(id, PageRequest.first(PageRequest.MAX_LIMIT)).items()));
    c.add(bad("registry.list", Generate.oneOf(SourceDSL.integers().between(Integer.MIN_VALUE, 0),
            SourceDSL.integers().between(PartnerQuery.MAX_LIMIT + 1, Integer.MAX_VALUE)), v -> "number out of range",
        (w, l) -> w.registry().list(PartnerQuery.all().withLimit(l))));
    Gen<@Nullable String> search = InvalidInput.freeText(PartnerQuery.MAX_SEARCH_LENGTH);
    c.add(bad("registry.list", search, BadInputContract::textKind,
        (w, t) -> w.registry().list(PartnerQuery.all().withNamePrefix(t))));
    c.add(bad("registry.count", search, BadInputContract::textKind,
        (w, t) -> w.registry().count(PartnerQuery.all().withNameContaining(t))));
    c.add(bad("registry.list", SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(1, 40), v -> "forged page token",
        (w, t) -> w.registry().list(PartnerQuery.all().withPageToken(t))));
    c.add(fixed("registry.list", "null", "null query", w -> w.registry().list(null)));
    c.add(fixed("registry.count", "null", "null query", w -> w.registry().count(null)));
    c.add(fixed("registry.list", "null", "null tier set",
        w -> w.registry().list(query(null, Set.of()))));
    c.add(fixed("registry.list", "null", "a null tier in the set",
        w -> w.registry().list(query(nullSet(), Set.of(PartnerStatus.ACTIVE)))));
    // LIST-5: the filters and sorts on aggregates
    c.add(bad("registry.list", InvalidInput.negativeCounts(), v -> "negative number",
        (w, n) -> w.registry().list(PartnerQuery.all().withServerCountAtLeast(n))));
    c.add(bad("registry.count", InvalidInput.negativeCounts(), v -> "negative number",
        (w, n) -> w.registry().count(PartnerQuery.all().withClientCountAtMost(n))));
    Gen<List<Long>> reversed = SourceDSL.longs().between(1, Long.MAX_VALUE)
        .zip(SourceDSL.longs().between(0, Long.MAX_VALUE - 1), (a, b) -> List.of(Math.max(a, b + 1), Math.min(a - 1, b)));
    c.add(bad("registry.list", reversed, v -> "minimum above maximum",
        (w, v) -> w.registry().list(PartnerQuery.all().withServerCountBetween(v.get(0), v.get(1)))));
    c.add(bad("registry.count", reversed, v -> "minimum above maximum",
        (w, v) -> w.registry().count(PartnerQuery.all().withClientCountBetween(v.get(0), v.get(1)))));
    c.add(bad("registry.list", InvalidInput.negativeMoney(), v -> "negative number",
        (w, m) -> w.registry().list(PartnerQuery.all().withMrrAtLeast(w.month(), m))));
    c.add(bad("registry.list", SourceDSL.longs().between(0, Long.MAX_VALUE), v -> "currency mismatch",
        (w, n) -> w.registry().list(PartnerQuery.all().withMrrBetween(w.month(), Money.ofMinor(0, USD),
            Money.ofMinor(n, EUR)))));
    c.add(bad("registry.count", SourceDSL.longs().between(1, Long.MAX_VALUE), v -> "minimum above maximum",
        (w, n) -> w.registry().count(PartnerQuery.all().withMrrBetween(w.month(), Money.ofMinor(n, USD),
            Money.ofMinor(n - 1, USD)))));
    Gen<YearMonth> farMonths = Generate.oneOf(SourceDSL.integers().between(1, 1200)
        .map(n -> PartnerQuery.EARLIEST_MONTH.minusMonths(n)), SourceDSL.integers().between(1, 1200)
        .map(n -> PartnerQuery.LATEST_MONTH.plusMonths(n)));
    c.add(bad("registry.list", farMonths, v -> "month out of range",
        (w, m) -> w.registry().list(PartnerQuery.all().withMrrAtMost(m, Money.ofMinor(100, USD)))));
    c.add(bad("registry.list", farMonths, v -> "month out of range",
        (w, m) -> w.registry().list(PartnerQuery.all().sortedByMrr(m, USD, SortDirection.DESCENDING))));
    c.add(fixed("registry.list", "missing month", "an MRR bound without its month",
        w -> w.registry().list(copy(PartnerQuery.all(), Set.of(), Optional.empty(), Optional.of(Money.ofMinor(1, USD)),
            PartnerSort.NAME, Optional.empty(), Optional.empty()))));
    c.add(fixed("registry.count", "missing bound", "an MRR month without a bound",
        w -> w.registry().count(copy(PartnerQuery.all(), Set.of(), Optional.of(w.month()), Optional.empty(),
            PartnerSort.NAME, Optional.empty(), Optional.empty()))));
    c.add(fixed("registry.list", "missing month", "the MRR sort without its month and currency",
        w -> w.registry().list(PartnerQuery.all().sortedBy(PartnerSort.MRR, SortDirection.ASCENDING))));
    c.add(fixed("registry.list", "sort month without the MRR sort", "a sort month and currency with the name order",
        w -> w.registry().list(copy(PartnerQuery.all(), Set.of(), Optional.empty(), Optional.empty(), PartnerSort.NAME,
            Optional.of(w.month()), Optional.of(USD)))));
    c.add(fixed("registry.list", "no minor unit", "the MRR sort in XXX",
        w -> w.registry().list(PartnerQuery.all().sortedByMrr(w.month(), Currency.getInstance("XXX"),
            SortDirection.ASCENDING))));
    c.add(fixed("registry.list", "null", "a null certification status set",
        w -> w.registry().list(copy(PartnerQuery.all(), null, Optional.empty(), Optional.empty(), PartnerSort.NAME,
            Optional.empty(), Optional.empty()))));
    c.add(fixed("registry.count", "null", "a null certification status",
        w -> w.registry().count(PartnerQuery.all().withCertificationStatuses(CertificationStatus.EXPIRED,
            (CertificationStatus) null))));
    c.add(fixed("registry.list", "several fields", "every aggregate filter wrong at once",
        w -> w.registry().list(PartnerQuery.all().withServerCountBetween(-1, -2).withClientCountBetween(5, 4)
            .withMrrBetween(PartnerQuery.LATEST_MONTH.plusMonths(1), Money.ofMinor(-5, USD), Money.ofMinor(1, EUR))
            .sortedBy(PartnerSort.MRR, SortDirection.DESCENDING))));
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

  /**
   * {@code q} with the certification statuses, MRR filter, sort and sort month and currency given
   * (the canonical constructor, so that they may contradict each other).
   */
  private static PartnerQuery copy(PartnerQuery q, @Nullable Set<CertificationStatus> certificationStatuses,
      Optional<YearMonth> mrrMonth, Optional<Money> minMrr, PartnerSort sort, Optional<YearMonth> sortMonth,
      Optional<Currency> sortCurrency) {
    return new PartnerQuery(q.tiers(), q.statuses(), q.namePrefix(), q.nameContains(), q.emailContains(),
        certificationStatuses, q.minServerCount(), q.maxServerCount(), q.minClientCount(), q.maxClientCount(), mrrMonth,
        minMrr, q.maxMrr(), sort, q.direction(), sortMonth, sortCurrency, q.limit(), q.pageToken());
  }

  /** Every partner, by name, 10 a page, with the tier and status sets given (the canonical constructor). */
  private static PartnerQuery query(@Nullable Set<Tier> tiers, @Nullable Set<PartnerStatus> statuses) {
    PartnerQuery all = PartnerQuery.all();
    return new PartnerQuery(tiers, statuses, Optional.empty(), Optional.empty(), Optional.empty(), Set.of(),
        all.minServerCount(), all.maxServerCount(), all.minClientCount(), all.maxClientCount(), Optional.empty(),
        Optional.empty(), Optional.empty(), PartnerSort.NAME, SortDirection.ASCENDING, Optional.empty(), Optional.empty(),
        10, Optional.empty());
  }

  @SuppressWarnings("unchecked")
  private static <T> Set<T> nullSet() {
    Set<T> s = new HashSet<>();
    s.add(null);
    return s;
  }
}
