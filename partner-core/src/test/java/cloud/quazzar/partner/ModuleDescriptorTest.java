package cloud.quazzar.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.internal.logging.JBossLoggingToSlf4j;
import cloud.quazzar.partner.spi.StorageProvider;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The module descriptor compiled from partner-core's module-info, read from the main classes. */
class ModuleDescriptorTest {
  private static ModuleDescriptor descriptor() throws URISyntaxException {
    Path classes = Path.of(PartnerProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<ModuleDescriptor> found = ModuleFinder.of(classes).findAll().stream().map(m -> m.descriptor()).toList();
    assertEquals(1, found.size(), "one module in " + classes);
    return found.get(0);
  }

  @Test
  @DisplayName("cloud.quazzar.partner.core exports every API and SPI package, to everyone, and no internal one")
  void exportsTheApiOnly() throws URISyntaxException {
    ModuleDescriptor core = descriptor();
    assertEquals("cloud.quazzar.partner.core", core.name());
    Set<String> api = core.packages().stream().filter(p -> !p.contains(".internal"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(api.containsAll(Set.of("cloud.quazzar.partner", "cloud.quazzar.partner.spi", "cloud.quazzar.partner.memory")), api.toString());
    assertEquals(api, core.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new)));
    assertEquals(List.of(), core.exports().stream().filter(ModuleDescriptor.Exports::isQualified).toList());
  }

  @Test
  @DisplayName("no internal package is opened, and the API packages only to the libraries that read them")
  void opensNoInternals() throws URISyntaxException {
    for (ModuleDescriptor.Opens opens : descriptor().opens()) {
      assertTrue(!opens.source().contains(".internal"), opens.toString());
      assertTrue(opens.isQualified(), "opened to everyone: " + opens);
      assertTrue(Set.of("org.hibernate.validator", "com.fasterxml.jackson.databind").containsAll(opens.targets()),
          opens.toString());
    }
  }

  @Test
  @DisplayName("core uses the storage SPI: ServiceLoader finds the providers that modules declare with `provides`")
  void usesStorageProviders() throws URISyntaxException {
    assertEquals(Set.of(StorageProvider.class.getName()), descriptor().uses());
  }

  @Test
  @DisplayName("core provides JBoss Logging's LoggerProvider with its SLF4J bridge, on both paths: `provides` on the"
      + " module path, META-INF/services on the class path (decision L1)")
  void providesTheJBossLoggingBridge() throws URISyntaxException, java.io.IOException {
    assertEquals(Set.of("org.jboss.logging.LoggerProvider with [" + JBossLoggingToSlf4j.class.getName() + "]"),
        descriptor().provides().stream().map(p -> p.service() + " with " + p.providers()).collect(Collectors.toSet()));
    Path classes = Path.of(PartnerProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertEquals(List.of(JBossLoggingToSlf4j.class.getName()),
        java.nio.file.Files.readAllLines(classes.resolve("META-INF/services/org.jboss.logging.LoggerProvider")).stream()
            .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
  }
}
