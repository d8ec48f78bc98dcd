package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.internal.memory.MemoryStorageProvider;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.StorageSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * The administrator's warning board, {@code expiringWithin(30)}, on the memory store, against a
 * plain full scan of the same certifications held in an array (the baseline, in the same run).
 * Exactly {@value #ON_BOARD} certifications expire within the 30 days whatever the total, so the
 * board's cost should stay flat as {@code certifications} grows (the store reads only the expiry
 * range, through its index) while the scan's grows with the total.
 *
 * <p>Run: {@code java -jar partner-benchmarks/target/benchmarks.jar ExpiringWithin -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExpiringWithinBenchmark {
  /** How many certifications expire within the board's 30 days. */
  public static final int ON_BOARD = 1000;

  @Param({"10000", "100000"})
  public int certifications;

  private PartnerProgram program;
  private CertificationTracker tracker;
  private Certification[] all;
  private LocalDate today;

  @Setup(Level.Trial)
  public void setUp() {
    program = PartnerProgram.builder().clock(Clock.fixed(Instant.parse("2026-01-15T09:30:00Z"), ZoneOffset.UTC))
        .storageProvider(new MemoryStorageProvider(), StorageSettings.empty()).build();
    tracker = program.certifications();
    today = program.today();
    Random random = new Random(7);
    int partners = certifications / 10;
    PartnerId[] ids = new PartnerId[partners];
    for (int i = 0; i < partners; i++) {
      ids[i] = program.registry().add(new NewPartner("Partner " + i, "p" + i + "@bench.example", Tier.PLATINUM)).id();
    }
    all = new Certification[certifications];
    for (int i = 0; i < certifications; i++) {
      // ON_BOARD of them within 0..30 days; the rest expired up to a year ago or 31 days to 5 years ahead
      long days = i < ON_BOARD ? random.nextInt(31)
          : random.nextBoolean() ? -1 - random.nextInt(365) : 31 + random.nextInt(1800);
      LocalDate expiry = today.plusDays(days);
      all[i] = tracker.add(ids[i % partners], new NewCertification("Cert " + i, SkillArea.values()[i % 4],
          CertificationLevel.values()[i % 3], null, expiry.minusYears(2), expiry)).certification();
    }
    if (tracker.expiringWithin(30).size() != ON_BOARD) {
      throw new IllegalStateException("set-up broken: board size " + tracker.expiringWithin(30).size());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    program.close();
  }

  /** Baseline: scan every certification of an array and keep those expiring within 30 days. */
  @Benchmark
  public List<Certification> fullScan() {
    LocalDate from = today;
    LocalDate to = today.plusDays(30);
    List<Certification> out = new ArrayList<>();
    for (Certification c : all) {
      LocalDate e = c.expiryDate();
      if (!e.isBefore(from) && !e.isAfter(to)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The tracker: validation, a read transaction on the store's expiry index, status, sorting. */
  @Benchmark
  public List<TrackedCertification> expiringWithin30() {
    return tracker.expiringWithin(30);
  }
}
