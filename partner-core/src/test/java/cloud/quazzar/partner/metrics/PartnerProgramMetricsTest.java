package cloud.quazzar.partner.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueRecording;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link PartnerProgramMetrics} on a {@link SimpleMeterRegistry} (docs/operations.md, "Metrics"; OPS-10..OPS-16). */
class PartnerProgramMetricsTest {
  static final Instant START = Instant.parse("2026-03-10T09:00:00Z");
  static final YearMonth FEB = YearMonth.of(2026, 2);

  private MovingClock clock;
  private TestStore store;
  private PartnerProgram program;
  private SimpleMeterRegistry registry;

  @BeforeEach
  void program() {
    clock = new MovingClock(START);
    store = new TestStore();
    program = PartnerProgram.builder().clock(clock).store(store).eventExecutor(r -> {}).build();
    registry = new SimpleMeterRegistry();
  }

  @AfterEach
  void close() {
    program.close();
    store.close();
  }

  private Partner partner(String name) {
    return program.registry().add(new NewPartner(name, "ops@" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')
        + ".example", Tier.GOLD));
  }

  private long count(String service, String operation, String outcome) {
    FunctionCounter c = registry.find(PartnerProgramMetrics.OPERATIONS)
        .tags("service", service, "operation", operation, "outcome", outcome).functionCounter();
    return c == null ? 0 : (long) c.count();
  }

  private long timed(String service, String operation, String outcome) {
    Timer t = registry.find(PartnerProgramMetrics.OPERATION_DURATION)
        .tags("service", service, "operation", operation, "outcome", outcome).timer();
    return t == null ? 0 : t.count();
  }

  private double gauge(String name, String... tags) {
    Gauge g = registry.find(name).tags(tags).gauge();
    assertTrue(g != null, "gauge " + name + " " + List.of(tags) + " is registered");
    return g.value();
  }

  private double functionCounter(String name, String... tags) {
    FunctionCounter c = registry.find(name).tags(tags).functionCounter();
    assertTrue(c != null, "function counter " + name + " " + List.of(tags) + " is registered");
    return c.count();
  }

  private double counter(String name, String... tags) {
    io.micrometer.core.instrument.Counter c = registry.find(name).tags(tags).counter();
    assertTrue(c != null, "counter " + name + " " + List.of(tags) + " is registered");
    return c.count();
  }

  @Test
  @DisplayName("OPS-10: a call is counted (and timed, with timedOneIn(1)) once binding happened, by service, operation and outcome, in seconds")
  void callsAreTimedAfterBinding() {
    Partner before = partner("Atlas Cloud");
    program.registry().get(before.id());
    PartnerProgramMetrics metrics = PartnerProgramMetrics.builder(program).timedOneIn(1).build();
    assertEquals(0, count("registry", "get", "ok"));
    metrics.bindTo(registry);
    assertEquals(0, count("registry", "get", "ok"), "calls before binding are not counted");
    program.registry().get(before.id());
    program.registry().get(before.id());
    program.discounts().policyHistory();
    assertEquals(2, count("registry", "get", "ok"));
    assertEquals(1, count("discounts", "policy_history", "ok"));
    assertEquals(0, count("registry", "add", "ok"));
    assertEquals(2, timed("registry", "get", "ok"), "every call timed");
    assertEquals(1, timed("discounts", "policy_history", "ok"));
    Timer t = registry.get(PartnerProgramMetrics.OPERATION_DURATION).tags("operation", "get").timer();
    assertEquals("seconds", t.getId().getBaseUnit());
    assertTrue(t.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0, "time is recorded");
  }

