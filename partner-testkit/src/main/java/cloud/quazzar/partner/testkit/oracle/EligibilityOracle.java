package cloud.quazzar.partner.testkit.oracle;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationState;
import cloud.quazzar.partner.certification.EligibilityReport;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.MinimumCertifications;
import cloud.quazzar.partner.certification.MinimumClients;
import cloud.quazzar.partner.certification.MinimumServers;
import cloud.quazzar.partner.certification.MinimumSkillAreas;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Requirement;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TierAssessment;
import cloud.quazzar.partner.certification.UnmetRequirement;
import cloud.quazzar.partner.registry.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tier eligibility (rule CERT-9 in {@code docs/rules.md}, "Tier eligibility" in {@code
 * docs/certifications.md}) written the obvious way, sharing no code with the library beyond the
 * value types it reads: each requirement counted by its words, the ladder climbed tier by tier,
 * the loss day found by trying the day after each expiry in turn. Property tests compare the
 * program's {@link EligibilityReport} with it; rule authors may do the same with any property
 * library.
 *
 * <p>The rule as restated here:
 *
 * <ul>
 *   <li>a certification <em>counts on day D</em> when it is current (neither renewed nor revoked)
 *       and D is on or before its expiry date, its last valid day: expired ones do not count,
 *       expiring-soon and critical ones do;
 *   <li>{@link MinimumCertifications}: what the partner has is the number of counting
 *       certifications at the minimum level or above (levels {@code BASIC < ADVANCED < EXPERT},
 *       rule CERT-1) in one of the requirement's areas (any area when it names none);
 *   <li>{@link MinimumSkillAreas}: the number of different skill areas of the counting
 *       certifications at the minimum level or above;
 *   <li>{@link MinimumServers}: the partner's server count; {@link MinimumClients}: its client
 *       count (both as they are now, also for a future day);
 *   <li>a requirement is met when what the partner has is at least what it needs;
 *   <li>the ladder ({@code SILVER < GOLD < PLATINUM}, rule TIER-1): a tier is qualified when its own
 *       requirements and those of every lower tier are met; the qualified tier is the highest
 *       qualified one, none when Silver's own requirements are unmet;
 *   <li>the loss day: the first day after D on which, without renewals, the partner no longer
 *       qualifies for the tier it qualifies for on D (the partner still qualifies on the day
 *       before); none when it qualifies for no tier on D or no expiry costs it that tier. Only
 *       the day after an expiry date can change anything, so those days are tried in order.
 * </ul>
 *
 * <pre>{@code
 * EligibilityOracle.Expected expected = EligibilityOracle.expectedFromRecords(
 *     requirements, history, partner.serverCount(), partner.clientCount(), day); // history: every page of
 *                                                              // tracker.history(partnerId, page)
 * assertEquals(List.of(), expected.differences(tracker.eligibility(partnerId, day)));
 * }</pre>
 */
public final class EligibilityOracle {
  /** The tiers from the lowest up (rule TIER-1), written out rather than read from the enum. */
  private static final List<Tier> LADDER = List.of(Tier.SILVER, Tier.GOLD, Tier.PLATINUM);

  private EligibilityOracle() {}

  /**
   * A certification as the eligibility rule sees it: its skill area, its level and its last valid
   * day. The oracle takes only current certifications in this form (see {@link
   * #expectedFromRecords}).
   *
   * @param skillArea its skill area
   * @param level its level
   * @param expiryDate its last valid day: it counts on this day, not after
   */
  public record Held(SkillArea skillArea, CertificationLevel level, LocalDate expiryDate) {
    /**
     * Checks the components.
     *
     * @param skillArea its skill area
     * @param level its level
     * @param expiryDate its last valid day: it counts on this day, not after
     * @throws NullPointerException naming the first component that is null
     */
    public Held {
      requireNonNull(skillArea, "skillArea");
      requireNonNull(level, "level");
      requireNonNull(expiryDate, "expiryDate");
    }

    /**
     * The certification a request adds, as held once added.
     *
     * @param added the request to add a certification
     * @return its area, level and expiry date
     * @throws NullPointerException if {@code added} or its area, level or expiry date is null
     */
    public static Held of(NewCertification added) {
      requireNonNull(added, "added");
      return new Held(requireNonNull(added.skillArea(), "skillArea"), requireNonNull(added.level(), "level"),
          requireNonNull(added.expiryDate(), "expiryDate"));
    }

