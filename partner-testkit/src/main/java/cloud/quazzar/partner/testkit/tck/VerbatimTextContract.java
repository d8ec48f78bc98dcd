package cloud.quazzar.partner.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Revocation;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.discount.AdjustmentRequest;
import cloud.quazzar.partner.discount.CancelRequest;
import cloud.quazzar.partner.discount.Cancellation;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.PartnerAdjustment;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ContactUpdate;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.generators.PartnerGenerators;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Text that looks like SQL injection, LIKE wildcards, escapes or scripts is ordinary text
 * (docs/rules.md, "Bad input" and "Text"). What "verbatim" means here, exactly: free text (company,
 * client and certification names, holders, who and why of every change) is stored as {@link
 * Names#clean} of the input (TEXT-1), and every entry of {@link PartnerGenerators#TRICKY_TEXT} is
 * already clean, so it must read back unchanged, character for character; email addresses,
 * idempotency keys and listener names are never cleaned and must read back exactly as given
 * (TEXT-4, TEXT-5). Each tricky text goes through every text field of the public API (company name,
 * contact email, client name, tier change, policy and adjustment audit fields, cancellations,
 * certification name and holder, revocation, idempotency keys, correction reasons); every look-up
 * by text (idempotency key, client and partner name keys) must match it exactly, never as a
 * pattern. How text that cleaning changes is stored is {@link UnicodeTextContract}'s subject.
 */
@ExtendWith(PromiseMessages.class)
public abstract class VerbatimTextContract {
  /**
   * The test's store, clock and program.
   *
   * @return the running test's context
   */
  protected abstract TckContext context();

  private static final List<String> TEXT = PartnerGenerators.TRICKY_TEXT;

  @Test
  @DisplayName("the tricky texts are valid, clean and of distinct name keys (the premise of the other tests)")
  void premise() {
    Set<String> keys = new HashSet<>();
    for (String s : TEXT) {
      assertEquals(Names.clean(s), s, "stored as given: " + s);
      assertTrue(s.codePoints().noneMatch(Character::isISOControl), s);
      assertTrue(keys.add(Names.key(s)), "distinct name key: " + s);
      assertTrue(s.length() <= 100, s);
    }
  }

  @Test
  @DisplayName("company names, emails and client names are stored and read back verbatim")
  void registryText() {
    PartnerRegistry registry = context().program().registry();
    for (int i = 0; i < TEXT.size(); i++) {
      String s = TEXT.get(i);
      String email = PartnerGenerators.TRICKY_EMAILS.get(i % PartnerGenerators.TRICKY_EMAILS.size());
      Partner p = registry.add(new NewPartner(s, email, Tier.GOLD));
      assertEquals(s, registry.get(p.id()).companyName());
      assertEquals(email, registry.get(p.id()).contactEmail());
      Partner renamed = registry.updateContact(p.id(), p.version(), new ContactUpdate("renamed " + i, "r" + i + "@x.example"));
      Partner back = registry.updateContact(p.id(), renamed.version(), new ContactUpdate(s, email));
      assertEquals(s, registry.get(p.id()).companyName(), "after a contact update");
      assertEquals(email, registry.get(back.id()).contactEmail());
      Client c = registry.addClient(p.id(), new NewClient(s, i));
      assertEquals(s, registry.findClient(c.id()).orElseThrow().name());
      Client other = registry.addClient(p.id(), new NewClient("other " + i, 1));
      registry.renameClient(other.id(), other.version(), s + " too");
      assertEquals(s + " too", registry.findClient(other.id()).orElseThrow().name());
      Client viaPortal = context().program().portal(p.id()).renameClient(c.id(), c.version(), "portal " + s);
      assertEquals("portal " + s, registry.findClient(viaPortal.id()).orElseThrow().name());
      Partner changed = registry.changeTier(p.id(), back.version(), new TierChangeRequest(Tier.PLATINUM, s, s));
      TierChange last = registry.tierHistory(changed.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().get(registry.tierHistory(changed.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().size() - 1);
      assertEquals(s, last.changedBy());
      assertEquals(s, last.reason());
    }
    List<String> listed = registry.list(PartnerQuery.all().withLimit(PartnerQuery.MAX_LIMIT)).items().stream()
        .map(Partner::companyName).sorted().toList();
    assertEquals(TEXT.stream().sorted().toList(), listed, "every partner listed once, by its exact name");
  }

  @Test
  @DisplayName("name keys match exactly: a partner or client named % or _ matches no other name")
  void nameKeysAreNotPatterns() {
    PartnerProgram program = context().program();
    PartnerRegistry registry = program.registry();
    Partner holder = registry.add(new NewPartner("Key Holder", "keys@x.example", Tier.SILVER));
    for (String s : TEXT) {
      registry.addClient(holder.id(), new NewClient(s, 1));
    }
    Store store = context().store();
    for (String s : TEXT) {
      String key = Names.key(s);
      Optional<Client> found = store.read(tx -> tx.partners().findClientByNameKey(holder.id(), key));
      assertEquals(s, found.orElseThrow(() -> new AssertionError("no client for key " + key)).name());
    }
    for (String probe : List.of("%%", "a%", "%c", "__", "a_", "_bc", "*", ".*", "' or 1=1", "'%'", "\\%", "\\_")) {
      assertTrue(store.read(tx -> tx.partners().findClientByNameKey(holder.id(), probe)).isEmpty(),
          "the key " + probe + " is not a pattern");
    }
    // a wildcard name does not block another name, as a LIKE comparison would
    registry.add(new NewPartner("%", "pct@x.example", Tier.GOLD));
    registry.add(new NewPartner("_", "under@x.example", Tier.GOLD));
    registry.add(new NewPartner("Wild Card", "wild@x.example", Tier.GOLD));
    registry.add(new NewPartner("W", "w@x.example", Tier.GOLD));
    assertEquals(5, registry.count(PartnerQuery.all()));
  }

  @Test
  @DisplayName("policy, adjustment and cancellation audit fields are stored and read back verbatim")
  void discountText() {
    PartnerProgram program = context().program();
    LocalDate today = program.today();
    DiscountPolicy policy = DiscountPolicy.builder().baseRate(Tier.SILVER, "5").baseRate(Tier.GOLD, "10")
        .baseRate(Tier.PLATINUM, "15").build();
    for (int i = 0; i < TEXT.size(); i++) {
      String s = TEXT.get(i);
      PolicyVersion v = program.discounts().setPolicy(policy, PolicyChange.from(today.plusDays(i + 1L), s, s));
      program.discounts().cancelPolicy(v.version(), new CancelRequest(s, s));
      PolicyVersion read = program.discounts().policyHistory().stream().filter(x -> x.version() == v.version())
          .findFirst().orElseThrow();
      assertEquals(s, read.createdBy());
      assertEquals(s, read.reason());
      Cancellation cancelled = read.cancellation().orElseThrow();
      assertEquals(s, cancelled.cancelledBy());
      assertEquals(s, cancelled.reason());

      Partner p = program.registry().add(new NewPartner("adjusted " + i, "a" + i + "@x.example", Tier.GOLD));
      program.discounts().adjust(p.id(), AdjustmentRequest.extra(Rate.percent(1), s, s).withEffectiveFrom(today.plusDays(1)));
      program.discounts().cancelAdjustment(p.id(), 1, new CancelRequest(s, s));
      PartnerAdjustment a = program.discounts().adjustmentHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().get(0);
      assertEquals(s, a.createdBy());
      assertEquals(s, a.reason());
      assertEquals(s, a.cancellation().orElseThrow().cancelledBy());
      assertEquals(s, a.cancellation().orElseThrow().reason());
    }
  }

  @Test
  @DisplayName("certification names, holders and revocations are stored and read back verbatim")
  void certificationText() {
    PartnerProgram program = context().program();
    LocalDate today = program.today();
    Partner p = program.registry().add(new NewPartner("Certified", "c@x.example", Tier.PLATINUM));
    for (String s : TEXT) {
      TrackedCertification t = program.certifications().add(p.id(), new NewCertification(s,
          SkillArea.KUBERNETES_OPERATIONS, CertificationLevel.EXPERT, Optional.of(s), today.minusDays(1),
          today.plusDays(100)));
      assertEquals(s, program.certifications().get(t.id()).name());
      assertEquals(Optional.of(s), program.certifications().get(t.id()).holder());
      Certification revoked = program.certifications().revoke(t.id(), t.certification().version(), new Revocation(s, s));
      Certification read = program.certifications().get(revoked.id());
      assertEquals(Optional.of(s), read.revokedBy());
      assertEquals(Optional.of(s), read.revocationReason());
    }
  }

  @Test
  @DisplayName("idempotency keys and correction reasons are stored verbatim and keys match only exactly")
  void revenueText() {
    PartnerProgram program = context().program();
    RevenueLedger ledger = program.revenue();
    YearMonth month = YearMonth.from(program.today());
    for (int i = 0; i < TEXT.size(); i++) {
      String s = TEXT.get(i);
      Partner p = program.registry().add(new NewPartner("ledger " + i, "l" + i + "@x.example", Tier.GOLD));
      RevenueEntry recorded = ledger.record(RevenueRecording.of(p.id(), month, Money.of("10.00", "USD"), s));
      assertEquals(s, recorded.idempotencyKey());
      assertEquals(recorded, ledger.findByKey(s).orElseThrow());
      RevenueEntry corrected = ledger.correct(RevenueCorrection.of(p.id(), month, "fix " + s, s).withMrr(Money.of("11", "USD")));
      RevenueEntry read = ledger.findByKey("fix " + s).orElseThrow();
      assertEquals(corrected, read);
      assertEquals(Optional.of(s), read.reason());
      assertEquals(List.of(recorded, corrected), ledger.history(p.id(), month, PageRequest.first(PageRequest.MAX_LIMIT)).items());
      // a replay with the same key is the same entry, not a second one
      assertEquals(recorded, ledger.record(RevenueRecording.of(p.id(), month, Money.of("10.00", "USD"), s)));
    }
    for (String probe : List.of("%%", "_%", "%_", "a%", "' OR '1'='1' --", "*", "__", "$$$", "\\\\\\\\")) {
      assertTrue(ledger.findByKey(probe).isEmpty(), "the key " + probe + " is not a pattern");
    }
  }
}
