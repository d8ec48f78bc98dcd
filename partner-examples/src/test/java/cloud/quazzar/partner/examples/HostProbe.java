package cloud.quazzar.partner.examples;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import java.io.PrintStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A small host program that {@link ModuleAndClassPathTest} runs in a child JVM, once on the module
 * path and once on the class path. It prints one {@code key: value} line per fact it finds about
 * the module boundary and the libraries that reach into the modules (storage discovery, Bean
 * Validation, Flyway), then runs the quickstart in the same JVM.
 *
 * <p>Usage: {@code HostProbe <data-directory>}.
 */
final class HostProbe {
  private HostProbe() {}

  public static void main(String[] args) throws SQLException {
    Path dir = Path.of(args[0]).toAbsolutePath();
    PrintStream out = System.out;
    Module core = PartnerProgram.class.getModule();
    Module jdbc = JdbcStorage.class.getModule();
    out.println("core module: " + name(core));
    out.println("jdbc module: " + name(jdbc));
    if (core.isNamed() && jdbc.isNamed()) {
      out.println("core exports: " + exports(core.getDescriptor()));
      out.println("core opens: " + opens(core.getDescriptor()));
      out.println("core uses: " + core.getDescriptor().uses());
      out.println("jdbc exports: " + exports(jdbc.getDescriptor()));
      out.println("jdbc provides: " + jdbc.getDescriptor().provides().stream()
          .map(p -> p.service() + " with " + p.providers()).sorted().toList());
    }
    out.println("core internal exported: " + core.isExported("cloud.quazzar.partner.internal"));
    out.println("jdbc internal exported: " + jdbc.isExported("cloud.quazzar.partner.jdbc.internal"));
    out.println("internal call: " + callInternal(false));
    out.println("internal setAccessible: " + callInternal(true));

    // The settings name the provider "jdbc": core looks for it with ServiceLoader, and the store
    // runs the Flyway migrations shipped in the adapter's jar when it opens.
    String url;
    try (PartnerProgram program = PartnerProgram.builder().storage(JdbcStorage.h2File(dir.resolve("probe"))).build()) {
      url = program.store().description();
      out.println("store: " + url);
      try {
        program.registry().add(new NewPartner(" ", "not an address", null));
        out.println("validation: nothing refused");
      } catch (ValidationException e) {
        out.println("validation: " + new TreeSet<>(e.fields())); // fields with a violation, sorted
      }
      Partner added = program.registry().add(new NewPartner("Probe Hosting", "probe@example.com", Tier.GOLD));
      out.println("stored: " + program.registry().get(added.id()).companyName());
    }
    out.println("migrations: " + migrations(url));
    out.println();
    Quickstart.main(new String[] {dir.resolve("quickstart").toString()});
  }

  private static String name(Module module) {
    return module.isNamed() ? module.getName() : "unnamed";
  }

  /** The packages exported to every module, in order; qualified exports are marked. */
  private static List<String> exports(ModuleDescriptor descriptor) {
    return descriptor.exports().stream()
        .map(e -> e.isQualified() ? e.source() + " to " + e.targets() : e.source())
        .sorted()
        .toList();
  }

  private static List<String> opens(ModuleDescriptor descriptor) {
    return descriptor.opens().stream()
        .map(o -> o.isQualified() ? o.source() + " to " + o.targets() : o.source())
        .sorted()
        .toList();
  }

  /**
   * Calls a public method of a public class in core's internal package by reflection, as code
   * reaching past the API would: {@code allowed} or {@code refused (the exception)}.
   */
  private static String callInternal(boolean setAccessible) {
    try {
      Method start = Class.forName("cloud.quazzar.partner.internal.Checks").getMethod("start");
      if (setAccessible) {
        start.setAccessible(true);
      }
      start.invoke(null);
      return "allowed";
    } catch (IllegalAccessException | RuntimeException e) {
      return "refused (" + e.getClass().getSimpleName() + ")";
    } catch (ReflectiveOperationException e) {
      return "failed (" + e + ")";
    }
  }

  /** The versions Flyway applied, read from the store's history table in the H2 file, in order. */
  private static List<String> migrations(String url) throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url, "sa", ""); // the H2 store's default user
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT \"version\" FROM \"" + JdbcStorage.HISTORY_TABLE
            + "\" WHERE \"success\" AND \"type\" = 'SQL' ORDER BY \"installed_rank\"")) {
      while (rows.next()) {
        versions.add(rows.getString(1));
      }
    }
    return versions;
  }
}