  @Test
  @DisplayName("OPS-14: by default every call is counted, every write timed, and about one read in 64 timed, at random")
  void aSampleIsTimed() {
    PartnerProgramMetrics.of(program).bindTo(registry);
    Partner p = partner("Atlas Cloud");
    for (int i = 0; i < 20; i++) {
      partner("Partner " + i);
    }
    assertEquals(21, count("registry", "add", "ok"));
    assertEquals(21, timed("registry", "add", "ok"), "every write timed");
    int n = 64_000;
    for (int i = 0; i < n; i++) {
      program.registry().get(p.id());
    }
    assertEquals(n, count("registry", "get", "ok"), "every call counted");
    long timed = timed("registry", "get", "ok");
    // binomial(64000, 1/64): mean 1000, standard deviation about 31; 700..1300 is beyond 9 of them
    assertTrue(timed > 700 && timed < 1300, "about one read in 64 timed: " + timed);
    assertThrows(ValidationException.class, () -> PartnerProgramMetrics.builder(program).timedOneIn(3));
    assertThrows(ValidationException.class, () -> PartnerProgramMetrics.builder(program).timedOneIn(0));
    assertThrows(ValidationException.class, () -> PartnerProgramMetrics.builder(program).timedOneIn(2048));
  }

  @Test
  @DisplayName("OPS-10: the outcome follows what the call threw: validation, not_found, conflict, storage_error")
  void outcomesByException() {
    PartnerProgramMetrics.of(program).bindTo(registry);
    Partner p = partner("Atlas Cloud");
    assertThrows(ValidationException.class, () -> program.registry().add(new NewPartner("", "not an email", Tier.GOLD)));
    assertThrows(NotFoundException.class, () -> program.registry().get(new PartnerId(UUID.randomUUID())));
    assertThrows(NotFoundException.class, () -> program.registry().get(new PartnerId(UUID.randomUUID())));
    assertThrows(ConflictException.class, () -> program.registry().changeTier(p.id(), p.version() + 7,
        new TierChangeRequest(Tier.PLATINUM, "ops", "test")));
    store.readFailuresLeft.set(1);
    assertThrows(StorageException.class, () -> program.registry().get(p.id()));
    assertEquals(1, count("registry", "add", "ok"));
    assertEquals(1, count("registry", "add", "validation"));
    assertEquals(2, count("registry", "get", "not_found"));
    assertEquals(1, count("registry", "change_tier", "conflict"));
    assertEquals(1, count("registry", "get", "storage_error"));
    assertEquals(0, count("registry", "get", "ok"));
    // the portal: opening it, and its calls, under service "portal"
    program.portal(p.id()).partner();
    assertThrows(NotFoundException.class, () -> program.portal(new PartnerId(UUID.randomUUID())));
    assertEquals(1, count("portal", "open", "ok"));
    assertEquals(1, count("portal", "open", "not_found"));
    assertEquals(1, count("portal", "partner", "ok"));
    assertEquals(0, count("registry", "get", "ok"), "the portal's own use of the registry is not a registry call");
  }

  @Test
  @DisplayName("OPS-12: retries: the store's own (Store.retries()) and core's after a conflict, as counters by layer")
  void retries() {
    PartnerProgramMetrics.of(program).bindTo(registry);
    Partner p = partner("Atlas Cloud");
    assertEquals(0, functionCounter(PartnerProgramMetrics.STORE_RETRIES, "layer", "core"));
    store.conflictsLeft.set(2);
    program.revenue().record(RevenueRecording.of(p.id(), FEB, Money.of("100.00", "EUR"), "feb"));
    assertEquals(2, functionCounter(PartnerProgramMetrics.STORE_RETRIES, "layer", "core"));
    assertEquals(0, functionCounter(PartnerProgramMetrics.STORE_RETRIES, "layer", "store"));
    store.retries.addAndGet(5);
    assertEquals(5, functionCounter(PartnerProgramMetrics.STORE_RETRIES, "layer", "store"));
    assertEquals(1, count("revenue", "record", "ok"), "a retried call is one call");
  }

