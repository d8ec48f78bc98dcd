package cloud.quazzar.partner.architecture;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.architecture.fixtures.Clean;
import cloud.quazzar.partner.architecture.fixtures.Ids;
import cloud.quazzar.partner.architecture.fixtures.UsesCoreInternal;
import cloud.quazzar.partner.architecture.fixtures.Violations;
import cloud.quazzar.partner.architecture.fixtures.api.EntryPoint;
import cloud.quazzar.partner.architecture.fixtures.api.Leak;
import cloud.quazzar.partner.architecture.fixtures.internal.Implementation;
import cloud.quazzar.partner.architecture.fixtures.unmarked.Unchecked;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Each rule passes on a class that follows it and fails on one that breaks it. */
class ArchitectureRulesTest {
  private static final ArchRule IDS = ArchitectureRules.idsOnlyFrom(Ids.class.getName());

  private static JavaClasses of(Class<?>... types) {
    return new ClassFileImporter().importClasses(types);
  }

  private static void fails(ArchRule rule, Class<?> violation, String expected) {
    AssertionError e = assertThrows(AssertionError.class, () -> rule.check(of(violation)),
        violation.getSimpleName() + " must break: " + rule.getDescription());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  @DisplayName("a class that follows every rule passes them all")
  void cleanPasses() throws ClassNotFoundException {
    Class<?> packageInfo = Class.forName(Clean.class.getPackageName() + ".package-info");
    JavaClasses clean = of(Clean.class, Ids.class, Ids.Random.class, packageInfo);
    for (ArchRule rule : List.of(ArchitectureRules.NULL_MARKED_CODE, ArchitectureRules.NO_FLOATING_POINT_FIELDS, ArchitectureRules.TIME_FROM_THE_CLOCK,
        ArchitectureRules.SLF4J_ONLY, IDS, ArchitectureRules.NO_CONSOLE_OUTPUT,
        ArchitectureRules.CORE_FREE_OF_ADAPTERS, ArchitectureRules.NO_CORE_INTERNALS,
        ArchitectureRules.MICROMETER_ONLY_IN_METRICS,
        ArchitectureRules.assertionsSayWhatTheyCheck("cloud.quazzar.partner.architecture.fixtures.."))) {
      assertDoesNotThrow(() -> rule.check(clean), rule.getDescription());
    }
  }

  @Test
  @DisplayName("a class in a package that is not @NullMarked is refused: NullAway would skip it")
  void nullMarked() {
    JavaClasses unmarked = new ClassFileImporter().importPackages("cloud.quazzar.partner.architecture.fixtures.unmarked");
    AssertionError e = assertThrows(AssertionError.class, () -> ArchitectureRules.NULL_MARKED_CODE.check(unmarked));
    assertTrue(e.getMessage().contains(Unchecked.class.getName()), e.getMessage());
  }

  @Test
  @DisplayName("OPS-13: a class outside core's metrics packages that refers to Micrometer is refused")
  void micrometerOnlyInMetrics() {
    fails(ArchitectureRules.MICROMETER_ONLY_IN_METRICS, Violations.UsesMicrometer.class, "io.micrometer");
  }

  @Test
  @DisplayName("float and double fields, boxed or not, are refused")
  void floatingPoint() {
    fails(ArchitectureRules.NO_FLOATING_POINT_FIELDS, Violations.DoubleField.class, "rate");
    fails(ArchitectureRules.NO_FLOATING_POINT_FIELDS, Violations.BoxedFloatField.class, "rate");
  }

  @Test
  @DisplayName("time read without the clock is refused")
  void systemTime() {
    fails(ArchitectureRules.TIME_FROM_THE_CLOCK, Violations.SystemTime.class, "Instant.now()");
    fails(ArchitectureRules.TIME_FROM_THE_CLOCK, Violations.SystemMonth.class, "YearMonth.now()");
    fails(ArchitectureRules.TIME_FROM_THE_CLOCK, Violations.Millis.class, "currentTimeMillis()");
  }

  @Test
  @DisplayName("an assertTrue, assertFalse, assertNull or assertNotNull without a message is refused")
  void assertionMessages() {
    ArchRule rule = ArchitectureRules.assertionsSayWhatTheyCheck("cloud.quazzar.partner.architecture.fixtures..");
    fails(rule, Violations.BareAssertion.class, "Assertions.assertTrue(boolean)");
    fails(rule, Violations.BareNullCheck.class, "Assertions.assertNotNull(java.lang.Object)");
  }

  @Test
  @DisplayName("logging other than through SLF4J is refused")
  void logging() {
    fails(ArchitectureRules.SLF4J_ONLY, Violations.JulLogging.class, "java.util.logging");
    fails(ArchitectureRules.SLF4J_ONLY, Violations.JBossLogging.class, "org.jboss.logging");
  }

  @Test
  @DisplayName("JBoss Logging's API is allowed in the named bridge only, and no other logging API there either")
  void jbossLoggingBridge() {
    ArchRule bridged = ArchitectureRules.slf4jOnly(List.of(Violations.JBossLogging.class.getName()));
    assertDoesNotThrow(() -> bridged.check(of(Violations.JBossLogging.class)));
    fails(ArchitectureRules.slf4jOnly(List.of(Violations.JulLogging.class.getName())), Violations.JulLogging.class,
        "java.util.logging");
    fails(bridged, Violations.JulLogging.class, "java.util.logging");
    assertEquals("cloud.quazzar.partner.internal.logging.JBossLoggingToSlf4j", ArchitectureRules.JBOSS_LOGGING_BRIDGE);
  }

  @Test
  @DisplayName("random UUIDs outside the id generator and its implementations are refused, called or referenced")
  void ids() {
    fails(IDS, Violations.RandomId.class, "randomUUID");
    fails(IDS, Violations.RandomIdReference.class, "randomUUID");
    assertEquals("cloud.quazzar.partner.IdGenerator", ArchitectureRules.ID_GENERATOR);
    fails(ArchitectureRules.IDS_FROM_THE_GENERATOR, Ids.class, "randomUUID");
  }

  @Test
  @DisplayName("console output outside a program's main method is refused")
  void console() {
    fails(ArchitectureRules.NO_CONSOLE_OUTPUT, Violations.PrintsToOut.class, "System.out");
    fails(ArchitectureRules.NO_CONSOLE_OUTPUT, Violations.PrintsToErr.class, "System.err");
    fails(ArchitectureRules.NO_CONSOLE_OUTPUT, Violations.PrintsStackTrace.class, "printStackTrace");
    fails(ArchitectureRules.NO_CONSOLE_OUTPUT, Violations.NotAMain.class, "System.out");
  }

  @Test
  @DisplayName("core depending on JDBC is refused")
  void adapters() {
    fails(ArchitectureRules.CORE_FREE_OF_ADAPTERS, Violations.UsesJdbc.class, "java.sql.Connection");
  }

  @Test
  @DisplayName("another module using core's internal packages is refused")
  void coreInternals() {
    fails(ArchitectureRules.NO_CORE_INTERNALS, UsesCoreInternal.class, "CoreInternal");
  }

  @Test
  @DisplayName("only the entry points reach internal packages")
  void entryPoints() {
    JavaClasses api = of(EntryPoint.class, Leak.class, Implementation.class);
    AssertionError e = assertThrows(AssertionError.class,
        () -> ArchitectureRules.internalOnlyThroughEntryPoints(EntryPoint.class).check(api));
    assertTrue(e.getMessage().contains(Leak.class.getName()), e.getMessage());
    assertTrue(!e.getMessage().contains(EntryPoint.class.getName() + ".create()"), e.getMessage());
    assertDoesNotThrow(() -> ArchitectureRules.internalOnlyThroughEntryPoints(EntryPoint.class, Leak.class).check(api));
  }

  @Test
  @DisplayName("a rule that finds nothing to check fails rather than passes")
  void emptyFails() {
    assertThrows(AssertionError.class, () -> ArchitectureRules.NO_FLOATING_POINT_FIELDS.check(of()));
  }

  @Test
  @DisplayName("a module's main classes are found from any one of them")
  void mainClasses() {
    JavaClasses main = ArchitectureRules.mainClassesOf(ArchitectureRules.class);
    assertTrue(main.contain(ArchitectureRules.class));
    assertTrue(!main.contain(ArchitectureRulesTest.class), "test classes are not main classes");
  }

  @TestFactory
  @DisplayName("this module's main classes follow the rules")
  java.util.stream.Stream<DynamicTest> ownRules() {
    return ArchitectureRules.checkModule(ArchitectureRules.class);
  }
}
