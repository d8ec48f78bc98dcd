package cloud.quazzar.partner.events;

/** Where a listener subscribed under a name never seen before starts reading the event log. */
public enum StartPosition {
  /** From the first stored event: the listener also gets everything that happened before it. */
  EARLIEST,
  /** After the last event committed when it subscribes: only what happens from now on. */
  LATEST
}
