package cloud.quazzar.partner.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.portal.BillingStatement;
import cloud.quazzar.partner.portal.PartnerPortal;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.MonthReport;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.testkit.generators.CertificationGenerators;
import cloud.quazzar.partner.testkit.generators.PartnerGenerators;
import cloud.quazzar.partner.testkit.generators.RevenueGenerators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quicktheories.core.Gen;

/**
 * Rules PORTAL-1 and PORTAL-2 (isolation by construction): everything reachable through one partner's
 * {@link PartnerPortal} belongs to that partner, all of it is there, and another partner's client
 * id is refused exactly like a missing one. A property over random programs of 2 to 4 partners
 * with clients, certifications and revenue, run on the store under test; the programs of all
 * examples share the store, so a portal is also checked against the partners of earlier examples.
 */
@ExtendWith(PromiseMessages.class)
public abstract class PortalContract {
  /**
   * The test's store, clock and program.
   *
   * @return the running test's context
   */
  protected abstract TckContext context();

  /**
   * How many random programs to build and check.
   *
   * @return the number of programs, 1 or more
   */
  protected int examples() {
    return 20;
  }

  /** How many clients of earlier examples each portal also probes. */
  private static final int EARLIER_PROBES = 6;

  /**
   * One partner of a generated program.
   *
   * @param partner the partner to add
   * @param clients its clients
   * @param certifications its certifications
   * @param recordedMonths which of the last three months have a ledger entry (0 is the earliest)
   */
  record PartnerSpec(NewPartner partner, List<NewClient> clients, List<NewCertification> certifications,
      List<Integer> recordedMonths) {}

  private static Gen<List<PartnerSpec>> programs(LocalDate today) {
    Gen<PartnerSpec> spec = PartnerGenerators.newPartners().zip(
        lists().of(PartnerGenerators.newClients()).ofSizeBetween(0, 4),
        lists().of(CertificationGenerators.basicCertifications(today)).ofSizeBetween(0, 2),
        lists().of(integers().between(0, 2)).ofSizeBetween(0, 3),
        PartnerSpec::new);
    return lists().of(spec).ofSizeBetween(2, 4);
  }

