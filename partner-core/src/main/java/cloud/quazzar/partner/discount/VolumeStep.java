package cloud.quazzar.partner.discount;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of a volume schedule: partners with at least {@code minServers} servers earn {@code
 * bonus} on top of their tier's base rate. The source's "volume bonus for 50+ servers" is {@code
 * new VolumeStep(50, Rate.percent(5))}: 50 or more servers, not more than 50.
 *
 * <p>Volume, not graduated (rule DR10 of {@code docs/rules.md}): the whole server count earns the
 * bonus of the highest step it reached; steps never add up.
 *
 * @param minServers the least server count that reaches this step, 0 to {@value #MAX_MIN_SERVERS}
 * @param bonus the bonus rate of this step
 */
public record VolumeStep(int minServers, Rate bonus) {
  /** The largest threshold a step may have. */
  public static final int MAX_MIN_SERVERS = 1_000_000_000;

  /**
   * @throws ValidationException listing {@code minServers} outside 0 to {@value #MAX_MIN_SERVERS}
   *     and a null {@code bonus}
   */
  public VolumeStep {
    List<Violation> violations = new ArrayList<>(0);
    if (minServers < 0 || minServers > MAX_MIN_SERVERS) {
      violations.add(new Violation("minServers", rangeMessage(minServers)));
    }
    ComponentChecks.requireAll(violations, "bonus", bonus);
  }

  /** Whether a partner with {@code serverCount} servers reaches this step ({@code >= minServers}). */
  public boolean reachedBy(long serverCount) {
    return serverCount >= minServers;
  }

  static String rangeMessage(long minServers) {
    return "must be from 0 to " + MAX_MIN_SERVERS + ", got " + minServers;
  }

  /** {@code 50+ servers: +5%}. */
  @Override
  public String toString() {
    return minServers + "+ servers: +" + bonus;
  }
}
