package cloud.quazzar.partner.internal.observe;

/**
 * The observed operations: service and operation, both tag values of a fixed set (OPS-11). An
 * overloaded method is one operation. A write (or a bulk call: an export, a batch, the review run)
 * is {@linkplain #timedAlways timed always}; a read is timed for a random sample of its calls.
 */
public enum Operation {
  /** {@code PartnerProgram.portal(id)}: opening a partner's portal. */
  PORTAL_OPEN("portal", "open"),
  REGISTRY_ADD("registry", "add"),
  REGISTRY_FIND("registry", "find"),
  REGISTRY_GET("registry", "get"),
  REGISTRY_LIST("registry", "list"),
  REGISTRY_COUNT("registry", "count"),
  REGISTRY_CHANGE_TIER("registry", "change_tier"),
  REGISTRY_TIER_HISTORY("registry", "tier_history"),
  REGISTRY_UPDATE_CONTACT("registry", "update_contact"),
  REGISTRY_DEACTIVATE("registry", "deactivate"),
  REGISTRY_REACTIVATE("registry", "reactivate"),
  REGISTRY_ADD_CLIENT("registry", "add_client"),
  REGISTRY_FIND_CLIENT("registry", "find_client"),
  REGISTRY_CLIENTS("registry", "clients"),
  REGISTRY_RENAME_CLIENT("registry", "rename_client"),
  REGISTRY_SET_SERVER_COUNT("registry", "set_server_count"),
  REGISTRY_REMOVE_CLIENT("registry", "remove_client"),
  DISCOUNTS_SET_POLICY("discounts", "set_policy"),
  DISCOUNTS_CANCEL_POLICY("discounts", "cancel_policy"),
  DISCOUNTS_POLICY_HISTORY("discounts", "policy_history"),
  DISCOUNTS_POLICY_ON("discounts", "policy_on"),
  DISCOUNTS_CALCULATOR_ON("discounts", "calculator_on"),
  DISCOUNTS_ADJUST("discounts", "adjust"),
  DISCOUNTS_CANCEL_ADJUSTMENT("discounts", "cancel_adjustment"),
  DISCOUNTS_ADJUSTMENT_HISTORY("discounts", "adjustment_history"),
  DISCOUNTS_ADJUSTMENT_ON("discounts", "adjustment_on"),
  DISCOUNTS_QUOTE("discounts", "quote"),
  DISCOUNTS_QUOTE_ALL("discounts", "quote_all"),
  CERTIFICATIONS_ADD("certifications", "add"),
  CERTIFICATIONS_RENEW("certifications", "renew"),
  CERTIFICATIONS_REVOKE("certifications", "revoke"),
  CERTIFICATIONS_FIND("certifications", "find"),
  CERTIFICATIONS_GET("certifications", "get"),
  CERTIFICATIONS_CERTIFICATIONS("certifications", "certifications"),
  CERTIFICATIONS_HISTORY("certifications", "history"),
  CERTIFICATIONS_EXPIRING_WITHIN("certifications", "expiring_within"),
  CERTIFICATIONS_COUNTS("certifications", "counts"),
  CERTIFICATIONS_REPORT_STATUS_CHANGES("certifications", "report_status_changes"),
  CERTIFICATIONS_SUBSCRIBE("certifications", "subscribe"),
  CERTIFICATIONS_UNSUBSCRIBE("certifications", "unsubscribe"),
  CERTIFICATIONS_ELIGIBILITY("certifications", "eligibility"),
  REVENUE_RECORD("revenue", "record"),
  REVENUE_RECORD_ALL("revenue", "record_all"),
  REVENUE_CORRECT("revenue", "correct"),
  REVENUE_HISTORY("revenue", "history"),
  REVENUE_CURRENT("revenue", "current"),
  REVENUE_FIND_BY_KEY("revenue", "find_by_key"),
  REVENUE_PARTNER_REPORT("revenue", "partner_report"),
  REVENUE_LATEST("revenue", "latest"),
  REVENUE_PROGRAM_REPORT("revenue", "program_report"),
  REVENUE_TOP_BY_MRR("revenue", "top_by_mrr"),
  REVENUE_EXPORT_CSV("revenue", "export_csv"),
  REVIEWS_POLICY("reviews", "policy"),
  REVIEWS_CONFIGURE("reviews", "configure"),
  REVIEWS_RUN("reviews", "run"),
  REVIEWS_GRACE_PERIOD("reviews", "grace_period"),
  REVIEWS_HISTORY("reviews", "history"),
  PERSONAL_DATA_ERASE("personal_data", "erase"),
  PERSONAL_DATA_ERASURES("personal_data", "erasures"),
  PERSONAL_DATA_EXPORT("personal_data", "export"),
  EVENTS_SUBSCRIBE("events", "subscribe"),
  EVENTS_UNSUBSCRIBE("events", "unsubscribe"),
  EVENTS_REMOVE("events", "remove"),
  EVENTS_RETENTION("events", "retention"),
  EVENTS_PRUNE("events", "prune"),
  EVENTS_DELIVER_PENDING("events", "deliver_pending"),
  EVENTS_CURSOR("events", "cursor"),
  EVENTS_LISTENERS("events", "listeners"),
  EVENTS_LAST_SEQUENCE("events", "last_sequence"),
  EVENTS_AFTER("events", "after"),
  EVENTS_OF_PARTNER("events", "of_partner"),
  PORTAL_PARTNER("portal", "partner"),
  PORTAL_BENEFITS("portal", "benefits"),
  PORTAL_CLIENTS("portal", "clients"),
  PORTAL_CLIENT("portal", "client"),
  PORTAL_ADD_CLIENT("portal", "add_client"),
  PORTAL_RENAME_CLIENT("portal", "rename_client"),
  PORTAL_SET_SERVER_COUNT("portal", "set_server_count"),
  PORTAL_CERTIFICATIONS("portal", "certifications"),
  PORTAL_REVENUE("portal", "revenue"),
  PORTAL_EXPORT_CSV("portal", "export_csv"),
  PORTAL_STATEMENT("portal", "statement"),
  PORTAL_STATEMENTS("portal", "statements"),
  PORTAL_EXPORT_PERSONAL_DATA("portal", "export_personal_data");

