package cloud.quazzar.partner.revenue;

/** How an entry came into the ledger. */
public enum EntryKind {
  /** The first figures of a partner's month (revision 1). */
  RECORDED,
  /**
   * A changed figure for an already recorded month (revision 2 or more), with a reason. Rule
   * REV-3: it supersedes the entry before it in every report; that entry stays readable in the
   * month's history.
   */
  CORRECTION
}
