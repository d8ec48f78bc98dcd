package cloud.quazzar.partner.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider;
import cloud.quazzar.partner.spi.StorageProvider;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The module descriptor compiled from the adapter's module-info, read from the main classes. */
class ModuleDescriptorTest {
  private static final Path CLASSES = classes();

  private static Path classes() {
    try {
      return Path.of(JdbcStorage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ModuleDescriptor descriptor() {
    List<ModuleDescriptor> found = ModuleFinder.of(CLASSES).findAll().stream().map(m -> m.descriptor()).toList();
    assertEquals(1, found.size(), "one module in " + CLASSES);
    return found.get(0);
  }

  @Test
  @DisplayName("cloud.quazzar.partner.jdbc exports JdbcStorage's package only; the store itself stays internal")
  void exportsTheSettingsOnly() {
    ModuleDescriptor jdbc = descriptor();
    assertEquals("cloud.quazzar.partner.jdbc", jdbc.name());
    assertEquals(Set.of("cloud.quazzar.partner.jdbc"),
        jdbc.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
  }

  @Test
  @DisplayName("the provider is declared twice, for both paths: `provides` on the module path, META-INF/services on"
      + " the class path")
  void providerOnBothPaths() throws IOException {
    assertEquals(Set.of(StorageProvider.class.getName() + " with [" + JdbcStorageProvider.class.getName() + "]"),
        descriptor().provides().stream().map(p -> p.service() + " with " + p.providers()).collect(Collectors.toSet()));
    Path services = CLASSES.resolve("META-INF/services/" + StorageProvider.class.getName());
    assertEquals(List.of(JdbcStorageProvider.class.getName()), Files.readAllLines(services, StandardCharsets.UTF_8)
        .stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
  }

  @Test
  @DisplayName("the database drivers are the host's: H2 is not required at all, PostgreSQL only statically (for COPY)")
  void driversNotRequired() {
    Set<String> modifiersOfPostgres = descriptor().requires().stream()
        .filter(r -> r.name().equals("org.postgresql.jdbc"))
        .flatMap(r -> r.modifiers().stream()).map(Enum::name).collect(Collectors.toSet());
    assertEquals(Set.of("STATIC"), modifiersOfPostgres);
    assertEquals(Set.of(), descriptor().requires().stream().map(ModuleDescriptor.Requires::name)
        .filter(n -> n.contains("h2") || n.contains("mariadb")).collect(Collectors.toSet()));
  }

  @Test
  @DisplayName("the migration scripts' folders (H2/PostgreSQL, MariaDB) are open to everyone: Flyway reads them through the class loader")
  void migrationsOpen() {
    assertEquals(Set.of("cloud.quazzar.partner.jdbc.migration", "cloud.quazzar.partner.jdbc.mariadb.migration"),
        descriptor().opens().stream()
        .map(o -> o.source() + (o.isQualified() ? " to " + o.targets() : "")).collect(Collectors.toSet()));
  }
}
