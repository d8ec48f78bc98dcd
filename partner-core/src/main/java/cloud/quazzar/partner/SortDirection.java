package cloud.quazzar.partner;

/** Which way a listing runs: its sort key and its tie-breaks all ascend, or all descend. */
public enum SortDirection {
  /** Smallest first (A to Z, oldest first, SILVER first). */
  ASCENDING,
  /** Largest first: the ascending order reversed, tie-breaks included. */
  DESCENDING
}
