package cloud.quazzar.partner.testkit.generators;

import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.MinimumCertifications;
import cloud.quazzar.partner.certification.MinimumClients;
import cloud.quazzar.partner.certification.MinimumServers;
import cloud.quazzar.partner.certification.MinimumSkillAreas;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Requirement;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.registry.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators for property tests of tier eligibility (rule CERT-9): requirement sets with every kind
 * of requirement across the tiers, certifications around the thresholds those requirements set,
 * clients and servers around theirs, and evaluation days around the certifications' expiry dates,
 * where the rule's boundaries are. Compare what the program says on such input with {@code
 * cloud.quazzar.partner.testkit.oracle.EligibilityOracle}; docs/rule-authors.md shows a complete
 * property test.
 *
 * <p>The certifications are valid requests to add: any level, so a partner must be Platinum when
 * they are added (rule CERT-2); it may move down a tier afterwards and keep them (rule CERT-3).
 * Numbers are small, so that generated partners meet and miss requirements about equally often.
 */
public final class EligibilityGenerators {
  /**
   * Days from today on which many generated certifications expire together (so that several
   * certifications are lost on the same day): yesterday, today, tomorrow, 30, 90 and 365 days on.
   */
  public static final List<Long> SHARED_EXPIRY_DAYS = List.of(-1L, 0L, 1L, 30L, 90L, 365L);

  /** The server thresholds requirements lean on. */
  public static final List<Long> SERVER_THRESHOLDS = List.of(1L, 10L, 50L, 100L, 200L);

  /** Every order of the four skill areas, to draw distinct areas from. */
  private static final List<List<SkillArea>> AREA_ORDERS = orders(List.of(SkillArea.values()));

  private EligibilityGenerators() {}

  /**
   * {@link MinimumCertifications}: 1 to 5 certifications at any minimum level, in any area (half
   * the time) or in one or two named areas.
   *
   * @return a generator of certification-count requirements
   */
  public static Gen<Requirement> minimumCertifications() {
    Gen<Set<SkillArea>> named = lists().of(CertificationGenerators.skillAreas()).ofSizeBetween(1, 2)
        .map(l -> (Set<SkillArea>) EnumSet.copyOf(l));
    Gen<Set<SkillArea>> areas = Generate.frequency(
        Pair.of(1, Generate.constant(Set.<SkillArea>of())), Pair.of(1, named));
    return longs().between(1, 5).zip(CertificationGenerators.levels(), areas, MinimumCertifications::new);
  }

  /**
   * {@link MinimumSkillAreas}: 1 to 4 skill areas (all there are) at any minimum level.
   *
   * @return a generator of skill-area requirements
   */
  public static Gen<Requirement> minimumSkillAreas() {
    return longs().between(1, SkillArea.values().length).zip(CertificationGenerators.levels(), MinimumSkillAreas::new);
  }

  /**
   * {@link MinimumServers}: one of the {@link #SERVER_THRESHOLDS} or 1 to 300.
   *
   * @return a generator of server requirements
   */
  public static Gen<Requirement> minimumServers() {
    return Generate.frequency(Pair.of(1, Generate.pick(SERVER_THRESHOLDS)), Pair.of(1, longs().between(1, 300)))
        .map(MinimumServers::new);
  }

  /**
   * {@link MinimumClients}: 1 to 5 clients.
   *
   * @return a generator of client requirements
   */
  public static Gen<Requirement> minimumClients() {
    return longs().between(1, 5).map(MinimumClients::new);
  }

  /**
   * One requirement of any of the four kinds, certification requirements more often.
   *
   * @return a generator of requirements
   */
  public static Gen<Requirement> requirements() {
    return Generate.frequency(
        Pair.of(3, minimumCertifications()), Pair.of(2, minimumSkillAreas()),
        Pair.of(1, minimumServers()), Pair.of(1, minimumClients()));
  }

