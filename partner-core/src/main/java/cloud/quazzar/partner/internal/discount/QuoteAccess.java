package cloud.quazzar.partner.internal.discount;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.QuoteBasis;
import cloud.quazzar.partner.registry.Tier;
import org.jspecify.annotations.Nullable;

/**
 * How the engine makes a {@link DiscountQuote}, whose constructor is not API (only the engine,
 * which has applied the rules, may assemble a quote). The pattern of the JDK's {@code
 * SharedSecrets}: the API class registers a {@link Factory} for its package-private constructor in
 * its static initializer, and the engine reads it here. This class and {@link PolicyRules} are the
 * only internal classes that an API class refers to, each from one API class
 * ({@code ArchitectureTest} pins it): the registration is the API class's, the use is the engine's.
 */
public final class QuoteAccess {
  /** Calls the quote's package-private constructor; its parameters are the constructor's. */
  @FunctionalInterface
  public interface Factory {
    /**
     * Makes the quote; the engine has applied the rules, the constructor only guards invariants.
     *
     * @param basis the date, policy version and adjustment
     * @param tier the tier
     * @param serverCount the server count, 0 or more
     * @param stepsReached the position (from 1) of the step reached, 0 for none
     * @param totalBasisPoints the total rate, 0 to 10,000
     * @param capApplied whether the cap lowered the combined rate
     * @param gross the amount quoted, 0 or more
     * @param discountMinorUnits the discount, 0 to gross
     */
    DiscountQuote quote(QuoteBasis basis, Tier tier, long serverCount, int stepsReached, int totalBasisPoints,
        boolean capApplied, Money gross, long discountMinorUnits);
  }

  private static volatile @Nullable Factory factory;

  private QuoteAccess() {}

  /**
   * Called once, by {@link DiscountQuote}'s static initializer.
   *
   * @throws IllegalStateException if a factory is registered already
   */
  public static synchronized void register(Factory quotes) {
    if (factory != null) {
      throw new IllegalStateException("the quote factory is registered already");
    }
    factory = quotes;
  }

  /**
   * The factory, initializing {@link DiscountQuote} (which registers it) if needed. Called once, by
   * {@link CompiledPolicy}'s static initializer.
   */
  static Factory factory() {
    try {
      Class.forName(DiscountQuote.class.getName(), true, DiscountQuote.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    Factory f = factory;
    if (f == null) {
      throw new IllegalStateException("DiscountQuote registered no factory");
    }
    return f;
  }
}
