package cloud.quazzar.partner.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.ExpiryThresholds;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Renewal;
import cloud.quazzar.partner.certification.Revocation;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TrackedCertification;
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
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.spi.ClientTotals;
import cloud.quazzar.partner.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The partners list's contract (rules LIST-1 to LIST-3 and LIST-5 of docs/rules.md), mounted in
 * {@link StoreTck} as the group "Partner lists": the orders in both directions with their
 * tie-break, filters, name and email search (LIKE's wildcards are ordinary characters), keyset
 * pages that cover a listing exactly once also while partners are added, renamed and removed
 * between pages, signed page tokens, and counts. The expected orders are written out by hand.
 *
 * <p>LIST-5, the filters and sorts by aggregates: the certification status filter (agreeing with
 * the tracker's own statuses, on the program's date in its zone with its thresholds, also another
 * program's on the same store), server and client count ranges, the MRR range of a month in one
 * currency (the current revision only), the orders by server count, client count and MRR with
 * their tie-breaks, pages that cover them exactly once while other partners' aggregates change,
 * and, through the SPI, that a store's client totals equal the sums over the clients after random
 * changes, two threads changing one partner's clients at once, and a rolled-back transaction.
 *
 * <p>The test clock starts at {@link StoreTck#START}: today is 2026-01-15, this month 2026-01.
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

  // ------------------------------------------------------------------ LIST-5: aggregates

  private static final YearMonth JANUARY = YearMonth.of(2026, 1);
  private static final YearMonth DECEMBER = YearMonth.of(2025, 12);
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency EUR = Currency.getInstance("EUR");

  private int keys;

  private LocalDate today() {
    return context().program().today();
  }

  /** A current BASIC certification of {@code p} whose last valid day is {@code expiry}. */
  private TrackedCertification certify(Partner p, LocalDate expiry) {
    return context().program().certifications().add(p.id(), new NewCertification("Cert " + keys++,
        SkillArea.CLOUD_OS_ADMINISTRATION, CertificationLevel.BASIC, Optional.empty(), expiry.minusDays(700), expiry));
  }

  private void record(Partner p, YearMonth month, String mrr, Currency currency) {
    context().program().revenue().record(RevenueRecording.of(p.id(), month, Money.of(mrr, currency.getCurrencyCode()),
        "rec-" + keys++));
  }

  private void correct(Partner p, YearMonth month, String mrr, Currency currency) {
    context().program().revenue().correct(RevenueCorrection.of(p.id(), month, "fix-" + keys++, "corrected")
        .withMrr(Money.of(mrr, currency.getCurrencyCode())));
  }

  /** Adds clients with these server counts to {@code p}. */
  private void clients(Partner p, long... servers) {
    for (long n : servers) {
      registry().addClient(p.id(), new NewClient("client " + keys++, n));
    }
  }

  /** The names {@code query} lists, for every page size of the contract, which must all agree. */
  private List<String> pagedAlike(PartnerQuery query) {
    List<String> first = allPages(query, 1);
    for (int limit : new int[] {2, 5, 50}) {
      assertEquals(first, allPages(query, limit), "pages of " + limit + " list what pages of 1 list: " + query);
    }
    assertEquals(first.size(), registry().count(query), "count agrees with the pages: " + query);
    return first;
  }

  private static List<String> sorted(Collection<String> names) {
    List<String> out = new ArrayList<>(names);
    out.sort(Comparator.comparing(Names::key, Names.KEY_ORDER));
    return out;
  }

  @Test
  @DisplayName("LIST-5: the certification status filter lists partners with a current certification in a status, as the tracker computes it today")
  void certificationStatusFilter() {
    LocalDate today = today();
    certify(add("Expired Co", Tier.SILVER), today.minusDays(1));
    certify(add("Critical Today", Tier.SILVER), today);
    certify(add("Critical Edge", Tier.GOLD), today.plusDays(29));
    certify(add("Soon Co", Tier.GOLD), today.plusDays(30));
    certify(add("Soon Edge", Tier.SILVER), today.plusDays(90));
    certify(add("Active Co", Tier.PLATINUM), today.plusDays(91));
    Partner mixed = add("Mixed Co", Tier.GOLD);
    certify(mixed, today.minusDays(5));
    certify(mixed, today.plusDays(200));
    TrackedCertification old = certify(add("Renewed Co", Tier.SILVER), today.plusDays(10));
    context().program().certifications().renew(old.id(), old.certification().version(),
        new Renewal(today, today.plusDays(400)));
    TrackedCertification doomed = certify(add("Revoked Co", Tier.SILVER), today.minusDays(3));
    context().program().certifications().revoke(doomed.id(), doomed.certification().version(),
        new Revocation("ops", "mistake"));
    add("No Certs", Tier.GOLD);
    PartnerQuery all = PartnerQuery.all();
    assertEquals(List.of("Expired Co", "Mixed Co"), pagedAlike(all.withCertificationStatuses(CertificationStatus.EXPIRED)));
    assertEquals(List.of("Critical Edge", "Critical Today"),
        pagedAlike(all.withCertificationStatuses(CertificationStatus.CRITICAL)), "0 and 29 days to go");
    assertEquals(List.of("Critical Edge", "Critical Today", "Expired Co", "Mixed Co"),
        pagedAlike(all.withCertificationStatuses(CertificationStatus.CRITICAL, CertificationStatus.EXPIRED)));
    assertEquals(List.of("Soon Co", "Soon Edge"),
        pagedAlike(all.withCertificationStatuses(CertificationStatus.EXPIRING_SOON)), "30 and 90 days to go");
    assertEquals(List.of("Active Co", "Mixed Co", "Renewed Co"),
        pagedAlike(all.withCertificationStatuses(CertificationStatus.ACTIVE)), "a renewed record counts no more");
    assertEquals(List.of("Active Co", "Expired Co", "Mixed Co", "Renewed Co"),
        pagedAlike(all.withCertificationStatuses(CertificationStatus.EXPIRED, CertificationStatus.ACTIVE)),
        "statuses whose days are not adjacent");
    assertEquals(List.of("Active Co", "Critical Edge", "Critical Today", "Expired Co", "Mixed Co", "Renewed Co",
        "Soon Co", "Soon Edge"), pagedAlike(all.withCertificationStatuses(CertificationStatus.ACTIVE,
        CertificationStatus.EXPIRING_SOON, CertificationStatus.CRITICAL, CertificationStatus.EXPIRED)),
        "every status: every partner with a current certification, none with only a revoked one");
    assertEquals(List.of("Mixed Co"), pagedAlike(all.withCertificationStatuses(CertificationStatus.EXPIRED)
        .withTiers(Tier.GOLD)), "with the other filters");
    assertEquals(List.of("Soon Co", "Critical Edge"), pagedAlike(all.withCertificationStatuses(
        CertificationStatus.CRITICAL, CertificationStatus.EXPIRING_SOON).withTiers(Tier.GOLD)
        .sortedBy(PartnerSort.NAME, SortDirection.DESCENDING)), "in any order");
    agreesWithTracker(context().program());
    clock().advance(Duration.ofDays(1));
    assertEquals(List.of("Critical Today", "Expired Co", "Mixed Co"),
        pagedAlike(all.withCertificationStatuses(CertificationStatus.EXPIRED)), "a day later the statuses moved");
    assertEquals(List.of("Critical Edge", "Soon Co"), pagedAlike(all.withCertificationStatuses(CertificationStatus.CRITICAL)));
    agreesWithTracker(context().program());
  }

  @Test
  @DisplayName("LIST-5: the certification status filter takes the program's thresholds and today's date in the program's zone")
  void certificationStatusFilterPerProgram() {
    LocalDate today = today(); // 2026-01-15 in UTC at 09:30
    certify(add("Due Today", Tier.SILVER), today);
    certify(add("In 15 Days", Tier.SILVER), today.plusDays(15));
    certify(add("In 25 Days", Tier.SILVER), today.plusDays(25));
    // 14 hours ahead of UTC: from 10:00 UTC on, it is already 2026-01-16 there
    try (PartnerProgram kiritimati = PartnerProgram.builder().clock(clock()).zone(ZoneId.of("Pacific/Kiritimati"))
        .expiryThresholds(new ExpiryThresholds(10, 20)).store(context().store()).build()) {
      PartnerQuery critical = PartnerQuery.all().withCertificationStatuses(CertificationStatus.CRITICAL);
      PartnerQuery active = PartnerQuery.all().withCertificationStatuses(CertificationStatus.ACTIVE);
      assertEquals(List.of("Due Today", "In 15 Days", "In 25 Days"), names(registry().list(critical)),
          "this program: thresholds 30 and 90");
      assertEquals(List.of("Due Today"), names(kiritimati.registry().list(critical)), "thresholds 10 and 20");
      assertEquals(List.of("In 25 Days"), names(kiritimati.registry().list(active)), "25 days is past 20");
      agreesWithTracker(kiritimati);
      clock().advance(Duration.ofMinutes(31)); // 10:01 UTC: 2026-01-16 in Kiritimati, still the 15th in UTC
      assertEquals(List.of("Due Today"), names(kiritimati.registry().list(PartnerQuery.all()
          .withCertificationStatuses(CertificationStatus.EXPIRED))), "expired there: its today is the 16th");
      assertEquals(List.of(), names(registry().list(PartnerQuery.all()
          .withCertificationStatuses(CertificationStatus.EXPIRED))), "not here: today is still the 15th in UTC");
      agreesWithTracker(kiritimati);
      agreesWithTracker(context().program());
    }
  }

  private static List<String> names(Page<Partner> page) {
    return page.items().stream().map(Partner::companyName).toList();
  }

  /**
   * For each set of statuses, the filter lists exactly the partners of which {@code program}'s
   * tracker reports a current certification in one of them.
   */
  private static void agreesWithTracker(PartnerProgram program) {
    List<Partner> partners = program.registry().list(PartnerQuery.all().withLimit(PartnerQuery.MAX_LIMIT)).items();
    Map<String, Set<CertificationStatus>> held = new HashMap<>();
    for (Partner p : partners) {
      held.put(p.companyName(), program.certifications().certifications(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
          .map(TrackedCertification::status).collect(Collectors.toSet()));
    }
    List<CertificationStatus> all = List.of(CertificationStatus.values());
    for (int mask = 1; mask < 1 << all.size(); mask++) {
      Set<CertificationStatus> asked = EnumSet.noneOf(CertificationStatus.class);
      for (int i = 0; i < all.size(); i++) {
        if ((mask & 1 << i) != 0) {
          asked.add(all.get(i));
        }
      }
      List<String> expected = sorted(held.entrySet().stream()
          .filter(e -> e.getValue().stream().anyMatch(asked::contains)).map(Map.Entry::getKey).toList());
      CertificationStatus[] rest = asked.stream().skip(1).toArray(CertificationStatus[]::new);
      PartnerQuery q = PartnerQuery.all().withLimit(PartnerQuery.MAX_LIMIT)
          .withCertificationStatuses(asked.iterator().next(), rest);
      assertEquals(expected, names(program.registry().list(q)), "statuses " + asked + " as the tracker reports them");
      assertEquals(expected.size(), program.registry().count(q), "count of statuses " + asked);
    }
  }

  @Test
  @DisplayName("LIST-5: server and client count ranges include both ends, either end optional, and follow client changes")
  void countFilters() {
    add("A None", Tier.GOLD);
    clients(add("B One", Tier.GOLD), 5);
    clients(add("C Two", Tier.SILVER), 3, 2);
    Partner d = add("D Three", Tier.PLATINUM);
    clients(d, 4, 4, 2);
    clients(add("E Empty", Tier.GOLD), 0);
    PartnerQuery all = PartnerQuery.all();
    assertEquals(List.of("B One", "C Two"), pagedAlike(all.withServerCountBetween(5, 5)));
    assertEquals(List.of("D Three"), pagedAlike(all.withServerCountAtLeast(6)));
    assertEquals(List.of("A None", "E Empty"), pagedAlike(all.withServerCountAtMost(0)));
    assertEquals(List.of("B One", "C Two", "E Empty"), pagedAlike(all.withClientCountBetween(1, 2)));
    assertEquals(List.of("D Three"), pagedAlike(all.withClientCountAtLeast(3)));
    assertEquals(List.of("A None"), pagedAlike(all.withClientCountAtMost(0)));
    assertEquals(List.of("B One"), pagedAlike(all.withServerCountAtLeast(5).withClientCountAtMost(1)),
        "both ranges together");
    assertEquals(List.of("A None", "B One", "C Two", "D Three", "E Empty"), pagedAlike(all.withServerCountAtMost(3)
        .withServerCountAtLeast(0)), "a later range replaces an earlier one");
    assertEquals(List.of("E Empty", "B One"), pagedAlike(all.withTiers(Tier.GOLD).withClientCountAtLeast(1)
        .sortedBy(PartnerSort.NAME, SortDirection.DESCENDING)), "with the other filters, in any order");
    List<Client> ds = registry().clients(d.id(), PageRequest.first(10)).items();
    registry().removeClient(ds.get(0).id(), ds.get(0).version());
    registry().setServerCount(ds.get(1).id(), ds.get(1).version(), 0);
    assertEquals(List.of("C Two", "D Three"), pagedAlike(all.withClientCountBetween(2, 2).withServerCountBetween(2, 5)),
        "D has 2 clients and 2 servers now: (4, 4, 2) lost a 4 and the other 4 is 0");
    assertEquals(List.of("D Three"), pagedAlike(all.withClientCountBetween(2, 2).withServerCountAtMost(2)));
  }

  @Test
  @DisplayName("LIST-5: the MRR filter reads each partner's current entry of the month, in the currency of its bounds")
  void mrrFilter() {
    record(add("P1 Hundred", Tier.GOLD), JANUARY, "100.00", USD);
    Partner p2 = add("P2 Corrected Down", Tier.GOLD);
    record(p2, JANUARY, "250.00", USD);
    correct(p2, JANUARY, "50.00", USD);
    record(add("P3 Euro", Tier.SILVER), JANUARY, "300.00", EUR);
    record(add("P4 December", Tier.SILVER), DECEMBER, "200.00", USD);
    record(add("P5 Two Hundred", Tier.PLATINUM), JANUARY, "200.00", USD);
    Partner p6 = add("P6 Corrected Up", Tier.GOLD);
    record(p6, JANUARY, "80.00", USD);
    correct(p6, JANUARY, "150.00", USD);
    add("P7 Nothing", Tier.GOLD);
    PartnerQuery all = PartnerQuery.all();
    assertEquals(List.of("P1 Hundred", "P5 Two Hundred", "P6 Corrected Up"),
        pagedAlike(all.withMrrBetween(JANUARY, Money.of("100", "USD"), Money.of("200", "USD"))), "both ends included");
    assertEquals(List.of("P1 Hundred", "P2 Corrected Down", "P5 Two Hundred", "P6 Corrected Up"),
        pagedAlike(all.withMrrAtLeast(JANUARY, Money.of("0", "USD"))), "every January entry in USD");
    assertEquals(List.of("P2 Corrected Down"), pagedAlike(all.withMrrAtMost(JANUARY, Money.of("60", "USD"))),
        "the corrected MRR counts, not the superseded one");
    assertEquals(List.of("P5 Two Hundred", "P6 Corrected Up"),
        pagedAlike(all.withMrrAtLeast(JANUARY, Money.of("150", "USD"))), "P6's first 80.00 was superseded");
    assertEquals(List.of("P3 Euro"), pagedAlike(all.withMrrAtLeast(JANUARY, Money.of("0", "EUR"))),
        "the bound's currency chooses the entries");
    assertEquals(List.of("P4 December"), pagedAlike(all.withMrrBetween(DECEMBER, Money.of("200", "USD"),
        Money.of("200", "USD"))), "another month");
    assertEquals(List.of("P1 Hundred", "P6 Corrected Up"), pagedAlike(all.withMrrAtMost(JANUARY, Money.of("150", "USD"))
        .withTiers(Tier.GOLD).withMrrAtLeast(JANUARY, Money.of("100", "USD"))), "with a tier; the later MRR filter replaces the earlier");
  }

  @Test
  @DisplayName("LIST-5: by server count and by client count, ties broken by name key; descending reverses every part; any page size")
  void countOrders() {
    clients(add("delta", Tier.GOLD), 2, 2);
    clients(add("Echo", Tier.GOLD), 1);
    clients(add("charlie", Tier.SILVER), 4);
    clients(add("Bravo", Tier.PLATINUM), 1, 1, 1, 1);
    add("alpha", Tier.GOLD);
    clients(add("Foxtrot", Tier.GOLD), 0, 0);
    List<String> byServers = List.of("alpha", "Foxtrot", "Echo", "Bravo", "charlie", "delta");
    List<String> byClients = List.of("alpha", "charlie", "Echo", "delta", "Foxtrot", "Bravo");
    for (int limit : new int[] {1, 2, 5, 50}) {
      PartnerQuery all = PartnerQuery.all();
      assertEquals(byServers, allPages(all.sortedBy(PartnerSort.SERVER_COUNT, SortDirection.ASCENDING), limit),
          "by server count (0, 0, 1, 4, 4, 4), then name key, pages of " + limit);
      assertEquals(reversed(byServers), allPages(all.sortedBy(PartnerSort.SERVER_COUNT, SortDirection.DESCENDING), limit),
          "by server count descending, pages of " + limit);
      assertEquals(byClients, allPages(all.sortedBy(PartnerSort.CLIENT_COUNT, SortDirection.ASCENDING), limit),
          "by client count (0, 1, 1, 2, 2, 4), then name key, pages of " + limit);
      assertEquals(reversed(byClients), allPages(all.sortedBy(PartnerSort.CLIENT_COUNT, SortDirection.DESCENDING), limit),
          "by client count descending, pages of " + limit);
    }
    assertEquals(List.of("Bravo", "charlie", "delta"), allPages(PartnerQuery.all().withServerCountAtLeast(4)
        .sortedBy(PartnerSort.SERVER_COUNT, SortDirection.ASCENDING), 2), "a filter on the same count");
    Page<Partner> page = registry().list(PartnerQuery.all().sortedBy(PartnerSort.SERVER_COUNT, SortDirection.ASCENDING));
    assertEquals(List.of(0L, 0L, 1L, 4L, 4L, 4L), page.items().stream().map(Partner::serverCount).toList(),
        "listed partners carry their totals");
  }

  @Test
  @DisplayName("LIST-5: by the MRR of a month in a currency, ties broken by partner id; only partners with such an entry; any page size")
  void mrrOrder() {
    Partner a = add("A", Tier.GOLD);
    record(a, JANUARY, "300.00", USD);
    Partner b = add("B", Tier.GOLD);
    record(b, JANUARY, "100.00", USD);
    Partner c = add("C", Tier.SILVER);
    record(c, JANUARY, "900.00", USD);
    correct(c, JANUARY, "200.00", USD);
    Partner d = add("D", Tier.PLATINUM);
    record(d, JANUARY, "200.00", USD);
    Partner e = add("E", Tier.GOLD);
    record(e, JANUARY, "200.00", USD);
    record(add("F Euro", Tier.GOLD), JANUARY, "150.00", EUR);
    record(add("G December", Tier.GOLD), DECEMBER, "50.00", USD);
    add("H Nothing", Tier.GOLD);
    // the three at 200.00 by id, in the order of the ids' text
    List<String> ties = sortedById(List.of(c, d, e));
    List<String> ascending = new ArrayList<>(List.of("B"));
    ascending.addAll(ties);
    ascending.add("A");
    for (int limit : new int[] {1, 2, 5, 50}) {
      PartnerQuery up = PartnerQuery.all().sortedByMrr(JANUARY, USD, SortDirection.ASCENDING);
      assertEquals(ascending, allPages(up, limit), "by MRR (100, 200 x3, 300), ties by id, pages of " + limit);
      assertEquals(reversed(ascending), allPages(PartnerQuery.all().sortedByMrr(JANUARY, USD, SortDirection.DESCENDING),
          limit), "by MRR descending, ids descending among equal MRRs, pages of " + limit);
    }
    assertEquals(List.of("F Euro"), allPages(PartnerQuery.all().sortedByMrr(JANUARY, EUR, SortDirection.ASCENDING), 1));
    assertEquals(List.of("G December"), allPages(PartnerQuery.all().sortedByMrr(DECEMBER, USD, SortDirection.ASCENDING), 1));
    assertEquals(5, registry().count(PartnerQuery.all().sortedByMrr(JANUARY, USD, SortDirection.ASCENDING)),
        "sorting by MRR counts only the partners it lists");
    assertEquals(8, registry().count(PartnerQuery.all()));
    List<String> inRange = new ArrayList<>(ties);
    inRange.add("A");
    assertEquals(inRange, allPages(PartnerQuery.all().withMrrAtLeast(JANUARY, Money.of("200", "USD"))
        .sortedByMrr(JANUARY, USD, SortDirection.ASCENDING), 2), "with an MRR filter of the same month");
    assertEquals(List.of(), allPages(PartnerQuery.all().withMrrAtLeast(DECEMBER, Money.of("0", "USD"))
        .sortedByMrr(JANUARY, USD, SortDirection.ASCENDING), 1),
        "no partner has entries of both months: an MRR filter of another month lists none");
    assertEquals(List.of("A"), allPages(PartnerQuery.all().withTiers(Tier.GOLD).withMrrAtLeast(JANUARY,
        Money.of("250", "USD")).sortedByMrr(JANUARY, USD, SortDirection.DESCENDING), 1), "with other filters");
  }

  /** The names of {@code partners} in the order of their ids' text (lower-case hexadecimal digits). */
  private static List<String> sortedById(List<Partner> partners) {
    return partners.stream().sorted(Comparator.comparing((Partner p) -> p.id().value().toString()))
        .map(Partner::companyName).toList();
  }

  /**
   * Pages of {@code query}, two at a time, with {@code between} run after each of the first three
   * pages (if more follow); returns every name listed, in order (a partner whose sort value changed
   * may be listed twice).
   */
  private List<String> pagesWhile(PartnerQuery query, Runnable between) {
    List<String> order = new ArrayList<>();
    Page<Partner> page = registry().list(query.withLimit(2));
    for (int pages = 0; pages < 100; pages++) {
      for (Partner p : page.items()) {
        order.add(p.companyName());
      }
      if (page.nextPageToken().isEmpty()) {
        return order;
      }
      if (pages < 3) {
        between.run();
      }
      page = registry().list(query.withLimit(2).withPageToken(page.nextPageToken().get()));
    }
    throw new AssertionError("more than 100 pages");
  }

  @Test
  @DisplayName("LIST-5: pages by server or client count never skip or repeat a partner that keeps its count, while others' clients change")
  void countPagesStableUnderChanges() {
    List<Partner> steady = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Partner p = add("steady " + i, Tier.GOLD);
      long[] servers = new long[i % 4];
      java.util.Arrays.fill(servers, i);
      clients(p, servers);
      steady.add(p);
    }
    List<Partner> movers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Partner p = add("mover " + i, Tier.GOLD);
      clients(p, 3);
      movers.add(p);
    }
    for (PartnerSort sort : List.of(PartnerSort.SERVER_COUNT, PartnerSort.CLIENT_COUNT)) {
      for (SortDirection direction : SortDirection.values()) {
        int[] round = {0};
        List<String> order = pagesWhile(PartnerQuery.all().sortedBy(sort, direction), () -> {
          // movers jump to either end; new partners appear before and after the position
          Partner m = movers.get(round[0] % movers.size());
          clients(m, 20, 20);
          Client first = registry().clients(m.id(), PageRequest.first(1)).items().get(0);
          registry().removeClient(first.id(), first.version());
          add(sort + " " + direction + " new " + round[0]++, Tier.SILVER);
          clients(add(sort + " " + direction + " big " + round[0], Tier.SILVER), 50, 50, 50, 50, 50);
        });
        for (Partner p : steady) {
          assertEquals(1, Collections.frequency(order, p.companyName()),
              p.companyName() + " kept its counts: listed once in " + order);
        }
        List<String> steadyListed = order.stream().filter(n -> n.startsWith("steady")).toList();
        List<Partner> expected = new ArrayList<>(steady);
        Comparator<Partner> byCount = sort == PartnerSort.SERVER_COUNT ? Comparator.comparingLong(Partner::serverCount)
            : Comparator.comparingLong(Partner::clientCount);
        expected.replaceAll(p -> registry().get(p.id()));
        expected.sort(byCount.thenComparing(p -> Names.key(p.companyName()), Names.KEY_ORDER));
        if (direction == SortDirection.DESCENDING) {
          Collections.reverse(expected);
        }
        assertEquals(expected.stream().map(Partner::companyName).toList(), steadyListed,
            "the steady partners in " + sort + " " + direction + " order");
      }
    }
  }

  @Test
  @DisplayName("LIST-5: pages by MRR never skip or repeat a partner that keeps its MRR, while others' months are recorded and corrected")
  void mrrPagesStableUnderChanges() {
    List<Partner> steady = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Partner p = add("steady " + i, Tier.GOLD);
      record(p, JANUARY, (i % 3) * 100 + ".00", USD);
      steady.add(p);
    }
    List<Partner> movers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Partner p = add("mover " + i, Tier.GOLD);
      record(p, JANUARY, "150.00", USD);
      movers.add(p);
    }
    int[] round = {0};
    for (SortDirection direction : SortDirection.values()) {
      List<String> order = pagesWhile(PartnerQuery.all().sortedByMrr(JANUARY, USD, direction), () -> {
        int r = round[0]++;
        // a mover jumps to either end, each time to an MRR it never had (a correction must change it)
        correct(movers.get(r % movers.size()), JANUARY, (r % 2 == 0 ? 9000 + r : r) + ".00", USD);
        record(add(direction + " new low " + r, Tier.SILVER), JANUARY, "1.00", USD);
        record(add(direction + " new high " + r, Tier.SILVER), JANUARY, "5000.00", USD);
      });
      Map<String, Long> mrr = new HashMap<>();
      for (Partner p : steady) {
        assertEquals(1, Collections.frequency(order, p.companyName()),
            p.companyName() + " kept its MRR: listed once in " + order);
        mrr.put(p.companyName(), context().program().revenue().history(p.id(), JANUARY, PageRequest.first(1)).items().get(0).mrr().minorUnits());
      }
      Comparator<Partner> byMrr = Comparator.comparingLong((Partner p) -> mrr.get(p.companyName()))
          .thenComparing(p -> p.id().value().toString());
      List<String> expected = steady.stream().sorted(direction == SortDirection.ASCENDING ? byMrr : byMrr.reversed())
          .map(Partner::companyName).toList();
      assertEquals(expected, order.stream().filter(n -> n.startsWith("steady")).toList(),
          "the steady partners in MRR " + direction + " order");
    }
  }

  @Test
  @DisplayName("LIST-5: tokens of the aggregate filters and orders belong to their query; a certification filter's token outlives midnight")
  void aggregateTokens() {
    for (int i = 0; i < 4; i++) {
      Partner p = add("P" + i, Tier.GOLD);
      clients(p, i, 1);
      record(p, JANUARY, i + "00.00", USD);
      certify(p, today().plusDays(i));
    }
    String another = "belongs to another query (its filters or sort differ): start again from the first page";
    PartnerQuery byMrr = PartnerQuery.all().sortedByMrr(JANUARY, USD, SortDirection.ASCENDING).withLimit(1);
    String token = registry().list(byMrr).nextPageToken().orElseThrow();
    for (PartnerQuery other : List.of(PartnerQuery.all().sortedByMrr(DECEMBER, USD, SortDirection.ASCENDING),
        PartnerQuery.all().sortedByMrr(JANUARY, EUR, SortDirection.ASCENDING),
        PartnerQuery.all().sortedByMrr(JANUARY, USD, SortDirection.DESCENDING),
        byMrr.withMrrAtLeast(JANUARY, Money.of("1", "USD")),
        PartnerQuery.all().sortedBy(PartnerSort.SERVER_COUNT, SortDirection.ASCENDING))) {
      assertEquals(List.of(new Violation("pageToken", another)), assertThrows(ValidationException.class,
          () -> registry().list(other.withPageToken(token))).violations(), "an MRR order's token for " + other);
    }
    PartnerQuery servers = PartnerQuery.all().withServerCountAtLeast(1).withLimit(1);
    String serversToken = registry().list(servers).nextPageToken().orElseThrow();
    assertThrows(ValidationException.class, () -> registry().list(PartnerQuery.all().withServerCountAtLeast(2)
        .withPageToken(serversToken)), "a token of another count range");
    assertThrows(ValidationException.class, () -> registry().list(PartnerQuery.all().withClientCountAtLeast(1)
        .withPageToken(serversToken)), "a token of the other count");
    PartnerQuery critical = PartnerQuery.all().withCertificationStatuses(CertificationStatus.CRITICAL).withLimit(1);
    Page<Partner> first = registry().list(critical);
    assertEquals(List.of("P0"), names(first));
    assertThrows(ValidationException.class, () -> registry().list(PartnerQuery.all()
        .withCertificationStatuses(CertificationStatus.EXPIRED).withPageToken(first.nextPageToken().orElseThrow())),
        "a token of other statuses");
    clock().advance(Duration.ofDays(1)); // P0's certification expired; the others are still critical
    assertEquals(List.of("P1", "P2", "P3"), names(registry().list(critical.withLimit(3)
        .withPageToken(first.nextPageToken().orElseThrow()))), "the next day the token still continues its list");
  }

  @Test
  @DisplayName("LIST-5: the aggregate filters and sorts are checked, every problem at once")
  void aggregatesChecked() {
    ValidationException e = assertThrows(ValidationException.class, () -> registry().list(PartnerQuery.all()
        .withServerCountBetween(-1, -2).withClientCountBetween(5, 4)
        .withMrrBetween(YearMonth.of(1899, 12), Money.of("-1", "USD"), Money.of("1", "EUR"))
        .sortedBy(PartnerSort.MRR, SortDirection.ASCENDING)));
    assertEquals(List.of("maxClientCount", "maxMrr", "maxServerCount", "minMrr", "minServerCount", "mrrMonth",
        "sortCurrency", "sortMonth"), e.fields());
    assertTrue(e.violations().contains(new Violation("maxMrr",
        "must be in minMrr's currency (USD): one currency per filter, got 1.00 EUR")), e.violations().toString());
    assertTrue(e.violations().contains(new Violation("maxClientCount", "must not be below minClientCount (5), got 4")),
        e.violations().toString());
    assertEquals(List.of(new Violation("maxMrr", "must not be below minMrr (2.00 USD), got 1.00 USD")),
        assertThrows(ValidationException.class, () -> registry().count(PartnerQuery.all().withMrrBetween(JANUARY,
            Money.of("2", "USD"), Money.of("1", "USD")))).violations(), "count checks as list does");
    PartnerQuery all = PartnerQuery.all();
    PartnerQuery noMonth = new PartnerQuery(all.tiers(), all.statuses(), all.namePrefix(), all.nameContains(),
        all.emailContains(), all.certificationStatuses(), all.minServerCount(), all.maxServerCount(),
        all.minClientCount(), all.maxClientCount(), Optional.empty(), Optional.of(Money.of("1", "USD")), Optional.empty(),
        PartnerSort.NAME, SortDirection.ASCENDING, Optional.of(JANUARY), Optional.empty(), 10, Optional.empty());
    assertEquals(List.of("mrrMonth", "sortMonth"), assertThrows(ValidationException.class,
        () -> registry().list(noMonth)).fields(), "an MRR bound without its month; a sort month with the name order");
    assertEquals(List.of("minServerCount", "namePrefix"), assertThrows(ValidationException.class, () -> registry()
        .count(all.withNamePrefix("\u200B").withServerCountAtLeast(-3))).fields(),
        "a name search of invisible characters and a bad count, in one exception");
    assertEquals(List.of("sortCurrency"), assertThrows(ValidationException.class, () -> registry().list(
        all.sortedByMrr(JANUARY, Currency.getInstance("XXX"), SortDirection.ASCENDING))).fields());
    assertEquals(List.of(), registry().list(all.sortedByMrr(JANUARY, USD, SortDirection.ASCENDING)
        .sortedBy(PartnerSort.NAME, SortDirection.ASCENDING)).items(), "sortedBy drops the MRR sort's month");
  }

  @Test
  @DisplayName("the SPI's existing(ids) answers the stored partners, active or not, among 2,500 ids: unknown ones left out, a repeated one once")
  void existingIds() {
    Partner first = add("Existing First", Tier.SILVER);
    Partner middle = add("Existing Middle", Tier.GOLD);
    Partner last = add("Existing Last", Tier.PLATINUM);
    registry().deactivate(middle.id(), middle.version());
    Random random = new Random(7);
    List<PartnerId> asked = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      asked.add(new PartnerId(new UUID(random.nextLong(), random.nextLong())));
    }
    // past the first 1,000 and the second: a store that splits the ids into IN lists splits there
    asked.set(0, first.id());
    asked.set(1_000, middle.id());
    asked.set(2_499, last.id());
    asked.add(first.id());
    assertEquals(Set.of(first.id(), middle.id(), last.id()),
        context().store().read(tx -> tx.partners().existing(asked)));
    assertEquals(Set.of(last.id()), context().store().read(tx -> tx.partners().existing(List.of(last.id()))));
    assertEquals(Set.of(), context().store().read(tx -> tx.partners().existing(asked.subList(1, 1_000))),
        "unknown ids only");
    assertEquals(Set.of(), context().store().read(tx -> tx.partners().existing(List.of())), "no ids");
  }

  // ------------------------------------------------------------------ LIST-5: totals, through the SPI

  /** The store's totals of every partner, as clientTotals, list and count read them, equal the sums over its clients. */
  private void totalsAreSums(List<Partner> partners) {
    Map<PartnerId, ClientTotals> stored = context().store().read(tx -> tx.partners()
        .clientTotals(partners.stream().map(Partner::id).toList()));
    for (Partner p : partners) {
      List<Client> cs = context().store().read(tx -> tx.partners().clients(p.id()));
      ClientTotals sums = new ClientTotals(cs.stream().mapToLong(Client::serverCount).sum(), cs.size());
      assertEquals(sums, stored.get(p.id()), "clientTotals of " + p.companyName());
      assertEquals(sums, context().store().read(tx -> tx.partners().clientTotals(p.id())),
          "clientTotals(id) of " + p.companyName());
      PartnerQuery exactly = PartnerQuery.all().withNamePrefix(p.companyName())
          .withServerCountBetween(sums.serverCount(), sums.serverCount())
          .withClientCountBetween(sums.clientCount(), sums.clientCount());
      assertEquals(1, registry().count(exactly), "the list filters " + p.companyName() + " by its sums " + sums);
    }
    List<String> byServers = partners.stream().map(p -> registry().get(p.id()))
        .sorted(Comparator.comparingLong(Partner::serverCount).thenComparing(q -> Names.key(q.companyName()),
            Names.KEY_ORDER)).map(Partner::companyName).toList();
    assertEquals(byServers, allPages(PartnerQuery.all().sortedBy(PartnerSort.SERVER_COUNT, SortDirection.ASCENDING), 3));
  }

  @Test
  @DisplayName("LIST-5: a store's totals equal the sums over the clients after random adds, changes and removes, two threads at once on one partner, and a rolled-back transaction")
  void totalsFollowClients() throws Exception {
    List<Partner> partners = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      partners.add(add("Totals " + i, Tier.GOLD));
    }
    Random random = new Random(0x7C4L);
    for (int step = 0; step < 60; step++) {
      Partner p = partners.get(random.nextInt(partners.size()));
      List<Client> cs = registry().clients(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items();
      int action = cs.isEmpty() ? 0 : random.nextInt(4);
      if (action == 0) {
        registry().addClient(p.id(), new NewClient("client " + step, random.nextInt(50)));
        continue;
      }
      Client c = cs.get(random.nextInt(cs.size()));
      switch (action) {
        case 1 -> registry().setServerCount(c.id(), c.version(), random.nextInt(50));
        case 2 -> registry().renameClient(c.id(), c.version(), "renamed " + step);
        default -> registry().removeClient(c.id(), c.version());
      }
    }
    totalsAreSums(partners);
    // two threads change one partner's clients at once: adds, server counts, removes
    Partner shared = partners.get(0);
    Concurrently.run(2, t -> {
      Random r = new Random(t);
      List<Client> mine = new ArrayList<>();
      for (int step = 0; step < 25; step++) {
        int action = mine.isEmpty() ? 0 : r.nextInt(3);
        if (action == 0) {
          mine.add(registry().addClient(shared.id(), new NewClient("thread " + t + " client " + step, r.nextInt(100))));
        } else if (action == 1) {
          int i = r.nextInt(mine.size());
          mine.set(i, registry().setServerCount(mine.get(i).id(), mine.get(i).version(), r.nextInt(100)));
        } else {
          Client gone = mine.remove(r.nextInt(mine.size()));
          registry().removeClient(gone.id(), gone.version());
        }
      }
    });
    totalsAreSums(partners);
    // a transaction that adds, changes and removes clients, then fails: none of it counts
    ClientTotals before = context().store().read(tx -> tx.partners().clientTotals(shared.id()));
    List<Client> cs = context().store().read(tx -> tx.partners().clients(shared.id()));
    assertTrue(cs.size() >= 2, "the threads left clients to change: " + cs);
    Instant now = clock().instant().truncatedTo(ChronoUnit.MICROS);
    RuntimeException boom = new IllegalStateException("roll back");
    assertEquals(boom, assertThrows(IllegalStateException.class, () -> context().store().write(tx -> {
      // an id no generator of this test makes (the program's are sequential from 0x7C4)
      tx.partners().insertClient(new Client(new ClientId(new UUID(0x5EEDL, 1)), shared.id(), "rolled back", 77, now,
          now, 1));
      Client changed = cs.get(0);
      tx.partners().updateClient(new Client(changed.id(), changed.partnerId(), changed.name(), changed.serverCount() + 9,
          changed.createdAt(), now, changed.version() + 1), changed.version());
      tx.partners().deleteClient(cs.get(1).id(), cs.get(1).version());
      assertEquals(before.clientCount(), tx.partners().clientTotals(shared.id()).clientCount(),
          "inside the transaction: one client more, one less");
      throw boom;
    })));
    assertEquals(before, context().store().read(tx -> tx.partners().clientTotals(shared.id())),
        "after the roll-back, the totals are as before");
    totalsAreSums(partners);
  }
}
