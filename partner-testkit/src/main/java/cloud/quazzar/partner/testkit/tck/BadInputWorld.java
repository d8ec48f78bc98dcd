package cloud.quazzar.partner.testkit.tck;

import static cloud.quazzar.partner.testkit.tck.CertificationBadInput.cert;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Renewal;
import cloud.quazzar.partner.certification.Revocation;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.discount.AdjustmentRequest;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.events.DomainEvents;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.MonthReport;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRecording;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * What the bad calls of {@link BadInputContract} work on: a program holding an active PLATINUM
 * partner with two clients, a tier history, an adjustment, a renewed and a revoked certification and
 * a corrected ledger month; an inactive SILVER partner with a client; one discount policy version; a
 * tier review run; a listener subscribed and delivered up to the last event. Built through the
 * public API by {@link #of(PartnerProgram)}; {@link #snapshot(PartnerProgram)} renders everything a
 * program holds, so that a call that stored anything shows as changed lines.
 *
 * @param program the program under test
 * @param active the active partner
 * @param inactive the inactive partner
 * @param client a client of {@code active}
 * @param otherClient a client of {@code inactive}
 * @param certification {@code active}'s current (renewed) certification
 * @param revoked {@code active}'s revoked certification
 * @param policy the policy version in force
 * @param today the program's date
 * @param month the program's month
 */
record BadInputWorld(PartnerProgram program, Partner active, Partner inactive, Client client, Client otherClient,
    TrackedCertification certification, Certification revoked, PolicyVersion policy, LocalDate today,
    YearMonth month) {
  /** The listener the world subscribes: its cursor is part of the snapshot. */
  static final String WATCHER = "bad input watcher";

  PartnerRegistry registry() {
    return program.registry();
  }

  DiscountEngine discounts() {
    return program.discounts();
  }

  CertificationTracker certifications() {
    return program.certifications();
  }

  RevenueLedger ledger() {
    return program.revenue();
  }

  /** The policy the world sets, which the discount cases vary. */
  static DiscountPolicy validPolicy() {
    return DiscountPolicy.builder().baseRate(Tier.SILVER, "5").baseRate(Tier.GOLD, "10").baseRate(Tier.PLATINUM, "15")
        .volumeStep(10, "2").volumeStep(100, "5").cap("40").build();
  }

  /** Builds the world through the public API of {@code program}. */
  static BadInputWorld of(PartnerProgram program) {
    PartnerRegistry registry = program.registry();
    LocalDate today = program.today();
    YearMonth month = YearMonth.from(today);
    Partner active = registry.add(new NewPartner("Bad Input Target", "target@x.example", Tier.GOLD));
    Client client = registry.addClient(active.id(), new NewClient("target client", 7));
    registry.addClient(active.id(), new NewClient("second client", 3));
    active = registry.changeTier(active.id(), active.version(), new TierChangeRequest(Tier.PLATINUM, "ops", "grew"));
    Partner inactive = registry.add(new NewPartner("Sleeping Partner", "sleep@x.example", Tier.SILVER));
    Client otherClient = registry.addClient(inactive.id(), new NewClient("sleeping client", 2));
    inactive = registry.deactivate(inactive.id(), inactive.version());
    PolicyVersion policy = program.discounts().setPolicy(validPolicy(), PolicyChange.today("ops", "launch"));
    program.discounts().adjust(active.id(), AdjustmentRequest.extra(Rate.percent(2), "ops", "deal"));
    CertificationTracker certs = program.certifications();
    TrackedCertification first = certs.add(active.id(), new NewCertification("Cloud Admin",
        SkillArea.CLOUD_OS_ADMINISTRATION, CertificationLevel.ADVANCED, Optional.of("Ann"), today.minusDays(100),
        today.plusDays(200)));
    TrackedCertification renewed = certs.renew(first.id(), first.certification().version(),
        new Renewal(today, today.plusDays(400)));
    TrackedCertification doomed = certs.add(active.id(), cert("Fleet", CertificationLevel.BASIC, today.minusDays(5), today.plusDays(50)));
    Certification revoked = certs.revoke(doomed.id(), doomed.certification().version(), new Revocation("ops", "fraud"));
    RevenueLedger ledger = program.revenue();
    ledger.record(RevenueRecording.of(active.id(), month.minusMonths(1), Money.of("1234.56", "USD"), "rec-1").withCounts(10, 2));
    ledger.correct(RevenueCorrection.of(active.id(), month.minusMonths(1), "fix-1", "typo").withMrr(Money.of("1300.00", "USD")));
    ledger.record(RevenueRecording.of(active.id(), month, Money.of("99", "EUR"), "rec-2"));
    program.reviews().run(); // a reviewed day: later calls for earlier days are refused
    program.events().subscribe(WATCHER, r -> { }); // a stored cursor, which no invalid call may move
    program.events().deliverPending();
    return new BadInputWorld(program, active, inactive, client, otherClient, renewed, revoked, policy, today, month);
  }

  /**
   * Everything the program holds, read through the public API and rendered as text, one fact per
   * line: partners with versions, clients, tier histories, adjustments, certification histories,
   * grace periods, review outcomes and erasures, ledger rows with their corrections, the policy history, the
   * review policy, the certification counts, the event log and the watcher's cursor, and the whole
   * CSV export. Two stores with the same content give the same text.
   */
  static String snapshot(PartnerProgram program) {
    StringBuilder out = new StringBuilder();
    PartnerRegistry registry = program.registry();
    YearMonth month = YearMonth.from(program.today());
    MonthRange recent = new MonthRange(month.minusMonths(RevenueLedger.MAX_REPORT_MONTHS - 1L), month);
    for (Partner p : registry.list(PartnerQuery.all().withLimit(PartnerQuery.MAX_LIMIT)).items()) {
      out.append(p).append('\n');
      registry.clients(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().forEach(c -> out.append("  client ").append(c).append('\n'));
      registry.tierHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().forEach(t -> out.append("  tier ").append(t).append('\n'));
      program.discounts().adjustmentHistory(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().forEach(a -> out.append("  adjustment ").append(a).append('\n'));
      program.certifications().history(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().forEach(c -> out.append("  certification ").append(c).append('\n'));
      program.reviews().gracePeriod(p.id()).ifPresent(g -> out.append("  grace ").append(g).append('\n'));
      program.reviews().history(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().forEach(o -> out.append("  review ").append(o).append('\n'));
      program.personalData().erasures(p.id()).forEach(e -> out.append("  erasure ").append(e).append('\n'));
      for (MonthReport m : program.revenue().partnerReport(p.id(), recent).months()) {
        program.revenue().history(p.id(), m.entry().month(), PageRequest.first(PageRequest.MAX_LIMIT)).items().forEach(e -> out.append("  ledger ").append(e).append('\n'));
      }
    }
    program.discounts().policyHistory().forEach(v -> out.append("policy ").append(v).append('\n'));
    out.append("review policy ").append(program.reviews().policy()).append('\n');
    out.append("counts ").append(program.certifications().counts()).append('\n');
    program.events().after(0, DomainEvents.MAX_PAGE).forEach(e -> out.append("event ").append(e).append('\n'));
    out.append("last event ").append(program.events().lastSequence()).append('\n');
    try {
      out.append("cursor of '").append(WATCHER).append("' ").append(program.events().cursor(WATCHER)).append('\n');
    } catch (NotFoundException e) {
      out.append("no cursor '").append(WATCHER).append("'\n");
    }
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    try {
      program.revenue().exportCsv(RevenueFilter.all(), csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.append(csv.toString(StandardCharsets.UTF_8));
    return out.toString();
  }
}
