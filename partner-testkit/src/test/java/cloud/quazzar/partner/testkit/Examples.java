package cloud.quazzar.partner.testkit;

/**
 * How many examples a property test of this module tries: the number it asks for, scaled by the
 * system property {@code partner.examples.percent} (100 unless set; the mutation profile sets it,
 * see docs/testing.md), never below 10 nor above the number asked for.
 */
public final class Examples {
  private static final int PERCENT = Integer.getInteger("partner.examples.percent", 100);

  private Examples() {}

  /**
   * The number of examples to try for a property that asks for {@code examples}.
   *
   * @param examples the number a normal build tries
   * @return {@code examples} scaled by {@code partner.examples.percent}, from 10 to {@code examples}
   */
  public static int scaled(int examples) {
    if (PERCENT >= 100 || examples <= 10) {
      return examples;
    }
    return Math.max(10, (int) ((long) examples * Math.max(0, PERCENT) / 100));
  }
}
