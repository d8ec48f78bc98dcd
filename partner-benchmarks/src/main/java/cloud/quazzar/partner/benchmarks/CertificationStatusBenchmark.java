package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationState;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.ExpiryThresholds;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.PartnerId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The status of 1,000,000 certifications (one operation = all of them), three ways, in one run:
 *
 * <ul>
 *   <li>{@code plainLoop} (baseline): the certification status rule (rule CERT-4) hand-inlined on epoch days and ints, over
 *       the same records;
 *   <li>{@code thresholdsStatusOn}: {@link ExpiryThresholds#statusOn} with today computed once, as
 *       the tracker's listings do;
 *   <li>{@code trackerStatusOf}: {@link CertificationTracker#statusOf}, which also validates its
 *       argument and reads the clock and zone for today on every call.
 * </ul>
 *
 * <p>Store: the memory store ({@code MemoryStorage.create()}), named explicitly; none of the
 * measured calls reads it (the records are in an array, statuses need only dates and the clock).
 *
 * <p>Expiry dates are spread from 200 days ago to 800 days ahead, so every status occurs and the
 * branches do not predict perfectly. Each method sums the status ordinals, so nothing is dead code.
 *
 * <p>Run: {@code java -jar partner-benchmarks/target/benchmarks.jar CertificationStatus -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("EnumOrdinal") // sums the statuses' ordinals so that no result is dead code
public class CertificationStatusBenchmark {
  @Param({"1000000"})
  public int certifications;

  private Certification[] certs;
  private LocalDate today;
  private long todayEpochDay;
  private ExpiryThresholds thresholds;
  private PartnerProgram program;
  private CertificationTracker tracker;

  @Setup(Level.Trial)
  public void setUp() {
    ZoneId zone = ZoneId.of("Europe/Berlin");
    Instant now = Instant.parse("2026-01-15T09:30:00Z");
    program = PartnerProgram.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).zone(zone)
        .store(MemoryStorage.create()).build();
    tracker = program.certifications();
    thresholds = tracker.thresholds();
    today = program.today();
    todayEpochDay = today.toEpochDay();
    Random random = new Random(42);
    PartnerId partner = new PartnerId(new UUID(1, 1));
    LocalDate issued = today.minusYears(3);
    certs = new Certification[certifications];
    for (int i = 0; i < certifications; i++) {
      LocalDate expiry = today.plusDays(random.nextInt(1000) - 200);
      certs[i] = new Certification(new CertificationId(new UUID(2, i)), partner, "Fleet Operator",
          SkillArea.FLEET_MANAGEMENT, CertificationLevel.BASIC, Optional.empty(), issued, expiry,
          CertificationState.CURRENT, Optional.empty(), Optional.empty(), Optional.empty(), now, now, 1);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    program.close();
  }

  /** Baseline: the rule inlined on primitives (d &lt; 0; d &lt; 30; d &lt;= 90; else). */
  @Benchmark
  public long plainLoop() {
    long sum = 0;
    long t = todayEpochDay;
    for (Certification c : certs) {
      long d = c.expiryDate().toEpochDay() - t;
      sum += d < 0 ? 3 : d < 30 ? 2 : d <= 90 ? 1 : 0;
    }
    return sum;
  }

  /** The library's rule with today computed once: {@code ExpiryThresholds.statusOn}. */
  @Benchmark
  public long thresholdsStatusOn() {
    long sum = 0;
    LocalDate t = today;
    ExpiryThresholds th = thresholds;
    for (Certification c : certs) {
      sum += th.statusOn(c.expiryDate(), t).ordinal();
    }
    return sum;
  }

  /** The public one-off call: validation, today from the clock in the zone, then the rule. */
  @Benchmark
  public long trackerStatusOf() {
    long sum = 0;
    CertificationTracker tr = tracker;
    for (Certification c : certs) {
      sum += tr.statusOf(c.expiryDate()).ordinal();
    }
    return sum;
  }
}
