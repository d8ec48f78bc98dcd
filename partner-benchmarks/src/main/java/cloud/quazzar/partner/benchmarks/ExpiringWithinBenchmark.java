package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationState;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.certification.ExpiryThresholds;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.CertificationRecord;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.StorageProvider;
import cloud.quazzar.partner.spi.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
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
 * The administrator's warning board, {@code expiringWithin(30, PageRequest.first(1000))}: the whole
 * board as one page (docs/rules.md LIST-4), on each store, against a plain full scan of the same
 * certifications held in an array (the baseline, in the same run). Exactly {@value #ON_BOARD}
 * certifications expire within the 30 days whatever the total, so the board's cost should stay flat
 * as {@code certifications} grows (the store reads only the expiry range, through its index) while
 * the scan's grows with the total.
 *
 * <p>Stores: {@code memory}; {@code h2} (an H2 file database in a temporary directory, the
 * embedded default); {@code postgresql} (the server of {@code -Dpartner.pg.url}, default {@value
 * #PG_URL}, user {@code -Dpartner.pg.user}, default {@code postgres}, in a scratch schema dropped
 * afterwards).
 *
 * <p>Run: {@code java -jar partner-benchmarks/target/benchmarks.jar ExpiringWithin -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("EnumOrdinal") // picks areas and levels by index for varied inputs
public class ExpiringWithinBenchmark {
  /** How many certifications expire within the board's 30 days: one page of the largest size. */
  public static final int ON_BOARD = 1000;

  static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  static final Instant NOW = Instant.parse("2026-01-15T09:30:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

  /** The same certifications every time: ON_BOARD within 0..30 days, the rest outside. */
  static List<Certification> certifications(int total, List<PartnerId> partners) {
    Random random = new Random(7);
    List<Certification> out = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      long days = i < ON_BOARD ? random.nextInt(31)
          : random.nextBoolean() ? -1 - random.nextInt(365) : 31 + random.nextInt(1800);
      LocalDate expiry = TODAY.plusDays(days);
      out.add(new Certification(new CertificationId(new UUID(0xCE, i)), partners.get(i % partners.size()),
          "Cert " + i, SkillArea.values()[i % 4], CertificationLevel.values()[i % 3], Optional.empty(),
          expiry.minusYears(2), expiry, CertificationState.CURRENT, Optional.empty(), Optional.empty(),
          Optional.empty(), NOW, NOW, 1));
    }
    return out;
  }

  static List<PartnerId> partnerIds(int certifications) {
    List<PartnerId> ids = new ArrayList<>();
    for (int i = 0; i < certifications / 10; i++) {
      ids.add(new PartnerId(new UUID(0xBA, i)));
    }
    return ids;
  }

  /** The certifications in an array, for the baseline. */
  @State(Scope.Benchmark)
  public static class InArray {
    @Param({"10000", "100000"})
    public int certifications;

    Certification[] all;

    @Setup(Level.Trial)
    public void setUp() {
      all = certifications(certifications, partnerIds(certifications)).toArray(new Certification[0]);
    }
  }

  /** The certifications in a store, with a program on it. */
  @State(Scope.Benchmark)
  public static class InStore {
    @Param({"10000", "100000"})
    public int certifications;

    @Param({"memory", "h2", "postgresql"})
    public String store;

    PartnerProgram program;
    CertificationTracker tracker;
    private Store opened;
    private @Nullable Path h2Dir;
    private @Nullable String pgSchema;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      opened = open();
      program = PartnerProgram.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).store(opened).build();
      tracker = program.certifications();
      List<PartnerId> partners = partnerIds(certifications);
      List<Certification> certs = certifications(certifications, partners);
      // Loaded through the SPI in batches of 1,000 per transaction: set-up speed, not the subject.
      for (int from = 0; from < partners.size(); from += 1000) {
        List<PartnerId> batch = partners.subList(from, Math.min(partners.size(), from + 1000));
        opened.write(tx -> {
          for (PartnerId id : batch) {
            tx.partners().insert(new PartnerRecord(id, "Partner " + id.value().getLeastSignificantBits(),
                "p@bench.example", Tier.PLATINUM, PartnerStatus.ACTIVE, NOW, NOW, 1));
          }
          return true; // no result: the work must return non-null
        });
      }
      ExpiryThresholds t = ExpiryThresholds.DEFAULT;
      for (int from = 0; from < certs.size(); from += 1000) {
        List<Certification> batch = certs.subList(from, Math.min(certs.size(), from + 1000));
        opened.write(tx -> {
          for (Certification c : batch) {
            tx.certifications().insert(new CertificationRecord(c, Optional.of(t.statusOn(c.expiryDate(), TODAY))));
          }
          return true; // no result: the work must return non-null
        });
      }
      int size = tracker.expiringWithin(30, PageRequest.first(PageRequest.MAX_LIMIT)).items().size();
      if (size != ON_BOARD) {
        throw new IllegalStateException("set-up broken: board size " + size);
      }
    }

    private Store open() throws IOException {
      return switch (store) {
        case "memory" -> MemoryStorage.create();
        case "h2" -> {
          h2Dir = Files.createTempDirectory("bench-certifications");
          yield jdbc().open(JdbcStorage.h2File(h2Dir.resolve("partners")));
        }
        case "postgresql" -> {
          pgSchema = "bench_cert_" + Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);
          yield jdbc().open(JdbcStorage.url(pgUrl(), pgUser(), null).with(JdbcStorage.SCHEMA, pgSchema));
        }
        default -> throw new IllegalArgumentException("unknown store " + store);
      };
    }

    private static StorageProvider jdbc() {
      return ServiceLoader.load(StorageProvider.class).stream().map(ServiceLoader.Provider::get)
          .filter(p -> p.name().equals(JdbcStorage.PROVIDER_NAME)).findFirst().orElseThrow();
    }

    private static String pgUrl() {
      return System.getProperty("partner.pg.url", PG_URL);
    }

    private static String pgUser() {
      return System.getProperty("partner.pg.user", "postgres");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException, SQLException {
      program.close();
      opened.close();
      if (h2Dir != null) {
        try (Stream<Path> files = Files.walk(h2Dir)) {
          for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      if (pgSchema != null) {
        try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), null); Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS \"" + pgSchema + "\" CASCADE");
        }
      }
    }
  }

  /** Baseline: scan every certification of an array and keep those expiring within 30 days. */
  @Benchmark
  public List<Certification> fullScan(InArray data) {
    LocalDate from = TODAY;
    LocalDate to = TODAY.plusDays(30);
    List<Certification> out = new ArrayList<>();
    for (Certification c : data.all) {
      LocalDate e = c.expiryDate();
      if (!e.isBefore(from) && !e.isAfter(to)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The tracker: validation, a read transaction on the store's board index, statuses (the board fits one page). */
  @Benchmark
  public List<TrackedCertification> expiringWithin30(InStore s) {
    return s.tracker.expiringWithin(30, PageRequest.first(PageRequest.MAX_LIMIT)).items();
  }
}
