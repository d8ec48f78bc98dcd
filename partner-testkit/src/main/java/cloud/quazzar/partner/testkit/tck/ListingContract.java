package cloud.quazzar.partner.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ContactUpdate;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The partners list's contract (rules LIST-1 to LIST-3 of docs/rules.md), mounted in {@link
 * StoreTck} as the group "Partner lists": the three orders in both directions with their
 * tie-break, filters, name and email search (LIKE's wildcards are ordinary characters), keyset
 * pages that cover a listing exactly once also while partners are added, renamed and removed
 * between pages, signed page tokens, and counts. The expected orders are written out by hand.
 *
 * <p>The test clock starts at {@link StoreTck#START}.
 */
@ExtendWith(PromiseMessages.class)
public abstract class ListingContract {
  /**
   * The store, clock and program of the running test, from {@link StoreTck#context()}.
   *
   * @return the running test's context
   */
  protected abstract TckContext context();

  private PartnerRegistry registry() {
    return context().program().registry();
  }

  private TestClock clock() {
    return context().clock();
  }

  private Partner add(String name, Tier tier) {
    return registry().add(new NewPartner(name, name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT)
        + "@partner.example", tier));
  }

  /** Every page of {@code query}, {@code limit} at a time, as company names in order. */
  private List<String> allPages(PartnerQuery query, int limit) {
    List<String> names = new ArrayList<>();
    PartnerQuery q = query.withLimit(limit);
    for (int pages = 0; pages < 1000; pages++) {
      Page<Partner> page = registry().list(q);
      assertTrue(page.items().size() <= limit, "a page holds at most its limit: " + page);
      page.items().forEach(p -> names.add(p.companyName()));
      if (page.nextPageToken().isEmpty()) {
        return names;
      }
      assertEquals(limit, page.items().size(), "only the last page may be short: " + page);
      q = q.withPageToken(page.nextPageToken().get());
    }
    throw new AssertionError("more than 1,000 pages: the pages do not end");
  }

  private static List<String> reversed(List<String> names) {
    List<String> out = new ArrayList<>(names);
    Collections.reverse(out);
    return out;
  }

  /**
   * Five partners: added at three times, in three tiers, names in mixed case. delta and echo at
   * START, charlie and Bravo a second later, Alpha a second after that.
   */
  private void five() {
    add("delta", Tier.GOLD);
    add("echo", Tier.SILVER);
    clock().advance(Duration.ofSeconds(1));
    add("charlie", Tier.PLATINUM);
    add("Bravo", Tier.GOLD);
    clock().advance(Duration.ofSeconds(1));
    add("Alpha", Tier.SILVER);
  }

  @Test
  @DisplayName("LIST-1: by name key, created time or tier, then name key; descending reverses every part; any page size")
  void ordersBothWays() {
    five();
    List<String> byName = List.of("Alpha", "Bravo", "charlie", "delta", "echo");
    List<String> byCreated = List.of("delta", "echo", "Bravo", "charlie", "Alpha");
    List<String> byTier = List.of("Alpha", "echo", "Bravo", "delta", "charlie");
    for (int limit : new int[] {1, 2, 5, 50}) {
      PartnerQuery all = PartnerQuery.all();
      assertEquals(byName, allPages(all, limit), "by name, pages of " + limit);
      assertEquals(reversed(byName), allPages(all.sortedBy(PartnerSort.NAME, SortDirection.DESCENDING), limit),
          "by name descending, pages of " + limit);
      assertEquals(byCreated, allPages(all.sortedBy(PartnerSort.CREATED, SortDirection.ASCENDING), limit),
          "by created time then name, pages of " + limit);
      assertEquals(reversed(byCreated), allPages(all.sortedBy(PartnerSort.CREATED, SortDirection.DESCENDING), limit),
          "by created time descending, name descending among equal times, pages of " + limit);
      assertEquals(byTier, allPages(all.sortedBy(PartnerSort.TIER, SortDirection.ASCENDING), limit),
          "by tier rank then name, pages of " + limit);
      assertEquals(reversed(byTier), allPages(all.sortedBy(PartnerSort.TIER, SortDirection.DESCENDING), limit),
          "by tier rank descending, name descending within a tier, pages of " + limit);
    }
  }

  @Test
  @DisplayName("LIST-1: the last page holds no token, also when the partners fill it exactly; an empty list is one empty page")
  void lastPage() {
    Page<Partner> empty = registry().list(PartnerQuery.all());
    assertEquals(List.of(), empty.items(), "no partner, no item");
    assertFalse(empty.hasNext(), "an empty list has no next page");
    for (int i = 0; i < 4; i++) {
      add("P" + i, Tier.SILVER);
    }
    Page<Partner> first = registry().list(PartnerQuery.all().withLimit(2));
    assertTrue(first.hasNext(), "two of four partners: a next page");
    Page<Partner> second = registry().list(PartnerQuery.all().withLimit(2).withPageToken(first.nextPageToken().get()));
    assertEquals(List.of("P2", "P3"), second.items().stream().map(Partner::companyName).toList());
    assertFalse(second.hasNext(), "the page that ends the list exactly has no token: " + second);
  }

  @Test
  @DisplayName("LIST-1: tier and status filters select exactly the matching partners; count counts them")
  void filters() {
    Partner s = add("S1", Tier.SILVER);
    add("G1", Tier.GOLD);
    add("G2", Tier.GOLD);
    Partner p = add("P1", Tier.PLATINUM);
    registry().deactivate(p.id(), 1);
    registry().deactivate(s.id(), 1);
    assertEquals(List.of("G1", "G2"), allPages(PartnerQuery.all().withTiers(Tier.GOLD), 1));
    assertEquals(2, registry().count(PartnerQuery.all().withTiers(Tier.GOLD)));
    assertEquals(List.of("P1", "S1"), allPages(PartnerQuery.all().withStatuses(PartnerStatus.INACTIVE), 1));
    PartnerQuery none = PartnerQuery.all().withTiers(Tier.SILVER, Tier.PLATINUM).withStatuses(PartnerStatus.ACTIVE);
    assertEquals(List.of(), allPages(none, 10), "no partner matches both filters");
    assertEquals(0, registry().count(none));
    assertEquals(4, registry().count(PartnerQuery.all()));
    assertEquals(4, registry().count(PartnerQuery.all().withLimit(1)), "count ignores the page size");
  }

  @Test
  @DisplayName("LIST-1: listed partners carry their client totals")
  void listedTotals() {
    Partner a = add("With Clients", Tier.GOLD);
    registry().addClient(a.id(), new NewClient("c1", 30));
    registry().addClient(a.id(), new NewClient("c2", 20));
    add("Without Clients", Tier.GOLD);
    List<Partner> items = registry().list(PartnerQuery.all()).items();
    assertEquals(List.of(50L, 2L, 0L, 0L), List.of(items.get(0).serverCount(), items.get(0).clientCount(),
        items.get(1).serverCount(), items.get(1).clientCount()));
  }

  @Test
  @DisplayName("LIST-1: name prefix and name contains compare name keys (case and spacing aside); email contains ignores ASCII case")
  void search() {
    five();
    add("Alpha Two", Tier.GOLD);
    add("Zulu Hosting", Tier.PLATINUM);
    assertEquals(List.of("Alpha", "Alpha Two"), allPages(PartnerQuery.all().withNamePrefix("al"), 1));
    assertEquals(List.of("Alpha Two"), allPages(PartnerQuery.all().withNamePrefix("  ALPHA   t"), 1),
        "the search text's key: case and white space as in a name key");
    assertEquals(List.of("Alpha", "Alpha Two", "charlie"), allPages(PartnerQuery.all().withNameContaining("HA"), 2));
    assertEquals(List.of("Zulu Hosting"), allPages(PartnerQuery.all().withNameContaining("lu ho"), 2));
    assertEquals(List.of("Alpha", "Alpha Two"), allPages(PartnerQuery.all().withEmailContaining("ALPHA"), 2));
    assertEquals(List.of("Alpha Two"), allPages(PartnerQuery.all().withEmailContaining("pha").withTiers(Tier.GOLD), 2),
        "search and filters combine");
    assertEquals(List.of("Alpha Two", "Alpha"), allPages(PartnerQuery.all().withNamePrefix("alpha")
        .sortedBy(PartnerSort.NAME, SortDirection.DESCENDING), 1), "a search pages in any order");
    assertEquals(2, registry().count(PartnerQuery.all().withNamePrefix("alpha")));
    assertEquals(List.of(), allPages(PartnerQuery.all().withNamePrefix("alphab"), 5), "no match, no item");
  }

  @Test
  @DisplayName("LIST-1: %, _ and \\ in a search text are ordinary characters, not wildcards or escapes")
  void searchWildcardsAreText() {
    add("100% Cloud", Tier.SILVER);
    add("1000 Cloud", Tier.SILVER);
    add("a_b Hosting", Tier.SILVER);
    add("axb Hosting", Tier.SILVER);
    add("back\\slash", Tier.SILVER);
    add("backslash", Tier.SILVER);
    assertEquals(List.of("100% Cloud"), allPages(PartnerQuery.all().withNamePrefix("100%"), 5));
    assertEquals(List.of("a_b Hosting"), allPages(PartnerQuery.all().withNameContaining("_"), 5));
    assertEquals(List.of("a_b Hosting"), allPages(PartnerQuery.all().withNamePrefix("a_"), 5));
    assertEquals(List.of("back\\slash"), allPages(PartnerQuery.all().withNameContaining("k\\s"), 5));
    assertEquals(List.of(), allPages(PartnerQuery.all().withEmailContaining("%"), 5), "emails hold no %");
  }

  @Test
  @DisplayName("LIST-1: pages never skip or repeat a partner that exists throughout, while others are added, renamed and deactivated")
  void stableUnderConcurrentChanges() {
    List<String> names = List.of("b1", "b3", "b5", "b7", "b9", "c1", "c3");
    List<Partner> added = new ArrayList<>();
    for (String n : names) {
      added.add(add(n, Tier.GOLD));
    }
    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    PartnerQuery q = PartnerQuery.all().withStatuses(PartnerStatus.ACTIVE).withLimit(2);
    Page<Partner> page = registry().list(q);
    int round = 0;
    while (true) {
      for (Partner p : page.items()) {
        assertTrue(seen.add(p.companyName()), "a partner appears on two pages: " + p.companyName() + " after " + order);
        order.add(p.companyName());
      }
      // between the first pages: rows before and after the position appear, one is renamed, one
      // deactivated
      if (round < 2) {
        add("a" + round, Tier.GOLD);
        add("b" + (2 * round + 2) + "x", Tier.GOLD);
        add("z" + round, Tier.GOLD);
      }
      if (round == 1) {
        Partner last = added.get(6);
        registry().updateContact(last.id(), last.version(), new ContactUpdate("c4", last.contactEmail()));
        Partner gone = added.get(5);
        registry().deactivate(gone.id(), gone.version());
      }
      round++;
      if (page.nextPageToken().isEmpty()) {
        break;
      }
      page = registry().list(q.withPageToken(page.nextPageToken().get()));
    }
    for (String n : List.of("b1", "b3", "b5", "b7", "b9", "c4")) {
      assertTrue(seen.contains(n), n + " existed throughout but no page listed it: " + order);
    }
    assertFalse(seen.contains("c1"), "c1 was deactivated before the list reached it: " + order);
    List<String> sorted = new ArrayList<>(order);
    Collections.sort(sorted);
    assertEquals(sorted, order, "the pages together are in name order");
  }

  @Test
  @DisplayName("LIST-2: a changed token, a made-up one, or one of another query is a ValidationException on pageToken; a token may change page size")
  void tokens() {
    five();
    PartnerQuery gold = PartnerQuery.all().withTiers(Tier.GOLD, Tier.SILVER).withLimit(1);
    String token = registry().list(gold).nextPageToken().orElseThrow();
    assertEquals(List.of("Bravo", "delta"), registry().list(gold.withLimit(2).withPageToken(token)).items().stream()
        .map(Partner::companyName).toList(), "the same query with another page size continues the list");
    int middle = token.length() / 2;
    String changed = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);
    String notOurs = "is not a page token this listing made: give back a nextPageToken unchanged, with the query that"
        + " returned it";
    for (String bad : List.of(changed, "AAAA", "not a token!", token + "A", token.substring(1))) {
      ValidationException e = assertThrows(ValidationException.class, () -> registry().list(gold.withPageToken(bad)),
          "token " + bad);
      assertEquals(List.of(new Violation("pageToken", notOurs)), e.violations(), "token " + bad);
    }
    ValidationException other = assertThrows(ValidationException.class,
        () -> registry().list(PartnerQuery.all().withTiers(Tier.GOLD).withPageToken(token)));
    assertEquals(List.of(new Violation("pageToken", "belongs to another query (its filters or sort differ): start again"
        + " from the first page")), other.violations());
    assertThrows(ValidationException.class,
        () -> registry().list(gold.sortedBy(PartnerSort.CREATED, SortDirection.ASCENDING).withPageToken(token)),
        "a token of another order");
  }

  /** Every page of {@code partner}'s clients through {@code lister}, {@code limit} at a time, as names. */
  private static List<String> allClientPages(Function<PageRequest, Page<Client>> lister, int limit) {
    List<String> names = new ArrayList<>();
    PageRequest request = PageRequest.first(limit);
    for (int pages = 0; pages < 1000; pages++) {
      Page<Client> page = lister.apply(request);
      page.items().forEach(c -> names.add(c.name()));
      if (page.nextPageToken().isEmpty()) {
        return names;
      }
      assertEquals(limit, page.items().size(), "only the last page may be short: " + page);
      request = request.withPageToken(page.nextPageToken().get());
    }
    throw new AssertionError("more than 1,000 pages: the pages do not end");
  }

  @Test
  @DisplayName("LIST-1: a partner's clients page by name key, in the registry and in the portal, never skipping one added meanwhile")
  void clientPages() {
    Partner p = add("Owner", Tier.GOLD);
    Partner other = add("Other", Tier.GOLD);
    for (String n : List.of("delta", "Alpha", "charlie", "Bravo", "echo")) {
      registry().addClient(p.id(), new NewClient(n, 1));
    }
    registry().addClient(other.id(), new NewClient("not mine", 1));
    List<String> byName = List.of("Alpha", "Bravo", "charlie", "delta", "echo");
    for (int limit : new int[] {1, 2, 5, 6}) {
      assertEquals(byName, allClientPages(r -> registry().clients(p.id(), r), limit), "registry, pages of " + limit);
      assertEquals(byName, allClientPages(r -> context().program().portal(p.id()).clients(r), limit),
          "portal, pages of " + limit);
    }
    Page<Client> first = registry().clients(p.id(), PageRequest.first(2));
    registry().addClient(p.id(), new NewClient("aaa", 1)); // before the position: not on later pages
    registry().addClient(p.id(), new NewClient("zulu", 1)); // after it: on a later page
    List<String> rest = allClientPages(r -> registry().clients(p.id(), r.pageToken().isPresent() ? r
        : r.withPageToken(first.nextPageToken().orElseThrow())), 2);
    assertEquals(List.of("charlie", "delta", "echo", "zulu"), rest, "the pages after the first, with zulu added meanwhile");
  }

  @Test
  @DisplayName("LIST-2: a token of one partner's clients is refused for another partner's, in the registry and the portal")
  void clientTokensStayWithTheirPartner() {
    Partner p = add("Owner", Tier.GOLD);
    Partner other = add("Other", Tier.GOLD);
    for (String n : List.of("a", "b", "c")) {
      registry().addClient(p.id(), new NewClient(n, 1));
      registry().addClient(other.id(), new NewClient(n, 1));
    }
    String token = registry().clients(p.id(), PageRequest.first(1)).nextPageToken().orElseThrow();
    Violation another = new Violation("pageToken", "belongs to another query (its filters or sort differ): start again"
        + " from the first page");
    assertEquals(List.of(another), assertThrows(ValidationException.class,
        () -> registry().clients(other.id(), PageRequest.first(1).withPageToken(token))).violations());
    assertEquals(List.of(another), assertThrows(ValidationException.class,
        () -> context().program().portal(other.id()).clients(PageRequest.first(1).withPageToken(token))).violations(),
        "the other partner's portal refuses it too");
    assertThrows(ValidationException.class, () -> registry().list(PartnerQuery.all().withPageToken(token)),
        "a clients token is no partners token");
    assertEquals(List.of("limit"), assertThrows(ValidationException.class,
        () -> registry().clients(p.id(), PageRequest.first(PageRequest.MAX_LIMIT + 1))).fields());
  }

  @Test
  @DisplayName("LIST-1, LIST-2: a partner's tier history pages oldest first, entries appended meanwhile come on later pages, and its token stays with the partner")
  void tierHistoryPages() {
    Partner p = add("Climber", Tier.SILVER);
    Partner other = add("Other", Tier.SILVER);
    Tier[] tiers = {Tier.GOLD, Tier.PLATINUM, Tier.GOLD, Tier.SILVER, Tier.GOLD};
    for (Tier t : tiers) {
      Partner now = registry().get(p.id());
      registry().changeTier(p.id(), now.version(), new TierChangeRequest(t, "admin", "step to " + t));
    }
    List<Integer> sequences = new ArrayList<>();
    List<Tier> reached = new ArrayList<>();
    PageRequest request = PageRequest.first(2);
    Page<TierChange> page = registry().tierHistory(p.id(), request);
    String firstToken = page.nextPageToken().orElseThrow();
    Partner now = registry().get(p.id());
    registry().changeTier(p.id(), now.version(), new TierChangeRequest(Tier.PLATINUM, "admin", "appended meanwhile"));
    while (true) {
      page.items().forEach(c -> {
        sequences.add(c.sequence());
        reached.add(c.to());
      });
      if (page.nextPageToken().isEmpty()) {
        break;
      }
      request = request.withPageToken(page.nextPageToken().get());
      page = registry().tierHistory(p.id(), request);
    }
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), sequences, "every entry once, oldest first");
    assertEquals(List.of(Tier.SILVER, Tier.GOLD, Tier.PLATINUM, Tier.GOLD, Tier.SILVER, Tier.GOLD, Tier.PLATINUM), reached);
    assertEquals(List.of("pageToken"), assertThrows(ValidationException.class,
        () -> registry().tierHistory(other.id(), PageRequest.first(2).withPageToken(firstToken))).fields(),
        "a token of one partner's history is refused for another's");
  }

  @Test
  @DisplayName("LIST-3: search texts are checked: blank, too long, control characters, or with an empty key")
  void searchTextsChecked() {
    String tooLong = "x".repeat(PartnerQuery.MAX_SEARCH_LENGTH + 1);
    assertEquals(List.of("emailContains", "nameContains", "namePrefix"), assertThrows(ValidationException.class,
        () -> registry().list(PartnerQuery.all().withNamePrefix(" ").withNameContaining(tooLong).withEmailContaining("a\u0000")))
        .fields());
    assertEquals(List.of(new Violation("namePrefix",
        "must hold a letter, digit or other visible character (its key, Names.key, is empty)")),
        assertThrows(ValidationException.class, () -> registry().list(PartnerQuery.all().withNamePrefix("\u200B")))
            .violations(), "a zero width space alone has an empty key");
  }
}
