package cloud.quazzar.partner.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Revocation;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.discount.CancelRequest;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ContactUpdate;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.revenue.RevenueRow;
import cloud.quazzar.partner.testkit.generators.InvalidInput;
import cloud.quazzar.partner.testkit.generators.TextGenerators;
import cloud.quazzar.partner.testkit.oracle.TextOracle;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The text rules of {@code docs/rules.md} ("Text") on a store: every listing ordered by text orders
 * by the name key's Unicode code points (TEXT-3), also beyond U+FFFF where UTF-16 order differs;
 * every free-text field is stored cleaned (TEXT-1) and names collide exactly when their keys are
 * equal (TEXT-2); refused characters and invisible characters in emails fail with a {@code
 * ValidationException} naming the field and store nothing (TEXT-1, TEXT-4); the CSV export reads
 * back exactly by the documented rule (TEXT-6). Expected values come from {@link TextOracle}, which
 * shares no code with the library.
 */
@ExtendWith(PromiseMessages.class)
public abstract class UnicodeTextContract {
  /**
   * The test's store, clock and program.
   *
   * @return the running test's context
   */
  protected abstract TckContext context();

  /**
   * How many examples each property tries; a slow store may lower it.
   *
   * @return the number of examples per property, 1 or more
   */
  protected int examples() {
    return 20;
  }

  /**
   * Names whose keys sort differently by UTF-16 units than by code points: U+E000 and U+FA0E (a CJK
   * ideograph without decomposition) come before U+2070E by code point, after it by UTF-16 unit;
   * with ASCII and a case difference. In the expected order.
   */
  static final List<String> ORDERED_NAMES = List.of(
      "acme", "Acme Two", "Zeta", "\uE000 Private", "\uFA0E Cloud", "\uD841\uDF0E Cloud");

  private PartnerProgram program() {
    return context().program();
  }

  private PartnerRegistry registry() {
    return program().registry();
  }

  private static List<String> keysOf(List<String> names) {
    return names.stream().map(TextOracle::key).toList();
  }

  private static void assertCodePointOrder(List<String> names, String what) {
    List<String> keys = keysOf(names);
    for (int i = 1; i < keys.size(); i++) {
      assertTrue(TextOracle.CODE_POINT_ORDER.compare(keys.get(i - 1), keys.get(i)) < 0,
          what + " not in code point order of their keys at " + i + ": " + names);
    }
  }

  /** Adds {@link #ORDERED_NAMES} in reverse as partners, and as clients and certifications of one more, with revenue. */
  private Partner addOrderedNames() {
    PartnerRegistry registry = registry();
    LocalDate today = program().today();
    YearMonth month = YearMonth.from(today);
    Partner holder = registry.add(new NewPartner("Holder", "holder@x.example", Tier.PLATINUM));
    List<String> reversed = new ArrayList<>(ORDERED_NAMES);
    java.util.Collections.reverse(reversed);
    for (String name : reversed) {
      Partner p = registry.add(new NewPartner(name, "p@x.example", Tier.GOLD));
      registry.addClient(holder.id(), new NewClient(name, 1));
      program().certifications().add(holder.id(), new NewCertification(name, SkillArea.FLEET_MANAGEMENT,
          CertificationLevel.BASIC, Optional.empty(), today.minusDays(1), today.plusDays(200)));
      program().revenue().record(RevenueRecording.of(p.id(), month, Money.of("10.00", "USD"), "order " + name));
    }
    return holder;
  }

