package cloud.quazzar.partner.testkit.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Revocation;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.discount.AdjustmentKind;
import cloud.quazzar.partner.discount.AdjustmentRequest;
import cloud.quazzar.partner.discount.CancelRequest;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.events.RevenueCorrected;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.privacy.Erasure;
import cloud.quazzar.partner.privacy.ErasureRequest;
import cloud.quazzar.partner.privacy.PersonalData;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.review.GracePeriod;
import cloud.quazzar.partner.review.ReviewOutcome;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.LostUpdateStore;
import cloud.quazzar.partner.testkit.NullRefusingStore;
import cloud.quazzar.partner.testkit.TestClock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Paths of erasure and export (docs/privacy.md; rules PRIV-1 to PRIV-4 of docs/rules.md) that the
 * TCK's "Personal data" group does not take: the number of values each erasure reports, kind by
 * kind; erased reasons read {@link PersonalData#ERASED_TEXT} in the records and in the stored
 * events; a partner, client or certification changed by another node while the erasure ran; a null
 * id for the audit entries; and the export of a partner without clients, with its events' sequence
 * and type, its review outcomes and its grace period.
 */
class PersonalDataPathsTest {
  private static final ErasureRequest REQUEST = new ErasureRequest("dpo", "R-1");

  private final TestClock clock = TestClock.at(Instant.parse("2026-03-10T09:00:00Z"));

  private PartnerProgram program(Store store) {
    return PartnerProgram.builder().clock(clock).store(store).build();
  }

  private static NewCertification certification(String name, Optional<String> holder, LocalDate today, long days) {
    return new NewCertification(name, SkillArea.FLEET_MANAGEMENT, CertificationLevel.BASIC, holder,
        today.minusDays(10), today.plusDays(days));
  }

  /** Erases, checks that the erasure stored a new audit entry (so it changed something), and returns its count. */
  private static int erased(PartnerProgram program, PartnerId id) {
    int before = program.personalData().erasures(id).size();
    Erasure erasure = program.personalData().erase(id, REQUEST);
    assertEquals(before + 1, program.personalData().erasures(id).size(), "a new audit entry");
    return erasure.valuesErased();
  }

  @Test
  @DisplayName("PRIV-3: each erasure counts the values it replaced, kind by kind, stored events that carried them included")
  void valuesErasedKindByKind() {
    try (PartnerProgram program = program(MemoryStorage.create())) {
      LocalDate today = program.today();
      PartnerId id = program.registry().add(new NewPartner("Count Ltd", "ada@count.example", Tier.PLATINUM)).id();
      assertEquals(2, erased(program, id), "the contact email and the reason of the tier history's first entry");

      program.registry().addClient(id, new NewClient("Ada Client", 3));
      program.registry().addClient(id, new NewClient("Bob Client", 1));
      assertEquals(2, erased(program, id), "two client names");

      program.certifications().add(id, certification("Held", Optional.of("Ada Holder"), today, 200));
      assertEquals(1, erased(program, id), "a holder");

      Certification both = program.certifications().add(id, certification("Both", Optional.of("Bob Holder"), today, 200))
          .certification();
      program.certifications().revoke(both.id(), both.version(), new Revocation("ops", "left, told by Bob"));
      assertEquals(2, erased(program, id), "a holder and a revocation reason of one certification");

      Certification reasonOnly = program.certifications().add(id, certification("Reason", Optional.empty(), today, 200))
          .certification();
      program.certifications().revoke(reasonOnly.id(), reasonOnly.version(), new Revocation("ops", "per Ada"));
      assertEquals(1, erased(program, id), "the revocation reason of a certification without holder");
      for (Certification c : List.of(both, reasonOnly)) {
        Certification now = program.certifications().get(c.id());
        assertEquals(Optional.of(PersonalData.ERASED_TEXT), now.revocationReason(), "the revocation reason reads erased");
        assertEquals(Optional.empty(), now.holder());
      }

      Partner p = program.registry().get(id);
      program.registry().changeTier(id, p.version(), new TierChangeRequest(Tier.GOLD, "ops", "asked by Ada"));
      assertEquals(2, erased(program, id), "a tier change's reason and the TierChanged event that carries it");

      YearMonth month = YearMonth.from(today).minusMonths(1);
      program.revenue().record(RevenueRecording.of(id, month, Money.of("100.00", "EUR"), "rec-1"));
      program.revenue().correct(new RevenueCorrection(id, month, Optional.of(Money.of("120.00", "EUR")),
          Optional.empty(), Optional.empty(), "late invoice, per Ada", "fix-1", Optional.empty()));
      assertEquals(2, erased(program, id), "a correction's reason and the RevenueCorrected event that carries it");
      List<RevenueCorrected> corrected = program.events().ofPartner(id, 0, 1000).stream().map(EventRecord::event)
          .filter(e -> e instanceof RevenueCorrected).map(e -> (RevenueCorrected) e).toList();
      assertEquals(1, corrected.size());
      assertEquals(Optional.of(PersonalData.ERASED_TEXT), corrected.get(0).correction().reason(),
          "the stored event's correction reason reads erased");

      int planned = program.discounts().adjust(id, new AdjustmentRequest(AdjustmentKind.EXTRA, Rate.percent(2),
          Optional.of(today.plusDays(30)), Optional.empty(), "ops", "deal with Ada")).version();
      program.discounts().cancelAdjustment(id, planned, new CancelRequest("ops", "Ada asked to stop"));
      program.discounts().adjust(id, AdjustmentRequest.extra(Rate.percent(1), "ops", "renewed for Ada"));
      assertEquals(3, erased(program, id), "two adjustments' reasons and a cancellation's");

      program.certifications().add(id, certification("Expiring", Optional.of("Cy Holder"), today, 100));
      clock.advanceDays(80); // 20 days left: the sweep reports it CRITICAL, in an event that carries the holder
      assertEquals(1, program.certifications().reportStatusChanges().size());
      assertEquals(2, erased(program, id), "a holder and the CertificationStatusChanged event that carries it");

      List<Erasure> all = program.personalData().erasures(id);
      assertEquals(all.get(all.size() - 1), program.personalData().erase(id, REQUEST), "nothing left: the last entry");
      assertEquals(all, program.personalData().erasures(id));
    }
  }

  @Test
  @DisplayName("PRIV-1: a partner, client or certification changed by another node while the erasure ran is a"
      + " STALE_VERSION conflict naming it, and nothing of the erasure is stored")
  void changedMeanwhile() {
    LostUpdateStore store = new LostUpdateStore(MemoryStorage.create());
    try (PartnerProgram program = program(store)) {
      LocalDate today = program.today();
      PartnerId id = program.registry().add(new NewPartner("Race Ltd", "ada@race.example", Tier.GOLD)).id();
      Client client = program.registry().addClient(id, new NewClient("Ada Client", 3));
      String untouched = program.registry().get(id) + "\n" + program.registry().clients(id, PageRequest.first(10)).items();

      store.lose("update", () -> {});
      ConflictException e = assertThrows(ConflictException.class, () -> program.personalData().erase(id, REQUEST));
      assertEquals(ConflictException.Reason.STALE_VERSION, e.reason());
      assertEquals("partner " + id + " changed while its personal data was being erased: erase again", e.getMessage());
      assertEquals(untouched, program.registry().get(id) + "\n" + program.registry().clients(id, PageRequest.first(10)).items());
      assertEquals(List.of(), program.personalData().erasures(id));

      store.lose("updateClient", () -> {});
      e = assertThrows(ConflictException.class, () -> program.personalData().erase(id, REQUEST));
      assertEquals(ConflictException.Reason.STALE_VERSION, e.reason());
      assertEquals("client " + client.id() + " changed while its personal data was being erased: erase again",
          e.getMessage());
      assertEquals(untouched, program.registry().get(id) + "\n" + program.registry().clients(id, PageRequest.first(10)).items(),
          "the partner's email, erased before the client failed, is back too");
      assertEquals(List.of(), program.personalData().erasures(id));

      assertEquals(3, program.personalData().erase(id, REQUEST).valuesErased(),
          "erasing again succeeds: the email, the tier history's first reason, the client's name");
      TrackedCertification held = program.certifications().add(id, certification("Held", Optional.of("Ada Holder"), today, 200));
      store.lose("update", () -> {}); // the partner and its client are erased already: the certification's is the first update
      e = assertThrows(ConflictException.class, () -> program.personalData().erase(id, REQUEST));
      assertEquals(ConflictException.Reason.STALE_VERSION, e.reason());
      assertEquals("certification " + held.id() + " changed while its personal data was being erased: erase again",
          e.getMessage());
      assertEquals(Optional.of("Ada Holder"), program.certifications().get(held.id()).holder());
      assertEquals(1, program.personalData().erasures(id).size());
      assertEquals(0, store.lossesLeft());
    }
  }

  @Test
  @DisplayName("PRIV-3: the audit entries of a null partner id are a ValidationException on partnerId; the store is never asked")
  void erasuresOfNull() {
    try (PartnerProgram program = program(new NullRefusingStore(MemoryStorage.create()))) {
      assertEquals(List.of(new Violation("partnerId", "must not be null")),
          assertThrows(ValidationException.class, () -> program.personalData().erasures(null)).violations());
    }
  }

  private static String export(PartnerProgram program, PartnerId id) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    program.personalData().export(id, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String strings(List<?> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
  }

  @Test
  @DisplayName("PRIV-4: the export of a partner without clients, each event with its sequence and type, and a tier"
      + " review's outcome (its lists of actions and unmet requirements) and grace period")
  void exportOfAReviewedPartnerWithoutClients() {
    try (PartnerProgram program = program(MemoryStorage.create())) {
      PartnerId id = program.registry().add(new NewPartner("Review Ltd", "ada@review.example", Tier.GOLD)).id();
      // Gold without certifications does not meet the default requirements: at risk, a grace period starts
      ReviewOutcome outcome = program.reviews().run().outcomes().stream().filter(o -> o.partnerId().equals(id))
          .findFirst().orElseThrow();
      assertFalse(outcome.actions().isEmpty(), "the review acted: " + outcome);
      assertFalse(outcome.unmet().isEmpty(), "the review lists unmet requirements: " + outcome);
      GracePeriod grace = program.reviews().gracePeriod(id).orElseThrow();

      String json = export(program, id);

      assertTrue(json.contains("\"clients\":[],"), json);
      List<EventRecord> events = program.events().ofPartner(id, 0, 1000);
      assertFalse(events.isEmpty());
      for (EventRecord r : events) {
        assertTrue(json.contains("{\"sequence\":" + r.sequence() + ",\"type\":\"" + r.event().type() + "\",\"event\":{"),
            "event " + r.sequence() + " with its sequence and type: " + json);
      }
      assertTrue(json.contains("\"actions\":" + strings(outcome.actions()) + ","), json);
      assertTrue(json.contains("\"unmet\":" + strings(outcome.unmet()) + "}"), json);
      assertTrue(json.contains("\"gracePeriod\":{\"partnerId\":\"" + id.value() + "\",\"tier\":\"GOLD\",\"startedOn\":\""
          + grace.startedOn() + "\",\"demotionDueOn\":\"" + grace.demotionDueOn() + "\"}"), json);
    }
  }
}
