package cloud.quazzar.partner.certification;

/**
 * The colour of a status indicator (rule CERT-4): green, yellow, orange,
 * red. How to paint it (CSS, ANSI, an icon) is the host's choice.
 */
public enum IndicatorColour {
  /** Active. */
  GREEN,
  /** Expiring soon. */
  YELLOW,
  /** Critical: close to expiry. */
  ORANGE,
  /** Expired. */
  RED
}
