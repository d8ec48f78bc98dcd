package cloud.quazzar.partner.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
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
import cloud.quazzar.partner.events.PartnerDataErased;
import cloud.quazzar.partner.portal.PartnerPortal;
import cloud.quazzar.partner.privacy.Erasure;
import cloud.quazzar.partner.privacy.ErasureRequest;
import cloud.quazzar.partner.privacy.PersonalData;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ContactUpdate;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueRecording;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rules PRIV-1 to PRIV-4 (docs/rules.md): erasure removes a partner's personal data from every
 * record, history and the event log, so that neither the API nor the store's tables hold it (the
 * search reads every stored value, {@link StoreTck#storedText()}), keeps the figures and an audit
 * entry, touches no other partner and is idempotent; the export holds everything about one
 * partner as one JSON document.
 *
 * <p>Each partner's personal values carry a marker of its own ({@code qzv1}, {@code qzv2}) that no
 * other value holds, so a search for the marker finds exactly the personal data left. Idempotency
 * keys are the host's identifiers, not personal data (docs/privacy.md): they carry no marker.
 */
@ExtendWith(PromiseMessages.class)
public abstract class PrivacyContract {
  /**
   * The test's store, clock and program.
   *
   * @return the running test's context
   */
  protected abstract TckContext context();

  /** A partner given personal data with its marker in every kind of place that can hold it. */
  private record Subject(PartnerId id, String marker, YearMonth month) {}

  private Subject subject(String marker) {
    PartnerProgram program = context().program();
    LocalDate today = program.today();
    Partner p = program.registry().add(new NewPartner("Privacy " + marker.substring(3) + " Hosting Ltd",
        "ada." + marker + "@example.org", Tier.SILVER));
    PartnerId id = p.id();
    program.registry().changeTier(id, p.version(), new TierChangeRequest(Tier.GOLD, "ops",
        "asked by Ada " + marker.toUpperCase(Locale.ROOT)));
    program.registry().addClient(id, new NewClient("Ada " + marker + " Lovelace", 3));
    program.registry().addClient(id, new NewClient("Grace " + marker + " Hopper", 2));
    program.certifications().add(id, new NewCertification("Cloud Architect", SkillArea.CLOUD_OS_ADMINISTRATION,
        CertificationLevel.BASIC, Optional.of("Ada " + marker + " Holder"), today.minusDays(10),
        today.plusDays(100)));
    TrackedCertification revoked = program.certifications().add(id, new NewCertification("Security Basics",
        SkillArea.FLEET_MANAGEMENT, CertificationLevel.BASIC, Optional.of("Bob " + marker), today.minusDays(10),
        today.plusDays(300)));
    program.certifications().revoke(revoked.certification().id(), revoked.certification().version(),
        new Revocation("ops", "left the company, told by Ada " + marker));
    YearMonth month = YearMonth.from(today).minusMonths(1);
    program.revenue().record(RevenueRecording.of(id, month, Money.of("1200.00", "EUR"), "rec-" + id.value()));
    program.revenue().correct(new RevenueCorrection(id, month, Optional.of(Money.of("1250.00", "EUR")),
        Optional.empty(), Optional.empty(), "late invoice, per Ada " + marker, "fix-" + id.value(), Optional.empty()));
    // a version can be cancelled only before it takes effect: the first starts in a month
    int planned = program.discounts().adjust(id, new AdjustmentRequest(AdjustmentKind.EXTRA, Rate.percent(2),
        Optional.of(today.plusDays(30)), Optional.empty(), "ops", "deal with Ada " + marker)).version();
    program.discounts().cancelAdjustment(id, planned, new CancelRequest("ops", "Ada " + marker + " asked to stop"));
    program.discounts().adjust(id, AdjustmentRequest.extra(Rate.percent(1), "ops", "renewed for Ada " + marker));
    return new Subject(id, marker, month);
  }

  /** Lower-cased stored values holding {@code marker}. */
  private List<String> storedWith(String marker) {
    List<String> found = new ArrayList<>();
    context().storedText().forEach(text -> {
      if (text.toLowerCase(Locale.ROOT).contains(marker)) {
        found.add(text);
      }
    });
    return found;
  }

  /** What the API gives about the partner, as text: every list, the portal, the events, the exports. */
  private String everythingReadable(PartnerId id, YearMonth month) throws IOException {
    PartnerProgram program = context().program();
    StringBuilder all = new StringBuilder();
    all.append(program.registry().get(id)).append(program.registry().clients(id, PageRequest.first(1000)))
        .append(program.registry().tierHistory(id, PageRequest.first(1000)))
        .append(program.certifications().certifications(id, PageRequest.first(1000))).append(program.certifications().history(id, PageRequest.first(1000)))
        .append(program.certifications().expiringWithin(400, PageRequest.first(1000)))
        .append(program.revenue().history(id, month, PageRequest.first(1000))).append(program.revenue().current(id, month))
        .append(program.discounts().adjustmentHistory(id, PageRequest.first(1000)))
        .append(program.reviews().history(id, PageRequest.first(1000)))
        .append(program.events().after(0, 10_000)).append(program.personalData().erasures(id));
    PartnerPortal portal = program.portal(id);
    all.append(portal.partner()).append(portal.clients(PageRequest.first(1000))).append(portal.certifications(PageRequest.first(1000)));
    StringWriter csv = new StringWriter();
    program.revenue().exportCsv(RevenueFilter.all(), csv);
    all.append(csv);
    all.append(export(id));
    return all.toString().toLowerCase(Locale.ROOT);
  }

  private String export(PartnerId id) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    context().program().personalData().export(id, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("after erasure no API call, export, event or stored value holds the partner's personal data;"
      + " another partner's is untouched")
  void erasureRemovesPersonalDataEverywhere() throws IOException {
    PartnerProgram program = context().program();
    Subject erased = subject("qzv1");
    Subject kept = subject("qzv2");
    context().clock().advanceDays(80); // the first certifications turn WARNING: status events carry them
    assertFalse(program.certifications().reportStatusChanges().isEmpty(), "the sweep reports the status changes");
    assertFalse(storedWith("qzv1").isEmpty(), "the search of stored values sees the personal data before erasure");
    assertTrue(everythingReadable(erased.id(), erased.month()).contains("qzv1"), "the API shows it before erasure");

    Erasure erasure = program.personalData().erase(erased.id(), new ErasureRequest("dpo", "Art. 17 request R-77"));

    assertEquals(List.of(), storedWith("qzv1"), "stored values that still hold the erased partner's personal data");
    String readable = everythingReadable(erased.id(), erased.month());
    assertFalse(readable.contains("qzv1"), "the API still shows erased personal data: " + excerpt(readable, "qzv1"));
    assertFalse(storedWith("qzv2").isEmpty(), "the other partner's personal data is kept");
    assertTrue(everythingReadable(kept.id(), kept.month()).contains("ada.qzv2@example.org"),
        "the other partner's contact email is kept");
    // email, 2 client names, 2 holders, a revocation reason, a tier reason, a correction reason,
    // 2 adjustment reasons and a cancellation reason, and the events that carried them
    assertTrue(erasure.valuesErased() >= 12, "values erased: " + erasure.valuesErased());
  }

  @Test
  @DisplayName("erasure keeps the figures, tiers and months, records an audit entry and a PartnerDataErased event")
  void erasureKeepsFiguresAndAudit() {
    PartnerProgram program = context().program();
    Subject s = subject("qzv1");
    Partner before = program.registry().get(s.id());
    List<RevenueEntry> ledgerBefore = program.revenue().history(s.id(), s.month(), PageRequest.first(1000)).items();
    Erasure erasure = program.personalData().erase(s.id(), new ErasureRequest(" dpo ", "Art. 17 request R-77"));

    Partner after = program.registry().get(s.id());
    assertEquals(PersonalData.ERASED_EMAIL, after.contactEmail());
    assertEquals(before.companyName(), after.companyName(), "the company name is the accounting identity: kept");
    assertEquals(before.tier(), after.tier());
    assertEquals(before.status(), after.status());
    assertEquals(before.serverCount(), after.serverCount());
    assertEquals(before.clientCount(), after.clientCount());
    for (Client c : program.registry().clients(s.id(), PageRequest.first(1000)).items()) {
      assertEquals(PersonalData.ERASED_CLIENT_PREFIX + c.id(), c.name());
    }
    List<RevenueEntry> ledgerAfter = program.revenue().history(s.id(), s.month(), PageRequest.first(1000)).items();
    assertEquals(ledgerBefore.size(), ledgerAfter.size());
    for (int i = 0; i < ledgerBefore.size(); i++) {
      RevenueEntry b = ledgerBefore.get(i);
      RevenueEntry a = ledgerAfter.get(i);
      assertEquals(List.of(b.id(), b.month(), b.revision(), b.kind(), b.mrr(), b.serverCount(), b.clientCount(),
          b.idempotencyKey(), b.recordedAt()), List.of(a.id(), a.month(), a.revision(), a.kind(), a.mrr(),
          a.serverCount(), a.clientCount(), a.idempotencyKey(), a.recordedAt()), "the ledger's figures are kept");
      assertEquals(b.reason().map(r -> PersonalData.ERASED_TEXT), a.reason());
    }
    assertEquals(List.of(Tier.SILVER, Tier.GOLD), program.registry().tierHistory(s.id(), PageRequest.first(10))
        .items().stream().map(c -> c.to()).toList(), "the tier history is kept");
    assertEquals(new Erasure(s.id(), context().program().clock().instant(), "dpo", "Art. 17 request R-77",
        erasure.valuesErased()), erasure, "the audit entry: who (cleaned), why and when");
    assertEquals(List.of(erasure), program.personalData().erasures(s.id()));
    List<EventRecord> events = program.events().ofPartner(s.id(), 0, 1000);
    assertEquals(new PartnerDataErased(s.id(), erasure.erasedAt()), events.get(events.size() - 1).event());
  }

  @Test
  @DisplayName("erasing again changes nothing and returns the last entry; new personal data is erased by the next erasure")
  void erasureIsIdempotent() {
    PartnerProgram program = context().program();
    Subject s = subject("qzv1");
    Erasure first = program.personalData().erase(s.id(), new ErasureRequest("dpo", "R-77"));
    long events = program.events().lastSequence();
    context().clock().advanceDays(1);

    assertEquals(first, program.personalData().erase(s.id(), new ErasureRequest("dpo", "R-77 again")));
    assertEquals(List.of(first), program.personalData().erasures(s.id()));
    assertEquals(events, program.events().lastSequence(), "no event for an erasure that changed nothing");

    Partner p = program.registry().get(s.id());
    program.registry().updateContact(s.id(), p.version(), new ContactUpdate(p.companyName(), "new.qzv3@example.org"));
    Erasure second = program.personalData().erase(s.id(), new ErasureRequest("dpo", "R-78"));
    assertEquals(1, second.valuesErased());
    assertEquals(List.of(first, second), program.personalData().erasures(s.id()));
    assertEquals(List.of(), storedWith("qzv3"));
  }

  @Test
  @SuppressWarnings("NullAway") // the parsed document's sections are checked by the first assertion
  @DisplayName("the export holds everything about one partner as one JSON document, and nothing of another")
  void exportHoldsThePartnersData() {
    PartnerProgram program = context().program();
    Subject s = subject("qzv1");
    Subject other = subject("qzv2");
    String json = export(s.id());
    Map<String, Object> doc = parse(json);

    assertEquals(List.of("format", "formatVersion", "exportedAt", "partner", "tierHistory", "clients", "certifications",
        "discountAdjustments", "revenueEntries", "reviewOutcomes", "gracePeriod", "events", "erasures"),
        new ArrayList<>(doc.keySet()), "the document's sections, in order (docs/privacy.md)");
    assertEquals("quazzar-partner-export", doc.get("format"));
    Map<?, ?> partner = (Map<?, ?>) doc.get("partner");
    assertEquals(s.id().value().toString(), partner.get("id"));
    assertEquals("ada.qzv1@example.org", partner.get("contactEmail"));
    assertEquals(2, ((List<?>) doc.get("tierHistory")).size());
    assertEquals(2, ((List<?>) doc.get("clients")).size());
    assertEquals(2, ((List<?>) doc.get("certifications")).size());
    assertEquals(2, ((List<?>) doc.get("discountAdjustments")).size());
    List<?> entries = (List<?>) doc.get("revenueEntries");
    assertEquals(2, entries.size(), "every revision of the month");
    assertEquals(Map.of("amount", "1250.00", "currency", "EUR"), ((Map<?, ?>) entries.get(1)).get("mrr"));
    assertEquals(program.events().ofPartner(s.id(), 0, 1000).size(), ((List<?>) doc.get("events")).size());
    for (String part : List.of("Ada qzv1 Lovelace", "Ada qzv1 Holder", "deal with Ada qzv1", "late invoice, per Ada qzv1")) {
      assertTrue(json.contains(part), "the export holds " + part);
    }
    assertFalse(json.toLowerCase(Locale.ROOT).contains("qzv2"), "the export holds another partner's data");
    assertFalse(json.contains(other.id().value().toString()), "the export names another partner");

    program.personalData().erase(s.id(), new ErasureRequest("dpo", "R-77"));
    Map<String, Object> erased = parse(export(s.id()));
    assertEquals(1, ((List<?>) erased.get("erasures")).size());
    assertEquals(PersonalData.ERASED_EMAIL, ((Map<?, ?>) erased.get("partner")).get("contactEmail"));
  }

  @Test
  @SuppressWarnings("NullAway") // passes null ids, requests and streams on purpose: ValidationException expected
  @DisplayName("erasure and export refuse bad input with every violation, and unknown partners as not found")
  void badInputRefused() {
    PersonalData data = context().program().personalData();
    ValidationException e = assertThrows(ValidationException.class, () -> data.erase(null, null));
    assertEquals(List.of("partnerId", "request"), e.violations().stream().map(Violation::field).sorted().toList());
    PartnerId id = context().program().registry().add(new NewPartner("Privacy Input Ltd", "in@example.org", Tier.SILVER))
        .id();
    e = assertThrows(ValidationException.class, () -> data.erase(id, new ErasureRequest(" ", null)));
    assertEquals(List.of("erasedBy", "reason"),
        e.violations().stream().map(Violation::field).sorted().distinct().toList());
    PartnerId unknown = new PartnerId(UUID.fromString("00000000-0000-4000-8000-0000000000aa"));
    assertThrows(NotFoundException.class, () -> data.erase(unknown, new ErasureRequest("dpo", "R-1")));
    assertThrows(NotFoundException.class, () -> data.erasures(unknown));
    e = assertThrows(ValidationException.class, () -> data.export(null, null));
    assertEquals(List.of("out", "partnerId"), e.violations().stream().map(Violation::field).sorted().toList());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThrows(NotFoundException.class, () -> data.export(unknown, out));
    assertEquals(0, out.size(), "nothing is written for an unknown partner");
    assertEquals("in@example.org", context().program().registry().get(id).contactEmail(), "nothing was erased");
  }

  private static String excerpt(String text, String marker) {
    int i = text.indexOf(marker);
    return i < 0 ? "" : text.substring(Math.max(0, i - 120), Math.min(text.length(), i + 60));
  }

  /** The JSON document as maps (in document order), lists, strings (numbers as their text), booleans and nulls. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String json) {
    try (JsonParser p = new JsonFactory().createParser(json)) {
      Object doc = value(p, p.nextToken());
      if (p.nextToken() != null) {
        throw new IllegalStateException("more than one JSON value");
      }
      return (Map<String, Object>) doc;
    } catch (IOException e) {
      throw new UncheckedIOException("the export is not JSON: " + e.getMessage(), e);
    }
  }

  private static Object value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          if (map.put(name, value(p, p.nextToken())) != null) {
            throw new IllegalStateException("field " + name + " twice");
          }
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken next = p.nextToken(); next != JsonToken.END_ARRAY; next = p.nextToken()) {
          list.add(value(p, next));
        }
        return list;
      }
      case VALUE_NULL -> {
        return Optional.empty();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return p.getBooleanValue();
      }
      default -> {
        return p.getText();
      }
    }
  }
}