  @Test
  @DisplayName("OPS-15: ledger entries by kind and result: a recording, its replay, a batch, a correction and its replay")
  void ledger() {
    PartnerProgramMetrics.of(program).bindTo(registry);
    Partner p = partner("Atlas Cloud");
    RevenueRecording feb = RevenueRecording.of(p.id(), FEB, Money.of("100.00", "EUR"), "feb");
    program.revenue().record(feb);
    program.revenue().record(feb);
    program.revenue().recordAll(List.of(feb, RevenueRecording.of(p.id(), FEB.minusMonths(1), Money.of("90.00", "EUR"),
        "jan"), RevenueRecording.of(p.id(), FEB.minusMonths(2), Money.of("80.00", "EUR"), "dec")));
    RevenueCorrection fix = RevenueCorrection.of(p.id(), FEB, "fix", "credit note").withMrr(Money.of("95.00", "EUR"));
    program.revenue().correct(fix);
    program.revenue().correct(fix);
    program.revenue().correct(fix);
    assertEquals(3, counter(PartnerProgramMetrics.REVENUE_ENTRIES, "kind", "recording", "result", "created"));
    assertEquals(2, counter(PartnerProgramMetrics.REVENUE_ENTRIES, "kind", "recording", "result", "replayed"));
    assertEquals(1, counter(PartnerProgramMetrics.REVENUE_ENTRIES, "kind", "correction", "result", "created"));
    assertEquals(2, counter(PartnerProgramMetrics.REVENUE_ENTRIES, "kind", "correction", "result", "replayed"));
  }

  @Test
  @DisplayName("OPS-12: listener gauges: lag, age of the oldest undelivered event, deliveries, failures, failing; "
      + "read from the store at most once per refresh interval of the program's clock")
  void listeners() {
    program.events().subscribe("billing", r -> {});
    boolean[] fail = {true};
    program.events().subscribe("crm", r -> {
      if (fail[0]) {
        throw new IllegalStateException("crm is down (test)");
      }
    });
    PartnerProgramMetrics metrics = PartnerProgramMetrics.builder(program).listenerRefresh(Duration.ofSeconds(10)).build();
    metrics.bindTo(registry);
    partner("Atlas Cloud");
    clock.advance(Duration.ofSeconds(30));
    partner("Borealis Cloud");
    clock.advance(Duration.ofSeconds(10));
    assertEquals(2, gauge(PartnerProgramMetrics.LISTENER_LAG, "listener", "billing"));
    assertEquals(40, gauge(PartnerProgramMetrics.LISTENER_UNDELIVERED_AGE, "listener", "billing"));
    assertEquals(0, gauge(PartnerProgramMetrics.LISTENER_FAILING, "listener", "crm"));
    long reads = metrics.storeReads();
    program.events().deliverPending();
    // cached: within the interval nothing is read again, whatever is scraped
    for (int i = 0; i < 5; i++) {
      assertEquals(2, gauge(PartnerProgramMetrics.LISTENER_LAG, "listener", "billing"));
      clock.advance(Duration.ofSeconds(1));
    }
    assertEquals(reads, metrics.storeReads(), "no read of the store within the refresh interval");
    clock.advance(Duration.ofSeconds(5));
    assertEquals(0, gauge(PartnerProgramMetrics.LISTENER_LAG, "listener", "billing"));
    assertEquals(reads + 1, metrics.storeReads());
    assertEquals(0, gauge(PartnerProgramMetrics.LISTENER_UNDELIVERED_AGE, "listener", "billing"));
    assertEquals(2, functionCounter(PartnerProgramMetrics.LISTENER_DELIVERIES, "listener", "billing"));
    assertEquals(2, gauge(PartnerProgramMetrics.LISTENER_LAG, "listener", "crm"));
    assertEquals(1, functionCounter(PartnerProgramMetrics.LISTENER_FAILURES, "listener", "crm"));
    assertEquals(1, gauge(PartnerProgramMetrics.LISTENER_FAILING, "listener", "crm"));
    // a listener subscribed after binding gets its gauges at once; an unsubscribed one loses them
    program.events().subscribe("audit", r -> {});
    assertTrue(registry.find(PartnerProgramMetrics.LISTENER_LAG).tags("listener", "audit").gauge() != null,
        "gauges of a listener subscribed after binding");
    assertTrue(program.events().unsubscribe("crm"));
    assertEquals(List.of(), registry.find(PartnerProgramMetrics.LISTENER_FAILURES).tags("listener", "crm").meters(),
        "an unsubscribed listener's meters are removed");
  }

