package cloud.quazzar.partner.testkit.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.portal.PartnerPortal;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.testkit.TestClock;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Example tests of the portal's isolation rule (rules PORTAL-1, PORTAL-2). */
class PortalIsolationTest {
  private static final YearMonth JAN = YearMonth.of(2026, 1);

  private final TestClock clock = TestClock.at(Instant.parse("2026-02-10T09:00:00Z"));
  private final PartnerProgram program = PartnerProgram.builder().store(MemoryStorage.create()).clock(clock).build();
  private final Partner acme = program.registry().add(new NewPartner("Acme Cloud", "ops@acme.example", Tier.GOLD));
  private final Partner beta = program.registry().add(new NewPartner("Beta Hosting", "ops@beta.example", Tier.SILVER));
  private final Client acmeClient = program.registry().addClient(acme.id(), new NewClient("Shop", 10));
  private final Client betaClient = program.registry().addClient(beta.id(), new NewClient("Bank", 20));
  private final PartnerPortal portal = program.portal(acme.id());

  @AfterEach
  void close() {
    program.close();
  }

  /** Runs {@code call} and returns what it threw. */
  private static NotFoundException notFound(Executable call) {
    return assertThrows(NotFoundException.class, call);
  }

  private void sameAsMissing(Consumer<ClientId> call) {
    ClientId missing = new ClientId(UUID.randomUUID());
    NotFoundException other = notFound(() -> call.accept(betaClient.id()));
    NotFoundException none = notFound(() -> call.accept(missing));
    NotFoundException registryNone = notFound(() -> program.registry().renameClient(missing, 1, "X"));
    assertEquals(none.getClass(), other.getClass());
    assertEquals("client " + betaClient.id() + " not found", other.getMessage());
    assertEquals("client " + missing + " not found", none.getMessage());
    assertEquals(registryNone.getMessage(), none.getMessage(), "the registry's own message");
    assertEquals(none.getMessage().replace(missing.toString(), betaClient.id().toString()), other.getMessage());
    assertEquals(List.of("client", "client"), List.of(other.entity(), none.entity()));
  }

  @Test
  @DisplayName("another partner's client id reads, renames and re-counts exactly like an id that does not exist")
  void otherClientIsNotFound() {
    sameAsMissing(portal::client);
    sameAsMissing(id -> portal.renameClient(id, 1, "Mine now"));
    sameAsMissing(id -> portal.setServerCount(id, 1, 999));
    Client untouched = program.registry().findClient(betaClient.id()).orElseThrow();
    assertEquals(betaClient, untouched, "nothing of the other partner's client changed");
  }

  @Test
  @DisplayName("once the other partner's client is deleted, asking for it gives the very same exception")
  void sameBeforeAndAfterDeletion() {
    NotFoundException before = notFound(() -> portal.renameClient(betaClient.id(), 1, "X"));
    program.registry().removeClient(betaClient.id(), betaClient.version());
    NotFoundException after = notFound(() -> portal.renameClient(betaClient.id(), 1, "X"));
    assertEquals(after.getClass(), before.getClass());
    assertEquals(after.getMessage(), before.getMessage());
  }

  @Test
  @DisplayName("invalid input fails alike for another partner's id and a missing id: validation comes first")
  void validationFirst() {
    ClientId missing = new ClientId(UUID.randomUUID());
    ValidationException other = assertThrows(ValidationException.class,
        () -> portal.setServerCount(betaClient.id(), 0, -1));
    ValidationException none = assertThrows(ValidationException.class, () -> portal.setServerCount(missing, 0, -1));
    assertEquals(none.getMessage(), other.getMessage());
    ValidationException blank = assertThrows(ValidationException.class, () -> portal.renameClient(betaClient.id(), 1, " "));
    ValidationException blankNone = assertThrows(ValidationException.class, () -> portal.renameClient(missing, 1, " "));
    assertEquals(blankNone.getMessage(), blank.getMessage());
  }

  @Test
  @DisplayName("an unknown partner has no portal: \"partner <id> not found\"")
  void unknownPartner() {
    PartnerId unknown = new PartnerId(UUID.randomUUID());
    NotFoundException e = notFound(() -> program.portal(unknown));
    assertEquals("partner " + unknown + " not found", e.getMessage());
  }

  @Test
  @DisplayName("the own partner's data is reachable and changeable; the other's stays out of every list")
  void ownData() {
    assertEquals(acme.id(), portal.partner().id());
    assertEquals(Tier.GOLD.benefits(), portal.benefits());
    assertEquals(List.of(acmeClient), portal.clients(PageRequest.first(PageRequest.MAX_LIMIT)).items());
    assertEquals(acmeClient, portal.client(acmeClient.id()));
    Client renamed = portal.renameClient(acmeClient.id(), acmeClient.version(), "Shop EU");
    Client counted = portal.setServerCount(renamed.id(), renamed.version(), 60);
    Client added = portal.addClient(new NewClient("Bank", 5));
    assertEquals(acme.id(), added.partnerId(), "a client of the same name as the other partner's is fine");
    assertEquals(65, portal.partner().serverCount());
    assertEquals(List.of(added, counted), portal.clients(PageRequest.first(PageRequest.MAX_LIMIT)).items());

    program.certifications().add(beta.id(), new NewCertification(
        "Beta cert", SkillArea.FLEET_MANAGEMENT, CertificationLevel.BASIC, Optional.empty(),
        LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1)));
    program.certifications().add(acme.id(), new NewCertification(
        "Acme cert", SkillArea.MSP_OPERATIONS, CertificationLevel.BASIC, Optional.empty(),
        LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1)));
    assertEquals(List.of("Acme cert"),
        portal.certifications(PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(t -> t.certification().name()).toList());
  }

  @Test
  @DisplayName("revenue and the CSV export hold only the partner's own months")
  void ownRevenue() throws Exception {
    program.revenue().record(RevenueRecording.of(acme.id(), JAN, Money.of("100.00", "USD"), "a-jan").withCounts(10, 1));
    program.revenue().record(RevenueRecording.of(beta.id(), JAN, Money.of("900.00", "USD"), "b-jan").withCounts(20, 1));
    MonthRange range = MonthRange.of(JAN);
    assertEquals(List.of(acme.id()),
        portal.revenue(range).months().stream().map(m -> m.entry().partnerId()).toList());
    StringWriter out = new StringWriter();
    assertEquals(1, portal.exportCsv(range, out));
    List<List<String>> csv = Csv.parse(out.toString());
    assertEquals(2, csv.size());
    assertEquals(acme.id().toString(), csv.get(1).get(1));
    assertTrue(!out.toString().contains(beta.id().toString()));
  }
}
