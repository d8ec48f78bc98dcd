package cloud.quazzar.partner.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** The module descriptor compiled from partner-testkit's module-info, read from the main classes. */
class ModuleDescriptorTest {
  @Test
  @DisplayName("cloud.quazzar.partner.testkit exports every package it has (it has no internal code) and opens the TCK,"
      + " whose nested classes JUnit runs, to everyone")
  void exportsEverything() throws URISyntaxException {
    Path classes = Path.of(TestClock.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<ModuleDescriptor> found = ModuleFinder.of(classes).findAll().stream().map(m -> m.descriptor()).toList();
    assertEquals(1, found.size(), "one module in " + classes);
    ModuleDescriptor kit = found.get(0);
    assertEquals("cloud.quazzar.partner.testkit", kit.name());
    assertEquals(new TreeSet<>(kit.packages()), kit.exports().stream().filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new)));
    assertEquals(Set.of("cloud.quazzar.partner.testkit.tck"), kit.opens().stream().filter(o -> !o.isQualified())
        .map(ModuleDescriptor.Opens::source).collect(Collectors.toSet()));
  }
}
