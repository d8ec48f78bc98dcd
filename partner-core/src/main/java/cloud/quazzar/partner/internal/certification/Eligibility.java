package cloud.quazzar.partner.internal.certification;

import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.EligibilityReport;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.MinimumCertifications;
import cloud.quazzar.partner.certification.MinimumClients;
import cloud.quazzar.partner.certification.MinimumServers;
import cloud.quazzar.partner.certification.MinimumSkillAreas;
import cloud.quazzar.partner.certification.Requirement;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TierAssessment;
import cloud.quazzar.partner.certification.UnmetRequirement;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates eligibility requirements against a partner's current certifications and counts.
 * Rule CERT-9: expired certifications do not count; expiring-soon and
 * critical ones count until they expire, i.e. a certification counts on day D when D is on or
 * before its expiry date (its last valid day). A tier is qualified when its own requirements and
 * those of every lower tier are met.
 */
final class Eligibility {
  private Eligibility() {}

  static EligibilityReport evaluate(EligibilityRequirements requirements, PartnerId partnerId, Tier currentTier,
      List<Certification> current, long servers, long clients, LocalDate date) {
    List<Certification> counting = counting(current, date);
    List<TierAssessment> tiers = assess(requirements, counting, servers, clients, date);
    Tier qualified = highest(tiers);
    LocalDate losesOn = null;
    if (qualified != null) {
      // The counting set only shrinks on the day after an expiry date; check those days in order.
      TreeSet<LocalDate> days = new TreeSet<>();
      for (Certification c : counting) {
        days.add(c.expiryDate().plusDays(1));
      }
      for (LocalDate day : days) {
        Tier then = highest(assess(requirements, counting(counting, day), servers, clients, day));
        if (then == null || then.isBelow(qualified)) {
          losesOn = day;
          break;
        }
      }
    }
    return new EligibilityReport(partnerId, date, currentTier, Optional.ofNullable(qualified), tiers,
        Optional.ofNullable(losesOn), counting.size(), servers, clients);
  }

  private static List<Certification> counting(List<Certification> certs, LocalDate date) {
    List<Certification> out = new ArrayList<>(certs.size());
    for (Certification c : certs) {
      if (c.isCurrent() && !c.expiryDate().isBefore(date)) {
        out.add(c);
      }
    }
    return out;
  }

  private static @Nullable Tier highest(List<TierAssessment> tiers) {
    Tier best = null;
    for (TierAssessment a : tiers) {
      if (a.qualified()) {
        best = a.tier();
      }
    }
    return best;
  }

  private static List<TierAssessment> assess(EligibilityRequirements requirements, List<Certification> counting,
      long servers, long clients, LocalDate date) {
    List<TierAssessment> out = new ArrayList<>(Tier.values().length);
    boolean lowerQualified = true;
    for (Tier tier : Tier.values()) {
      List<UnmetRequirement> unmet = new ArrayList<>();
      for (Requirement r : requirements.requirementsOf(tier)) {
        UnmetRequirement u = check(r, counting, servers, clients, date);
        if (u != null) {
          unmet.add(u);
        }
      }
      lowerQualified = lowerQualified && unmet.isEmpty();
      out.add(new TierAssessment(tier, lowerQualified, unmet));
    }
    return out;
  }

  private static @Nullable UnmetRequirement check(Requirement r, List<Certification> counting, long servers,
      long clients, LocalDate date) {
    long have;
    long need;
    String what;
    if (r instanceof MinimumCertifications m) {
      have = counting.stream().filter(c -> m.counts(c.skillArea(), c.level())).count();
      need = m.count();
      what = have + " count" + (have == 1 ? "s" : "") + " on " + date;
    } else if (r instanceof MinimumSkillAreas m) {
      EnumSet<SkillArea> areas = EnumSet.noneOf(SkillArea.class);
      for (Certification c : counting) {
        if (c.level().isAtLeast(m.minimumLevel())) {
          areas.add(c.skillArea());
        }
      }
      have = areas.size();
      need = m.count();
      what = have + " area" + (have == 1 ? "" : "s") + " on " + date;
    } else if (r instanceof MinimumServers m) {
      have = servers;
      need = m.count();
      what = "the partner manages " + have;
    } else if (r instanceof MinimumClients m) {
      have = clients;
      need = m.count();
      what = "the partner has " + have;
    } else {
      throw new IllegalStateException("unknown requirement " + r);
    }
    return have >= need ? null : new UnmetRequirement(r, have, need, r.describe() + ": " + what);
  }
}
