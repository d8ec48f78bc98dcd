package cloud.quazzar.partner.testkit.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.Examples;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.oracle.TextOracle;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The orders the tracker's listings promise (docs/rules.md, "Certifications", queries; TEXT-3), on
 * certifications added in any order with random ids, so that neither the order of adding nor the
 * ids' order of creation can stand in for the sort:
 *
 * <ul>
 *   <li>the warning board ({@code expiringWithin}): soonest expiry first, then partner id, then id
 *       (ids in their text order);
 *   <li>a partner's certifications: soonest expiry first, then the name key by code point
 *       (TEXT-3), then id;
 *   <li>a partner's history: oldest first (creation time), then id.
 * </ul>
 *
 * Each expected order is restated here from those words, with {@link TextOracle} for the name key.
 */
class CertificationOrderPropertiesTest {
  private static final Instant START = Instant.parse("2026-01-15T09:30:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

  /** Names whose keys tie (case, white space) or differ only beyond ASCII. */
  private static final List<String> NAMES = List.of(
      "Fleet Operator", "fleet  operator", "FLEET OPERATOR", "Alpha", "alpha", "Zulu", "\u00c9mile", "\u00e9mile",
      "Emile", "\uff21lpha", "zulu 2");

  /** Few distinct days, so that many certifications share an expiry date. */
  private static final List<Long> DAYS = List.of(-1L, 0L, 1L, 7L, 30L, 31L);

  /** One certification to add: its partner (0 to 2), name, days to expiry and whether the clock moves first. */
  private record Step(int partner, String name, long days, boolean later) {}

  private static Gen<List<Step>> steps() {
    Gen<Step> step = integers().between(0, 2).zip(Generate.pick(NAMES), Generate.pick(DAYS), booleans().all(),
        Step::new);
    return lists().of(step).ofSizeBetween(1, 24);
  }

  /** Ids in their text form's order, which is the order of their bits read unsigned. */
  private static final Comparator<java.util.UUID> ID_TEXT = Comparator.comparing(java.util.UUID::toString);

  private record Added(PartnerId partner, Certification certification) {}

  @Test
  @DisplayName("the warning board, a partner's listing and its history come out in their documented orders, "
      + "whatever the order of adding and of the ids")
  void listingsInTheirOrder() {
    AtomicInteger ties = new AtomicInteger();
    qt().withExamples(Examples.scaled(150)).withShrinkCycles(100).forAll(steps()).checkAssert(steps -> {
      TestClock clock = TestClock.at(START);
      try (PartnerProgram program = PartnerProgram.builder().clock(clock).idGenerator(IdGenerator.random())
          .store(MemoryStorage.create()).build()) {
        CertificationTracker tracker = program.certifications();
        List<PartnerId> partners = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          partners.add(program.registry().add(new NewPartner("Order " + i, "order" + i + "@x.example", Tier.SILVER)).id());
        }
        List<Added> added = new ArrayList<>();
        for (Step s : steps) {
          if (s.later()) {
            clock.advance(Duration.ofSeconds(1));
          }
          LocalDate expiry = TODAY.plusDays(s.days());
          Certification c = tracker.add(partners.get(s.partner()), new NewCertification(s.name(), SkillArea.MSP_OPERATIONS,
              CertificationLevel.BASIC, Optional.empty(), expiry.minusYears(1), expiry)).certification();
          added.add(new Added(partners.get(s.partner()), c));
        }

        for (long window : new long[] {0, 1, 7, 30, 31}) {
          List<Certification> expected = added.stream().map(Added::certification)
              .filter(c -> !c.expiryDate().isBefore(TODAY) && !c.expiryDate().isAfter(TODAY.plusDays(window)))
              .sorted(Comparator.comparing(Certification::expiryDate)
                  .thenComparing(c -> c.partnerId().value(), ID_TEXT)
                  .thenComparing(c -> c.id().value(), ID_TEXT))
              .toList();
          assertEquals(expected, tracker.expiringWithin(window, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(TrackedCertification::certification).toList(),
              "the board of " + window + " days");
        }

        for (PartnerId p : partners) {
          List<Certification> own = added.stream().filter(a -> a.partner().equals(p)).map(Added::certification).toList();
          List<Certification> listing = own.stream()
              .sorted(Comparator.comparing(Certification::expiryDate)
                  .thenComparing(c -> TextOracle.key(c.name()), TextOracle.CODE_POINT_ORDER)
                  .thenComparing(c -> c.id().value(), ID_TEXT))
              .toList();
          assertEquals(listing, tracker.certifications(p, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(TrackedCertification::certification).toList(),
              "the listing of partner " + partners.indexOf(p));
          List<Certification> history = own.stream()
              .sorted(Comparator.comparing(Certification::createdAt).thenComparing(c -> c.id().value(), ID_TEXT))
              .toList();
          assertEquals(history, tracker.history(p, PageRequest.first(PageRequest.MAX_LIMIT)).items(), "the history of partner " + partners.indexOf(p));
          for (int i = 1; i < listing.size(); i++) {
            Certification a = listing.get(i - 1);
            Certification b = listing.get(i);
            if (a.expiryDate().equals(b.expiryDate()) && TextOracle.key(a.name()).equals(TextOracle.key(b.name()))) {
              ties.incrementAndGet();
            }
          }
        }
      }
    });
    assertTrue(ties.get() > 0, "the examples include listings where only the id decides: " + ties.get());
  }
}
