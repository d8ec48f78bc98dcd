package cloud.quazzar.partner;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An exact amount of money: a whole number of the currency's minor units (cents for USD, yen for
 * JPY, fils for BHD) and the {@link Currency}. Never a float (rule DISC-13).
 *
 * <p>The minor unit is the currency's own ({@link Currency#getDefaultFractionDigits()}: USD 2,
 * JPY 0, BHD 3); currencies without one (such as {@code XXX} or {@code XAU}) are refused.
 *
 * <p>Every operation that combines two amounts checks that they share the currency and otherwise
 * throws {@link ValidationException}; no operation converts currencies. Arithmetic never wraps
 * (rule DISC-7): a result beyond the range of a {@code long} of
 * minor units (about 92 quadrillion USD) is a {@link ValidationException} that says so.
 *
 * <p>Equality: two amounts are equal exactly when they have the same currency and the same number
 * of minor units, so {@code Money.of("12.3", "USD")} equals {@code Money.of("12.30", "USD")}.
 * {@link #compareTo} orders amounts of one currency and refuses to compare two currencies.
 *
 * @param minorUnits the amount in the currency's minor units; may be negative
 * @param currency the currency, which must have a minor unit (0 or more decimals)
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

  /**
   * What {@link #of(String, String)} parses: digits with an optional sign and an optional
   * fraction; no exponent ({@code 1e3}), no grouping, no leading or trailing point.
   */
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

  /**
   * @param minorUnits the amount in the currency's minor units; may be negative
   * @param currency the currency, which must have a minor unit (0 or more decimals)
   * @throws ValidationException ({@code currency}) if the currency is null or has no minor unit
   */
  public Money {
    if (currency == null) {
      throw ValidationException.of("currency", "must not be null");
    }
    if (currency.getDefaultFractionDigits() < 0) {
      throw ValidationException.of("currency", noMinorUnit(currency));
    }
  }

  /**
   * Parses an amount such as {@code "12.34"} in the currency with ISO 4217 code {@code currencyCode}.
   *
   * @param amount a plain decimal number, such as {@code "12.34"} or {@code "-5"}: an optional
   *     sign, digits and an optional fraction; surrounding white space is ignored; exponents
   *     ({@code "1e3"}), grouping ({@code "1,000"}) and a bare point ({@code ".5"}, {@code "5."}) are
   *     refused
   * @param currencyCode an ISO 4217 currency code, such as {@code "EUR"}
   * @return the exact amount
   * @throws ValidationException listing every problem: {@code amount} not a plain decimal number,
   *     with more decimals than the currency has (trailing zeros aside), or too large;
   *     {@code currency} not an ISO 4217 code or without a minor unit
   */
  public static Money of(String amount, String currencyCode) {
    List<Violation> violations = new ArrayList<>(2);
    BigDecimal value = null;
    if (amount == null) {
      violations.add(new Violation("amount", "must not be null"));
    } else {
      String plain = amount.strip();
      if (PLAIN_DECIMAL.matcher(plain).matches()) {
        value = new BigDecimal(plain);
      } else {
        violations.add(new Violation("amount", "must be a plain decimal number such as 12.34 or -5, got '" + amount + "'"));
      }
    }
    Currency currency = null;
    if (currencyCode == null) {
      violations.add(new Violation("currency", "must not be null"));
    } else {
      try {
        currency = Currency.getInstance(currencyCode.strip());
        if (currency.getDefaultFractionDigits() < 0) {
          violations.add(new Violation("currency", noMinorUnit(currency)));
          currency = null;
        }
      } catch (IllegalArgumentException e) {
        violations.add(new Violation("currency", "must be an ISO 4217 code such as USD, got '" + currencyCode + "'"));
      }
    }
    if (value != null && currency != null) {
      try {
        return of(value, currency);
      } catch (ValidationException e) {
        violations.addAll(e.violations());
      }
    }
    throw new ValidationException(violations);
  }

  /**
   * The exact amount {@code amount} in {@code currency}.
   *
   * @param amount the amount
   * @param currency the currency
   * @return the exact amount
   * @throws ValidationException ({@code amount}) if it has more decimals than the currency (trailing
   *     zeros aside: {@code 12.340} USD is fine, {@code 12.345} USD is not) or does not fit
   */
  public static Money of(BigDecimal amount, Currency currency) {
    if (amount == null || currency == null) {
      List<Violation> violations = new ArrayList<>(2);
      if (amount == null) {
        violations.add(new Violation("amount", "must not be null"));
      }
      if (currency == null) {
        violations.add(new Violation("currency", "must not be null"));
      }
      throw new ValidationException(violations);
    }
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw ValidationException.of("currency", noMinorUnit(currency));
    }
    BigDecimal minor = amount.movePointRight(digits);
    if (minor.signum() != 0 && minor.stripTrailingZeros().scale() > 0) {
      throw ValidationException.of("amount", currency.getCurrencyCode() + " has " + digits
          + " decimal" + (digits == 1 ? "" : "s") + ", so " + amount.toPlainString()
          + " is not an exact amount of it; round it first");
    }
    try {
      return new Money(minor.longValueExact(), currency);
    } catch (ArithmeticException e) {
      throw ValidationException.of("amount", tooLarge(amount.toPlainString() + " " + currency.getCurrencyCode(), currency));
    }
  }

  /**
   * The amount of {@code minorUnits} minor units (e.g. {@code ofMinor(1234, USD)} is 12.34 USD).
   *
   * @param minorUnits the amount in the currency's minor units
   * @param currency the currency
   * @return the amount
   */
  public static Money ofMinor(long minorUnits, Currency currency) {
    return new Money(minorUnits, currency);
  }

  /**
   * Zero in {@code currency}.
   *
   * @param currency the currency
   * @return zero in that currency
   */
  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /**
   * The currency's number of decimals: 2 for USD, 0 for JPY, 3 for BHD.
   *
   * @return the number of decimals, 0 or more
   */
  public int scale() {
    return currency.getDefaultFractionDigits();
  }

  /**
   * The amount as a decimal with the currency's scale, e.g. {@code 12.30} for 1230 USD cents.
   *
   * @return the amount as a decimal
   */
  public BigDecimal toBigDecimal() {
    return BigDecimal.valueOf(minorUnits, scale());
  }

  /**
   * This amount plus {@code other}.
   *
   * @param other an amount in the same currency
   * @return the sum
   * @throws ValidationException ({@code currency}) if the currencies differ, ({@code amount}) if the
   *     sum does not fit
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    try {
      return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    } catch (ArithmeticException e) {
      throw ValidationException.of("amount", tooLarge(this + " + " + other, currency));
    }
  }

  /**
   * This amount minus {@code other}.
   *
   * @param other an amount in the same currency
   * @return the difference
   * @throws ValidationException ({@code currency}) if the currencies differ, ({@code amount}) if the
   *     difference does not fit
   */
  public Money minus(Money other) {
    requireSameCurrency(other);
    try {
      return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    } catch (ArithmeticException e) {
      throw ValidationException.of("amount", tooLarge(this + " - " + other, currency));
    }
  }

  /**
   * This amount times {@code factor}.
   *
   * @param factor the factor, may be negative
   * @return the product
   * @throws ValidationException ({@code amount}) if the product does not fit
   */
  public Money times(long factor) {
    try {
      return new Money(Math.multiplyExact(minorUnits, factor), currency);
    } catch (ArithmeticException e) {
      throw ValidationException.of("amount", tooLarge(this + " × " + factor, currency));
    }
  }

  /**
   * Whether this is exactly zero.
   *
   * @return true if the amount is zero
   */
  public boolean isZero() {
    return minorUnits == 0;
  }

  /**
   * Whether this is below zero.
   *
   * @return true if the amount is negative
   */
  public boolean isNegative() {
    return minorUnits < 0;
  }

  /**
   * Whether {@code other} has this amount's currency.
   *
   * @param other a currency
   * @return true if it is this amount's currency
   */
  public boolean hasCurrency(Currency other) {
    return currency.equals(other);
  }

  /**
   * Orders amounts of one currency by value.
   *
   * @throws ValidationException ({@code currency}) if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(minorUnits, other.minorUnits);
  }

  /** The amount with the currency's scale, then the ISO code: {@code 12.30 USD}, {@code 500 JPY}. */
  @Override
  public String toString() {
    return toBigDecimal().toPlainString() + " " + currency.getCurrencyCode();
  }

  private void requireSameCurrency(Money other) {
    if (other == null) {
      throw ValidationException.of("amount", "must not be null");
    }
    if (!currency.equals(other.currency)) {
      throw ValidationException.of("currency", "amounts in " + currency.getCurrencyCode() + " and "
          + other.currency.getCurrencyCode() + " cannot be combined; convert one first (no conversion is done here)");
    }
  }

  private static String noMinorUnit(Currency currency) {
    return currency.getCurrencyCode() + " has no minor unit; use a currency with a fixed number of decimals such as USD";
  }

  private static String tooLarge(String what, Currency currency) {
    BigDecimal max = new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE), Math.max(0, currency.getDefaultFractionDigits()));
    return what + " does not fit: an amount holds at most " + max.toPlainString() + " "
        + currency.getCurrencyCode() + " (2^63 - 1 minor units) either way; nothing wraps";
  }
}