  /**
   * Requirement sets: the default (rule CERT-10); none at all; 0 to 3 requirements of any kind per
   * tier; and sets with every kind of requirement, each on a tier of its own choosing (several
   * may share a tier, any may be Silver's).
   *
   * @return a generator of requirement sets
   */
  public static Gen<EligibilityRequirements> requirementSets() {
    Gen<List<Requirement>> perTier = lists().of(requirements()).ofSizeBetween(0, 3);
    Gen<EligibilityRequirements> random = perTier.zip(perTier, perTier, (s, g, p) -> {
      Map<Tier, List<Requirement>> m = new EnumMap<>(Tier.class);
      m.put(Tier.SILVER, s);
      m.put(Tier.GOLD, g);
      m.put(Tier.PLATINUM, p);
      return new EligibilityRequirements(m);
    });
    Gen<EligibilityRequirements> everyKind = placed(minimumCertifications()).zip(placed(minimumSkillAreas()),
        placed(minimumServers()), placed(minimumClients()), (a, b, c, d) -> {
          Map<Tier, List<Requirement>> m = new EnumMap<>(Tier.class);
          for (Pair<Tier, Requirement> placed : List.of(a, b, c, d)) {
            m.computeIfAbsent(placed._1, t -> new ArrayList<>()).add(placed._2);
          }
          return new EligibilityRequirements(m);
        });
    return Generate.frequency(
        Pair.of(1, Generate.constant(EligibilityRequirements.DEFAULT)),
        Pair.of(1, Generate.constant(EligibilityRequirements.NONE)),
        Pair.of(4, random),
        Pair.of(4, everyKind));
  }

  /**
   * Expiry dates around {@code today}: on the {@link #SHARED_EXPIRY_DAYS} (so that expiries
   * coincide and some fall on the days just around today), within 60 days before to 400 after, or
   * anywhere from 800 days before to ten years after; always valid dates for a certification.
   *
   * @param today the day the certifications are added
   * @return a generator of expiry dates
   */
  public static Gen<LocalDate> expiries(LocalDate today) {
    return Generate.frequency(
            Pair.of(3, Generate.pick(SHARED_EXPIRY_DAYS)),
            Pair.of(3, longs().between(-60, 400)),
            Pair.of(1, longs().between(-800, 3650)))
        .map(d -> clamp(today.plusDays(d)));
  }

  /**
   * Certifications around the thresholds of {@code requirements}, for a Platinum partner on {@code
   * today}: for each {@link MinimumCertifications} one fewer, exactly as many or one more
   * certifications than it needs, at its level or above and in its areas; for each {@link
   * MinimumSkillAreas} one fewer, exactly as many or one more distinct areas at its level or above;
   * near misses (one level below a requirement's level, or outside its areas); and 0 to 3 of any
   * kind. Their expiry dates are {@link #expiries(LocalDate)}, so whether they count depends on the
   * day asked about.
   *
   * @param requirements the requirement set whose thresholds to aim at
   * @param today the day the certifications are added
   * @return a generator of lists of valid requests to add a certification (for a Platinum partner)
   */
  public static Gen<List<NewCertification>> certificationsAround(EligibilityRequirements requirements, LocalDate today) {
    List<Gen<List<NewCertification>>> parts = new ArrayList<>();
    Set<Requirement> distinct = new LinkedHashSet<>();
    for (Tier tier : Tier.values()) {
      distinct.addAll(requirements.requirementsOf(tier));
    }
    for (Requirement r : distinct) {
      if (r instanceof MinimumCertifications m) {
        Gen<NewCertification> counting = certification(areasOf(m), atOrAbove(m.minimumLevel()), today);
        parts.add(lists().of(counting).ofSizes(around(m.count())));
        nearMisses(m.minimumLevel(), areasOf(m), today).ifPresent(parts::add);
      } else if (r instanceof MinimumSkillAreas m) {
        Gen<List<SkillArea>> areas = Generate.pick(AREA_ORDERS).zip(around(m.count()),
            (order, k) -> order.subList(0, Math.min(k, order.size())));
        List<CertificationLevel> levels = atOrAbove(m.minimumLevel());
        parts.add(areas.flatMap(chosen -> oneEach(chosen, levels, today)));
        nearMisses(m.minimumLevel(), List.of(SkillArea.values()), today).ifPresent(parts::add);
      }
    }
    Gen<NewCertification> any = certification(List.of(SkillArea.values()), List.of(CertificationLevel.values()), today);
    parts.add(lists().of(any).ofSizeBetween(0, 3));
    return concat(parts);
  }