  private static final Operation[] ALL = values();

  private final String service;
  private final String operation;
  private final boolean timedAlways;

  Operation(String service, String operation) {
    this.service = service;
    this.operation = operation;
    this.timedAlways = writeOrBulk(service + "." + operation);
  }

  /**
   * The writes and bulk calls: each takes a transaction or more (microseconds at least), so two
   * clock readings cost them nothing worth sampling away. Decided by the operation alone, never
   * by a call's duration, so that the sample of the other operations is unbiased.
   */
  private static boolean writeOrBulk(String name) {
    return switch (name) {
      case "registry.add", "registry.change_tier", "registry.update_contact", "registry.deactivate",
          "registry.reactivate", "registry.add_client", "registry.rename_client", "registry.set_server_count",
          "registry.remove_client",
          "discounts.set_policy", "discounts.cancel_policy", "discounts.adjust", "discounts.cancel_adjustment",
          "discounts.quote_all",
          "certifications.add", "certifications.renew", "certifications.revoke",
          "certifications.report_status_changes", "certifications.subscribe", "certifications.unsubscribe",
          "revenue.record", "revenue.record_all", "revenue.correct", "revenue.export_csv",
          "reviews.configure", "reviews.run",
          "personal_data.erase", "personal_data.export",
          "events.subscribe", "events.unsubscribe", "events.remove", "events.prune", "events.deliver_pending",
          "portal.add_client", "portal.rename_client", "portal.set_server_count", "portal.export_csv",
          "portal.export_personal_data" -> true;
      default -> false;
    };
  }

  /** Whether every call is timed (a write or a bulk call), not a random sample of them. */
  public boolean timedAlways() {
    return timedAlways;
  }

  /** The service's tag value, e.g. {@code registry}. */
  public String service() {
    return service;
  }

  /** The operation's tag value, e.g. {@code change_tier}. */
  public String operation() {
    return operation;
  }

  /** How many operations there are. */
  public static int count() {
    return ALL.length;
  }

  /** The operation of the given ordinal. */
  public static Operation of(int ordinal) {
    return ALL[ordinal];
  }
}