  @Test
  @DisplayName("partners and clients are listed by the code points of their keys, also beyond U+FFFF")
  void partnersAndClientsByCodePoint() {
    Partner holder = addOrderedNames();
    List<String> partners = registry().list(PartnerQuery.all().withLimit(PartnerQuery.MAX_LIMIT)).items().stream()
        .map(Partner::companyName).filter(n -> !n.equals("Holder")).toList();
    assertEquals(ORDERED_NAMES, partners, "partners");
    assertEquals(ORDERED_NAMES, registry().clients(holder.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(Client::name).toList(), "clients");
    assertEquals(ORDERED_NAMES, program().portal(holder.id()).clients(PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(Client::name).toList(),
        "clients in the portal");
  }

  @Test
  @DisplayName("a partner's certifications of one expiry date, and the top list's ties, are ordered by name by code point")
  void certificationsAndTiesByCodePoint() {
    Partner holder = addOrderedNames();
    assertEquals(ORDERED_NAMES, program().certifications().certifications(holder.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
        .map(t -> t.certification().name()).toList(), "certifications of one expiry date, by name");
    assertEquals(ORDERED_NAMES, program().revenue().topByMrr(YearMonth.from(program().today()),
        Currency.getInstance("USD"), 100).stream().map(RevenueRow::companyName).toList(), "the top list's ties, by name");
  }

  @Test
  @DisplayName("the CSV export orders a month's rows by the code points of the name keys, also beyond U+FFFF")
  void csvExportByCodePoint() throws IOException {
    addOrderedNames();
    assertEquals(ORDERED_NAMES, exportedNames(RevenueFilter.all()), "the CSV export");
  }

  @Test
  @DisplayName("each hostile text is stored cleaned in every free-text field: company, client and certification names, holders, who and why")
  void cleanedOnEveryField() {
    PartnerProgram program = program();
    PartnerRegistry registry = registry();
    LocalDate today = program.today();
    Partner owner = registry.add(new NewPartner("Text Owner", "owner@x.example", Tier.PLATINUM));
    DiscountPolicy policy = DiscountPolicy.builder().baseRate(Tier.SILVER, "5").baseRate(Tier.GOLD, "10")
        .baseRate(Tier.PLATINUM, "15").build();
    for (int i = 0; i < TextGenerators.HOSTILE_TEXT.size(); i++) {
      String s = TextGenerators.HOSTILE_TEXT.get(i);
      String clean = TextOracle.clean(s);
      String tag = "#" + i + " " + s;
      Partner p = registry.add(new NewPartner(tag, "t" + i + "@x.example", Tier.GOLD));
      assertEquals(TextOracle.clean(tag), registry.get(p.id()).companyName(), "company name of " + show(s));
      Client c = registry.addClient(owner.id(), new NewClient(tag, 1));
      assertEquals(TextOracle.clean(tag), registry.findClient(c.id()).orElseThrow().name(), "client name of " + show(s));
      Partner changed = registry.changeTier(p.id(), p.version(), new TierChangeRequest(Tier.SILVER, s, s));
      TierChange last = registry.tierHistory(changed.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().get(1);
      assertEquals(clean, last.changedBy(), "changedBy of " + show(s));
      assertEquals(clean, last.reason(), "tier change reason of " + show(s));
      TrackedCertification t = program.certifications().add(owner.id(), new NewCertification(s,
          SkillArea.CLOUD_OS_ADMINISTRATION, CertificationLevel.EXPERT, Optional.of(s), today.minusDays(1),
          today.plusDays(300)));
      Certification read = program.certifications().get(t.id());
      assertEquals(clean, read.name(), "certification name of " + show(s));
      assertEquals(Optional.of(clean), read.holder(), "holder of " + show(s));
      Certification revoked = program.certifications().revoke(t.id(), t.certification().version(), new Revocation(s, s));
      assertEquals(Optional.of(clean), program.certifications().get(revoked.id()).revokedBy(), "revokedBy of " + show(s));
      assertEquals(Optional.of(clean), program.certifications().get(revoked.id()).revocationReason(),
          "revocation reason of " + show(s));
      YearMonth month = YearMonth.from(today);
      program.revenue().record(RevenueRecording.of(p.id(), month, Money.of("1", "USD"), "k" + i));
      RevenueEntry fix = program.revenue().correct(RevenueCorrection.of(p.id(), month, "fix" + i, s).withMrr(Money.of("2", "USD")));
      assertEquals(Optional.of(clean), program.revenue().findByKey("fix" + i).orElseThrow().reason(),
          "correction reason of " + show(s));
      assertEquals(fix, program.revenue().findByKey("fix" + i).orElseThrow());
      if (i % 10 == 0) { // policy versions are program-wide: a few suffice
        PolicyVersion v = program.discounts().setPolicy(policy, PolicyChange.from(today.plusDays(i + 1L), s, s));
        program.discounts().cancelPolicy(v.version(), new CancelRequest(s, s));
        PolicyVersion back = program.discounts().policyHistory().stream().filter(x -> x.version() == v.version())
            .findFirst().orElseThrow();
        assertEquals(List.of(clean, clean, clean, clean), List.of(back.createdBy(), back.reason(),
            back.cancellation().orElseThrow().cancelledBy(), back.cancellation().orElseThrow().reason()), "policy audit of " + show(s));
      }
    }
    assertCodePointOrder(registry.clients(owner.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(Client::name).toList(), "clients");
    assertEquals(TextGenerators.HOSTILE_TEXT.size() + 1, registry.count(PartnerQuery.all()));
  }

  @Test
  @DisplayName("a no-break space, byte-order mark, joiner, other case or full-width form does not make another partner")
  void invisibleDifferencesCollide() {
    PartnerRegistry registry = registry();
    Partner acme = registry.add(new NewPartner("\uFEFF\u00A0Acme\u3000Cloud\u200B ", "acme@x.example", Tier.GOLD));
    assertEquals("Acme Cloud", acme.companyName());
    for (String same : List.of("Acme Cloud", "\u00A0Acme Cloud", "ACME\u2003CLOUD", "Ac\u200Dme Cloud", "A\u00ADcme Cloud",
        "ＡＣＭＥ ＣＬＯＵＤ", "Acme\u2029Cloud", "\u202FAcme Cloud\u205F")) {
      ConflictException e = assertThrows(ConflictException.class,
          () -> registry.add(new NewPartner(same, "other@x.example", Tier.SILVER)), show(same));
      assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
      Client c = registry.addClient(acme.id(), new NewClient("Client " + same, 1));
      assertEquals(ConflictException.Reason.DUPLICATE, assertThrows(ConflictException.class,
          () -> registry.addClient(acme.id(), new NewClient("client " + same.toLowerCase(java.util.Locale.ROOT), 2)),
          show(same)).reason());
      registry.removeClient(c.id(), c.version());
    }
    Partner accent = registry.add(new NewPartner("Acmé Cloud", "accent@x.example", Tier.GOLD));
    assertEquals(ConflictException.Reason.DUPLICATE, assertThrows(ConflictException.class,
        () -> registry.add(new NewPartner("Acme\u0301 Cloud", "nfd@x.example", Tier.GOLD))).reason(),
        "the decomposed form is the same name");
    assertEquals("Acmé Cloud", accent.companyName());
    assertEquals(2, registry.count(PartnerQuery.all()));
  }

  @Test
  @DisplayName("refused characters in free text fail naming the field, and nothing is stored")
  void refusedCharacters() {
    PartnerRegistry registry = registry();
    Partner p = registry.add(new NewPartner("Refusals", "r@x.example", Tier.GOLD));
    for (String c : InvalidInput.REFUSED_IN_FREE_TEXT) {
      String bad = "Evil" + c + "Name";
      assertEquals(List.of("companyName"), assertThrows(ValidationException.class,
          () -> registry.add(new NewPartner(bad, "e@x.example", Tier.GOLD)), show(bad)).fields());
      assertEquals(List.of("name"), assertThrows(ValidationException.class,
          () -> registry.addClient(p.id(), new NewClient(bad, 1)), show(bad)).fields());
      assertEquals(List.of("reason"), assertThrows(ValidationException.class,
          () -> registry.changeTier(p.id(), p.version(), new TierChangeRequest(Tier.SILVER, "a", bad)), show(bad)).fields());
    }
    for (String blank : InvalidInput.BLANK_ONCE_CLEANED) {
      ValidationException e = assertThrows(ValidationException.class,
          () -> registry.add(new NewPartner(blank, "e@x.example", Tier.GOLD)), show(blank));
      assertTrue(e.violations().contains(new cloud.quazzar.partner.Violation("companyName", "must not be blank")), e.getMessage());
    }
    assertEquals(1, registry.count(PartnerQuery.all()));
    assertEquals(List.of(), registry.clients(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items(), "a refused client is not stored");
    assertEquals(1, registry.tierHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
  }

  @Test
  @DisplayName("names with the longest keys are stored and unique; a name whose key would pass 800 characters is refused")
  void longestKeys() {
    PartnerRegistry registry = registry();
    // U+FDFA is one character whose NFKC form has 18; U+FB03 (ffi) has 3; U+10400 (Deseret capital
    // long I) is two UTF-16 units, its key three (the U+FFFF mark) and lower case, as U+10428's
    List<String> names = List.of("\uFDFA".repeat(44), "\uFB03".repeat(199), "\uD801\uDC00".repeat(100));
    List<String> sameKeys = List.of(" " + "\uFDFA".repeat(44), "\uFB03".repeat(198) + "\uFB00i",
        "\uD801\uDC28".repeat(100));
    Partner owner = registry.add(new NewPartner("Long Keys", "l@x.example", Tier.GOLD));
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String same = sameKeys.get(i);
      Partner p = registry.add(new NewPartner(name, "l@x.example", Tier.GOLD));
      assertEquals(name, registry.get(p.id()).companyName());
      registry.addClient(owner.id(), new NewClient(name, 1));
      assertEquals(ConflictException.Reason.DUPLICATE, assertThrows(ConflictException.class,
          () -> registry.add(new NewPartner(same, "m@x.example", Tier.GOLD))).reason());
      assertThrows(ConflictException.class, () -> registry.addClient(owner.id(), new NewClient(same, 1)));
    }
    String tooLong = "\uFDFA".repeat(45);
    assertEquals(List.of("companyName"), assertThrows(ValidationException.class,
        () -> registry.add(new NewPartner(tooLong, "t@x.example", Tier.GOLD))).fields());
    assertEquals(List.of("name"), assertThrows(ValidationException.class,
        () -> registry.addClient(owner.id(), new NewClient(tooLong, 1))).fields());
    assertEquals(names.size() + 1, registry.count(PartnerQuery.all()));
    assertEquals(names.size(), registry.clients(owner.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
  }

  @Test
  @DisplayName("an email with white space, a bidi control, a byte-order mark or another invisible character fails naming contactEmail")
  void emailsRefuseInvisibleCharacters() {
    PartnerRegistry registry = registry();
    Partner p = registry.add(new NewPartner("Mail", "mail@x.example", Tier.GOLD));
    int n = 0;
    for (String c : InvalidInput.REFUSED_IN_EMAILS) {
      for (String email : List.of(c + "ops@x.example", "o" + c + "ps@x.example", "ops@x" + c + ".example", "ops@x.example" + c)) {
        String name = "Mail " + n++;
        assertEquals(List.of("contactEmail"), assertThrows(ValidationException.class,
            () -> registry.add(new NewPartner(name, email, Tier.GOLD)), show(email)).fields());
        assertEquals(List.of("contactEmail"), assertThrows(ValidationException.class,
            () -> registry.updateContact(p.id(), p.version(), new ContactUpdate("Mail", email)), show(email)).fields());
      }
    }
    assertEquals(1, registry.count(PartnerQuery.all()));
    assertEquals("mail@x.example", registry.get(p.id()).contactEmail());
    Partner idn = registry.updateContact(p.id(), p.version(), new ContactUpdate("Mail", "josé.o'brien@bücher.example"));
    assertEquals("josé.o'brien@bücher.example", registry.get(idn.id()).contactEmail(), "an address is stored as given");
  }

  @Test
  @DisplayName("any free text is stored as clean(input), listed by code point, and collides exactly when the keys are equal")
  void anyTextCleanedAndOrdered() {
    AtomicInteger run = new AtomicInteger();
    qt().withExamples(examples()).withShrinkCycles(20)
        .forAll(lists().of(TextGenerators.freeText(90)).ofSizeBetween(1, 8))
        .checkAssert(texts -> {
          PartnerRegistry registry = registry();
          String tag = "r" + run.incrementAndGet() + " ";
          Partner owner = registry.add(new NewPartner(tag + "owner", "o@x.example", Tier.GOLD));
          String ownerKey = TextOracle.key(owner.companyName());
          Map<String, String> names = new HashMap<>(); // key -> stored name, of this run's partners
          names.put(ownerKey, owner.companyName());
          for (String s : texts) {
            String name = tag + s;
            String key = TextOracle.key(name);
            if (names.containsKey(key)) {
              assertEquals(ConflictException.Reason.DUPLICATE, assertThrows(ConflictException.class,
                  () -> registry.add(new NewPartner(name, "p@x.example", Tier.SILVER)), show(name)).reason());
              if (!key.equals(ownerKey)) {
                assertThrows(ConflictException.class, () -> registry.addClient(owner.id(), new NewClient(name, 1)));
              }
              continue;
            }
            Partner p = registry.add(new NewPartner(name, "p@x.example", Tier.SILVER));
            assertEquals(TextOracle.clean(name), p.companyName(), "returned as clean(input): " + show(name));
            assertEquals(TextOracle.clean(name), registry.get(p.id()).companyName(), "stored as clean(input): " + show(name));
            Client c = registry.addClient(owner.id(), new NewClient(name, 1));
            assertEquals(TextOracle.clean(name), registry.findClient(c.id()).orElseThrow().name());
            names.put(key, p.companyName());
          }
          names.remove(ownerKey);
          List<String> expected = names.values().stream().sorted((a, b) -> TextOracle.CODE_POINT_ORDER
              .compare(TextOracle.key(a), TextOracle.key(b))).toList();
          List<String> listedRun = registry.list(PartnerQuery.all().withLimit(PartnerQuery.MAX_LIMIT)).items().stream()
              .map(Partner::companyName).filter(n -> n.startsWith(tag) && !n.equals(owner.companyName())).toList();
          assertEquals(expected, listedRun, "partners by the code points of their keys");
          assertEquals(expected, registry.clients(owner.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(Client::name).toList(), "clients likewise");
        });
  }

  @Test
  @DisplayName("two names collide on uniqueness exactly when their keys are equal: case, white space, invisible characters, normal forms")
  void equalKeysCollide() {
    AtomicInteger run = new AtomicInteger();
    qt().withExamples(examples()).withShrinkCycles(20)
        .forAll(TextGenerators.nameVariants())
        .checkAssert(pair -> {
          PartnerRegistry registry = registry();
          String tag = "v" + run.incrementAndGet() + " ";
          String name = tag + pair.get(0);
          String variant = tag + pair.get(1);
          Partner first = registry.add(new NewPartner(name, "a@x.example", Tier.GOLD));
          boolean sameKey = TextOracle.key(name).equals(TextOracle.key(variant));
          if (sameKey) {
            assertEquals(ConflictException.Reason.DUPLICATE, assertThrows(ConflictException.class,
                () -> registry.add(new NewPartner(variant, "b@x.example", Tier.GOLD)), show(variant)).reason());
            Client c = registry.addClient(first.id(), new NewClient(name, 1));
            assertThrows(ConflictException.class, () -> registry.addClient(first.id(), new NewClient(variant, 1)));
            assertEquals(c.version(), registry.renameClient(c.id(), c.version(), variant).version() - 1,
                "renaming a client to a name of its own key is allowed");
          } else {
            Partner second = registry.add(new NewPartner(variant, "b@x.example", Tier.GOLD));
            assertNotEquals(first.id(), second.id(), "a name of another key makes another partner");
          }
        });
  }

  @Test
  @DisplayName("the CSV export read back with an independent parser and the documented rule gives every stored name, in code point order")
  void csvRoundTrip() throws IOException {
    PartnerRegistry registry = registry();
    YearMonth month = YearMonth.from(program().today());
    List<String> starts = List.of("'", "''", "'''", "=", "'=", "''=", "+", "'+", "-", "'-", "@", "'@", "' ", "'a", "\"",
        "'\"", ",");
    int i = 0;
    List<String> stored = new ArrayList<>();
    for (String start : starts) {
      for (String rest : List.of("1+1", "=x", "", "\u2003y")) {
        String name = start + rest + " #" + i++;
        Partner p = registry.add(new NewPartner(name, "c@x.example", Tier.GOLD));
        program().revenue().record(RevenueRecording.of(p.id(), month, Money.of("1", "USD"), "csv" + i));
        stored.add(p.companyName());
      }
    }
    List<String> expected = stored.stream()
        .sorted((a, b) -> TextOracle.CODE_POINT_ORDER.compare(TextOracle.key(a), TextOracle.key(b))).toList();
    assertEquals(expected, exportedNames(RevenueFilter.all()));
  }

  /** The company names of an export, read with Commons CSV and un-neutralised by the documented rule. */
  private List<String> exportedNames(RevenueFilter filter) throws IOException {
    RevenueLedger ledger = program().revenue();
    StringWriter out = new StringWriter();
    ledger.exportCsv(filter, out);
    List<String> names = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(out.toString(),
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord r : parser) {
        names.add(TextOracle.csvRead(r.get("company_name")));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return names;
  }

  /** Text with its invisible and non-ASCII characters as code points, for messages. */
  static String show(String s) {
    StringBuilder out = new StringBuilder("'");
    s.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7F ? Character.toString(cp) : String.format("\\u%04X", cp)));
    return out.append("'").toString();
  }
}
