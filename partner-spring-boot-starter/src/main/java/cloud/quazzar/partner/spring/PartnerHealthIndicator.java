package cloud.quazzar.partner.spring;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.events.ListenerStatus;
import cloud.quazzar.partner.health.HealthStatus;
import cloud.quazzar.partner.health.ProgramHealth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Spring Boot's health indicator {@code partnerProgram}, from {@link PartnerProgram#health()}
 * (rules OPS-1 to OPS-4, SPRING-6): {@code UP} is Boot's {@code UP}, {@code DOWN} Boot's {@code
 * DOWN}, and {@code DEGRADED} (a listener failing or lagging; data is safe) the status {@link
 * #DEGRADED}. Boot's default status order does not name it, so Boot leaves it out of the overall
 * status (which stays {@code UP} if the rest is) and answers HTTP 200, unless the application adds
 * it to {@code management.endpoint.health.status.order}. The details name each
 * part: the store's response time and error, the schema's versions, and per listener its lag and
 * whether it is failing. Never throws for a store failure: the program's check reports it as DOWN
 * within its time limit.
 */
public final class PartnerHealthIndicator implements HealthIndicator {
  /** The status a degraded program reports. */
  public static final Status DEGRADED = new Status("DEGRADED", "a listener is failing or lagging; data is safe");

  private final PartnerProgram program;

  /**
   * An indicator of {@code program}'s health.
   *
   * @param program the program
   */
  public PartnerHealthIndicator(PartnerProgram program) {
    this.program = program;
  }

  @Override
  public Health health() {
    ProgramHealth h = program.health();
    Map<String, Object> store = new LinkedHashMap<>();
    store.put("status", h.store().status().name());
    store.put("responseTimeMillis", h.store().responseTime().toMillis());
    h.store().error().ifPresent(e -> store.put("error", e));
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("status", h.schema().status().name());
    schema.put("state", h.schema().state().name());
    h.schema().found().ifPresent(v -> schema.put("found", v));
    h.schema().expected().ifPresent(v -> schema.put("expected", v));
    h.schema().error().ifPresent(e -> schema.put("error", e));
    Map<String, Object> listeners = new LinkedHashMap<>();
    listeners.put("status", h.listeners().status().name());
    for (ListenerStatus l : h.listeners().listeners()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("lag", l.lag());
      one.put("failing", l.failing());
      l.oldestUndelivered().ifPresent(at -> one.put("oldestUndelivered", at.toString()));
      listeners.put(l.name(), one);
    }
    h.listeners().error().ifPresent(e -> listeners.put("error", e));
    return Health.status(status(h.status()))
        .withDetail("store", store)
        .withDetail("schema", schema)
        .withDetail("listeners", listeners)
        .withDetail("checkedAt", h.checkedAt().toString())
        .build();
  }

  /** Boot's status for the program's. */
  static Status status(HealthStatus status) {
    return switch (status) {
      case UP -> Status.UP;
      case DEGRADED -> DEGRADED;
      case DOWN -> Status.DOWN;
    };
  }
}
