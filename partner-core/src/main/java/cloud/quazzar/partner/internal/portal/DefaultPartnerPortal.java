package cloud.quazzar.partner.internal.portal;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.discount.DiscountEngine;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.QuoteItem;
import cloud.quazzar.partner.internal.Checks;
import cloud.quazzar.partner.portal.BillingStatement;
import cloud.quazzar.partner.portal.PartnerPortal;
import cloud.quazzar.partner.privacy.PersonalData;
import cloud.quazzar.partner.registry.Benefits;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.MonthReport;
import cloud.quazzar.partner.revenue.PartnerReport;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueLedger;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The portal of one partner, delegating to the program's services with the partner's id. Every
 * operation that takes an id of an item checks, after validating its input exactly as the
 * underlying service does, that the item belongs to this partner, and otherwise throws the
 * not-found exception the service throws for a missing id, before delegating (rules PORTAL-1,
 * PORTAL-2).
 */
public final class DefaultPartnerPortal implements PartnerPortal {
  private static final String CLIENT = "client";
  private static final String REVENUE_MONTH = "revenue month";

  private final PartnerId partnerId;
  private final PartnerRegistry registry;
  private final DiscountEngine discounts;
  private final CertificationTracker certifications;
  private final RevenueLedger revenue;
  private final PersonalData personalData;
  private final ZoneId zone;

  public DefaultPartnerPortal(
      PartnerId partnerId,
      PartnerRegistry registry,
      DiscountEngine discounts,
      CertificationTracker certifications,
      RevenueLedger revenue,
      PersonalData personalData,
      ZoneId zone) {
    this.partnerId = requireNonNull(partnerId, "partnerId");
    this.registry = requireNonNull(registry, "registry");
    this.discounts = requireNonNull(discounts, "discounts");
    this.certifications = requireNonNull(certifications, "certifications");
    this.revenue = requireNonNull(revenue, "revenue");
    this.personalData = requireNonNull(personalData, "personalData");
    this.zone = requireNonNull(zone, "zone");
  }

  @Override
  public void exportPersonalData(OutputStream out) {
    personalData.export(partnerId, out);
  }

  /** The partner's whole tier history, oldest first (a statement needs the tier of any day). */
  private List<TierChange> tierHistory() {
    List<TierChange> all = new ArrayList<>();
    PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
    while (true) {
      Page<TierChange> page = registry.tierHistory(partnerId, request);
      all.addAll(page.items());
      if (page.nextPageToken().isEmpty()) {
        return all;
      }
      request = request.withPageToken(page.nextPageToken().get());
    }
  }

  @Override
  public PartnerId partnerId() {
    return partnerId;
  }

  @Override
  public Partner partner() {
    return registry.get(partnerId);
  }

  @Override
  public Benefits benefits() {
    return partner().benefits();
  }

  @Override
  public Page<Client> clients(PageRequest page) {
    return registry.clients(partnerId, page);
  }

  @Override
  public Client client(ClientId id) {
    Checks.start().notNull("id", id).done();
    return own(id);
  }

  @Override
  public Client addClient(NewClient request) {
    return registry.addClient(partnerId, request);
  }

  @Override
  public Client renameClient(ClientId id, long expectedVersion, String name) {
    // the registry's checks, first, so that an invalid call fails alike for any id
    Checks.start().notNull("id", id).version("expectedVersion", expectedVersion)
        .bean("name", name == null ? null : new NewClient(name, 0)).name("name", name, 200).done();
    own(id);
    return registry.renameClient(id, expectedVersion, name);
  }

  @Override
  public Client setServerCount(ClientId id, long expectedVersion, long serverCount) {
    Checks.start().notNull("id", id).version("expectedVersion", expectedVersion)
        .check(serverCount >= 0, "serverCount", "must be greater than or equal to 0")
        .check(serverCount <= Client.MAX_SERVER_COUNT, "serverCount",
            "must be less than or equal to " + Client.MAX_SERVER_COUNT).done();
    own(id);
    return registry.setServerCount(id, expectedVersion, serverCount);
  }

  @Override
  public Page<TrackedCertification> certifications(PageRequest page) {
    return certifications.certifications(partnerId, page);
  }

  @Override
  public PartnerReport revenue(MonthRange range) {
    Checks.start().notNull("range", range).done();
    return revenue.partnerReport(partnerId, range);
  }

  @Override
  public long exportCsv(MonthRange range, Writer out) throws IOException {
    Checks.start().notNull("range", range).notNull("out", out).done();
    return revenue.exportCsv(RevenueFilter.all().withPartner(partnerId).withMonths(range), out);
  }

  @Override
  public BillingStatement statement(YearMonth month, Money licensingCost) {
    checkCost(Checks.start().notNull("month", month), licensingCost).done();
    RevenueEntry entry = revenue.current(partnerId, month)
        .orElseThrow(() -> new NotFoundException(REVENUE_MONTH, month));
    return statementOf(entry, licensingCost, tierHistory());
  }

  @Override
  public List<BillingStatement> statements(MonthRange range, Money licensingCost) {
    checkCost(Checks.start().notNull("range", range), licensingCost)
        .check(range == null || range.size() <= RevenueLedger.MAX_REPORT_MONTHS, "range",
            "must cover at most " + RevenueLedger.MAX_REPORT_MONTHS + " months")
        .done();
    List<TierChange> history = tierHistory();
    List<BillingStatement> out = new ArrayList<>();
    for (MonthReport m : revenue.partnerReport(partnerId, range).months()) {
      out.add(statementOf(m.entry(), licensingCost, history));
    }
    return List.copyOf(out);
  }

  private static Checks checkCost(Checks checks, Money licensingCost) {
    return checks.notNull("licensingCost", licensingCost)
        .check(licensingCost == null || !licensingCost.isNegative(), "licensingCost", "must be 0 or more");
  }

  private BillingStatement statementOf(RevenueEntry entry, Money licensingCost, List<TierChange> history) {
    YearMonth month = entry.month();
    LocalDate date = month.atEndOfMonth();
    Tier tier = tierAtEndOf(month, history);
    DiscountQuote quote = discounts.quoteAll(date, licensingCost.currency(),
            List.of(new QuoteItem(Optional.of(partnerId), tier, entry.serverCount(), licensingCost)))
        .quotes().get(0);
    return new BillingStatement(
        partnerId, month, licensingCost, quote, entry.mrr(), entry.serverCount(), entry.clientCount());
  }

  /**
   * The tier in force at the end of {@code month} in the program's zone (PORTAL-3): the last change
   * made before the next month began; the initial tier if the partner was added after the month.
   */
  private Tier tierAtEndOf(YearMonth month, List<TierChange> history) {
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    Tier tier = history.get(0).to();
    for (TierChange change : history) {
      if (change.changedAt().isBefore(end)) {
        tier = change.to();
      }
    }
    return tier;
  }

  /** PORTAL-2: the client if it is this partner's; otherwise exactly the registry's not-found exception. */
  private Client own(ClientId id) {
    return registry.findClient(id)
        .filter(c -> c.partnerId().equals(partnerId))
        .orElseThrow(() -> new NotFoundException(CLIENT, id));
  }
}
