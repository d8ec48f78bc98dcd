package cloud.quazzar.partner.testkit.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.ExpiryThresholds;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.Examples;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.CertificationGenerators;
import cloud.quazzar.partner.testkit.oracle.CertificationStatusOracle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** The status rule (CERT-4, days counted as CERT-5) as properties, checked against the testkit's oracle. */
class CertificationStatusPropertiesTest {
  private static final List<ZoneId> ZONES = List.of(
      ZoneId.of("Pacific/Apia"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kathmandu"), ZoneOffset.UTC);
  private static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2100, 12, 31);
  /** Offsets from today, on and around the default boundaries, plus far ones. */
  private static final long[] OFFSETS = {-366, -2, -1, 0, 1, 28, 29, 30, 31, 89, 90, 91, 92, 365, 1000};
  /** Fixed expiry dates, so that day counts of every size occur across the century. */
  private static final LocalDate[] FIXED = {LocalDate.of(2000, 2, 29), LocalDate.of(2011, 12, 30),
      LocalDate.of(2050, 6, 15), LocalDate.of(2100, 2, 28)};

  private static PartnerProgram program(TestClock clock, ZoneId zone, ExpiryThresholds thresholds) {
    return PartnerProgram.builder().clock(clock).zone(zone).expiryThresholds(thresholds)
        .store(MemoryStorage.create()).build();
  }

  @Test
  @DisplayName("the status equals the oracle's on every day from 2000 to 2100, at its first and last instant, in Apia, Lord Howe, Kathmandu and UTC")
  void everyDayMatchesTheOracle() {
    TestClock clock = TestClock.at(Instant.EPOCH);
    long checked = 0;
    for (ZoneId zone : ZONES) {
      try (PartnerProgram program = program(clock, zone, ExpiryThresholds.DEFAULT)) {
        CertificationTracker tracker = program.certifications();
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
          Instant first = day.atStartOfDay(zone).toInstant();
          Instant last = day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
          for (Instant now : new Instant[] {first, last}) {
            clock.set(now);
            long today = CertificationStatusOracle.today(now, zone);
            for (long offset : OFFSETS) {
              LocalDate expiry = CertificationStatusOracle.date(today + offset);
              CertificationStatus expected = CertificationStatusOracle.status(offset);
              if (expected != tracker.statusOf(expiry)) {
                assertEquals(expected, tracker.statusOf(expiry), "expiry " + expiry + " at " + now + " in " + zone);
              }
            }
            for (LocalDate expiry : FIXED) {
              CertificationStatus expected = CertificationStatusOracle.status(now, zone, expiry, 30, 90);
              if (expected != tracker.statusOf(expiry)) {
                assertEquals(expected, tracker.statusOf(expiry), "expiry " + expiry + " at " + now + " in " + zone);
              }
            }
            checked += OFFSETS.length + FIXED.length;
          }
        }
      }
    }
    assertTrue(checked > 3_000_000, "checked " + checked);
  }

  @Test
  @DisplayName("with any valid thresholds, at any instant of 2000 to 2100 in any of the zones, the status equals the oracle's")
  void anyThresholdsMatchTheOracle() {
    long from = FIRST.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    long to = LAST.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    qt().withExamples(Examples.scaled(3000))
        .forAll(CertificationGenerators.thresholds(), Generate.pick(ZONES), Generate.longRange(from, to),
            integers().between(-1000, 1000))
        .checkAssert((t, zone, second, noise) -> {
          Instant now = Instant.ofEpochSecond(second);
          long today = CertificationStatusOracle.today(now, zone);
          // near a boundary of t half of the time, anywhere else otherwise
          long[] near = {-1, 0, t.criticalDays() - 1, t.criticalDays(), t.warningDays(), t.warningDays() + 1};
          long d = noise % 2 == 0 ? near[Math.floorMod(noise, near.length)] : noise;
          LocalDate expiry = CertificationStatusOracle.date(today + d);
          try (PartnerProgram program = program(TestClock.at(now), zone, t)) {
            assertEquals(CertificationStatusOracle.status(d, t.criticalDays(), t.warningDays()),
                program.certifications().statusOf(expiry));
          }
        });
  }

  @Test
  @DisplayName("status is monotone in time: as today advances, a stored certification's status never returns to a better one")
  void monotoneInTime() {
    qt().withExamples(Examples.scaled(150))
        .forAll(CertificationGenerators.thresholds(), Generate.pick(ZONES),
            CertificationGenerators.dates(LocalDate.of(2000, 1, 1), LocalDate.of(2099, 1, 1)),
            integers().between(-30, 500))
        .checkAssert((t, zone, start, d) -> {
          TestClock clock = TestClock.at(start, zone);
          try (PartnerProgram program = program(clock, zone, t)) {
            PartnerId p = program.registry().add(new NewPartner("Mono", "m@x.example", Tier.SILVER)).id();
            LocalDate expiry = start.plusDays(d);
            program.certifications().add(p, new NewCertification("c", SkillArea.FLEET_MANAGEMENT,
                cloud.quazzar.partner.certification.CertificationLevel.BASIC, Optional.empty(), expiry.minusYears(1), expiry));
            CertificationStatus previous = CertificationStatus.ACTIVE;
            List<CertificationStatus> seen = new ArrayList<>();
            for (int day = 0; day <= Math.max(d, 0) + 2; day++) {
              TrackedCertification now = program.certifications().certifications(p, PageRequest.first(PageRequest.MAX_LIMIT)).items().get(0);
              assertTrue(now.status().compareTo(previous) >= 0, "went back to " + now.status() + " after " + seen);
              assertEquals(CertificationStatusOracle.status(now.daysToExpiry(), t.criticalDays(), t.warningDays()), now.status());
              seen.add(now.status());
              previous = now.status();
              clock.advanceDays(1);
            }
            assertEquals(CertificationStatus.EXPIRED, previous, "in the end it expires");
          }
        });
  }

  @Test
  @DisplayName("the four statuses partition every day count: exactly one status's band holds it, the one statusOf gives")
  void statusesPartitionDayCounts() {
    qt().withExamples(Examples.scaled(3000))
        .forAll(CertificationGenerators.thresholds(), integers().between(-40_000, 40_000))
        .checkAssert((t, d) -> {
          int holding = 0;
          for (CertificationStatus s : CertificationStatus.values()) {
            if (t.band(s).contains(d)) {
              holding++;
              assertEquals(s, t.statusOf(d));
            }
          }
          assertEquals(1, holding, "bands holding " + d);
          assertEquals(CertificationStatusOracle.status(d, t.criticalDays(), t.warningDays()), t.statusOf(d));
        });
    for (long d = -1000; d <= 1000; d++) {
      assertEquals(CertificationStatusOracle.status(d), ExpiryThresholds.DEFAULT.statusOf(d), "d = " + d);
    }
  }

  @Test
  @DisplayName("the oracle's own calendar agrees with java.time on every day from 1900 to 2400")
  void oracleCalendar() {
    for (LocalDate day = LocalDate.of(1900, 1, 1); day.getYear() <= 2400; day = day.plusDays(1)) {
      long n = CertificationStatusOracle.dayNumber(day);
      assertEquals(day.toEpochDay(), n);
      if (!CertificationStatusOracle.date(n).equals(day)) {
        assertEquals(day, CertificationStatusOracle.date(n));
      }
    }
  }
}
