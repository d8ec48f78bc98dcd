package cloud.quazzar.partner.testkit.tck;

import static cloud.quazzar.partner.testkit.tck.BadInputContract.bad;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.clientIds;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.fixed;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.partnerIds;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.textKind;

import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.SortDirection;
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