    /**
     * Whether it counts on {@code day}: on or before its expiry date.
     *
     * @param day the day asked about
     * @return true if {@code day} is not after the expiry date
     */
    public boolean countsOn(LocalDate day) {
      return day.compareTo(expiryDate) <= 0;
    }
  }

  /**
   * One requirement of a tier, checked: what the partner has towards it and what it needs.
   *
   * @param requirement the requirement, as configured
   * @param have counting certifications, distinct skill areas, servers or clients, by its kind
   * @param need the count the requirement asks for
   */
  public record Check(Requirement requirement, long have, long need) {
    /**
     * Checks the components.
     *
     * @param requirement the requirement, as configured
     * @param have counting certifications, distinct skill areas, servers or clients, by its kind
     * @param need the count the requirement asks for
     * @throws NullPointerException if {@code requirement} is null
     */
    public Check {
      requireNonNull(requirement, "requirement");
    }

    /**
     * Whether the requirement is met.
     *
     * @return true when {@code have >= need}
     */
    public boolean met() {
      return have >= need;
    }
  }

  /**
   * One tier's expected verdict; compared with the report's {@link TierAssessment} of that tier.
   *
   * @param tier the tier
   * @param qualified whether this tier's own requirements and those of every lower tier are met
   * @param checks every one of this tier's own requirements, in the configured order, checked
   */
  public record TierExpectation(Tier tier, boolean qualified, List<Check> checks) {
    /**
     * Checks the components and copies the list.
     *
     * @param tier the tier
     * @param qualified whether this tier's own requirements and those of every lower tier are met
     * @param checks every one of this tier's own requirements, in the configured order, checked
     * @throws NullPointerException if a component or a check is null
     */
    public TierExpectation {
      requireNonNull(tier, "tier");
      checks = List.copyOf(checks);
    }

    /**
     * Whether every one of this tier's own requirements is met (the lower tiers aside).
     *
     * @return true if no check of this tier is unmet
     */
    public boolean meetsOwnRequirements() {
      return unmet().isEmpty();
    }

    /**
     * This tier's own requirements that are not met, in the configured order: what the report's
     * {@link TierAssessment#unmet()} must list.
     *
     * @return the unmet checks, empty when every requirement of the tier is met
     */
    public List<Check> unmet() {
      return checks.stream().filter(c -> !c.met()).toList();
    }
  }

