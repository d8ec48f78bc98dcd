package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.spi.StorageSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The durable stores a benchmark names, made explicitly and removed afterwards: an H2 file database
 * in a new temporary directory, or a new scratch schema on the PostgreSQL server of {@code
 * -Dpartner.pg.url} (default {@value #PG_URL}), user {@code -Dpartner.pg.user} (default {@code
 * postgres}, no password). The memory store is {@code MemoryStorage.create()}, which needs no
 * clean-up.
 */
final class BenchStores {
  static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

  private @Nullable Path h2Dir;
  private @Nullable String pgSchema;

  /** Settings for a new H2 file database in a temporary directory, deleted by {@link #remove()}. */
  StorageSettings h2File(String prefix) {
    try {
      h2Dir = Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return JdbcStorage.h2File(h2Dir.resolve("partners"));
  }

  /** Settings for a new schema on the PostgreSQL server, dropped by {@link #remove()}. */
  StorageSettings postgresql(String prefix) {
    pgSchema = prefix + "_" + Long.toHexString(new SplittableRandom().nextLong() & Long.MAX_VALUE);
    return JdbcStorage.url(pgUrl(), pgUser(), null).with(JdbcStorage.SCHEMA, pgSchema);
  }

  /** Deletes the H2 directory and drops the PostgreSQL schema made here, if any (call after closing the store). */
  void remove() {
    if (h2Dir != null) {
      try (Stream<Path> files = Files.walk(h2Dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      h2Dir = null;
    }
    if (pgSchema != null) {
      try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), null); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS \"" + pgSchema + "\" CASCADE");
      } catch (SQLException e) {
        throw new IllegalStateException("could not drop schema " + pgSchema + ": " + e.getMessage(), e);
      }
      pgSchema = null;
    }
  }

  private static String pgUrl() {
    return System.getProperty("partner.pg.url", PG_URL);
  }

  private static String pgUser() {
    return System.getProperty("partner.pg.user", "postgres");
  }
}
