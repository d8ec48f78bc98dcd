package cloud.quazzar.partner.jdbc;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.spi.StorageSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/**
 * A host program that {@link MissingDriverTest} runs in child JVMs whose class path or module path
 * lacks some of the database artifacts. It opens an H2 file store and a PostgreSQL store (on a port
 * where nothing listens) and prints one line for each: {@code h2: ...} and {@code postgresql: ...},
 * with what the store did or the {@code ConfigurationException}'s message. On H2 it also writes
 * through the bulk paths (a batch of ledger months and their events), which on PostgreSQL use the
 * driver's COPY.
 *
 * <p>Usage: {@code DriverProbe <data-directory>}.
 */
final class DriverProbe {
  private DriverProbe() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    Path dir = Path.of(args[0]).toAbsolutePath();
    out.println("h2: " + attempt(JdbcStorage.h2File(dir.resolve("probe"))));
    out.println("postgresql: " + attempt(JdbcStorage.url("jdbc:postgresql://127.0.0.1:1/none", "nobody", null)));
  }

  private static String attempt(StorageSettings settings) {
    try (PartnerProgram program = PartnerProgram.builder().storage(settings).build()) {
      Partner partner = program.registry().add(new NewPartner("Probe Hosting", "probe@example.com", Tier.GOLD));
      long created = program.revenue().recordAll(List.of(
          RevenueRecording.of(partner.id(), YearMonth.of(2026, 1), Money.of("100.00", "EUR"), "probe-2026-01"),
          RevenueRecording.of(partner.id(), YearMonth.of(2026, 2), Money.of("120.00", "EUR"), "probe-2026-02")))
          .createdCount();
      return "opened, " + created + " months recorded, " + program.events().lastSequence() + " events";
    } catch (ConfigurationException e) {
      return "ConfigurationException: " + e.getMessage();
    }
  }
}