  /**
   * What an eligibility report must say; each component has the name of the {@link
   * EligibilityReport} accessor it is compared with.
   *
   * @param date the evaluation day
   * @param qualifiedTier the highest qualified tier of the ladder; empty if Silver's own
   *     requirements are unmet
   * @param tiers one expectation per tier, lowest first
   * @param losesQualifiedTierOn the first day after {@code date} without the qualified tier, if
   *     expiries cost it
   * @param countedCertifications how many certifications count on {@code date}
   * @param serverCount the server count used
   * @param clientCount the client count used
   */
  public record Expected(
      LocalDate date,
      Optional<Tier> qualifiedTier,
      List<TierExpectation> tiers,
      Optional<LocalDate> losesQualifiedTierOn,
      long countedCertifications,
      long serverCount,
      long clientCount) {

    /**
     * Checks the components and copies the list.
     *
     * @param date the evaluation day
     * @param qualifiedTier the highest qualified tier of the ladder; empty if Silver's own
     *     requirements are unmet
     * @param tiers one expectation per tier, lowest first
     * @param losesQualifiedTierOn the first day after {@code date} without the qualified tier, if
     *     expiries cost it
     * @param countedCertifications how many certifications count on {@code date}
     * @param serverCount the server count used
     * @param clientCount the client count used
     * @throws NullPointerException if a component or an expectation is null
     */
    public Expected {
      requireNonNull(date, "date");
      requireNonNull(qualifiedTier, "qualifiedTier");
      requireNonNull(losesQualifiedTierOn, "losesQualifiedTierOn");
      tiers = List.copyOf(tiers);
    }

    /**
     * The expectation of {@code tier}.
     *
     * @param tier a tier
     * @return its expectation
     * @throws IllegalArgumentException if this expectation has none for {@code tier} (never, for
     *     one the oracle computed)
     */
    public TierExpectation tier(Tier tier) {
      for (TierExpectation t : tiers) {
        if (t.tier() == tier) {
          return t;
        }
      }
      throw new IllegalArgumentException("no expectation for " + tier);
    }

    /**
     * Whether the partner qualifies for {@code tier} (the ladder: its requirements and those of
     * every lower tier are met).
     *
     * @param tier a tier
     * @return true if it qualifies
     * @throws IllegalArgumentException if this expectation has none for {@code tier}
     */
    public boolean qualifiesFor(Tier tier) {
      return tier(tier).qualified();
    }

    /**
     * Every way {@code actual} differs from this expectation (empty when it agrees): the date, the
     * qualified tier, per tier whether it is qualified and its unmet requirements (the
     * requirement, {@code have} and {@code need}, in order, each explanation starting with the
     * requirement's {@link Requirement#describe()} and {@code ": "}), the loss day, the counted
     * certifications and the server and client counts. The report's partner and current tier are
     * not the oracle's to know.
     *
     * @param actual the report the program gave
     * @return one line per difference, empty if none
     * @throws NullPointerException if {@code actual} is null
     */
    public List<String> differences(EligibilityReport actual) {
      requireNonNull(actual, "actual");
      List<String> out = new ArrayList<>();
      compare(out, "date", date, actual.date());
      compare(out, "qualified tier", qualifiedTier, actual.qualifiedTier());
      compare(out, "loses the qualified tier on", losesQualifiedTierOn, actual.losesQualifiedTierOn());
      compare(out, "counted certifications", countedCertifications, actual.countedCertifications());
      compare(out, "server count", serverCount, actual.serverCount());
      compare(out, "client count", clientCount, actual.clientCount());
      if (actual.tiers().size() != tiers.size()) {
        out.add("tiers: expected " + tiers.size() + " assessments but the report has " + actual.tiers().size());
        return out;
      }
      for (int i = 0; i < tiers.size(); i++) {
        TierExpectation expected = tiers.get(i);
        TierAssessment assessment = actual.tiers().get(i);
        String tier = expected.tier().toString();
        compare(out, "assessment " + (i + 1) + " tier", expected.tier(), assessment.tier());
        compare(out, tier + " qualified", expected.qualified(), assessment.qualified());
        List<String> unmet = expected.unmet().stream().map(c -> c.requirement() + " have " + c.have() + " need " + c.need())
            .toList();
        List<String> reported = assessment.unmet().stream()
            .map(u -> u.requirement() + " have " + u.have() + " need " + u.need()).toList();
        compare(out, tier + " unmet requirements", unmet, reported);
        for (UnmetRequirement u : assessment.unmet()) {
          String prefix = u.requirement().describe() + ": ";
          if (!u.explanation().startsWith(prefix)) {
            out.add(tier + " explanation: expected it to start with \"" + prefix + "\" but the report says \""
                + u.explanation() + "\"");
          }
        }
      }
      return out;
    }

    private static void compare(List<String> out, String what, Object expected, Object actual) {
      if (!expected.equals(actual)) {
        out.add(what + ": expected " + expected + " but the report says " + actual);
      }
    }
  }

  /**
   * The expected report from a partner's certification records, as the tracker's {@code
   * history(partnerId)} gives them: only current records count (renewed and revoked ones are
   * history).
   *
   * @param requirements the requirements in force
   * @param records the partner's certification records, in any state and any order
   * @param serverCount the partner's server count (the sum over its clients), 0 or more
   * @param clientCount the partner's number of clients, 0 or more
   * @param date the evaluation day
   * @return the expected report
   * @throws NullPointerException if an argument or a record is null
   * @throws IllegalArgumentException if a count is negative
   */
  public static Expected expectedFromRecords(EligibilityRequirements requirements, List<Certification> records,
      long serverCount, long clientCount, LocalDate date) {
    List<Held> held = new ArrayList<>();
    for (Certification c : records) {
      if (c.state() == CertificationState.CURRENT) {
        held.add(new Held(c.skillArea(), c.level(), c.expiryDate()));
      }
    }
    return expected(requirements, held, serverCount, clientCount, date);
  }

