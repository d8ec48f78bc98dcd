package cloud.quazzar.partner.testkit.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.portal.PartnerPortal;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.MonthReport;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.CertificationGenerators;
import cloud.quazzar.partner.testkit.generators.PartnerGenerators;
import cloud.quazzar.partner.testkit.generators.RevenueGenerators;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Property: over random programs of 2 to 4 partners with clients, certifications and revenue,
 * everything reachable through one partner's portal belongs to that partner, all of it is there,
 * and every other partner's client id is refused exactly like a missing id.
 */
class PortalIsolationPropertiesTest {
  private static final Instant NOW = Instant.parse("2026-04-10T09:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 4, 10);
  private static final MonthRange MONTHS = new MonthRange(YearMonth.of(2026, 1), YearMonth.of(2026, 3));

  /** One partner of a generated program. */
  record PartnerSpec(NewPartner partner, List<NewClient> clients, List<NewCertification> certifications,
      List<Integer> recordedMonths) {}

  private static Gen<PartnerSpec> partnerSpecs() {
    return PartnerGenerators.newPartners().zip(
        lists().of(PartnerGenerators.newClients()).ofSizeBetween(0, 4),
        lists().of(CertificationGenerators.basicCertifications(TODAY)).ofSizeBetween(0, 2),
        lists().of(integers().between(0, 2)).ofSizeBetween(0, 3),
        PartnerSpec::new);
  }

  private static Gen<List<PartnerSpec>> programs() {
    return lists().of(partnerSpecs()).ofSizeBetween(2, 4);
  }

  @Test
  @DisplayName("everything a portal reaches is its partner's, and all of its partner's is there")
  void portalReachesOnlyItsPartner() {
    qt().withExamples(60).forAll(programs()).checkAssert(PortalIsolationPropertiesTest::check);
  }

  private static void check(List<PartnerSpec> specs) {
    try (PartnerProgram program = PartnerProgram.builder().clock(TestClock.at(NOW)).build()) {
      List<PartnerId> ids = build(program, specs);
      List<Client> allClients = ids.stream().flatMap(id -> program.registry().clients(id).stream()).toList();
      for (PartnerId id : ids) {
        PartnerPortal portal = program.portal(id);
        Partner own = portal.partner();
        assertEquals(id, own.id());
        assertEquals(own.tier().benefits(), portal.benefits());

        List<Client> clients = portal.clients();
        clients.forEach(c -> assertEquals(id, c.partnerId(), "client " + c));
        assertEquals(program.registry().clients(id), clients, "all own clients");

        List<TrackedCertification> certs = portal.certifications();
        certs.forEach(t -> assertEquals(id, t.certification().partnerId(), "certification " + t));
        assertEquals(program.certifications().certifications(id), certs, "all own certifications");

        List<MonthReport> months = portal.revenue(MONTHS).months();
        months.forEach(m -> assertEquals(id, m.entry().partnerId(), "revenue row " + m.entry()));
        assertEquals(program.revenue().partnerReport(id, MONTHS), portal.revenue(MONTHS));

        StringWriter out = new StringWriter();
        long rows = exportCsv(portal, out);
        List<List<String>> csv = Csv.parse(out.toString());
        assertEquals(rows + 1, csv.size(), "header and one record per row");
        assertEquals(months.size(), rows, "one CSV row per own month");
        csv.subList(1, csv.size()).forEach(r -> assertEquals(id.toString(), r.get(1), "CSV row " + r));

        for (Client other : allClients) {
          if (other.partnerId().equals(id)) {
            assertEquals(other, portal.client(other.id()));
          } else {
            NotFoundException e = assertThrows(NotFoundException.class,
                () -> portal.renameClient(other.id(), other.version(), "taken"));
            assertEquals(new NotFoundException("client", other.id()).getMessage(), e.getMessage());
            assertThrows(NotFoundException.class, () -> portal.client(other.id()));
          }
        }
      }
      assertEquals(allClients, ids.stream().flatMap(id -> program.registry().clients(id).stream()).toList(),
          "no portal call changed another partner's client");
    }
  }

  private static long exportCsv(PartnerPortal portal, StringWriter out) {
    try {
      return portal.exportCsv(MONTHS, out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Builds the program; generated duplicates (names) are skipped, as the registry refuses them. */
  private static List<PartnerId> build(PartnerProgram program, List<PartnerSpec> specs) {
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
          // skipped
        }
      }
      spec.certifications().forEach(c -> program.certifications().add(partner.id(), c));
      for (int m : spec.recordedMonths().stream().distinct().sorted(Comparator.naturalOrder()).toList()) {
        YearMonth month = MONTHS.from().plusMonths(m);
        program.revenue().record(RevenueRecording.of(partner.id(), month,
            Money.ofMinor(1000L * p + m, RevenueGenerators.currencyOf(p)), "p" + p + "-" + month));
      }
    }
    return ids;
  }
}
