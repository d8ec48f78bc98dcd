package cloud.quazzar.partner.testkit.generators;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.ExpiryThresholds;
import cloud.quazzar.partner.certification.MinimumCertifications;
import cloud.quazzar.partner.certification.MinimumClients;
import cloud.quazzar.partner.certification.MinimumServers;
import cloud.quazzar.partner.certification.MinimumSkillAreas;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Renewal;
import cloud.quazzar.partner.certification.Requirement;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.registry.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of valid certification input and eligibility configuration for QuickTheories property
 * tests. Every certification they produce is accepted by the tracker for a partner of the tier
 * given; day counts lean on the status boundaries, where mistakes hide.
 */
public final class CertificationGenerators {
  /** Realistic certification names. */
  public static final List<String> NAMES = List.of(
      "Cloud OS Administrator", "Cloud OS Architect", "Fleet Operator", "Fleet Automation Engineer",
      "Kubernetes Operator", "Multi-Cluster Specialist", "MSP Practitioner", "MSP Business Lead");

  /** Days to expiry on and around the default boundaries: -1, 0, 1, 29, 30, 31, 89, 90, 91, 92. */
  public static final List<Long> BOUNDARY_DAYS = List.of(-1L, 0L, 1L, 29L, 30L, 31L, 89L, 90L, 91L, 92L);

  private CertificationGenerators() {}

  /**
   * Any skill area.
   *
   * @return a generator of skill areas
   */
  public static Gen<SkillArea> skillAreas() {
    return Generate.enumValues(SkillArea.class);
  }

  /**
   * Any level.
   *
   * @return a generator of levels
   */
  public static Gen<CertificationLevel> levels() {
    return Generate.enumValues(CertificationLevel.class);
  }

  /**
   * The levels a partner of {@code tier} may add (tier access, rule CERT-2).
   *
   * @param tier the partner's tier
   * @return a generator of the levels open to that tier
   */
  public static Gen<CertificationLevel> levelsAllowedFor(Tier tier) {
    List<CertificationLevel> allowed = new ArrayList<>();
    for (CertificationLevel l : CertificationLevel.values()) {
      if (l.allowedFor(tier)) {
        allowed.add(l);
      }
    }
    return Generate.pick(allowed);
  }

  /**
   * Valid certification names: the {@link #NAMES}, the registry's tricky names, printable ASCII.
   *
   * @return a generator of valid certification names
   */
  public static Gen<String> names() {
    Gen<String> ascii = strings().betweenCodePoints(0x21, 0x7E).ofLengthBetween(1, 40);
    return Generate.frequency(
        Pair.of(4, Generate.pick(NAMES)),
        Pair.of(1, Generate.pick(PartnerGenerators.TRICKY_NAMES)),
        Pair.of(2, ascii));
  }