  @Test
  @DisplayName("OPS-12: certifications by status, read at most once a minute by the program's clock")
  void certificationsCachedForAMinute() {
    Partner p = partner("Atlas Cloud");
    LocalDate today = program.today();
    program.certifications().add(p.id(), new NewCertification("Cloud admin", SkillArea.CLOUD_OS_ADMINISTRATION,
        CertificationLevel.BASIC, Optional.empty(), today.minusYears(1), today.plusDays(5)));
    PartnerProgramMetrics metrics = PartnerProgramMetrics.of(program);
    metrics.bindTo(registry);
    assertEquals(1, gauge(PartnerProgramMetrics.CERTIFICATIONS, "status", "critical"));
    assertEquals(0, gauge(PartnerProgramMetrics.CERTIFICATIONS, "status", "active"));
    program.certifications().add(p.id(), new NewCertification("Cloud admin 2", SkillArea.CLOUD_OS_ADMINISTRATION,
        CertificationLevel.BASIC, Optional.empty(), today.minusYears(1), today.plusYears(1)));
    long reads = metrics.storeReads();
    clock.advance(Duration.ofSeconds(59));
    assertEquals(0, gauge(PartnerProgramMetrics.CERTIFICATIONS, "status", "active"), "within the minute: the value read before");
    assertEquals(reads, metrics.storeReads());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(1, gauge(PartnerProgramMetrics.CERTIFICATIONS, "status", "active"), "a minute later: read again");
    assertEquals(1, gauge(PartnerProgramMetrics.CERTIFICATIONS, "status", "critical"));
    assertEquals(0, gauge(PartnerProgramMetrics.CERTIFICATIONS, "status", "expired"));
    assertEquals(0, gauge(PartnerProgramMetrics.CERTIFICATIONS, "status", "expiring_soon"));
    assertEquals(reads + 1, metrics.storeReads());
  }

  @Test
  @DisplayName("OPS-12: a failed read of a cached gauge keeps the last value and is not tried again within the interval")
  void failedReadKeepsTheLastValue() {
    PartnerProgramMetrics metrics = PartnerProgramMetrics.of(program);
    metrics.bindTo(registry);
    assertEquals(0, gauge(PartnerProgramMetrics.CERTIFICATIONS, "status", "active"));
    clock.advance(Duration.ofMinutes(1));
    store.readFailuresLeft.set(1);
    assertEquals(0, gauge(PartnerProgramMetrics.CERTIFICATIONS, "status", "active"));
    long storeReads = store.reads.get();
    assertEquals(0, gauge(PartnerProgramMetrics.CERTIFICATIONS, "status", "active"));
    assertEquals(storeReads, store.reads.get(), "not tried again at once");
  }

