package cloud.quazzar.partner.certification;

import cloud.quazzar.partner.ValidationException;

/**
 * An inclusive range of day counts ("days to expiry"), possibly open at either end: an open lower
 * end is {@link Long#MIN_VALUE}, an open upper end {@link Long#MAX_VALUE}.
 *
 * <p>Throws {@link ValidationException} ({@code max}) if it is below {@code min}.
 *
 * @param min the smallest day count in the range
 * @param max the largest day count in the range, at least {@code min}
 */
public record DayRange(long min, long max) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param min the smallest day count in the range
   * @param max the largest day count in the range, at least {@code min}
   * @throws ValidationException naming each component that is null or out of range
   */
  public DayRange {
    if (max < min) {
      throw ValidationException.of("max", "must not be below min (" + min + "), got " + max);
    }
  }

  /**
   * Whether {@code days} lies in the range.
   *
   * @param days a day count
   * @return true if it lies in the range
   */
  public boolean contains(long days) {
    return days >= min && days <= max;
  }

  /**
   * Whether the range has no lower end.
   *
   * @return true if the range has no lower end
   */
  public boolean openBelow() {
    return min == Long.MIN_VALUE;
  }

  /**
   * Whether the range has no upper end.
   *
   * @return true if the range has no upper end
   */
  public boolean openAbove() {
    return max == Long.MAX_VALUE;
  }
}
