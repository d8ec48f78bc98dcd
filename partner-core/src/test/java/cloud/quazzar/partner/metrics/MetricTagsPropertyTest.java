package cloud.quazzar.partner.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.PartnerProgramException;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.internal.observe.Operation;
import cloud.quazzar.partner.internal.observe.Outcome;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.spi.Store;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * OPS-11: whatever the calls, every tag value comes from a fixed set (or is a listener name the
 * host chose): never a partner id, client id or other value of the data.
 */
class MetricTagsPropertyTest {
  private static final Set<String> LISTENERS = Set.of("billing", "crm");
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "service", Arrays.stream(Operation.values()).map(Operation::service).collect(Collectors.toSet()),
      "operation", Arrays.stream(Operation.values()).map(Operation::operation).collect(Collectors.toSet()),
      "outcome", Arrays.stream(Outcome.values()).map(Outcome::tag).collect(Collectors.toSet()),
      "layer", Set.of("store", "core"),
      "kind", Set.of("recording", "correction"),
      "result", Set.of("created", "replayed"),
      "status", Set.of("active", "expiring_soon", "critical", "expired"),
      "listener", LISTENERS);
  private static final int OPERATIONS = 14;

  @Test
  @DisplayName("OPS-11: after random calls (succeeding or failing), no tag value holds an id or other data")
  void noUnboundedTagValues() {
    qt().withExamples(40).forAll(lists().of(integers().between(0, OPERATIONS - 1)).ofSizeBetween(1, 40))
        .checkAssert(ops -> {
          MovingClock clock = new MovingClock(PartnerProgramMetricsTest.START);
          Store store = MemoryStorage.create();
          try (PartnerProgram program = PartnerProgram.builder().clock(clock).store(store).eventExecutor(r -> {}).build()) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            program.events().subscribe("billing", r -> {});
            PartnerProgramMetrics.of(program).bindTo(registry);
            program.certifications().subscribe("crm", change -> {});
            List<String> data = new ArrayList<>();
            List<Partner> partners = new ArrayList<>();
            int i = 0;
            for (int op : ops) {
              i++;
              try {
                run(program, op, i, partners, data);
              } catch (PartnerProgramException expected) {
                // failing calls are observed too: their outcome, never their message
              }
              clock.advance(Duration.ofSeconds(7));
              registry.getMeters().forEach(m -> m.measure().forEach(x -> {})); // a scrape
            }
            List<String> bad = new ArrayList<>();
            for (Meter m : registry.getMeters()) {
              for (Tag t : m.getId().getTags()) {
                Set<String> allowed = ALLOWED.get(t.getKey());
                if (allowed == null || !allowed.contains(t.getValue())
                    || data.stream().anyMatch(d -> t.getValue().contains(d))) {
                  bad.add(m.getId().getName() + " " + t);
                }
              }
            }
            assertEquals(List.of(), bad, "tags outside the fixed sets, or holding data");
          } finally {
            store.close();
          }
        });
  }

  private static void run(PartnerProgram program, int op, int i, List<Partner> partners, List<String> data) {
    PartnerId someone = partners.isEmpty() ? new PartnerId(UUID.randomUUID()) : partners.get(i % partners.size()).id();
    data.add(someone.toString());
    LocalDate today = program.today();
    YearMonth month = YearMonth.from(today).minusMonths(1 + i % 3);
    switch (op) {
      case 0 -> {
        Partner p = program.registry().add(new NewPartner("Partner " + i, "ops" + i + "@p.example", Tier.GOLD));
        partners.add(p);
        data.add(p.id().toString());
        data.add(p.companyName());
      }
      case 1 -> program.registry().get(someone);
      case 2 -> program.registry().find(new PartnerId(UUID.randomUUID()));
      case 3 -> program.registry().changeTier(someone, i, new TierChangeRequest(Tier.PLATINUM, "ops", "review " + i));
      case 4 -> data.add(program.registry().addClient(someone, new NewClient("Client " + i, i)).id().toString());
      case 5 -> program.discounts().quote(someone, Money.of("100.00", "EUR"));
      case 6 -> program.revenue().record(RevenueRecording.of(someone, month, Money.of("10.00", "EUR"), "key-" + i % 4));
      case 7 -> program.revenue().correct(RevenueCorrection.of(someone, month, "fix-" + i, "why " + i)
          .withMrr(Money.of(i + ".00", "EUR")));
      case 8 -> data.add(program.certifications().add(someone, new NewCertification("Cert " + i,
          SkillArea.CLOUD_OS_ADMINISTRATION, CertificationLevel.BASIC, Optional.empty(), today.minusYears(1),
          today.plusDays(i))).certification().id().toString());
      case 9 -> program.portal(someone).benefits();
      case 10 -> program.events().deliverPending();
      case 11 -> program.registry().list(PartnerQuery.all().withLimit(5));
      case 12 -> program.revenue().history(someone, month, PageRequest.first());
      default -> program.registry().deactivate(someone, 1);
    }
  }
}