  /**
   * The servers of each client of a partner, around the thresholds of {@code requirements}: the
   * number of clients one below, at or one above a {@link MinimumClients} need (or 0 to 4), and
   * their servers together one below, at or one above a {@link MinimumServers} need (or 0 to 300),
   * spread evenly over the clients. No clients means no servers.
   *
   * @param requirements the requirement set whose thresholds to aim at
   * @return a generator of per-client server counts (the list's size is the client count, its sum
   *     the server count)
   */
  public static Gen<List<Long>> clientServerCounts(EligibilityRequirements requirements) {
    List<Long> clientNeeds = new ArrayList<>();
    List<Long> serverNeeds = new ArrayList<>();
    for (Tier tier : Tier.values()) {
      for (Requirement r : requirements.requirementsOf(tier)) {
        if (r instanceof MinimumClients m) {
          clientNeeds.addAll(aroundValues(m.count()));
        } else if (r instanceof MinimumServers m) {
          serverNeeds.addAll(aroundValues(m.count()));
        }
      }
    }
    Gen<Long> clients = clientNeeds.isEmpty() ? longs().between(0, 4)
        : Generate.frequency(Pair.of(3, Generate.pick(clientNeeds)), Pair.of(1, longs().between(0, 4)));
    Gen<Long> servers = serverNeeds.isEmpty() ? longs().between(0, 300)
        : Generate.frequency(Pair.of(3, Generate.pick(serverNeeds)), Pair.of(1, longs().between(0, 300)));
    return clients.zip(servers, EligibilityGenerators::spread);
  }

  /**
   * Days to evaluate eligibility on, around the expiry dates of {@code certifications}: the day
   * before, the day of and the day after an expiry date, {@code today}, or a day from 30 days
   * before to 1,000 after it.
   *
   * @param certifications the certifications whose expiry dates to aim at (may be empty)
   * @param today the day they were added
   * @return a generator of days
   * @throws NullPointerException if a certification has no expiry date
   */
  public static Gen<LocalDate> daysAround(List<NewCertification> certifications, LocalDate today) {
    Gen<LocalDate> spread = longs().between(-30, 1000).map(today::plusDays);
    if (certifications.isEmpty()) {
      return Generate.frequency(Pair.of(1, Generate.constant(today)), Pair.of(2, spread));
    }
    List<LocalDate> nearExpiries = new ArrayList<>();
    for (NewCertification c : certifications) {
      LocalDate expiry = Objects.requireNonNull(c.expiryDate(), "a certification's expiry date");
      nearExpiries.addAll(List.of(expiry.minusDays(1), expiry, expiry.plusDays(1)));
    }
    return Generate.frequency(
        Pair.of(4, Generate.pick(nearExpiries)), Pair.of(1, Generate.constant(today)), Pair.of(2, spread));
  }

  private static Gen<Pair<Tier, Requirement>> placed(Gen<Requirement> requirement) {
    return requirement.zip(PartnerGenerators.tiers(), (r, t) -> Pair.of(t, r));
  }

  /** One below, exactly and one above {@code need}, never negative. */
  private static List<Long> aroundValues(long need) {
    List<Long> out = new ArrayList<>();
    for (long n = Math.max(0, need - 1); n <= need + 1; n++) {
      out.add(n);
    }
    return out;
  }

  private static Gen<Integer> around(long need) {
    return Generate.pick(aroundValues(need).stream().map(Long::intValue).toList());
  }

  private static List<SkillArea> areasOf(MinimumCertifications m) {
    return m.areas().isEmpty() ? List.of(SkillArea.values()) : List.copyOf(EnumSet.copyOf(m.areas()));
  }

