package cloud.quazzar.partner.certification;

/**
 * A certification's expiry status on a given day, with its indicator (rule CERT-4).
 * Declaration order is severity: {@code ACTIVE < EXPIRING_SOON < CRITICAL < EXPIRED}; as
 * days pass without renewal a certification's status only moves towards {@link #EXPIRED}.
 *
 * <p>Rule CERT-4, with {@code d} = days from today to the expiry date (the last valid day) and
 * the default thresholds 30 and 90 ({@link ExpiryThresholds}): {@code d < 0} EXPIRED (red);
 * {@code 0 <= d < 30} CRITICAL (orange); {@code 30 <= d <= 90} EXPIRING_SOON (yellow); {@code d >
 * 90} ACTIVE (green).
 */
public enum CertificationStatus {
  /** More than the warning threshold (90 days) to go. */
  ACTIVE("Active", IndicatorColour.GREEN),
  /** From the critical threshold (30 days) up to the warning threshold (90 days), inclusive. */
  EXPIRING_SOON("Expiring soon", IndicatorColour.YELLOW),
  /** From the expiry date itself (0 days) to just below the critical threshold. */
  CRITICAL("Critical", IndicatorColour.ORANGE),
  /** The expiry date has passed. */
  EXPIRED("Expired", IndicatorColour.RED);

  private final String label;
  private final IndicatorColour colour;

  CertificationStatus(String label, IndicatorColour colour) {
    this.label = label;
    this.colour = colour;
  }

  /**
   * The indicator's words, e.g. {@code "Expiring soon"}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * The indicator's colour.
   *
   * @return the colour
   */
  public IndicatorColour colour() {
    return colour;
  }

  /**
   * Whether a certification in this status counts towards tier eligibility (rule CERT-9):
   * expired certifications do not count; expiring-soon and critical ones count until they expire.
   *
   * @return true unless the status is {@link #EXPIRED}
   */
  public boolean countsForEligibility() {
    return this != EXPIRED;
  }

  /**
   * Whether this status is more severe than {@code other}.
   *
   * @param other another status
   * @return true if this status is more severe
   */
  public boolean isWorseThan(CertificationStatus other) {
    return compareTo(other) > 0;
  }
}
