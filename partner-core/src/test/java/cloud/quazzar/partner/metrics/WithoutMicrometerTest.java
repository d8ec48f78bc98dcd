package cloud.quazzar.partner.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * OPS-13: a host without Micrometer runs a program as before. The program is loaded in a class
 * loader over core's classes and run-time dependencies without Micrometer's jars (on a class path,
 * as a host would), built on the memory store and used; Micrometer is not there to load.
 */
class WithoutMicrometerTest {
  /**
   * The JDK's classes only. Not the platform class loader itself: it hands a class of a package of
   * any module of the boot layer (this test's module path: core, Micrometer) to that module's
   * loader, so the loader under test would see them all.
   */
  private static final class JdkOnly extends ClassLoader {
    private final Map<String, Module> jdkPackages = new HashMap<>();

    JdkOnly() {
      super("jdk-only", null);
      for (Module m : ModuleLayer.boot().modules()) {
        ClassLoader l = m.getClassLoader();
        if (l == null || l == ClassLoader.getPlatformClassLoader()) {
          m.getPackages().forEach(p -> jdkPackages.put(p, m));
        }
      }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      int dot = name.lastIndexOf('.');
      if (dot > 0 && jdkPackages.containsKey(name.substring(0, dot))) {
        return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
      }
      throw new ClassNotFoundException(name);
    }
  }

  private static List<URL> pathWithoutMicrometer() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String property : List.of("jdk.module.path", "java.class.path")) {
      String value = System.getProperty(property, "");
      for (String entry : value.split(File.pathSeparator)) {
        String lower = entry.toLowerCase(Locale.ROOT);
        if (entry.isBlank() || lower.contains("micrometer") || lower.contains("hdrhistogram")
            || lower.contains("latencyutils") || lower.contains("test-classes")) {
          continue;
        }
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    return urls;
  }

  @Test
  @DisplayName("OPS-13: without Micrometer's jars a program builds, adds a partner and reads it back")
  void programRunsWithoutMicrometer() throws Exception {
    List<URL> urls = pathWithoutMicrometer();
    assertTrue(urls.stream().anyMatch(u -> u.getPath().contains("partner-core/target/classes")),
        "core's classes are on the path: " + urls);
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), new JdkOnly())) {
      assertEquals(null, loader.getResource("io/micrometer/core/instrument/MeterRegistry.class"),
          "Micrometer is not on this path: " + urls);
      assertThrows(ClassNotFoundException.class, () -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"),
          "Micrometer is not on this path");
      Class<?> programType = loader.loadClass("cloud.quazzar.partner.PartnerProgram");
      assertFalse(programType.getModule().isNamed(), "loaded from the class path, not the test's module");
      Class<?> storeType = loader.loadClass("cloud.quazzar.partner.spi.Store");
      Object store = loader.loadClass("cloud.quazzar.partner.memory.MemoryStorage").getMethod("create").invoke(null);
      Object builder = programType.getMethod("builder").invoke(null);
      builder.getClass().getMethod("store", storeType).invoke(builder, store);
      Object program = builder.getClass().getMethod("build").invoke(builder);
      try {
        Class<?> tier = loader.loadClass("cloud.quazzar.partner.registry.Tier");
        Class<?> newPartnerType = loader.loadClass("cloud.quazzar.partner.registry.NewPartner");
        Object request = newPartnerType.getConstructor(String.class, String.class, tier)
            .newInstance("Atlas Cloud", "ops@atlas.example", tier.getMethod("valueOf", String.class).invoke(null, "GOLD"));
        Object registry = programType.getMethod("registry").invoke(program);
        Class<?> registryType = loader.loadClass("cloud.quazzar.partner.registry.PartnerRegistry");
        Object partner = registryType.getMethod("add", newPartnerType).invoke(registry, request);
        Object id = partner.getClass().getMethod("id").invoke(partner);
        Object read = registryType.getMethod("get", id.getClass()).invoke(registry, id);
        assertEquals(partner, read);
        assertEquals("Atlas Cloud", read.getClass().getMethod("companyName").invoke(read));
      } finally {
        programType.getMethod("close").invoke(program);
        storeType.getMethod("close").invoke(store);
      }
    }
  }
}
