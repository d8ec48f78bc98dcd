package cloud.quazzar.partner.discount;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of a billing run for {@link DiscountEngine#quoteAll}: a tier, a server count and a
 * gross amount, and optionally the partner whose adjustment applies. Valid by construction.
 *
 * @param partnerId the partner whose adjustment in force on the run's date applies; empty for none
 * @param tier the tier
 * @param serverCount the server count, 0 or more
 * @param gross the gross amount, 0 or more
 */
public record QuoteItem(Optional<PartnerId> partnerId, Tier tier, long serverCount, Money gross) {

  /**
   * @param partnerId the partner whose adjustment in force on the run's date applies; empty for
   *     none
   * @param tier the tier
   * @param serverCount the server count, 0 or more
   * @param gross the gross amount, 0 or more
   * @throws ValidationException listing every null or negative component
   */
  public QuoteItem {
    List<Violation> violations = new ArrayList<>(0);
    if (partnerId == null) {
      violations.add(new Violation("partnerId", "must not be null; use Optional.empty() for no partner"));
    }
    if (tier == null) {
      violations.add(new Violation("tier", "must not be null"));
    }
    if (serverCount < 0) {
      violations.add(new Violation("serverCount", "must be greater than or equal to 0, got " + serverCount));
    }
    if (gross == null) {
      violations.add(new Violation("gross", "must not be null"));
    } else if (gross.isNegative()) {
      violations.add(new Violation("gross", "must not be negative, got " + gross));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  /**
   * A line without a partner (no adjustment applies).
   *
   * @param tier the tier
   * @param serverCount the server count, 0 or more
   * @param gross the gross amount, 0 or more
   * @return the line
   */
  public static QuoteItem of(Tier tier, long serverCount, Money gross) {
    return new QuoteItem(Optional.empty(), tier, serverCount, gross);
  }

  /**
   * A line for {@code partnerId}, whose adjustment in force on the run's date applies.
   *
   * @param partnerId the partner
   * @param tier the tier
   * @param serverCount the server count, 0 or more
   * @param gross the gross amount, 0 or more
   * @return the line
   * @throws ValidationException ({@code partnerId}) if {@code partnerId} is null (use {@link
   *     #of(Tier, long, Money)} for a line without a partner); else as the constructor
   */
  public static QuoteItem of(PartnerId partnerId, Tier tier, long serverCount, Money gross) {
    return new QuoteItem(Optional.of(ValidationException.requireNonNull(partnerId, "partnerId")), tier, serverCount,
        gross);
  }
}
