package cloud.quazzar.partner.portal;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.time.YearMonth;
import java.util.List;

/**
 * A partner's billing statement for one month: the licensing cost the host bills (gross), the
 * discount quote that explains the discount, the net amount, and the month's figures from the
 * revenue ledger. Immutable; made by {@link PartnerPortal#statement}.
 *
 * <p>Deterministic: the quote is made for the month's last day under the policy version in force
 * that day, with the tier in force at the end of the month (tier history) and the server count of
 * the month's current ledger entry, and the partner's adjustment in force that day; so the same
 * statement asked again gives the same result, even after a later policy version or tier change.
 * (A ledger correction of the month does change it: the statement follows the month's current
 * entry.)
 *
 * <p>Throws {@link cloud.quazzar.partner.ValidationException} naming a null component, ({@code
 * quote}) if the quote is not for this month's last day, this server count or this licensing cost,
 * ({@code clientCount}) if negative.
 *
 * @param partnerId the partner
 * @param month the month billed
 * @param licensingCost the gross licensing cost the host gave, 0 or more
 * @param quote the discount quote for the month's last day, with its explanation
 * @param mrr the month's MRR from the ledger
 * @param serverCount the month's server count from the ledger (the one quoted)
 * @param clientCount the month's client count from the ledger
 */
public record BillingStatement(
    PartnerId partnerId,
    YearMonth month,
    Money licensingCost,
    DiscountQuote quote,
    Money mrr,
    long serverCount,
    long clientCount) {

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param partnerId the partner
   * @param month the month billed
   * @param licensingCost the gross licensing cost the host gave, 0 or more
   * @param quote the discount quote for the month's last day, with its explanation
   * @param mrr the month's MRR from the ledger
   * @param serverCount the month's server count from the ledger (the one quoted)
   * @param clientCount the month's client count from the ledger
   * @throws ValidationException naming each component that is null or out of range
   */
  public BillingStatement {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(month, "month");
    requireNonNull(licensingCost, "licensingCost");
    requireNonNull(quote, "quote");
    requireNonNull(mrr, "mrr");
    if (!quote.date().equals(month.atEndOfMonth())) {
      throw ValidationException.of("quote", "must be for " + month.atEndOfMonth() + ", got " + quote.date());
    }
    if (quote.serverCount() != serverCount) {
      throw ValidationException.of("quote",
          "must be for the month's " + serverCount + " servers, got " + quote.serverCount());
    }
    if (!quote.gross().equals(licensingCost)) {
      throw ValidationException.of("quote", "must be for " + licensingCost + ", got " + quote.gross());
    }
    if (clientCount < 0) {
      throw ValidationException.of("clientCount", "must be 0 or more, got " + clientCount);
    }
  }

  /**
   * The tier the month was quoted with: the partner's tier at the end of the month.
   *
   * @return the tier
   */
  public Tier tier() {
    return quote.tier();
  }

  /**
   * The discount on the licensing cost.
   *
   * @return the discount
   */
  public Money discount() {
    return quote.discount();
  }

  /**
   * What the partner pays: licensing cost minus discount.
   *
   * @return the net amount
   */
  public Money net() {
    return quote.net();
  }

  /**
   * The quote's explanation, line by line.
   *
   * @return the explanation
   */
  public List<String> explanation() {
    return quote.explanation();
  }
}
