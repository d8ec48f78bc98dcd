package cloud.quazzar.partner.certification;

/**
 * The skill areas certifications are organised by (rule CERT-1), in a fixed
 * order.
 */
public enum SkillArea {
  /** Managing Cloud OS instances and applications. */
  CLOUD_OS_ADMINISTRATION("Cloud OS Administration"),
  /** Operating large-scale fleets via the Control Panel. */
  FLEET_MANAGEMENT("Fleet Management"),
  /** Managing multi-cluster Kubernetes deployments. */
  KUBERNETES_OPERATIONS("Kubernetes Operations"),
  /** Running a multi-tenant managed service provider business. */
  MSP_OPERATIONS("MSP Operations");

  private final String displayName;

  SkillArea(String displayName) {
    this.displayName = displayName;
  }

  /**
   * The name to show, e.g. {@code "Kubernetes Operations"}.
   *
   * @return the display name
   */
  public String displayName() {
    return displayName;
  }
}
