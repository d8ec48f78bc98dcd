package cloud.quazzar.partner.testkit.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.MinimumCertifications;
import cloud.quazzar.partner.certification.MinimumClients;
import cloud.quazzar.partner.certification.MinimumServers;
import cloud.quazzar.partner.certification.MinimumSkillAreas;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Requirement;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.Examples;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.EligibilityGenerators;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

/**
 * What {@code EligibilityGenerators} promise (rule CERT-9 inputs): every requirement kind on every
 * tier, certifications a Platinum partner may add, counts one below, at and one above each
 * threshold, and days on and beside the expiry dates.
 */
class EligibilityGeneratorsTest {
  private static final Instant NOW = Instant.parse("2026-01-15T09:30:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

  private static Gen<Pair<EligibilityRequirements, List<NewCertification>>> certificationCases() {
    return EligibilityGenerators.requirementSets()
        .flatMap(r -> EligibilityGenerators.certificationsAround(r, TODAY).map(c -> Pair.of(r, c)));
  }

  private static Set<String> seen() {
    return ConcurrentHashMap.newKeySet();
  }

  @Test
  @DisplayName("requirement sets: each of the four kinds on each tier, the default, none, and sets holding every kind")
  void requirementSetsCoverEveryKindAndTier() {
    Set<String> kindsOnTiers = seen();
    Set<String> shapes = seen();
    qt().withExamples(Examples.scaled(1000)).forAll(EligibilityGenerators.requirementSets()).checkAssert(r -> {
      Set<Class<?>> kinds = new HashSet<>();
      for (Tier t : Tier.values()) {
        for (Requirement q : r.requirementsOf(t)) {
          kindsOnTiers.add(q.getClass().getSimpleName() + " on " + t);
          kinds.add(q.getClass());
        }
      }
      if (r.equals(EligibilityRequirements.DEFAULT)) {
        shapes.add("default");
      }
      if (r.equals(EligibilityRequirements.NONE)) {
        shapes.add("none");
      }
      if (kinds.size() == 4) {
        shapes.add("every kind");
      }
    });
    assertEquals(12, kindsOnTiers.size(), kindsOnTiers.toString());
    assertEquals(Set.of("default", "none", "every kind"), shapes);
  }

  @Test
  @DisplayName("certifications around the thresholds: a Platinum partner may add them all; at the level and in the "
      + "areas one fewer, as many and one more than needed; distinct areas likewise; near misses below the level")
  void certificationsAroundTheThresholds() {
    Set<String> seen = seen();
    AtomicInteger partners = new AtomicInteger();
    try (PartnerProgram program = PartnerProgram.builder().clock(TestClock.at(NOW)).store(MemoryStorage.create()).build()) {
      qt().withExamples(Examples.scaled(500)).forAll(certificationCases()).checkAssert(c -> {
        EligibilityRequirements requirements = c._1;
        List<NewCertification> certifications = c._2;
        PartnerId partner = program.registry()
            .add(new NewPartner("Generated " + partners.incrementAndGet(), "generated@partner.example", Tier.PLATINUM)).id();
        certifications.forEach(added -> program.certifications().add(partner, added)); // valid, or this throws
        for (Tier t : Tier.values()) {
          for (Requirement r : requirements.requirementsOf(t)) {
            if (r instanceof MinimumCertifications m) {
              long at = certifications.stream().filter(x -> m.counts(x.skillArea(), x.level())).count();
              seen.add("certifications " + Long.signum(at - m.count()));
              if (certifications.stream().anyMatch(x -> (m.areas().isEmpty() || m.areas().contains(x.skillArea()))
                  && !x.level().isAtLeast(m.minimumLevel()))) {
                seen.add("below the level");
              }
              if (certifications.stream().anyMatch(x -> !m.areas().isEmpty() && !m.areas().contains(x.skillArea())
                  && x.level().isAtLeast(m.minimumLevel()))) {
                seen.add("outside the areas");
              }
            } else if (r instanceof MinimumSkillAreas m) {
              Set<SkillArea> areas = EnumSet.noneOf(SkillArea.class);
              certifications.stream().filter(x -> x.level().isAtLeast(m.minimumLevel())).forEach(x -> areas.add(x.skillArea()));
              seen.add("areas " + Long.signum(areas.size() - m.count()));
            }
          }
        }
        for (NewCertification x : certifications) {
          long days = x.expiryDate().toEpochDay() - TODAY.toEpochDay();
          if (EligibilityGenerators.SHARED_EXPIRY_DAYS.contains(days)) {
            seen.add("expiry " + days);
          }
        }
      });
    }
    // every one of the four certification requirements' and skill-area requirements' neighbourhoods, both misses and
    // every shared expiry day; "areas 1" only when fewer than four areas are needed
    assertEquals(new TreeSet<>(List.of("areas -1", "areas 0", "areas 1", "below the level", "certifications -1",
        "certifications 0", "certifications 1", "expiry -1", "expiry 0", "expiry 1", "expiry 30", "expiry 90", "expiry 365",
        "outside the areas")), new TreeSet<>(seen));
  }

  @Test
  @DisplayName("clients and servers around the thresholds: one below, at and one above each MinimumClients and "
      + "MinimumServers; no clients means no servers")
  void clientsAndServersAroundTheThresholds() {
    Set<String> seen = seen();
    Gen<Pair<EligibilityRequirements, List<Long>>> cases = EligibilityGenerators.requirementSets()
        .flatMap(r -> EligibilityGenerators.clientServerCounts(r).map(c -> Pair.of(r, c)));
    qt().withExamples(Examples.scaled(1000)).forAll(cases).checkAssert(c -> {
      long clients = c._2.size();
      long servers = c._2.stream().mapToLong(Long::longValue).sum();
      assertTrue(c._2.stream().allMatch(s -> s >= 0), c.toString());
      for (Tier t : Tier.values()) {
        for (Requirement r : c._1.requirementsOf(t)) {
          if (r instanceof MinimumClients m && Math.abs(clients - m.count()) <= 1) {
            seen.add("clients " + (clients - m.count()));
          } else if (r instanceof MinimumServers m && Math.abs(servers - m.count()) <= 1) {
            seen.add("servers " + (servers - m.count()));
          }
        }
      }
    });
    assertEquals(Set.of("clients -1", "clients 0", "clients 1", "servers -1", "servers 0", "servers 1"), seen);
  }

  @Test
  @DisplayName("days around the expiry dates: the day before, of and after an expiry, and today")
  void daysAroundTheExpiries() {
    Set<String> seen = seen();
    Gen<Pair<List<NewCertification>, LocalDate>> cases = certificationCases()
        .flatMap(c -> EligibilityGenerators.daysAround(c._2, TODAY).map(d -> Pair.of(c._2, d)));
    qt().withExamples(Examples.scaled(500)).forAll(cases).checkAssert(c -> {
      LocalDate day = c._2;
      if (day.equals(TODAY)) {
        seen.add("today");
      }
      for (NewCertification x : c._1) {
        long from = day.toEpochDay() - x.expiryDate().toEpochDay();
        if (Math.abs(from) <= 1) {
          seen.add("expiry " + (from > 0 ? "+" : "") + from);
        }
      }
      assertTrue(!day.isBefore(TODAY.minusDays(1000)) && !day.isAfter(TODAY.plusYears(12)), day.toString());
    });
    assertEquals(Set.of("today", "expiry -1", "expiry 0", "expiry +1"), seen);
  }

  @Test
  @DisplayName("requirements of each kind are valid and small: counts from 1, at most 5 certifications, 4 areas, 300 servers, 5 clients")
  void requirementRanges() {
    qt().withExamples(Examples.scaled(500)).forAll(EligibilityGenerators.requirements()).checkAssert(r -> {
      long count;
      long max;
      if (r instanceof MinimumCertifications m) {
        count = m.count();
        max = 5;
      } else if (r instanceof MinimumSkillAreas m) {
        count = m.count();
        max = SkillArea.values().length;
      } else if (r instanceof MinimumServers m) {
        count = m.count();
        max = 300;
      } else {
        count = ((MinimumClients) r).count();
        max = 5;
      }
      assertTrue(count >= 1 && count <= max, r.toString());
    });
  }
}