  private static List<CertificationLevel> atOrAbove(CertificationLevel minimum) {
    List<CertificationLevel> out = new ArrayList<>();
    for (CertificationLevel l : CertificationLevel.values()) {
      if (l.isAtLeast(minimum)) {
        out.add(l);
      }
    }
    return out;
  }

  /**
   * 0 to 2 certifications that just miss: one level below {@code minimum} in {@code areas}, or at
   * {@code minimum} outside {@code areas}; none possible for BASIC in every area.
   */
  private static Optional<Gen<List<NewCertification>>> nearMisses(CertificationLevel minimum, List<SkillArea> areas,
      LocalDate today) {
    List<Gen<NewCertification>> misses = new ArrayList<>();
    CertificationLevel below = null;
    for (CertificationLevel l : CertificationLevel.values()) {
      if (!l.isAtLeast(minimum)) {
        below = l;
      }
    }
    if (below != null) {
      misses.add(certification(areas, List.of(below), today));
    }
    List<SkillArea> outside = new ArrayList<>(List.of(SkillArea.values()));
    outside.removeAll(areas);
    if (!outside.isEmpty()) {
      misses.add(certification(outside, List.of(minimum), today));
    }
    if (misses.isEmpty()) {
      return Optional.empty();
    }
    Gen<NewCertification> miss = misses.size() == 1 ? misses.get(0) : Generate.oneOf(misses.get(0), misses.get(1));
    return Optional.of(lists().of(miss).ofSizeBetween(0, 2));
  }

  private static Gen<NewCertification> certification(List<SkillArea> areas, List<CertificationLevel> levels,
      LocalDate today) {
    return Generate.pick(CertificationGenerators.NAMES).zip(Generate.pick(areas), Generate.pick(levels), expiries(today),
        (name, area, level, expiry) -> new NewCertification(name, area, level, Optional.empty(),
            expiry.minusDays(365), expiry));
  }

  /** One certification in each of {@code areas}, at a level of {@code levels}. */
  private static Gen<List<NewCertification>> oneEach(List<SkillArea> areas, List<CertificationLevel> levels,
      LocalDate today) {
    List<Gen<List<NewCertification>>> each = new ArrayList<>();
    for (SkillArea area : areas) {
      each.add(certification(List.of(area), levels, today).map(c -> List.of(c)));
    }
    return concat(each);
  }

  private static <T> Gen<List<T>> concat(List<Gen<List<T>>> parts) {
    Gen<List<T>> all = Generate.constant(List.of());
    for (Gen<List<T>> part : parts) {
      all = all.zip(part, (a, b) -> {
        List<T> joined = new ArrayList<>(a);
        joined.addAll(b);
        return List.copyOf(joined);
      });
    }
    return all;
  }

  /** {@code servers} spread evenly over {@code clients} (the first ones get the remainder). */
  private static List<Long> spread(long clients, long servers) {
    List<Long> out = new ArrayList<>();
    for (long i = 0; i < clients; i++) {
      out.add(servers / clients + (i < servers % clients ? 1 : 0));
    }
    return List.copyOf(out);
  }

  private static List<List<SkillArea>> orders(List<SkillArea> areas) {
    if (areas.size() <= 1) {
      return List.of(areas);
    }
    List<List<SkillArea>> out = new ArrayList<>();
    for (int i = 0; i < areas.size(); i++) {
      List<SkillArea> rest = new ArrayList<>(areas);
      SkillArea first = rest.remove(i);
      for (List<SkillArea> tail : orders(rest)) {
        List<SkillArea> order = new ArrayList<>();
        order.add(first);
        order.addAll(tail);
        out.add(Collections.unmodifiableList(order));
      }
    }
    return List.copyOf(out);
  }

  /** Within the dates a certification may have: its issue date (a year before) from 1900 on. */
  private static LocalDate clamp(LocalDate d) {
    LocalDate earliest = NewCertification.EARLIEST_DATE.plusYears(2);
    if (d.isBefore(earliest)) {
      return earliest;
    }
    return d.isAfter(NewCertification.LATEST_DATE) ? NewCertification.LATEST_DATE : d;
  }
}
