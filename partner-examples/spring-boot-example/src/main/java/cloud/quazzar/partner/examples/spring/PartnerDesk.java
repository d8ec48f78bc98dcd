package cloud.quazzar.partner.examples.spring;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.Tier;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Service;

/**
 * The application's own service on the {@code PartnerProgram} bean: onboards partners and quotes
 * their discounts. At start-up ({@link #run}) it sets a price list if none is in force and
 * onboards "Acme Cloud" unless it is there already, then logs its quote.
 */
@Service
public class PartnerDesk implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(PartnerDesk.class);

  /** The partner the start-up onboards. */
  public static final String DEMO_PARTNER = "Acme Cloud";

  private final PartnerProgram program;

  /**
   * The desk on the program the starter configured.
   *
   * @param program the partner program bean
   */
  public PartnerDesk(PartnerProgram program) {
    this.program = program;
  }

  /**
   * Sets the price list if no policy is in force today, onboards {@value #DEMO_PARTNER} as a Gold
   * partner unless a partner of that name exists, and logs its quote on 1,000.00 USD.
   *
   * @param args the application's arguments (unused)
   */
  @Override
  public void run(ApplicationArguments args) {
    if (program.discounts().policyOn(program.today()).isEmpty()) {
      program.discounts().setPolicy(DiscountPolicy.builder()
              .baseRate(Tier.SILVER, "10")
              .baseRate(Tier.GOLD, "15")
              .baseRate(Tier.PLATINUM, "20")
              .build(),
          PolicyChange.today("spring-boot-example", "the example's price list"));
    }
    Partner acme = find(DEMO_PARTNER).orElseGet(() -> onboard(DEMO_PARTNER, "partners@acme.example", Tier.GOLD));
    DiscountQuote quote = quote(acme.id(), Money.of("1000.00", "USD"));
    LOG.info("{} ({}): {} -> discount {}, net {}", acme.companyName(), acme.tier(), quote.gross(), quote.discount(),
        quote.net());
  }

  /**
   * Adds a partner.
   *
   * @param companyName the company's name
   * @param email its contact address
   * @param tier its tier
   * @return the partner as stored
   * @throws cloud.quazzar.partner.ValidationException if a value is refused
   */
  public Partner onboard(String companyName, String email, Tier tier) {
    return program.registry().add(new NewPartner(companyName, email, tier));
  }

  /**
   * The partner whose name is {@code companyName}, if any.
   *
   * @param companyName the company's exact name
   * @return the partner, or empty
   */
  public Optional<Partner> find(String companyName) {
    return program.registry().list(PartnerQuery.all().withNamePrefix(companyName).withLimit(PartnerQuery.MAX_LIMIT))
        .items().stream().filter(p -> p.companyName().equals(companyName)).findFirst();
  }

  /**
   * Today's quote for the partner.
   *
   * @param partnerId the partner
   * @param gross the amount before the discount
   * @return the quote
   * @throws cloud.quazzar.partner.NotFoundException if there is no such partner
   */
  public DiscountQuote quote(PartnerId partnerId, Money gross) {
    return program.discounts().quote(partnerId, gross);
  }
}
