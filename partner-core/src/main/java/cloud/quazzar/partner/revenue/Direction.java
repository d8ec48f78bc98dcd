package cloud.quazzar.partner.revenue;

/** Which way a figure moved from the previous month. */
public enum Direction {
  UP("↑"),
  DOWN("↓"),
  FLAT("→");

  private final String arrow;

  Direction(String arrow) {
    this.arrow = arrow;
  }

  /** An arrow for tables: {@code ↑}, {@code ↓} or {@code →}. */
  public String arrow() {
    return arrow;
  }

  static Direction ofSign(int signum) {
    return signum > 0 ? UP : signum < 0 ? DOWN : FLAT;
  }
}
