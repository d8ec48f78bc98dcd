package cloud.quazzar.partner.health;

/** How healthy the program or one of its parts is, from best to worst. */
public enum HealthStatus {
  /** Working as configured. */
  UP,
  /** Working, but something needs attention (a listener failing or lagging): data is safe. */
  DEGRADED,
  /** Not working: the store does not answer, fails, or holds a schema of another version. */
  DOWN;

  /**
   * The worse of this and {@code other}.
   *
   * @param other another status
   * @return the worse of the two
   */
  public HealthStatus worst(HealthStatus other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