  /**
   * Holders: absent about a third of the time, else a short name.
   *
   * @return a generator of optional holders
   */
  public static Gen<Optional<String>> holders() {
    Gen<String> name = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12)
        .zip(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12), (f, l) -> f + " " + l);
    return name.toOptionals(33);
  }

  /**
   * Days to expiry: half on or beside the default boundaries ({@link #BOUNDARY_DAYS}), the rest
   * spread over -400..800 and over a century either way.
   *
   * @return a generator of day counts, negative for an expiry in the past
   */
  public static Gen<Long> daysToExpiry() {
    return Generate.frequency(
        Pair.of(4, Generate.pick(BOUNDARY_DAYS)),
        Pair.of(3, longs().between(-400, 800)),
        Pair.of(1, longs().between(-36_500, 36_500)));
  }

  /**
   * Days to expiry on and beside the boundaries of {@code t}, plus a spread.
   *
   * @param t the thresholds whose boundaries to favour
   * @return a generator of day counts, negative for an expiry in the past
   */
  public static Gen<Long> daysToExpiry(ExpiryThresholds t) {
    List<Long> near = List.of(-2L, -1L, 0L, 1L, t.criticalDays() - 1, t.criticalDays(), t.criticalDays() + 1,
        t.warningDays() - 1, t.warningDays(), t.warningDays() + 1, t.warningDays() + 2);
    return Generate.frequency(
        Pair.of(1, Generate.pick(near)),
        Pair.of(1, longs().between(-2 * t.warningDays() - 10, 2 * t.warningDays() + 10)));
  }

  /**
   * Valid thresholds: critical 1 to 180 days, warning 1 to 400 days above it.
   *
   * @return a generator of valid thresholds
   */
  public static Gen<ExpiryThresholds> thresholds() {
    return longs().between(1, 180).zip(longs().between(1, 400), (c, extra) -> new ExpiryThresholds(c, c + extra));
  }

  /**
   * Days from {@code from} to {@code to}, inclusive.
   *
   * @param from the first day
   * @param to the last day, not before {@code from}
   * @return a generator of days in that range
   */
  public static Gen<LocalDate> dates(LocalDate from, LocalDate to) {
    return Generate.longRange(from.toEpochDay(), to.toEpochDay()).map(LocalDate::ofEpochDay);
  }

  /**
   * Certifications a partner of {@code tier} may add on {@code today}: expiry {@link
   * #daysToExpiry()} days from today (kept within the accepted dates), issued 1 to 1,825 days
   * before it.
   *
   * @param today the day the certification is added
   * @param tier the partner's tier
   * @return a generator of valid requests to add a certification
   */
  public static Gen<NewCertification> newCertifications(LocalDate today, Tier tier) {
    Gen<LocalDate> expiry = daysToExpiry().map(d -> clamp(today.plusDays(d), LocalDate.of(1906, 1, 1)));
    Gen<Integer> validity = Generate.frequency(
        Pair.of(3, Generate.pick(List.of(365, 730, 1095))), Pair.of(1, integers().between(1, 1825)));
    return names().zip(skillAreas(), levelsAllowedFor(tier), holders(), expiry.zip(validity, Pair::of),
        (name, area, level, holder, dates) -> new NewCertification(
            name, area, level, holder, dates._1.minusDays(dates._2), dates._1));
  }

  /**
   * Certifications any partner (even Silver) may add: Basic level only.
   *
   * @param today the day the certification is added
   * @return a generator of valid requests to add a Basic certification
   */
  public static Gen<NewCertification> basicCertifications(LocalDate today) {
    return newCertifications(today, Tier.SILVER);
  }

  /**
   * Renewals of a certification expiring on {@code oldExpiry}, issued on {@code today}: 1 to 3 years on.
   *
   * @param today the day of the renewal
   * @param oldExpiry the expiry date of the certification renewed
   * @return a generator of valid renewals
   */
  public static Gen<Renewal> renewals(LocalDate today, LocalDate oldExpiry) {
    LocalDate base = today.isAfter(oldExpiry) ? today : oldExpiry;
    return integers().between(1, 1095).map(extra -> new Renewal(today, base.plusDays(extra)));
  }

  /**
   * One requirement of any kind, with small numbers so that partners sometimes meet it.
   *
   * @return a generator of requirements
   */
  public static Gen<Requirement> requirements() {
    Gen<Set<SkillArea>> areas = lists().of(skillAreas()).ofSizeBetween(0, 2)
        .map(l -> l.isEmpty() ? Set.<SkillArea>of() : Set.copyOf(EnumSet.copyOf(l)));
    Gen<Requirement> certs = longs().between(1, 5).zip(levels(), areas, MinimumCertifications::new);
    Gen<Requirement> spread = longs().between(1, 4).zip(levels(), MinimumSkillAreas::new);
    Gen<Requirement> servers = longs().between(1, 300).map(MinimumServers::new);
    Gen<Requirement> clients = longs().between(1, 10).map(MinimumClients::new);
    return Generate.frequency(Pair.of(4, certs), Pair.of(2, spread), Pair.of(1, servers), Pair.of(1, clients));
  }

  /**
   * Requirement sets: each tier 0 to 3 requirements.
   *
   * @return a generator of requirement sets
   */
  public static Gen<EligibilityRequirements> requirementSets() {
    Gen<List<Requirement>> perTier = lists().of(requirements()).ofSizeBetween(0, 3);
    return perTier.zip(perTier, perTier, (s, g, p) -> {
      Map<Tier, List<Requirement>> m = new EnumMap<>(Tier.class);
      m.put(Tier.SILVER, s);
      m.put(Tier.GOLD, g);
      m.put(Tier.PLATINUM, p);
      return new EligibilityRequirements(m);
    });
  }

  private static LocalDate clamp(LocalDate d, LocalDate earliest) {
    if (d.isBefore(earliest)) {
      return earliest;
    }
    return d.isAfter(NewCertification.LATEST_DATE) ? NewCertification.LATEST_DATE : d;
  }
}