  @Test
  @DisplayName("everything a portal reaches is its partner's, all of its partner's is there, and others' ids are missing ids")
  void portalReachesOnlyItsPartner(TestReporter reporter) {
    PartnerProgram program = context().program();
    LocalDate today = program.today();
    program.discounts().setPolicy(DiscountPolicy.builder().baseRate(Tier.SILVER, "5").baseRate(Tier.GOLD, "10")
        .baseRate(Tier.PLATINUM, "15").volumeStep(5, "2").build(), PolicyChange.today("tck", "portal statements"));
    MonthRange months = MonthRange.lastMonths(YearMonth.from(today), 3);
    List<Client> earlier = new ArrayList<>();
    int[] run = {0};
    long[] counts = {0, 0, 0}; // examples, portals checked, foreign client ids probed
    qt().withExamples(examples()).withShrinkCycles(5).forAll(programs(today)).checkAssert(specs -> {
      int example = ++run[0];
      counts[0]++;
      List<PartnerId> ids = build(program, specs, months, example);
      List<Client> mine = ids.stream().flatMap(id -> program.registry().clients(id, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()).toList();
      List<Client> probes = new ArrayList<>(mine);
      probes.addAll(earlier.subList(Math.max(0, earlier.size() - EARLIER_PROBES), earlier.size()));
      for (PartnerId id : ids) {
        check(program, id, ids, probes, months);
        counts[1]++;
        counts[2] += probes.stream().filter(c -> !c.partnerId().equals(id)).count();
      }
      List<Client> after = ids.stream().flatMap(id -> program.registry().clients(id, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()).toList();
      assertEquals(mine, after, "no portal call changed a client");
      earlier.addAll(mine);
    });
    reporter.publishEntry("portal figures [" + program.store().description() + "]", "examples=" + counts[0]
        + ", portals checked=" + counts[1] + ", foreign client ids probed=" + counts[2] + " (3 calls each)");
  }

  private static void check(PartnerProgram program, PartnerId id, List<PartnerId> partners, List<Client> probes,
      MonthRange months) {
    PartnerPortal portal = program.portal(id);
    Partner own = portal.partner();
    assertEquals(id, own.id());
    assertEquals(id, portal.partnerId());
    assertEquals(own.tier().benefits(), portal.benefits());

    List<Client> clients = portal.clients(PageRequest.first(PageRequest.MAX_LIMIT)).items();
    clients.forEach(c -> assertEquals(id, c.partnerId(), "client " + c));
    assertEquals(program.registry().clients(id, PageRequest.first(PageRequest.MAX_LIMIT)).items(), clients, "all own clients");

    List<TrackedCertification> certs = portal.certifications(PageRequest.first(PageRequest.MAX_LIMIT)).items();
    certs.forEach(t -> assertEquals(id, t.certification().partnerId(), "certification " + t));
    assertEquals(program.certifications().certifications(id, PageRequest.first(PageRequest.MAX_LIMIT)).items(), certs, "all own certifications");

    List<MonthReport> reported = portal.revenue(months).months();
    reported.forEach(m -> assertEquals(id, m.entry().partnerId(), "revenue row " + m.entry()));
    assertEquals(program.revenue().partnerReport(id, months), portal.revenue(months));

    StringWriter viaPortal = new StringWriter();
    StringWriter viaLedger = new StringWriter();
    long rows;
    try {
      rows = portal.exportCsv(months, viaPortal);
      program.revenue().exportCsv(RevenueFilter.all().withPartner(id).withMonths(months), viaLedger);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertEquals(reported.size(), rows, "one CSV row per own month");
    assertEquals(viaLedger.toString(), viaPortal.toString(), "the portal's CSV is the ledger's for this partner");
    // names hold no control characters (line breaks are cleaned to spaces), so a line is a record
    List<String> lines = List.of(viaPortal.toString().split("\r\n"));
    assertEquals(rows + 1, lines.size(), "a header and one line per row");
    lines.subList(1, lines.size()).forEach(l -> assertTrue(l.contains("," + id + ","), "own id in CSV line " + l));
    for (PartnerId other : partners) {
      if (!other.equals(id)) {
        assertFalse(viaPortal.toString().contains(other.toString()), "another partner's id in the CSV: " + other);
      }
    }

    // the policy starts today, so only this month has a statement, and only with a ledger entry
    Money cost = Money.of("100.00", "USD");
    if (reported.stream().anyMatch(m -> m.entry().month().equals(months.to()))) {
      BillingStatement statement = portal.statement(months.to(), cost);
      assertEquals(id, statement.partnerId());
      assertEquals(List.of(statement), portal.statements(MonthRange.of(months.to()), cost));
    } else {
      assertThrows(NotFoundException.class, () -> portal.statement(months.to(), cost));
    }

    for (Client probe : probes) {
      if (probe.partnerId().equals(id)) {
        assertEquals(program.registry().findClient(probe.id()).orElseThrow(), portal.client(probe.id()));
      } else {
        String missing = new NotFoundException("client", probe.id()).getMessage();
        assertEquals(missing, assertThrows(NotFoundException.class, () -> portal.client(probe.id())).getMessage());
        assertEquals(missing, assertThrows(NotFoundException.class,
            () -> portal.renameClient(probe.id(), probe.version(), "taken")).getMessage());
        assertEquals(missing, assertThrows(NotFoundException.class,
            () -> portal.setServerCount(probe.id(), probe.version(), 1)).getMessage());
      }
    }
  }

  /** Builds one example's partners; generated duplicates (names) are skipped, as the registry refuses them. */
  private static List<PartnerId> build(PartnerProgram program, List<PartnerSpec> specs, MonthRange months, int example) {
    List<PartnerId> ids = new ArrayList<>();
    int p = 0;
    for (PartnerSpec spec : specs) {
      p++;
      Partner partner;
      try {
        partner = program.registry().add(spec.partner());
      } catch (ConflictException duplicateName) {
        continue;
      }
      ids.add(partner.id());
      for (NewClient client : spec.clients()) {
        try {
          program.registry().addClient(partner.id(), client);
        } catch (ConflictException duplicateName) {
          // skipped, as above
        }
      }
      spec.certifications().forEach(c -> program.certifications().add(partner.id(), c));
      for (int m : spec.recordedMonths().stream().distinct().sorted(Comparator.naturalOrder()).toList()) {
        YearMonth month = months.from().plusMonths(m);
        program.revenue().record(RevenueRecording.of(partner.id(), month,
            Money.ofMinor(1000L * p + m, RevenueGenerators.currencyOf(p)), "portal-" + example + "-" + p + "-" + month));
      }
    }
    return ids;
  }
}
