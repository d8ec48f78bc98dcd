package cloud.quazzar.partner.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationState;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.EligibilityReport;
import cloud.quazzar.partner.certification.MinimumCertifications;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Renewal;
import cloud.quazzar.partner.certification.Revocation;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.StatusChange;
import cloud.quazzar.partner.certification.StatusCounts;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.spi.CertificationRecord;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.PartnerGenerators;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The certification part of the storage TCK: the tracker's rules hold on the store, and the SPI
 * guarantees core relies on (compare-and-set, rollback, range queries by expiry date) come from
 * the store itself. Mounted in {@link StoreTck} as a {@code @Nested} class:
 *
 * <pre>{@code
 * @Nested @DisplayName("Certifications")
 * class Certifications extends CertificationContract {
 *   @Override protected TckContext context() { return StoreTck.this.context(); }
 * }
 * }</pre>
 *
 * <p>The clock starts at {@link StoreTck#START} (UTC), so today is 2026-01-15.
 */
@ExtendWith(PromiseMessages.class)
public abstract class CertificationContract {
  /**
   * This test's store, clock and program.
   *
   * @return the running test's context
   */
  protected abstract TckContext context();

  private Store store;
  private TestClock clock;
  private PartnerProgram program;
  private CertificationTracker tracker;
  private LocalDate today;

  @BeforeEach
  void bind() {
    TckContext ctx = context();
    store = ctx.store();
    clock = ctx.clock();
    program = ctx.program();
    tracker = program.certifications();
    today = program.today();
  }

  private Partner partner(String name, Tier tier) {
    return program.registry().add(new NewPartner(name, name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT) + "@cert.example", tier));
  }

  private static NewCertification cert(String name, SkillArea area, CertificationLevel level, LocalDate issue, LocalDate expiry) {
    return new NewCertification(name, area, level, Optional.empty(), issue, expiry);
  }

  /** A certification expiring {@code days} from today, issued a year before it. */
  private TrackedCertification addExpiringIn(PartnerId partner, long days, CertificationLevel level, SkillArea area) {
    LocalDate expiry = today.plusDays(days);
    return tracker.add(partner, cert("Expiring in " + days, area, level, expiry.minusYears(1), expiry));
  }

  @Test
  @DisplayName("an added certification reads back with every field, and lists with its status today")
  void addedReadsBack() {
    Partner p = partner("Round Trip", Tier.GOLD);
    TrackedCertification added = tracker.add(p.id(), new NewCertification(
        "  Kubernetes   Operator ", SkillArea.KUBERNETES_OPERATIONS, CertificationLevel.ADVANCED, Optional.of(" Ada  Lovelace "),
        LocalDate.of(2025, 3, 1), LocalDate.of(2027, 2, 28)));
    Certification c = added.certification();
    assertEquals("Kubernetes Operator", c.name(), "names are stored white-space cleaned");
    assertEquals(Optional.of("Ada Lovelace"), c.holder());
    assertEquals(CertificationState.CURRENT, c.state());
    assertEquals(1, c.version());
    assertEquals(StoreTck.START, c.createdAt());
    assertEquals(Optional.empty(), c.renewalOf());
    assertEquals(CertificationStatus.ACTIVE, added.status());
    assertEquals(409, added.daysToExpiry());
    assertEquals(c, tracker.get(c.id()));
    assertEquals(List.of(added), tracker.certifications(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
    assertEquals(List.of(c), tracker.history(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
  }

  @Test
  @DisplayName("text in any script, quotes and SQL-looking text is stored verbatim")
  void textVerbatim() {
    Partner p = partner("Verbatim", Tier.PLATINUM);
    for (String name : PartnerGenerators.TRICKY_NAMES) {
      Certification c = tracker.add(p.id(), new NewCertification(name, SkillArea.MSP_OPERATIONS,
          CertificationLevel.EXPERT, Optional.of(name), today, today.plusYears(1))).certification();
      assertEquals(c, tracker.get(c.id()));
    }
    assertEquals(PartnerGenerators.TRICKY_NAMES.size(), tracker.certifications(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
  }

  @Test
  @DisplayName("days 91, 90, 30, 29, 0 and -1 before expiry are ACTIVE, EXPIRING_SOON, EXPIRING_SOON, CRITICAL, CRITICAL, EXPIRED")
  void boundaryDays() {
    Partner p = partner("Boundaries", Tier.SILVER);
    Map<Long, CertificationStatus> expected = Map.of(
        91L, CertificationStatus.ACTIVE, 90L, CertificationStatus.EXPIRING_SOON,
        30L, CertificationStatus.EXPIRING_SOON, 29L, CertificationStatus.CRITICAL,
        0L, CertificationStatus.CRITICAL, -1L, CertificationStatus.EXPIRED);
    expected.keySet().forEach(d -> addExpiringIn(p.id(), d, CertificationLevel.BASIC, SkillArea.FLEET_MANAGEMENT));
    List<TrackedCertification> listed = tracker.certifications(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items();
    assertEquals(6, listed.size());
    for (TrackedCertification t : listed) {
      assertEquals(expected.get(t.daysToExpiry()), t.status(), "d = " + t.daysToExpiry());
    }
    assertEquals(List.of(-1L, 0L, 29L, 30L, 90L, 91L),
        listed.stream().map(TrackedCertification::daysToExpiry).toList(), "soonest expiry first");
    assertEquals(new StatusCounts(1, 2, 2, 1), tracker.counts(p.id()));
  }

  @Test
  @DisplayName("a partner may add levels up to its tier's access; above it is a validation error on level, and nothing is stored")
  void tierAccess() {
    Partner silver = partner("Silver Access", Tier.SILVER);
    Partner gold = partner("Gold Access", Tier.GOLD);
    Partner platinum = partner("Platinum Access", Tier.PLATINUM);
    LocalDate expiry = today.plusYears(2);
    tracker.add(silver.id(), cert("b", SkillArea.FLEET_MANAGEMENT, CertificationLevel.BASIC, today, expiry));
    tracker.add(gold.id(), cert("a", SkillArea.FLEET_MANAGEMENT, CertificationLevel.ADVANCED, today, expiry));
    tracker.add(platinum.id(), cert("e", SkillArea.FLEET_MANAGEMENT, CertificationLevel.EXPERT, today, expiry));
    ValidationException e1 = assertThrows(ValidationException.class, () -> tracker.add(silver.id(),
        cert("a", SkillArea.FLEET_MANAGEMENT, CertificationLevel.ADVANCED, today, expiry)));
    assertEquals(List.of("level"), e1.fields());
    assertTrue(String.valueOf(e1.getMessage()).contains("ADVANCED needs GOLD"), e1.getMessage());
    ValidationException e2 = assertThrows(ValidationException.class, () -> tracker.add(gold.id(),
        cert("e", SkillArea.FLEET_MANAGEMENT, CertificationLevel.EXPERT, today, expiry)));
    assertEquals(List.of("level"), e2.fields());
    assertEquals(1, tracker.history(silver.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
    assertEquals(1, tracker.history(gold.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
  }

  @Test
  @DisplayName("after a move down a tier, held certifications are kept and count, but new ones and renewals above the tier are refused")
  void tierDown() {
    Partner p = partner("Demoted", Tier.GOLD);
    TrackedCertification a1 = addExpiringIn(p.id(), 200, CertificationLevel.ADVANCED, SkillArea.FLEET_MANAGEMENT);
    addExpiringIn(p.id(), 300, CertificationLevel.ADVANCED, SkillArea.KUBERNETES_OPERATIONS);
    program.registry().changeTier(p.id(), 1, new TierChangeRequest(Tier.SILVER, "admin", "contract downgrade"));
    assertEquals(2, tracker.certifications(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size(), "held certifications are kept");
    assertEquals(new StatusCounts(2, 0, 0, 0), tracker.counts(p.id()));
    EligibilityReport report = tracker.eligibility(p.id());
    assertEquals(Tier.GOLD, report.qualifiedTier().orElseThrow(), "and still count towards eligibility");
    assertEquals(List.of("level"), assertThrows(ValidationException.class, () -> addExpiringIn(p.id(), 400,
        CertificationLevel.ADVANCED, SkillArea.MSP_OPERATIONS)).fields());
    assertEquals(List.of("level"), assertThrows(ValidationException.class, () -> tracker.renew(a1.id(), 1,
        new Renewal(today, today.plusYears(3)))).fields());
    assertEquals(a1.certification(), tracker.get(a1.id()), "the refused renewal changed nothing");
    addExpiringIn(p.id(), 400, CertificationLevel.BASIC, SkillArea.MSP_OPERATIONS);
    assertEquals(3, tracker.certifications(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
  }

  @Test
  @DisplayName("an inactive partner cannot gain certifications, and an unknown partner is a NotFoundException")
  void inactiveAndUnknownPartner() {
    Partner p = partner("Dormant", Tier.GOLD);
    program.registry().deactivate(p.id(), 1);
    assertEquals(ConflictException.Reason.STATE, assertThrows(ConflictException.class,
        () -> addExpiringIn(p.id(), 100, CertificationLevel.BASIC, SkillArea.MSP_OPERATIONS)).reason());
    PartnerId missing = new PartnerId(IdGenerator.random().next());
    assertThrows(NotFoundException.class, () -> addExpiringIn(missing, 100, CertificationLevel.BASIC, SkillArea.MSP_OPERATIONS));
    assertThrows(NotFoundException.class, () -> tracker.certifications(missing, PageRequest.first(PageRequest.MAX_LIMIT)).items());
    assertThrows(NotFoundException.class, () -> tracker.counts(missing));
    assertThrows(NotFoundException.class, () -> tracker.eligibility(missing));
    assertThrows(NotFoundException.class, () -> tracker.get(new CertificationId(IdGenerator.random().next())));
    assertEquals(List.of(), tracker.history(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items(), "a refused add stores no certification");
  }

  @Test
  @DisplayName("an inactive partner's certification cannot be renewed (a STATE conflict naming the partner, nothing stored) "
      + "but can be revoked; reactivated, it can be renewed again")
  void inactivePartnersCertifications() {
    Partner p = partner("Paused", Tier.GOLD);
    TrackedCertification held = addExpiringIn(p.id(), 20, CertificationLevel.ADVANCED, SkillArea.FLEET_MANAGEMENT);
    TrackedCertification other = addExpiringIn(p.id(), 40, CertificationLevel.BASIC, SkillArea.MSP_OPERATIONS);
    Partner inactive = program.registry().deactivate(p.id(), 1);
    // docs/certifications.md: renewing (like adding) needs an active partner; revoking does not (a correction)
    ConflictException e = assertThrows(ConflictException.class,
        () -> tracker.renew(held.id(), 1, new Renewal(today, today.plusYears(2))));
    assertEquals(ConflictException.Reason.STATE, e.reason());
    assertTrue(String.valueOf(e.getMessage()).contains(p.id().toString()) && String.valueOf(e.getMessage()).contains("reactivate"),
        "the message names the partner and what to do: " + e.getMessage());
    assertEquals(held.certification(), tracker.get(held.id()), "the refused renewal changed nothing");
    assertEquals(2, tracker.history(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size(), "and added nothing");
    Certification revoked = tracker.revoke(other.id(), 1, new Revocation("auditor", "exam voided"));
    assertEquals(CertificationState.REVOKED, revoked.state());
    program.registry().reactivate(p.id(), inactive.version());
    TrackedCertification renewed = tracker.renew(held.id(), 1, new Renewal(today, today.plusYears(2)));
    assertEquals(Optional.of(held.id()), renewed.certification().renewalOf());
    assertEquals(List.of(renewed), tracker.certifications(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
  }

  @Test
  @DisplayName("invalid input is refused with every violation listed by field, and nothing is stored")
  void validation() {
    Partner p = partner("Strict", Tier.SILVER);
    ValidationException e = assertThrows(ValidationException.class, () -> tracker.add(p.id(),
        new NewCertification(" ", null, CertificationLevel.EXPERT, Optional.of("  "), today, today)));
    assertEquals(List.of("expiryDate", "holder", "level", "name", "skillArea"), e.fields());
    ValidationException dates = assertThrows(ValidationException.class, () -> tracker.add(p.id(),
        cert("x", SkillArea.FLEET_MANAGEMENT, CertificationLevel.BASIC, LocalDate.of(1899, 12, 31), LocalDate.of(1899, 1, 1))));
    assertEquals(List.of("expiryDate", "issueDate"), dates.fields());
    TrackedCertification ok = addExpiringIn(p.id(), 100, CertificationLevel.BASIC, SkillArea.FLEET_MANAGEMENT);
    ValidationException renewal = assertThrows(ValidationException.class,
        () -> tracker.renew(ok.id(), 0, new Renewal(null, ok.certification().expiryDate())));
    assertEquals(List.of("expectedVersion", "expiryDate", "issueDate"), renewal.fields(),
        "a renewal must end after the renewed record");
    assertEquals(List.of("reason", "revokedBy"), assertThrows(ValidationException.class,
        () -> tracker.revoke(ok.id(), 1, new Revocation("", null))).fields());
    assertEquals(List.of("days"), assertThrows(ValidationException.class, () -> tracker.expiringWithin(-1, PageRequest.first(PageRequest.MAX_LIMIT)).items()).fields());
    assertEquals(List.of(ok.certification()), tracker.history(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
  }

  @Test
  @DisplayName("a renewal keeps the earlier record in the history and adds a current one with the new dates")
  void renewal() {
    Partner p = partner("Renewer", Tier.PLATINUM);
    TrackedCertification first = tracker.add(p.id(), new NewCertification("Fleet Operator", SkillArea.FLEET_MANAGEMENT,
        CertificationLevel.EXPERT, Optional.of("Grace"), today.minusYears(2), today.plusDays(10)));
    clock.advanceDays(5);
    LocalDate renewedOn = program.today();
    TrackedCertification second = tracker.renew(first.id(), 1, new Renewal(renewedOn, renewedOn.plusYears(2)));
    Certification old = tracker.get(first.id());
    assertEquals(CertificationState.RENEWED, old.state());
    assertEquals(2, old.version());
    assertEquals(first.certification().expiryDate(), old.expiryDate(), "the earlier record keeps its dates");
    Certification next = second.certification();
    assertEquals(Optional.of(first.id()), next.renewalOf());
    assertEquals(List.of("Fleet Operator", "Grace"), List.of(next.name(), next.holder().orElseThrow()));
    assertEquals(CertificationLevel.EXPERT, next.level());
    assertEquals(renewedOn.plusYears(2), next.expiryDate());
    assertEquals(CertificationStatus.ACTIVE, second.status());
    assertEquals(List.of(second), tracker.certifications(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items(), "only the current record is listed");
    assertEquals(List.of(first.id(), second.id()), tracker.history(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(Certification::id).toList());
    ConflictException again = assertThrows(ConflictException.class,
        () -> tracker.renew(first.id(), 2, new Renewal(renewedOn, renewedOn.plusYears(3))));
    assertEquals(ConflictException.Reason.STATE, again.reason());
    assertTrue(String.valueOf(again.getMessage()).contains(second.id().toString()), "the message names the renewal: " + again.getMessage());
    assertEquals(ConflictException.Reason.STALE_VERSION, assertThrows(ConflictException.class,
        () -> tracker.renew(second.id(), 7, new Renewal(renewedOn, renewedOn.plusYears(3)))).reason());
  }

  @Test
  @DisplayName("a revoked certification stays in the history with who and why, and counts nowhere")
  void revocation() {
    Partner p = partner("Revoked", Tier.GOLD);
    TrackedCertification c = addExpiringIn(p.id(), 20, CertificationLevel.ADVANCED, SkillArea.CLOUD_OS_ADMINISTRATION);
    assertEquals(ConflictException.Reason.STALE_VERSION, assertThrows(ConflictException.class,
        () -> tracker.revoke(c.id(), 2, new Revocation("auditor", "stale"))).reason());
    Certification revoked = tracker.revoke(c.id(), 1, new Revocation(" auditor ", " exam voided "));
    assertEquals(CertificationState.REVOKED, revoked.state());
    assertEquals(Optional.of("auditor"), revoked.revokedBy());
    assertEquals(Optional.of("exam voided"), revoked.revocationReason());
    assertEquals(revoked, tracker.get(c.id()));
    assertEquals(List.of(), tracker.certifications(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items(), "a revoked certification is no longer listed as held");
    assertEquals(StatusCounts.NONE, tracker.counts(p.id()));
    assertEquals(List.of(), tracker.expiringWithin(90, PageRequest.first(PageRequest.MAX_LIMIT)).items(), "a revoked certification is not on the warning board");
    assertEquals(0, tracker.eligibility(p.id()).countedCertifications());
    assertEquals(List.of(revoked), tracker.history(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
    assertEquals(ConflictException.Reason.STATE, assertThrows(ConflictException.class,
        () -> tracker.revoke(c.id(), 2, new Revocation("auditor", "twice"))).reason());
  }

  @Test
  @DisplayName("the warning board lists every current certification expiring from today to N days ahead, across partners, "
      + "soonest first, then by partner id, then by id, whatever order they were added in")
  void warningBoard() {
    Partner a = partner("Board A", Tier.GOLD);
    Partner b = partner("Board B", Tier.SILVER);
    assertTrue(a.id().toString().compareTo(b.id().toString()) < 0, "the TCK's ids follow creation: A's is the smaller");
    // added latest expiry first, and partner B before partner A on the same day: the board sorts
    addExpiringIn(a.id(), 31, CertificationLevel.BASIC, SkillArea.MSP_OPERATIONS);
    TrackedCertification b30 = addExpiringIn(b.id(), 30, CertificationLevel.BASIC, SkillArea.FLEET_MANAGEMENT);
    TrackedCertification a30 = addExpiringIn(a.id(), 30, CertificationLevel.BASIC, SkillArea.MSP_OPERATIONS);
    TrackedCertification a30second = addExpiringIn(a.id(), 30, CertificationLevel.ADVANCED, SkillArea.FLEET_MANAGEMENT);
    TrackedCertification b7 = addExpiringIn(b.id(), 7, CertificationLevel.BASIC, SkillArea.CLOUD_OS_ADMINISTRATION);
    TrackedCertification aToday = addExpiringIn(a.id(), 0, CertificationLevel.ADVANCED, SkillArea.FLEET_MANAGEMENT);
    addExpiringIn(b.id(), -1, CertificationLevel.BASIC, SkillArea.MSP_OPERATIONS);
    TrackedCertification renewed = addExpiringIn(b.id(), 10, CertificationLevel.BASIC, SkillArea.CLOUD_OS_ADMINISTRATION);
    tracker.renew(renewed.id(), 1, new Renewal(today, today.plusDays(400)));
    List<TrackedCertification> board = tracker.expiringWithin(30, PageRequest.first(PageRequest.MAX_LIMIT)).items();
    assertEquals(List.of(aToday.id(), b7.id(), a30.id(), a30second.id(), b30.id()),
        board.stream().map(TrackedCertification::id).toList(), board.toString());
    assertEquals(List.of(aToday, b7, a30, a30second, b30), board, "each with its status and days today");
    assertEquals(List.of(aToday.id()), tracker.expiringWithin(0, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(TrackedCertification::id).toList());
    assertEquals(6, tracker.expiringWithin(31, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
    assertEquals(7, tracker.expiringWithin(400, PageRequest.first(PageRequest.MAX_LIMIT)).items().size(), "the renewal is on the board at its new date");
  }

  /**
   * Every page of a list that does not change meanwhile, through {@code lister}, {@code limit} at a
   * time: only the last page is short, and it alone has no token (a token never leads to an empty
   * page).
   */
  static <T> List<T> allPages(Function<PageRequest, Page<T>> lister, int limit) {
    return pages(lister, PageRequest.first(limit), true);
  }

  /** The pages of a list from {@code request} on, as {@link #allPages}, rows may have gone meanwhile. */
  static <T> List<T> pagesAfter(Function<PageRequest, Page<T>> lister, PageRequest request) {
    return pages(lister, request, false);
  }

  private static <T> List<T> pages(Function<PageRequest, Page<T>> lister, PageRequest request, boolean unchanged) {
    List<T> items = new ArrayList<>();
    PageRequest r = request;
    for (int pages = 0; pages < 1000; pages++) {
      Page<T> page = lister.apply(r);
      assertTrue(page.items().size() <= r.limit(), "a page holds at most its limit: " + page);
      if (unchanged && pages > 0) {
        assertFalse(page.items().isEmpty(), "a token led to an empty page: the page before it was the last one");
      }
      items.addAll(page.items());
      if (page.nextPageToken().isEmpty()) {
        return items;
      }
      assertEquals(r.limit(), page.items().size(), "only the last page may be short: " + page);
      r = r.withPageToken(page.nextPageToken().get());
    }
    throw new AssertionError("more than 1,000 pages: the pages do not end");
  }

  /** {@code token} with one character changed. */
  static String changed(String token) {
    int middle = token.length() / 2;
    return token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);
  }

  /** What a list says of a token it did not make (LIST-2). */
  static final Violation NOT_OURS = new Violation("pageToken", "is not a page token this listing made: give back a"
      + " nextPageToken unchanged, with the query that returned it");

  private TrackedCertification named(PartnerId partner, String name, LocalDate expiry) {
    return tracker.add(partner, cert(name, SkillArea.FLEET_MANAGEMENT, CertificationLevel.BASIC, expiry.minusYears(1), expiry));
  }

  private static List<CertificationId> ids(List<TrackedCertification> listed) {
    return listed.stream().map(TrackedCertification::id).toList();
  }

  @Test
  @DisplayName("LIST-4: a partner's current certifications page soonest expiry first, then by name key, then id, in the "
      + "tracker and the portal; of those added, renewed or revoked between pages, exactly the current ones after the "
      + "page's end come on later pages")
  void certificationPages() {
    Partner p = partner("Paged", Tier.GOLD);
    Partner other = partner("Other", Tier.GOLD);
    LocalDate d10 = today.plusDays(10);
    LocalDate d20 = today.plusDays(20);
    // added out of order: one expiry date with names whose keys sort otherwise than their text, and a
    // name key twice (the later id comes second)
    TrackedCertification charlie = named(p.id(), "charlie", d20);
    TrackedCertification bravo = named(p.id(), "Bravo", d10);
    TrackedCertification alpha = named(p.id(), "ALPHA", d20);
    TrackedCertification alphaAgain = named(p.id(), " alpha ", d20);
    TrackedCertification zulu = named(p.id(), "zulu", d10);
    TrackedCertification expired = named(p.id(), "Old", today.minusDays(3));
    TrackedCertification gone = named(p.id(), "Gone", d10);
    tracker.revoke(gone.id(), 1, new Revocation("admin", "not held"));
    named(other.id(), "Not mine", d10);
    List<CertificationId> expected = List.of(expired.id(), bravo.id(), zulu.id(), alpha.id(), alphaAgain.id(), charlie.id());
    for (int limit : new int[] {1, 2, 6, 7, PageRequest.MAX_LIMIT}) {
      assertEquals(expected, ids(allPages(r -> tracker.certifications(p.id(), r), limit)), "tracker, pages of " + limit);
      assertEquals(expected, ids(allPages(r -> program.portal(p.id()).certifications(r), limit)), "portal, pages of " + limit);
    }
    assertEquals(CertificationStatus.EXPIRED, tracker.certifications(p.id(), PageRequest.first(1)).items().get(0).status(),
        "each with its status today");

    Page<TrackedCertification> first = tracker.certifications(p.id(), PageRequest.first(2));
    assertEquals(List.of(expired.id(), bravo.id()), ids(first.items()));
    named(p.id(), "aaa", today.minusDays(9)); // before the page's end: not on later pages
    TrackedCertification bravoAgain = named(p.id(), "bravo", d10); // Bravo's key, a later id: after the end
    TrackedCertification yankee = named(p.id(), "yankee", d20.plusDays(1)); // after the end
    tracker.revoke(zulu.id(), 1, new Revocation("admin", "revoked meanwhile")); // no longer current
    TrackedCertification charlieRenewed = tracker.renew(charlie.id(), 1, new Renewal(today, d20.plusDays(2)));
    List<CertificationId> rest = ids(pagesAfter(r -> tracker.certifications(p.id(), r),
        PageRequest.first(2).withPageToken(first.nextPageToken().orElseThrow())));
    assertEquals(List.of(bravoAgain.id(), alpha.id(), alphaAgain.id(), yankee.id(), charlieRenewed.id()), rest,
        "the pages after the first, with what changed meanwhile");
  }

  @Test
  @DisplayName("LIST-2, LIST-4: a token of one partner's certifications is refused for another partner's, in the tracker "
      + "and the portal, as are a changed token, another list's token and a bad page request")
  void certificationTokensStayWithTheirPartner() {
    Partner p = partner("Owner", Tier.GOLD);
    Partner other = partner("Other", Tier.GOLD);
    for (String n : List.of("a", "b", "c")) {
      named(p.id(), n, today.plusDays(5));
      named(other.id(), n, today.plusDays(5));
    }
    String token = tracker.certifications(p.id(), PageRequest.first(1)).nextPageToken().orElseThrow();
    PageRequest next = PageRequest.first(1).withPageToken(token);
    assertEquals(1, program.portal(p.id()).certifications(next).items().size(), "the partner's portal continues the list");
    Violation another = new Violation("pageToken", "belongs to another query (its filters or sort differ): start again"
        + " from the first page");
    assertEquals(List.of(another), assertThrows(ValidationException.class,
        () -> tracker.certifications(other.id(), next)).violations());
    assertEquals(List.of(another), assertThrows(ValidationException.class,
        () -> program.portal(other.id()).certifications(next)).violations(), "the other partner's portal refuses it too");
    assertEquals(List.of(another), assertThrows(ValidationException.class, () -> tracker.history(p.id(), next)).violations(),
        "a token of the current certifications is no history token");
    assertEquals(List.of(another), assertThrows(ValidationException.class, () -> tracker.expiringWithin(30, next))
        .violations(), "nor a warning board token");
    assertEquals(List.of(NOT_OURS), assertThrows(ValidationException.class,
        () -> tracker.certifications(p.id(), PageRequest.first(1).withPageToken(changed(token)))).violations());
    assertEquals(List.of("limit"), assertThrows(ValidationException.class,
        () -> tracker.certifications(p.id(), PageRequest.first(PageRequest.MAX_LIMIT + 1))).fields());
  }

  @Test
  @DisplayName("LIST-4: a partner's certification history pages oldest first (creation time, then id), renewals and "
      + "revocations included; a renewal made between pages comes on a later page, and the token stays with the partner")
  void historyPages() {
    Partner p = partner("Historic", Tier.GOLD);
    Partner other = partner("Other", Tier.GOLD);
    TrackedCertification one = named(p.id(), "one", today.plusDays(50));
    TrackedCertification two = named(p.id(), "two", today.plusDays(5)); // the same instant: by id
    clock.advance(Duration.ofMinutes(1));
    TrackedCertification three = named(p.id(), "three", today.plusDays(500));
    TrackedCertification oneRenewed = tracker.renew(one.id(), 1, new Renewal(today, today.plusDays(900)));
    tracker.revoke(three.id(), 1, new Revocation("admin", "withdrawn"));
    named(other.id(), "not mine", today.plusDays(5));
    List<CertificationId> expected = List.of(one.id(), two.id(), three.id(), oneRenewed.id());
    for (int limit : new int[] {1, 2, 4, 5}) {
      assertEquals(expected, allPages(r -> tracker.history(p.id(), r), limit).stream().map(Certification::id).toList(),
          "pages of " + limit);
    }
    assertEquals(List.of(CertificationState.RENEWED, CertificationState.CURRENT, CertificationState.REVOKED,
        CertificationState.CURRENT), allPages(r -> tracker.history(p.id(), r), 3).stream().map(Certification::state).toList());

    Page<Certification> first = tracker.history(p.id(), PageRequest.first(2));
    clock.advance(Duration.ofMinutes(1));
    TrackedCertification twoRenewed = tracker.renew(two.id(), 1, new Renewal(today, today.plusDays(700)));
    assertEquals(List.of(three.id(), oneRenewed.id(), twoRenewed.id()),
        pagesAfter(r -> tracker.history(p.id(), r), PageRequest.first(2).withPageToken(first.nextPageToken().orElseThrow()))
            .stream().map(Certification::id).toList(), "every record once, the renewal made meanwhile last");
    assertEquals(List.of("pageToken"), assertThrows(ValidationException.class,
        () -> tracker.history(other.id(), PageRequest.first(2).withPageToken(first.nextPageToken().orElseThrow())))
        .fields(), "a token of one partner's history is refused for another's");
    assertEquals(List.of(NOT_OURS), assertThrows(ValidationException.class, () -> tracker.history(p.id(),
        PageRequest.first(2).withPageToken(changed(first.nextPageToken().orElseThrow())))).violations());
    assertThrows(NotFoundException.class, () -> tracker.history(new PartnerId(new UUID(0, 0xDEAD)),
        PageRequest.first(2)));
  }

  @Test
  @DisplayName("LIST-4: the warning board pages by expiry date, then partner id, then id, across partners; of those added "
      + "between pages only the ones after the page's end come later; a token is for the board of its days only; pages "
      + "read the next day continue in the next day's window")
  void boardPages() {
    Partner a = partner("Board A", Tier.GOLD);
    Partner b = partner("Board B", Tier.GOLD);
    assertTrue(a.id().toString().compareTo(b.id().toString()) < 0, "the TCK's ids follow creation: A's is the smaller");
    TrackedCertification b3 = named(b.id(), "b3", today.plusDays(3));
    TrackedCertification a3 = named(a.id(), "a3", today.plusDays(3));
    TrackedCertification a3second = named(a.id(), "a3 second", today.plusDays(3));
    TrackedCertification b0 = named(b.id(), "b0", today);
    TrackedCertification a30 = named(a.id(), "a30", today.plusDays(30));
    TrackedCertification b30 = named(b.id(), "b30", today.plusDays(30));
    TrackedCertification a31 = named(a.id(), "a31", today.plusDays(31));
    named(b.id(), "expired", today.minusDays(1));
    List<CertificationId> expected = List.of(b0.id(), a3.id(), a3second.id(), b3.id(), a30.id(), b30.id());
    for (int limit : new int[] {1, 2, 6, 7}) {
      assertEquals(expected, ids(allPages(r -> tracker.expiringWithin(30, r), limit)), "pages of " + limit);
    }

    Page<TrackedCertification> first = tracker.expiringWithin(30, PageRequest.first(3));
    assertEquals(List.of(b0.id(), a3.id(), a3second.id()), ids(first.items()));
    named(a.id(), "a1", today.plusDays(1)); // before the page's end
    TrackedCertification a3third = named(a.id(), "a3 third", today.plusDays(3)); // A's third on day 3: a later id
    TrackedCertification b10 = named(b.id(), "b10", today.plusDays(10));
    PageRequest next = PageRequest.first(3).withPageToken(first.nextPageToken().orElseThrow());
    assertEquals(List.of(a3third.id(), b3.id(), b10.id(), a30.id(), b30.id()),
        ids(pagesAfter(r -> tracker.expiringWithin(30, r), next)));
    assertEquals(List.of("pageToken"), assertThrows(ValidationException.class, () -> tracker.expiringWithin(31, next))
        .fields(), "the board of 31 days refuses a token of the board of 30");
    assertEquals(List.of(NOT_OURS), assertThrows(ValidationException.class, () -> tracker.expiringWithin(30,
        PageRequest.first(3).withPageToken(changed(first.nextPageToken().orElseThrow())))).violations());

    clock.advanceDays(1); // the window is now day 1 to day 31 of the test's first day
    assertEquals(List.of(a3third.id(), b3.id(), b10.id(), a30.id(), b30.id(), a31.id()),
        ids(pagesAfter(r -> tracker.expiringWithin(30, r), next)), "the next day, a31 joins the board after the position");
  }

  @Test
  @DisplayName("counts by status cover a partner's current certifications, and the program's across partners")
  void counts() {
    Partner a = partner("Count A", Tier.GOLD);
    Partner b = partner("Count B", Tier.GOLD);
    for (long d : new long[] {-30, -1, 0, 29, 30, 90, 91, 365}) {
      addExpiringIn(a.id(), d, CertificationLevel.BASIC, SkillArea.FLEET_MANAGEMENT);
    }
    addExpiringIn(b.id(), 45, CertificationLevel.ADVANCED, SkillArea.FLEET_MANAGEMENT);
    assertEquals(new StatusCounts(2, 2, 2, 2), tracker.counts(a.id()));
    assertEquals(new StatusCounts(0, 1, 0, 0), tracker.counts(b.id()));
    assertEquals(new StatusCounts(2, 3, 2, 2), tracker.counts());
    clock.advanceDays(1);
    assertEquals(new StatusCounts(1, 2, 2, 3), tracker.counts(a.id()), "one day later each band moved on");
  }

  @Test
  @DisplayName("the sweep reports each change once, also to a new program on the same store (a restart)")
  void sweepOnceAcrossRestarts() {
    Partner p = partner("Swept", Tier.GOLD);
    TrackedCertification c = addExpiringIn(p.id(), 91, CertificationLevel.ADVANCED, SkillArea.FLEET_MANAGEMENT);
    addExpiringIn(p.id(), 500, CertificationLevel.BASIC, SkillArea.FLEET_MANAGEMENT);
    assertTrue(tracker.reportStatusChanges().isEmpty(), "a new certification starts reported at its status");
    clock.advanceDays(1);
    List<StatusChange> first = tracker.reportStatusChanges();
    assertEquals(1, first.size());
    StatusChange change = first.get(0);
    assertEquals(c.id(), change.certification().id());
    assertEquals(CertificationStatus.ACTIVE, change.from());
    assertEquals(CertificationStatus.EXPIRING_SOON, change.to());
    assertEquals(program.today(), change.on());
    assertTrue(tracker.reportStatusChanges().isEmpty(), "reported once");
    try (PartnerProgram restarted = PartnerProgram.builder().clock(clock).store(store).build()) {
      assertTrue(restarted.certifications().reportStatusChanges().isEmpty(), "the store remembers what was reported");
      clock.advanceDays(100);
      List<StatusChange> jump = restarted.certifications().reportStatusChanges();
      assertEquals(1, jump.size(), "several steps between sweeps are one change: " + jump);
      assertEquals(CertificationStatus.EXPIRING_SOON, jump.get(0).from());
      assertEquals(CertificationStatus.EXPIRED, jump.get(0).to());
      LocalDate now = restarted.today();
      TrackedCertification renewed = restarted.certifications().renew(c.id(), 1, new Renewal(now, now.plusYears(2)));
      List<StatusChange> back = restarted.certifications().reportStatusChanges();
      assertEquals(1, back.size());
      assertEquals(renewed.id(), back.get(0).certification().id());
      assertEquals(CertificationStatus.EXPIRED, back.get(0).from(), "a renewal inherits what was reported");
      assertEquals(CertificationStatus.ACTIVE, back.get(0).to());
      assertTrue(back.get(0).improved(), "EXPIRED to ACTIVE is reported as an improvement: " + back.get(0));
    }
    assertEquals(List.of(), tracker.reportStatusChanges(), "what the restarted program reported is not reported again");
  }

  @Test
  @DisplayName("programs sweeping the same store at once report each change exactly once between them")
  @SuppressWarnings("EnumOrdinal") // picks values in turn for variety; their order does not matter
  void concurrentSweeps() throws Exception {
    Partner p = partner("Raced", Tier.SILVER);
    int n = 12;
    for (int i = 0; i < n; i++) {
      addExpiringIn(p.id(), 91 + i % 3, CertificationLevel.BASIC, SkillArea.values()[i % 4]);
    }
    clock.advanceDays(3);
    List<PartnerProgram> programs = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        programs.add(PartnerProgram.builder().clock(clock).store(i % 2 == 0 ? store : context().otherNode()).build());
      }
      List<StatusChange> all = Collections.synchronizedList(new ArrayList<>());
      concurrently(programs.size(), i -> () -> all.addAll(programs.get(i).certifications().reportStatusChanges()));
      assertEquals(n, all.size(), all.toString());
      assertEquals(n, all.stream().map(s -> s.certification().id()).distinct().count());
    } finally {
      programs.forEach(PartnerProgram::close);
    }
  }

  @Test
  @DisplayName("of concurrent renewals of one record exactly one succeeds; the others conflict and store nothing")
  void concurrentRenewals() throws Exception {
    Partner p = partner("Renewal Race", Tier.GOLD);
    TrackedCertification c = addExpiringIn(p.id(), 15, CertificationLevel.ADVANCED, SkillArea.FLEET_MANAGEMENT);
    List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
    concurrently(4, i -> () -> {
      try {
        outcomes.add(tracker.renew(c.id(), 1, new Renewal(today, today.plusYears(1 + i))));
      } catch (ConflictException e) {
        outcomes.add(e.reason());
      }
    });
    assertEquals(1, outcomes.stream().filter(o -> o instanceof TrackedCertification).count(), outcomes.toString());
    assertEquals(2, tracker.history(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
    assertEquals(1, tracker.certifications(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
  }

  @Test
  @DisplayName("eligibility on a future date shows what coming expiries will cost: Gold is lost on 2027-03-01 unless renewed")
  void eligibilityForecast() {
    Partner p = partner("Forecast", Tier.GOLD);
    LocalDate lastDay = LocalDate.of(2027, 2, 28);
    TrackedCertification ending = tracker.add(p.id(), cert("k8s", SkillArea.KUBERNETES_OPERATIONS,
        CertificationLevel.ADVANCED, LocalDate.of(2025, 3, 1), lastDay));
    tracker.add(p.id(), cert("fleet", SkillArea.FLEET_MANAGEMENT, CertificationLevel.ADVANCED,
        LocalDate.of(2025, 6, 1), LocalDate.of(2028, 6, 1)));
    EligibilityReport now = tracker.eligibility(p.id());
    assertEquals(Tier.GOLD, now.qualifiedTier().orElseThrow());
    assertEquals(LocalDate.of(2027, 3, 1), now.losesQualifiedTierOn().orElseThrow());
    EligibilityReport onLastDay = tracker.eligibility(p.id(), lastDay);
    assertTrue(onLastDay.qualifiesFor(Tier.GOLD), "a critical certification still counts on its last day");
    EligibilityReport after = tracker.eligibility(p.id(), LocalDate.of(2027, 3, 1));
    assertEquals(Tier.SILVER, after.qualifiedTier().orElseThrow());
    assertFalse(after.qualifiesForCurrentTier(), "on 2027-03-01 the Gold partner no longer qualifies for Gold");
    var unmet = after.assessment(Tier.GOLD).unmet();
    assertEquals(1, unmet.size());
    assertEquals(MinimumCertifications.atLevel(2, CertificationLevel.ADVANCED), unmet.get(0).requirement());
    assertEquals(1, unmet.get(0).have());
    assertEquals(2, unmet.get(0).need());
    tracker.renew(ending.id(), 1, new Renewal(today, LocalDate.of(2029, 2, 28)));
    assertTrue(tracker.eligibility(p.id(), LocalDate.of(2027, 3, 1)).qualifiesFor(Tier.GOLD), "renewed in time");
  }

  @Test
  @DisplayName("the store's compare-and-set refuses a wrong version and a wrong reported status")
  void storeCompareAndSet() {
    Partner p = partner("CAS Cert", Tier.GOLD);
    Certification c = addExpiringIn(p.id(), 100, CertificationLevel.ADVANCED, SkillArea.FLEET_MANAGEMENT).certification();
    Certification revoked = c.with(CertificationState.REVOKED, Optional.of("a"), Optional.of("b"), StoreTck.START, 2);
    assertFalse(store.<Boolean>write(tx -> tx.certifications().update(new CertificationRecord(revoked, Optional.empty()), 2)),
        "update with expected version 2 of a record stored at version 1 returns false");
    assertFalse(store.<Boolean>write(tx -> tx.certifications().markReported(c.id(), CertificationStatus.CRITICAL, CertificationStatus.EXPIRED)),
        "markReported expecting CRITICAL of a record reported ACTIVE returns false");
    assertEquals(new CertificationRecord(c, Optional.of(CertificationStatus.ACTIVE)), store.read(tx -> tx.certifications().find(c.id()).orElseThrow()));
    assertTrue(store.<Boolean>write(tx -> tx.certifications().markReported(c.id(), CertificationStatus.ACTIVE, CertificationStatus.EXPIRED)),
        "markReported expecting ACTIVE of a current record reported ACTIVE returns true");
    assertEquals(1, store.read(tx -> tx.certifications().find(c.id()).orElseThrow()).certification().version(),
        "marking a status reported does not change the record's version");
    assertTrue(store.<Boolean>write(tx -> tx.certifications().update(new CertificationRecord(revoked, Optional.empty()), 1)),
        "update with the stored version 1 returns true (markReported left the version at 1)");
    assertFalse(store.<Boolean>write(tx -> tx.certifications().markReported(c.id(), CertificationStatus.EXPIRED, CertificationStatus.ACTIVE)),
        "a record that is not current has no reported status to set");
    assertEquals(new CertificationRecord(revoked, Optional.empty()), store.read(tx -> tx.certifications().find(c.id()).orElseThrow()));
  }

  @Test
  @DisplayName("a renewal whose new record cannot be stored leaves the earlier record current: all or nothing")
  void renewalAtomicity() {
    Partner p = partner("Atomic Cert", Tier.GOLD);
    Certification c = addExpiringIn(p.id(), 100, CertificationLevel.ADVANCED, SkillArea.FLEET_MANAGEMENT).certification();
    ConflictException e = assertThrows(ConflictException.class, () -> store.write(tx -> {
      Instant at = StoreTck.START;
      tx.certifications().update(new CertificationRecord(
          c.with(CertificationState.RENEWED, Optional.empty(), Optional.empty(), at, 2), Optional.empty()), 1);
      // the same id again: the store must refuse it, and the update above must roll back
      tx.certifications().insert(new CertificationRecord(c, Optional.of(CertificationStatus.ACTIVE)));
      return true; // no result: a StoreWork must return non-null
    }));
    assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
    assertEquals(c, tracker.get(c.id()));
    assertEquals(1, tracker.certifications(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
    assertEquals(1, tracker.expiringWithin(100, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
  }

  @Test
  @DisplayName("the store's expiry-range queries return exactly the current records in the range, ends included")
  void storeRanges() {
    Partner p = partner("Ranges", Tier.SILVER);
    Partner q = partner("Ranges Other", Tier.SILVER);
    List<Certification> certs = new ArrayList<>();
    for (long d : new long[] {-5, 0, 1, 10, 100}) {
      certs.add(addExpiringIn(p.id(), d, CertificationLevel.BASIC, SkillArea.MSP_OPERATIONS).certification());
    }
    Certification other = addExpiringIn(q.id(), 10, CertificationLevel.BASIC, SkillArea.MSP_OPERATIONS).certification();
    tracker.revoke(certs.get(2).id(), 1, new Revocation("t", "gone"));
    LocalDate d0 = today;
    LocalDate d10 = today.plusDays(10);
    assertEquals(Set.of(certs.get(1).id(), certs.get(3).id(), other.id()), store.read(tx ->
        tx.certifications().currentExpiringBetween(d0, d10)).stream().map(r -> r.certification().id()).collect(Collectors.toSet()));
    assertEquals(List.of(1L, 1L, 1L, 1L), store.read(tx ->
        tx.certifications().countCurrentByExpiry(Optional.of(p.id()), List.of(d0, d10, d10.plusDays(1)))));
    assertEquals(List.of(1L, 4L), store.read(tx -> tx.certifications().countCurrentByExpiry(Optional.empty(), List.of(d0))));
    // reported when added: -5 EXPIRED, 0 CRITICAL, 10 CRITICAL (both partners), 100 ACTIVE
    assertEquals(Set.of(certs.get(0).id(), certs.get(1).id(), certs.get(3).id(), other.id()), store.read(tx ->
        tx.certifications().currentReportedOtherThan(CertificationStatus.ACTIVE, Optional.empty(), Optional.empty())).stream()
        .map(r -> r.certification().id()).collect(Collectors.toSet()));
    assertEquals(Set.of(certs.get(4).id()), store.read(tx ->
        tx.certifications().currentReportedOtherThan(CertificationStatus.CRITICAL, Optional.of(d10), Optional.empty())).stream()
        .map(r -> r.certification().id()).collect(Collectors.toSet()));
    assertEquals(Set.of(certs.get(1).id()), store.read(tx ->
        tx.certifications().currentReportedOtherThan(CertificationStatus.EXPIRED, Optional.empty(), Optional.of(d0))).stream()
        .map(r -> r.certification().id()).collect(Collectors.toSet()));
    assertEquals(6, store.<Integer>read(tx -> tx.certifications().byPartner(p.id()).size() + tx.certifications().byPartner(q.id()).size()));
  }

  /** Runs {@code body(i)} for i in 0..threads-1 at once and rethrows the first failure. */
  private static void concurrently(int threads, IntFunction<Runnable> body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Runnable r = body.apply(i);
        futures.add(pool.submit(() -> {
          start.await();
          r.run();
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
