package cloud.quazzar.partner.examples;

import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.registry.Benefits;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.EligibilityReport;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.StatusCounts;
import cloud.quazzar.partner.certification.TierAssessment;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.certification.UnmetRequirement;
import cloud.quazzar.partner.portal.BillingStatement;
import cloud.quazzar.partner.portal.PartnerPortal;
import cloud.quazzar.partner.revenue.BatchResult;
import cloud.quazzar.partner.revenue.Direction;
import cloud.quazzar.partner.revenue.MoneyTrend;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.MonthReport;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.review.ReviewAction;
import cloud.quazzar.partner.review.ReviewMode;
import cloud.quazzar.partner.review.ReviewPolicy;
import cloud.quazzar.partner.review.ReviewOutcome;
import cloud.quazzar.partner.review.ReviewReport;
import cloud.quazzar.partner.revenue.RevenueRecording;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The main job: a small partner program on the embedded H2 file store. The first run creates it;
 * every later run finds the stored data and says so.
 *
 * <p>Usage: {@code java -jar partner-examples/target/quickstart.jar [data-directory]} (default
 * {@code quickstart-data} in the working directory).
 */
public final class Quickstart {
  private final PartnerProgram program;
  private final PrintStream out;

  Quickstart(PartnerProgram program, PrintStream out) {
    this.program = program;
    this.out = out;
  }

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "quickstart-data").toAbsolutePath();
    ZoneId zone = ZoneId.systemDefault();
    Clock now = Clock.systemUTC();
    // The demo's history begins at the start of the six months it shows: the first run creates the
    // partners and the discount policy with the program's clock set to that day, so last month's
    // billing statement has a policy and a tier history to quote from (a policy version never takes
    // effect in the past, rule DISC-5).
    LocalDate historyStart = YearMonth.now(now.withZone(zone)).minusMonths(MONTHS_SHOWN - 1).atDay(1);
    Clock then = Clock.fixed(historyStart.atStartOfDay(zone).toInstant(), zone);
    boolean firstRun;
    try (PartnerProgram past = open(dir, then, zone)) {
      firstRun = past.registry().count(PartnerQuery.all()) == 0;
      if (firstRun) {
        seed(past.registry());
        setPolicy(past.discounts());
      }
    }
    try (PartnerProgram program = open(dir, now, zone)) {
      new Quickstart(program, System.out).run(dir, firstRun);
    }
  }

  private static PartnerProgram open(Path dir, Clock clock, ZoneId zone) {
    return PartnerProgram.builder()
        .clock(clock)
        .zone(zone)
        .storage(JdbcStorage.h2File(dir.resolve("partners")))
        .build();
  }

  void run(Path dir, boolean firstRun) {
    out.println("Quazzar Partner Program quickstart");
    out.println("store: " + program.store().description());
    long stored = program.registry().count(PartnerQuery.all());
    if (firstRun) {
      seedCertifications();
      long clients = allPartners().stream().mapToLong(Partner::clientCount).sum();
      out.printf("first run: created %d partners with %d clients in %s%n", stored, clients, dir);
    } else {
      Partner oldest = program.registry().list(PartnerQuery.all().sortedBy(PartnerSort.CREATED, SortDirection.ASCENDING)
          .withLimit(1)).items().get(0);
      out.printf("found the stored data of an earlier run: %d partners, created %s, in %s%n",
          stored, oldest.createdAt(), dir);
    }
    out.println();
    printPartners();
    out.println();
    discounts();
    out.println();
    printCertificationBoard();
    printEligibility("Atlas Cloud Services");
    out.println();
    revenue(dir);
    out.println();
    portal("Atlas Cloud Services");
    out.println();
    events();
    out.println();
    review();
  }

  // ---- domain events --------------------------------------------------------------------------

  static final String AUDIT_LISTENER = "quickstart-audit";

  /**
   * A durable listener: its cursor is stored in the H2 file, so the second run's listener resumes
   * after the events the first run's accepted and gets only what happened since.
   */
  void events() {
    java.util.Map<String, Integer> byType = new java.util.TreeMap<>();
    long before;
    try {
      before = program.events().cursor(AUDIT_LISTENER);
    } catch (cloud.quazzar.partner.NotFoundException e) {
      before = 0;
    }
    program.events().subscribe(AUDIT_LISTENER, r -> {
      synchronized (byType) {
        byType.merge(r.event().type(), 1, Integer::sum);
      }
    });
    program.events().deliverPending(); // waits for what the subscription started
    long after = program.events().cursor(AUDIT_LISTENER);
    program.events().unsubscribe(AUDIT_LISTENER);
    out.printf("Events: %d in the log; listener '%s' resumed after event %d and accepted %d%n",
        program.events().lastSequence(), AUDIT_LISTENER, before, after - before);
    synchronized (byType) {
      byType.forEach((type, n) -> out.printf("  %-30s %d%n", type, n));
    }
  }

  // ---- tier review ----------------------------------------------------------------------------

  /** Recommendations only, so that the quickstart's stored tiers never change from run to run. */
  static final ReviewPolicy QUICKSTART_REVIEW = ReviewPolicy.builder()
      .demotionMode(ReviewMode.RECOMMEND_ONLY)
      .promotionMode(ReviewMode.RECOMMEND_ONLY)
      .build();

  /** Today's tier review: each partner's verdict; a second run the same day returns the same. */
  void review() {
    if (!program.reviews().policy().equals(QUICKSTART_REVIEW)) {
      program.reviews().configure(QUICKSTART_REVIEW);
    }
    ReviewReport report = program.reviews().run();
    out.printf("Tier review %s (grace period %d days; demotions and promotions recommended only)%n",
        report.date(), QUICKSTART_REVIEW.gracePeriodDays());
    for (Partner p : allPartners()) {
      report.outcome(p.id()).ifPresent(o -> {
        out.printf("  %-22s %-8s %s%n", p.companyName(), o.tierBefore(), verdictInWords(o));
        o.unmet().forEach(u -> out.println("      missing " + u));
      });
    }
  }

  /**
   * The verdict as a sentence: "keeps GOLD", "qualifies for PLATINUM: promotion recommended", "at
   * risk: in grace until 2027-03-08, then moves to SILVER", and what the review did.
   */
  static String verdictInWords(ReviewOutcome o) {
    String target = o.targetTier().map(Tier::name).orElse("?");
    String words = switch (o.verdict()) {
      case KEEP -> "keeps " + o.tierAfter();
      case PROMOTE -> o.tierChanged() ? "promoted to " + o.tierAfter() : "qualifies for " + target
          + ": promotion recommended";
      case AT_RISK -> {
        if (o.tierChanged()) {
          yield "at risk: demoted to " + o.tierAfter();
        } else if (o.demotionDueOn().isPresent()) {
          yield "at risk: keeps its tier in grace until " + o.demotionDueOn().orElseThrow().minusDays(1)
              + ", then moves to " + target;
        } else if (o.actions().contains(ReviewAction.DEMOTION_RECOMMENDED)) {
          yield "at risk: grace period over, demotion to " + target + " recommended";
        } else {
          yield "at risk: already at the lowest tier";
        }
      }
    };
    if (o.actions().contains(ReviewAction.GRACE_STARTED)) {
      return words + " (grace period started today)";
    }
    if (o.actions().contains(ReviewAction.GRACE_ENDED_REQUALIFIED)) {
      return words + " (requalified: grace period ended)";
    }
    return words;
  }

  /** The demo program: one partner per interesting case of the rules. */
  static int seed(PartnerRegistry registry) {
    record Demo(String name, String email, Tier tier, List<NewClient> clients) {}
    List<Demo> demos = List.of(
        new Demo("Atlas Cloud Services", "partners@atlas.example", Tier.GOLD,
            List.of(new NewClient("Harbor Logistics", 30), new NewClient("Metro Schools", 20))),
        new Demo("Evergreen IT", "hello@evergreen.example", Tier.SILVER,
            List.of(new NewClient("City Council", 25), new NewClient("Green Grocers", 24))),
        new Demo("Northwind Hosting", "ops@northwind.example", Tier.SILVER,
            List.of(new NewClient("Blue Bakery", 4), new NewClient("Corner Clinic", 6))),
        new Demo("Summit Systems", "alliances@summit.example", Tier.PLATINUM,
            List.of(new NewClient("Polar Bank", 120), new NewClient("Tundra Retail", 85),
                new NewClient("Glacier Media", 40))),
        new Demo("Orbit MSP", "team@orbit.example", Tier.PLATINUM,
            List.of(new NewClient("Comet Labs", 60))),
        new Demo("Pixel Forge", "studio@pixelforge.example", Tier.SILVER, List.of()));
    int clients = 0;
    for (Demo d : demos) {
      Partner p = registry.add(new NewPartner(d.name(), d.email(), d.tier()));
      for (NewClient c : d.clients()) {
        registry.addClient(p.id(), c);
        clients++;
      }
      if (d.name().equals("Evergreen IT")) {
        registry.changeTier(p.id(), p.version(),
            new TierChangeRequest(Tier.GOLD, "quickstart", "passed the Gold review"));
      }
    }
    return clients;
  }

  void printPartners() {
    out.println("Partners");
    String format = "%-22s %-9s %7s %7s  %-9s %-6s %-8s %-5s %-7s %-8s%n";
    out.printf(format, "company", "tier", "servers", "clients", "discount", "portal", "priority", "co-mk", "manager", "certs");
    for (Partner p : program.registry().list(PartnerQuery.all().withLimit(PartnerQuery.MAX_LIMIT)).items()) {
      Benefits b = p.benefits();
      out.printf(format, p.companyName(), p.tier(), p.serverCount(), p.clientCount(),
          b.discountLevel(), yesNo(b.portalAccess()), yesNo(b.prioritySupport()), yesNo(b.coMarketing()),
          yesNo(b.dedicatedAccountManager()), b.certificationAccess());
    }
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }

  // ---- discounts ------------------------------------------------------------------------------

  /** The administrator's policy (the example of rule DISC-2: Gold 15%, +5% from 50 servers) and each partner's quote. */
  static void setPolicy(DiscountEngine discounts) {
    discounts.setPolicy(DiscountPolicy.builder()
            .baseRate(Tier.SILVER, "10")
            .baseRate(Tier.GOLD, "15")
            .baseRate(Tier.PLATINUM, "20")
            .volumeStep(50, "5") // "50+ servers": 50 or more
            .volumeStep(200, "8") // from 200 servers +8% instead of +5%
            .build(),
        PolicyChange.today("admin", "partner price list"));
  }

  void discounts() {
    DiscountEngine discounts = program.discounts();
    out.println("Discount policy: Silver 10%, Gold 15%, Platinum 20%; +5% from 50 servers, +8% from 200");
    Money monthly = Money.of("1000.00", "USD");
    out.println("Quotes on a monthly licensing fee of " + monthly);
    for (Partner p : allPartners()) {
      DiscountQuote q = discounts.quote(p.id(), monthly);
      out.printf("%-22s %s%n", p.companyName(), q);
      q.explanation().forEach(line -> out.println("    " + line));
    }
  }

  // ---- certifications -------------------------------------------------------------------------

  void seedCertifications() {
    CertificationTracker certs = program.certifications();
    LocalDate today = program.today();
    record Demo(String partner, String name, SkillArea area, CertificationLevel level, String holder, int daysLeft) {}
    List<Demo> demos = List.of(
        new Demo("Atlas Cloud Services", "Kubernetes Operator", SkillArea.KUBERNETES_OPERATIONS, CertificationLevel.ADVANCED, "Ada Park", 20),
        new Demo("Atlas Cloud Services", "Fleet Automation Engineer", SkillArea.FLEET_MANAGEMENT, CertificationLevel.ADVANCED, "Ben Ode", 400),
        new Demo("Atlas Cloud Services", "Cloud OS Administrator", SkillArea.CLOUD_OS_ADMINISTRATION, CertificationLevel.BASIC, "Cy Lane", -12),
        new Demo("Summit Systems", "MSP Business Lead", SkillArea.MSP_OPERATIONS, CertificationLevel.EXPERT, "Dee Holm", 75),
        new Demo("Evergreen IT", "Fleet Operator", SkillArea.FLEET_MANAGEMENT, CertificationLevel.BASIC, "Fay Quinn", 45));
    List<Partner> partners = allPartners();
    for (Demo d : demos) {
      partners.stream().filter(p -> p.companyName().equals(d.partner())).findFirst().ifPresent(p -> {
        LocalDate expiry = today.plusDays(d.daysLeft());
        certs.add(p.id(), new NewCertification(d.name(), d.area(), d.level(), Optional.of(d.holder()), expiry.minusYears(2),
            expiry));
      });
    }
  }

  /**
   * Whether the process runs on a terminal. Up to Java 21 a console exists only then; from Java 22
   * {@code System.console()} is never null and {@code Console.isTerminal()} tells.
   */
  @SuppressWarnings("SystemConsoleNull") // the null check is for Java 17 to 21; isTerminal() covers 22 on
  private static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return Boolean.TRUE.equals(Console.class.getMethod("isTerminal").invoke(console));
    } catch (ReflectiveOperationException e) {
      return true; // before Java 22: the console is the terminal
    }
  }

  void printCertificationBoard() {
    CertificationTracker certs = program.certifications();
    boolean colour = onTerminal() && !"dumb".equals(System.getenv("TERM"));
    out.println("Certifications (today " + program.today() + ")");
    String format = "%-22s %-26s %-24s %-8s %-10s %5s  %s%n";
    out.printf(format, "partner", "certification", "skill area", "level", "expires", "days", "status");
    for (Partner p : allPartners()) {
      for (TrackedCertification t : certs.certifications(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items()) {
        var c = t.certification();
        out.printf(format, p.companyName(), c.name(), c.skillArea().displayName(), c.level(), c.expiryDate(),
            t.daysToExpiry(), indicator(t.status(), colour));
      }
    }
    StatusCounts n = certs.counts();
    int within30 = certs.expiringWithin(30, PageRequest.first(PageRequest.MAX_LIMIT)).items().size();
    out.printf("%d active, %d expiring soon, %d critical, %d expired; %d %s within 30 days%n%n",
        n.active(), n.expiringSoon(), n.critical(), n.expired(), within30, within30 == 1 ? "expires" : "expire");
  }

  /** The indicator: a coloured dot and word in a terminal that supports it, the plain word otherwise. */
  private static String indicator(CertificationStatus s, boolean colour) {
    if (!colour) {
      return s.label();
    }
    String ansi = switch (s.colour()) {
      case GREEN -> "\u001B[32m";
      case YELLOW -> "\u001B[33m";
      case ORANGE -> "\u001B[38;5;208m";
      case RED -> "\u001B[31m";
    };
    return ansi + "\u25CF " + s.label() + "\u001B[0m";
  }

  void printEligibility(String companyName) {
    Partner p = allPartners().stream().filter(x -> x.companyName().equals(companyName)).findFirst().orElseThrow();
    EligibilityReport r = program.certifications().eligibility(p.id());
    out.printf("Eligibility of %s on %s: tier %s, qualifies for %s%n", p.companyName(), r.date(), r.currentTier(),
        r.qualifiedTier().map(Tier::name).orElse("no tier"));
    for (TierAssessment a : r.tiers()) {
      out.printf("  %-8s %s%n", a.tier(), a.qualified() ? "qualified" : "not qualified");
      for (UnmetRequirement u : a.unmet()) {
        out.printf("           missing: %s%n", u.explanation());
      }
    }
    r.losesQualifiedTierOn().ifPresent(day -> out.printf("  without renewals it loses %s on %s%n",
        r.qualifiedTier().orElseThrow(), day));
  }

  // ---- revenue --------------------------------------------------------------------------------

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final int MONTHS_SHOWN = 6;

  void revenue(Path dir) {
    MonthRange last6 = MonthRange.lastMonths(YearMonth.from(program.today()), MONTHS_SHOWN);
    BatchResult run = recordLastMonths(last6);
    out.printf("revenue: %d month(s) recorded now, %d already in the ledger (idempotency keys)%n",
        run.createdCount(), run.replayedCount());
    printRevenue(last6);
    Path csv = dir.resolve("revenue.csv");
    try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      long rows = program.revenue().exportCsv(RevenueFilter.all().withMonths(last6), w);
      out.printf("%nCSV for accounting (%d rows): %s%n", rows, csv.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keys name partner and month, so a later run stores nothing new. */
  private BatchResult recordLastMonths(MonthRange months) {
    List<RevenueRecording> batch = new ArrayList<>();
    int i = 0;
    for (Partner p : allPartners()) {
      i++;
      int m = 0;
      for (YearMonth month : months.months()) {
        m++;
        if (p.companyName().equals("Pixel Forge") && m <= 3) {
          continue; // a newer partner: its first months are missing, so no trend there
        }
        long cents = (p.serverCount() * 40_00L + (m * 137L * i) % 9_000L) * (100 + m) / 100;
        batch.add(RevenueRecording.of(p.id(), month, Money.ofMinor(cents, EUR), "quickstart/" + p.id() + "/" + month));
      }
    }
    return program.revenue().recordAll(batch);
  }

  private void printRevenue(MonthRange months) {
    out.println();
    out.println("Revenue, " + months + " (MRR, month-over-month change)");
    StringBuilder header = new StringBuilder(String.format("%-22s", "company"));
    months.months().forEach(m -> header.append(String.format(" %17s", m)));
    out.println(header);
    for (Partner p : allPartners()) {
      StringBuilder line = new StringBuilder(String.format("%-22s", p.companyName()));
      List<MonthReport> reports = program.revenue().partnerReport(p.id(), months).months();
      for (YearMonth month : months.months()) {
        MonthReport r = reports.stream().filter(x -> x.month().equals(month)).findFirst().orElse(null);
        line.append(String.format(" %17s", r == null ? "-" : cell(r.mrrTrend(), r.entry().mrr())));
      }
      out.println(line);
    }
  }

  /** "4,120.00 ↑ +3.1%"; the percent is absent when the previous month is zero or missing. */
  private static String cell(MoneyTrend t, Money mrr) {
    String arrow = t.direction().map(Direction::arrow).orElse(" ");
    String percent = t.percent().map(p -> String.format("%+.1f%%", p)).orElse("");
    return String.format("%,.2f %s %s", mrr.toBigDecimal(), arrow, percent).strip();
  }

  // ---- portal ---------------------------------------------------------------------------------

  /**
   * What one partner sees in its portal after the host has authenticated it: its own record and its
   * billing statement for last month (the host gives the month's licensing cost).
   */
  void portal(String companyName) {
    Partner p = allPartners().stream().filter(x -> x.companyName().equals(companyName)).findFirst().orElseThrow();
    PartnerPortal portal = program.portal(p.id());
    YearMonth lastMonth = YearMonth.from(program.today()).minusMonths(1);
    BillingStatement s = portal.statement(lastMonth, Money.of("1000.00", "EUR"));
    out.printf("Portal of %s (%s, %d clients): billing statement for %s%n",
        portal.partner().companyName(), portal.partner().tier(), portal.partner().clientCount(), s.month());
    out.printf("  licensing %s, discount %s, net %s (tier %s, %d servers on %s)%n",
        s.licensingCost(), s.discount(), s.net(), s.tier(), s.serverCount(), s.quote().date());
    out.printf("  ledger: MRR %s, %d servers, %d clients%n", s.mrr(), s.serverCount(), s.clientCount());
    s.explanation().forEach(line -> out.println("    " + line));
  }

  private List<Partner> allPartners() {
    return program.registry().list(PartnerQuery.all().withLimit(PartnerQuery.MAX_LIMIT)).items();
  }
}