  @Test
  @DisplayName("OPS-16: closing the program removes every meter; the registry keeps no reference to the program")
  void closingTheProgramReleases() throws InterruptedException {
    PartnerProgramMetrics metrics = PartnerProgramMetrics.of(program);
    program.events().subscribe("billing", r -> {});
    metrics.bindTo(registry);
    partner("Atlas Cloud");
    assertFalse(registry.getMeters().isEmpty());
    program.close();
    assertEquals(List.of(), registry.getMeters());
    metrics.bindTo(registry);
    assertEquals(List.of(), registry.getMeters(), "binding after the program closed registers nothing");

    // a second program, bound, then closed and dropped: the registry does not keep it
    TestStore other = new TestStore();
    PartnerProgram second = PartnerProgram.builder().clock(clock).store(other).eventExecutor(r -> {}).build();
    PartnerProgramMetrics.of(second).bindTo(registry);
    second.registry().count(cloud.quazzar.partner.registry.PartnerQuery.all());
    second.close();
    WeakReference<PartnerProgram> ref = new WeakReference<>(second);
    second = null;
    for (int i = 0; i < 20 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertTrue(ref.get() == null, "the closed program was collected while the registry lives");
    other.close();
  }

  @Test
  @DisplayName("OPS-16: unbinding removes the meters and stops the observation; closing the metrics does too")
  void unbindAndClose() {
    PartnerProgramMetrics metrics = PartnerProgramMetrics.of(program);
    SimpleMeterRegistry second = new SimpleMeterRegistry();
    metrics.bindTo(registry);
    metrics.bindTo(registry);
    metrics.bindTo(second);
    Partner p = partner("Atlas Cloud");
    assertEquals(1, count("registry", "add", "ok"), "bound twice to one registry: counted once");
    assertEquals(1, second.get(PartnerProgramMetrics.OPERATIONS).tags("operation", "add").functionCounter().count());
    metrics.unbind(registry);
    assertEquals(List.of(), registry.getMeters());
    program.registry().get(p.id());
    assertEquals(1, second.get(PartnerProgramMetrics.OPERATIONS).tags("operation", "get").functionCounter().count());
    metrics.close();
    assertEquals(List.of(), second.getMeters());
    program.registry().get(p.id());
    assertEquals(List.of(), second.getMeters(), "closed: nothing recorded");
  }

  @Test
  @DisplayName("OPS-11: common tags go on every meter; a key the meters use is refused")
  void commonTags() {
    PartnerProgramMetrics.builder(program).tags(Tags.of("program", "eu")).build().bindTo(registry);
    partner("Atlas Cloud");
    assertFalse(registry.getMeters().isEmpty());
    for (Meter m : registry.getMeters()) {
      assertEquals("eu", m.getId().getTag("program"), m.getId().toString());
    }
    ValidationException e = assertThrows(ValidationException.class,
        () -> PartnerProgramMetrics.builder(program).tags(Tags.of("outcome", "x")));
    assertTrue(e.getMessage().contains("outcome"), e.getMessage());
  }

  @Test
  @DisplayName("OPS-10: every meter the metrics register is listed in docs/operations.md, section \"Metrics\"")
  void everyMeterDocumented() throws IOException {
    PartnerProgramMetrics.builder(program).timedOneIn(1).build().bindTo(registry);
    program.events().subscribe("billing", r -> {});
    Partner p = partner("Atlas Cloud");
    program.revenue().record(RevenueRecording.of(p.id(), FEB, Money.of("100.00", "EUR"), "feb"));
    Set<String> names = new TreeSet<>();
    Set<String> tagKeys = new TreeSet<>();
    for (Meter m : registry.getMeters()) {
      names.add(m.getId().getName());
      m.getId().getTags().forEach(t -> tagKeys.add(t.getKey()));
    }
    assertEquals(10, names.size(), names.toString());
    String doc = metricsSection();
    List<String> missing = new ArrayList<>();
    for (String n : names) {
      if (!doc.contains("`" + n + "`")) {
        missing.add(n);
      }
    }
    for (String k : tagKeys) {
      if (!doc.contains("`" + k + "`")) {
        missing.add("tag " + k);
      }
    }
    assertEquals(List.of(), missing, "meters or tags not in docs/operations.md, \"Metrics\"");
  }

  static String metricsSection() throws IOException {
    Path doc = Path.of("..", "docs", "operations.md");
    String text = Files.readString(doc);
    int start = text.indexOf("\n## Metrics");
    assertTrue(start >= 0, "docs/operations.md has a section \"## Metrics\"");
    int end = text.indexOf("\n## ", start + 1);
    return end < 0 ? text.substring(start) : text.substring(start, end);
  }
}
