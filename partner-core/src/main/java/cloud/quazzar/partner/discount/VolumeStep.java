package cloud.quazzar.partner.discount;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of a volume schedule: partners with at least {@code minServerCount} servers earn {@code
 * bonus} on top of their tier's base rate. The source's "volume bonus for 50+ servers" is {@code
 * new VolumeStep(50, Rate.percent(5))}: 50 or more servers, not more than 50.
 *
 * <p>Volume, not graduated (rule DISC-10 of {@code docs/rules.md}): the whole server count earns the
 * bonus of the highest step it reached; steps never add up.
 *
 * @param minServerCount the least server count that reaches this step (inclusive: a partner with
 *     exactly this many servers reaches it), 0 to {@value #MAX_MIN_SERVER_COUNT}
 * @param bonus the bonus rate of this step
 */
public record VolumeStep(long minServerCount, Rate bonus) {
  /**
   * The largest threshold a step may have. A server count is a {@code long} like every count of the
   * API; thresholds stop at one billion so that a compiled policy keeps them in 32 bits (its tables
   * are searched per quote), and no real schedule comes near it.
   */
  public static final long MAX_MIN_SERVER_COUNT = 1_000_000_000L;

  /**
   * @param minServerCount the least server count that reaches this step (inclusive: a partner with
   *     exactly this many servers reaches it), 0 to {@value #MAX_MIN_SERVER_COUNT}
   * @param bonus the bonus rate of this step
   * @throws ValidationException listing {@code minServerCount} outside 0 to {@value
   *     #MAX_MIN_SERVER_COUNT} and a null {@code bonus}
   */
  public VolumeStep {
    List<Violation> violations = new ArrayList<>(0);
    if (minServerCount < 0 || minServerCount > MAX_MIN_SERVER_COUNT) {
      violations.add(new Violation("minServerCount", rangeMessage(minServerCount)));
    }
    ComponentChecks.requireAll(violations, "bonus", bonus);
  }

  /**
   * Whether a partner with {@code serverCount} servers reaches this step ({@code >= minServerCount}).
   *
   * @param serverCount the server count
   * @return true if the step is reached
   */
  public boolean reachedBy(long serverCount) {
    return serverCount >= minServerCount;
  }

  static String rangeMessage(long minServerCount) {
    return "must be from 0 to " + MAX_MIN_SERVER_COUNT + ", got " + minServerCount;
  }

  /** {@code 50+ servers: +5%}. */
  @Override
  public String toString() {
    return minServerCount + "+ servers: +" + bonus;
  }
}