  /**
   * The expected report for a partner holding {@code held} (current certifications only).
   *
   * @param requirements the requirements in force
   * @param held the partner's current certifications, in any order
   * @param serverCount the partner's server count (the sum over its clients), 0 or more
   * @param clientCount the partner's number of clients, 0 or more
   * @param date the evaluation day
   * @return the expected report
   * @throws NullPointerException if an argument or a certification is null
   * @throws IllegalArgumentException if a count is negative
   */
  public static Expected expected(EligibilityRequirements requirements, List<Held> held, long serverCount,
      long clientCount, LocalDate date) {
    requireNonNull(requirements, "requirements");
    requireNonNull(date, "date");
    List<Held> all = List.copyOf(held);
    if (serverCount < 0 || clientCount < 0) {
      throw new IllegalArgumentException("server and client counts must not be negative, got " + serverCount
          + " and " + clientCount);
    }
    List<TierExpectation> tiers = ladder(requirements, all, serverCount, clientCount, date);
    Optional<Tier> qualified = highest(tiers);
    Optional<LocalDate> losesOn = Optional.empty();
    if (qualified.isPresent()) {
      TreeSet<LocalDate> candidates = new TreeSet<>();
      for (Held h : all) {
        LocalDate dayAfter = h.expiryDate().plusDays(1);
        if (dayAfter.isAfter(date)) {
          candidates.add(dayAfter);
        }
      }
      int now = LADDER.indexOf(qualified.get());
      for (LocalDate day : candidates) {
        Optional<Tier> then = highest(ladder(requirements, all, serverCount, clientCount, day));
        if (then.map(LADDER::indexOf).orElse(-1) < now) {
          losesOn = Optional.of(day);
          break;
        }
      }
    }
    long counted = all.stream().filter(h -> h.countsOn(date)).count();
    return new Expected(date, qualified, tiers, losesOn, counted, serverCount, clientCount);
  }

  /** Each tier checked on {@code day}, lowest first; qualified while every tier so far meets its own. */
  private static List<TierExpectation> ladder(EligibilityRequirements requirements, List<Held> held, long servers,
      long clients, LocalDate day) {
    List<TierExpectation> out = new ArrayList<>();
    boolean everyLowerMet = true;
    for (Tier tier : LADDER) {
      List<Check> checks = new ArrayList<>();
      for (Requirement r : requirements.requirementsOf(tier)) {
        checks.add(new Check(r, have(r, held, servers, clients, day), need(r)));
      }
      boolean ownMet = checks.stream().allMatch(Check::met);
      everyLowerMet = everyLowerMet && ownMet;
      out.add(new TierExpectation(tier, everyLowerMet, checks));
    }
    return out;
  }

  private static Optional<Tier> highest(List<TierExpectation> tiers) {
    Optional<Tier> best = Optional.empty();
    for (TierExpectation t : tiers) {
      if (t.qualified()) {
        best = Optional.of(t.tier());
      }
    }
    return best;
  }

  /** What the partner has towards {@code r} on {@code day}. */
  private static long have(Requirement r, List<Held> held, long servers, long clients, LocalDate day) {
    if (r instanceof MinimumCertifications m) {
      long n = 0;
      for (Held h : held) {
        boolean inArea = m.areas().isEmpty() || m.areas().contains(h.skillArea());
        if (h.countsOn(day) && rank(h.level()) >= rank(m.minimumLevel()) && inArea) {
          n++;
        }
      }
      return n;
    }
    if (r instanceof MinimumSkillAreas m) {
      Set<SkillArea> areas = new HashSet<>();
      for (Held h : held) {
        if (h.countsOn(day) && rank(h.level()) >= rank(m.minimumLevel())) {
          areas.add(h.skillArea());
        }
      }
      return areas.size();
    }
    if (r instanceof MinimumServers) {
      return servers;
    }
    if (r instanceof MinimumClients) {
      return clients;
    }
    throw new IllegalArgumentException("a requirement of an unknown kind: " + r);
  }

  /** What {@code r} needs. */
  private static long need(Requirement r) {
    if (r instanceof MinimumCertifications m) {
      return m.count();
    }
    if (r instanceof MinimumSkillAreas m) {
      return m.count();
    }
    if (r instanceof MinimumServers m) {
      return m.count();
    }
    if (r instanceof MinimumClients m) {
      return m.count();
    }
    throw new IllegalArgumentException("a requirement of an unknown kind: " + r);
  }

  /** The level's place in {@code BASIC < ADVANCED < EXPERT} (rule CERT-1), written out. */
  private static int rank(CertificationLevel level) {
    return switch (level) {
      case BASIC -> 0;
      case ADVANCED -> 1;
      case EXPERT -> 2;
    };
  }
}
