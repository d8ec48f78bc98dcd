package cloud.quazzar.partner.examples;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.registry.Benefits;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

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
    try (PartnerProgram program = PartnerProgram.builder()
        .clock(Clock.systemUTC())
        .zone(ZoneId.systemDefault())
        .storage(JdbcStorage.h2File(dir.resolve("partners")))
        .build()) {
      new Quickstart(program, System.out).run(dir);
    }
  }

  void run(Path dir) {
    out.println("Quazzar Partner Program quickstart");
    out.println("store: " + program.store().description());
    long stored = program.registry().list(PartnerQuery.all()).total();
    if (stored == 0) {
      int clients = seed(program.registry());
      out.printf("first run: created %d partners with %d clients in %s%n",
          program.registry().list(PartnerQuery.all()).total(), clients, dir);
    } else {
      Partner oldest = program.registry().list(PartnerQuery.all().page(0, PartnerQuery.MAX_LIMIT)).items().stream()
          .min(Comparator.comparing(Partner::createdAt)).orElseThrow();
      out.printf("found the stored data of an earlier run: %d partners, created %s, in %s%n",
          stored, oldest.createdAt(), dir);
    }
    out.println();
    printPartners();
  }

  /** The demo program: one partner per interesting case of the source document. */
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
    for (Partner p : program.registry().list(PartnerQuery.all().page(0, PartnerQuery.MAX_LIMIT)).items()) {
      Benefits b = p.benefits();
      out.printf(format, p.companyName(), p.tier(), p.serverCount(), p.clientCount(),
          b.discountLevel(), yesNo(b.portalAccess()), yesNo(b.prioritySupport()), yesNo(b.coMarketing()),
          yesNo(b.dedicatedAccountManager()), b.certificationAccess());
    }
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }
}
