package cloud.quazzar.partner.revenue;

/** Which way a figure moved from the previous month. */
public enum Direction {
  /** The figure rose. */
  UP("↑"),
  /** The figure fell. */
  DOWN("↓"),
  /** The figure stayed the same. */
  FLAT("→");

  private final String arrow;

  Direction(String arrow) {
    this.arrow = arrow;
  }

  /**
   * An arrow for tables: {@code ↑}, {@code ↓} or {@code →}.
   *
   * @return the arrow
   */
  public String arrow() {
    return arrow;
  }

  static Direction ofSign(int signum) {
    return signum > 0 ? UP : signum < 0 ? DOWN : FLAT;
  }
}
