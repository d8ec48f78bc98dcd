package cloud.quazzar.partner.discount;

/** What a partner's adjustment does to its quote (rule DISC-8). */
public enum AdjustmentKind {
  /** Adds its rate to the combined rate, before the cap. */
  EXTRA,
  /** Replaces the tier's base rate by its rate, before combining with the volume bonus. */
  REPLACE_BASE,
  /** No adjustment: ends (or pauses, with an end date) earlier adjustments from its start. */
  NONE
}
