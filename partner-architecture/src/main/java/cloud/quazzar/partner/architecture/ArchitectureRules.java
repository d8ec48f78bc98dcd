package cloud.quazzar.partner.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The architecture rules of the build (docs/architecture.md, "Build guards"), checked by each
 * module's {@code ArchitectureTest} on that module's main classes: {@link #checkCore} for
 * partner-core, {@link #checkModule} for every other module.
 *
 * <p>Every module: all code {@code @NullMarked}; no {@code float} or {@code double} field (money and rates are exact); time only
 * from the injected clock; logging through SLF4J only (in core, one class sends JBoss Logging to
 * SLF4J: {@link #JBOSS_LOGGING_BRIDGE}); ids only from the id generator; nothing
 * written to the console except by a program's {@code main} method; only the module's documented
 * entry points reach its {@code internal} packages. Core also never depends on an adapter, a
 * database driver or a migration tool, and refers to Micrometer (optional) only in its metrics
 * packages; the other modules never depend on core's {@code internal} packages.
 *
 * <p>A rule that finds no class to check fails (except the entry-point rule, which may have none
 * left to check), and {@link #mainClassesOf} fails if the import misses the module's classes, so a
 * mistaken import cannot pass unnoticed.
 */
public final class ArchitectureRules {
  /** The type whose implementations are the one source of new ids. */
  public static final String ID_GENERATOR = "cloud.quazzar.partner.IdGenerator";

  /** Core's implementation packages, which no other module may use. */
  public static final String CORE_INTERNAL = "cloud.quazzar.partner.internal..";

  /** No {@code float} or {@code double} field, boxed or not: money and rates are exact. */
  public static final ArchRule NO_FLOATING_POINT_FIELDS = fields()
      .should().notHaveRawType(float.class).andShould().notHaveRawType(double.class)
      .andShould().notHaveRawType(Float.class).andShould().notHaveRawType(Double.class)
      .because("money and rates are exact");

  /** Time only from the injected clock: no {@code now()} without a clock, no {@code currentTimeMillis()}. */
  public static final ArchRule TIME_FROM_THE_CLOCK = noClasses()
      .should().callMethod(java.time.Instant.class, "now")
      .orShould().callMethod(java.time.LocalDate.class, "now")
      .orShould().callMethod(java.time.LocalDateTime.class, "now")
      .orShould().callMethod(java.time.ZonedDateTime.class, "now")
      .orShould().callMethod(java.time.OffsetDateTime.class, "now")
      .orShould().callMethod(java.time.YearMonth.class, "now")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .because("time comes from the Clock the host gives the program");

  /**
   * The one class that may use JBoss Logging's API: core's provider that sends JBoss Logging, the
   * logging API of Hibernate Validator, to SLF4J (decision L1 in docs/decisions.md).
   */
  public static final String JBOSS_LOGGING_BRIDGE = "cloud.quazzar.partner.internal.logging.JBossLoggingToSlf4j";

  /** Logging through SLF4J only: the host chooses the binding. */
  public static final ArchRule SLF4J_ONLY = slf4jOnly(List.of());

  /** Ids only from {@link #ID_GENERATOR}: no {@code UUID.randomUUID()} outside it and its implementations. */
  public static final ArchRule IDS_FROM_THE_GENERATOR = idsOnlyFrom(ID_GENERATOR);

  /**
   * Nothing written to {@code System.out} or {@code System.err} (nor by {@code printStackTrace()}),
   * except in a program's {@code public static void main(String[])}, which owns the console and
   * hands it to the code it runs. Library code logs; tests report through JUnit's {@code TestReporter}.
   */
  public static final ArchRule NO_CONSOLE_OUTPUT = classes()
      .should(new ArchCondition<JavaClass>("not write to System.out or System.err outside a main method") {
        @Override
        public void check(JavaClass item, ConditionEvents events) {
          for (JavaAccess<?> access : item.getAccessesFromSelf()) {
            if (writesToConsole(access) && !isMainMethod(access.getOrigin())) {
              events.add(SimpleConditionEvent.violated(access, access.getDescription()));
            }
          }
        }
      })
      .because("a library logs, a test reports through JUnit, and only a program's main owns the console");

  /** The JSpecify annotation under which NullAway checks code (and outside which it checks nothing). */
  public static final String NULL_MARKED = "org.jspecify.annotations.NullMarked";

  /**
   * Every class is {@code @NullMarked}, through its package's {@code package-info.java} or its
   * module: NullAway checks only such code, so a package without it would go unchecked. (A
   * module's annotation is seen only when the tests run on the module path.)
   */
  public static final ArchRule NULL_MARKED_CODE = classes()
      .should(new ArchCondition<JavaClass>("be @NullMarked through their package or module") {
        @Override
        public void check(JavaClass item, ConditionEvents events) {
          if (!item.getPackage().isAnnotatedWith(NULL_MARKED) && !inNullMarkedModule(item)) {
            events.add(SimpleConditionEvent.violated(item, item.getName() + " is in package "
                + item.getPackageName() + ", which has no @NullMarked package-info.java"));
          }
        }
      })
      .because("NullAway checks @NullMarked code only");

  /** Core never depends on an adapter, a database driver, JDBC or a migration tool. */
  public static final ArchRule CORE_FREE_OF_ADAPTERS = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage(
          "cloud.quazzar.partner.jdbc..", "java.sql..", "javax.sql..", "org.h2..", "org.postgresql..",
          "org.flywaydb..", "com.zaxxer..")
      .because("stores are plugged in behind the storage SPI");

  /**
   * Micrometer, an optional dependency of core, is used only in core's metrics packages ({@code
   * cloud.quazzar.partner.metrics} and {@code cloud.quazzar.partner.internal.metrics}): no other
   * class refers to it, so a host without Micrometer never loads a class that needs it (rule
   * OPS-13 in docs/rules.md).
   */
  public static final ArchRule MICROMETER_ONLY_IN_METRICS = noClasses()
      .that().resideOutsideOfPackages("cloud.quazzar.partner.metrics..", "cloud.quazzar.partner.internal.metrics..")
      .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
      .because("Micrometer is optional: without it on the class path nothing but the metrics may change");

  /** No module but core depends on core's {@code internal} packages. */
  public static final ArchRule NO_CORE_INTERNALS = noClasses()
      .should().dependOnClassesThat().resideInAPackage(CORE_INTERNAL)
      .because("core's internal packages are not API: use the public factories");

  private ArchitectureRules() {}

  /**
   * The classes of {@code packageIdentifier} (an ArchUnit package identifier such as {@code
   * "cloud.quazzar.partner.testkit.tck.."}) never call a JUnit assertion without a message whose
   * failure could not say what it checked: {@code assertTrue}, {@code assertFalse}, {@code assertNull}
   * and {@code assertNotNull} with their condition or value alone print only {@code expected: <true>
   * but was: <false>} or the like. The TCK's contracts use them with a message, or {@code
   * assertEquals} with the expected value (docs/spi-guide.md, "What a failure looks like").
   */
  public static ArchRule assertionsSayWhatTheyCheck(String packageIdentifier) {
    String assertions = "org.junit.jupiter.api.Assertions";
    return noClasses().that().resideInAPackage(packageIdentifier)
        .should().callMethod(assertions, "assertTrue", "boolean")
        .orShould().callMethod(assertions, "assertTrue", "java.util.function.BooleanSupplier")
        .orShould().callMethod(assertions, "assertFalse", "boolean")
        .orShould().callMethod(assertions, "assertFalse", "java.util.function.BooleanSupplier")
        .orShould().callMethod(assertions, "assertNull", "java.lang.Object")
        .orShould().callMethod(assertions, "assertNotNull", "java.lang.Object")
        .because("a failed check must say what it checked, so that a plugin author needs no sources to read it");
  }

  /**
   * {@link #assertionsSayWhatTheyCheck} on the main classes of the module that holds {@code
   * anyMainClass}, as one dynamic test.
   *
   * @param anyMainClass a main class of the module, to find the classes
   * @param packageIdentifier the package to check, e.g. {@code "cloud.quazzar.partner.testkit.tck.."}
   */
  public static Stream<DynamicTest> checkAssertionMessages(Class<?> anyMainClass, String packageIdentifier) {
    return check(mainClassesOf(anyMainClass), List.of(assertionsSayWhatTheyCheck(packageIdentifier)));
  }

  /**
   * Classes outside {@code internal} packages never depend on {@code internal} packages, except
   * the given entry points, which wire implementations (for example {@code PartnerProgram}).
   */
  public static ArchRule internalOnlyThroughEntryPoints(Class<?>... entryPoints) {
    return internalOnlyThroughEntryPoints(List.of(), entryPoints);
  }

  /**
   * As {@link #internalOnlyThroughEntryPoints(Class[])}, and any class may also depend on the given
   * internal bridge classes (and their nested classes): internal classes that exist so that an API
   * class can reach code that is not API (a module then checks separately which API classes use
   * each bridge).
   */
  public static ArchRule internalOnlyThroughEntryPoints(List<Class<?>> bridges, Class<?>... entryPoints) {
    List<String> names = Arrays.stream(entryPoints).map(Class::getName).toList();
    List<String> bridgeNames = bridges.stream().map(Class::getName).toList();
    String allowed = names.isEmpty() ? "none" : String.join(", ", names);
    return noClasses().that().resideOutsideOfPackage("..internal..")
        .and(DescribedPredicate.describe("are not entry points (" + allowed + ")",
            (JavaClass c) -> !names.contains(c.getName())))
        .should().dependOnClassesThat(DescribedPredicate.describe(
            "reside in a package '..internal..'" + (bridgeNames.isEmpty() ? "" : " and are not the bridges " + bridgeNames),
            (JavaClass c) -> c.getPackageName().contains(".internal")
                && bridgeNames.stream().noneMatch(b -> c.getName().equals(b) || c.getName().startsWith(b + "$"))))
        .because("internal packages are not API; only the entry points (" + allowed + ") wire implementations")
        // a module whose only classes outside internal packages are entry points has nothing to check
        .allowEmptyShould(true);
  }

  /**
   * Logging through SLF4J only, as {@link #SLF4J_ONLY}, except that the named classes may use JBoss
   * Logging's API, to send it to SLF4J (no other logging API, they neither).
   *
   * @param jbossLoggingBridges the fully qualified names of the classes that may use JBoss Logging
   * @return the rule
   */
  public static ArchRule slf4jOnly(List<String> jbossLoggingBridges) {
    ArchRule otherApis = noClasses().should().dependOnClassesThat().resideInAnyPackage(
        "java.util.logging..", "org.apache.logging..", "ch.qos.logback..", "org.apache.commons.logging..");
    ArchRule jbossLogging = noClasses()
        .that(DescribedPredicate.describe("are not " + jbossLoggingBridges, (JavaClass c) -> !jbossLoggingBridges.contains(c.getName())))
        .should().dependOnClassesThat().resideInAPackage("org.jboss.logging..")
        // the first part checks every class; this one may find only bridges
        .allowEmptyShould(true);
    return CompositeArchRule.of(otherApis).and(jbossLogging)
        .as("no classes should depend on a logging API but SLF4J's"
            + (jbossLoggingBridges.isEmpty() ? "" : " (JBoss Logging's only in " + jbossLoggingBridges + ", to send it to SLF4J)"))
        .because("a library logs through SLF4J and leaves the binding to the host");
  }

  /** No {@code UUID.randomUUID()}, called or referenced, outside {@code generator} and its implementations. */
  public static ArchRule idsOnlyFrom(String generator) {
    return classes().that().areNotAssignableTo(generator)
        .should(new ArchCondition<JavaClass>("not make random UUIDs") {
          @Override
          public void check(JavaClass item, ConditionEvents events) {
            for (JavaAccess<?> access : item.getAccessesFromSelf()) {
              if (targets(access, "java.util.UUID", "randomUUID")) {
                events.add(SimpleConditionEvent.violated(access, access.getDescription()));
              }
            }
          }
        })
        .because("ids come from the program's " + generator + ", which tests replace");
  }

  /**
   * The main classes of the module that holds {@code anyMainClass}: every class of the directory
   * or jar it was loaded from, without JMH's generated code and without {@code module-info}.
   */
  public static JavaClasses mainClassesOf(Class<?> anyMainClass) {
    CodeSource source = anyMainClass.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new IllegalArgumentException(anyMainClass + " has no code source to import");
    }
    URL location = source.getLocation();
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(l -> !l.contains("/jmh_generated/") && !l.contains("/module-info.class"))
        .importUrl(location);
    if (!classes.contain(anyMainClass)) {
      throw new IllegalStateException("importing " + location + " did not find " + anyMainClass.getName());
    }
    return classes;
  }

  /** The rules of every module, without the entry-point rule. */
  public static List<ArchRule> everyModule() {
    return List.of(NULL_MARKED_CODE, NO_FLOATING_POINT_FIELDS, TIME_FROM_THE_CLOCK, SLF4J_ONLY,
        IDS_FROM_THE_GENERATOR, NO_CONSOLE_OUTPUT);
  }

  /**
   * Core's rules on core's main classes, one dynamic test per rule.
   *
   * @param anyMainClass a main class of core, to find the classes
   * @param entryPoints the classes outside {@code internal} that may wire implementations
   */
  public static Stream<DynamicTest> checkCore(Class<?> anyMainClass, Class<?>... entryPoints) {
    return checkCore(anyMainClass, List.of(), entryPoints);
  }

  /**
   * Core's rules on core's main classes, one dynamic test per rule, allowing the given internal
   * bridge classes (see {@link #internalOnlyThroughEntryPoints(List, Class[])}).
   */
  public static Stream<DynamicTest> checkCore(Class<?> anyMainClass, List<Class<?>> bridges, Class<?>... entryPoints) {
    List<ArchRule> rules = new ArrayList<>(everyModule());
    // core holds the one JBoss Logging bridge
    rules.set(rules.indexOf(SLF4J_ONLY), slf4jOnly(List.of(JBOSS_LOGGING_BRIDGE)));
    rules.add(internalOnlyThroughEntryPoints(bridges, entryPoints));
    rules.add(CORE_FREE_OF_ADAPTERS);
    rules.add(MICROMETER_ONLY_IN_METRICS);
    return check(mainClassesOf(anyMainClass), rules);
  }

  /**
   * The rules of a module other than core on its main classes, one dynamic test per rule.
   *
   * @param anyMainClass a main class of the module, to find the classes
   * @param entryPoints the classes outside the module's {@code internal} packages that may wire
   *     its implementations (none for a module without internal packages)
   */
  public static Stream<DynamicTest> checkModule(Class<?> anyMainClass, Class<?>... entryPoints) {
    List<ArchRule> rules = new ArrayList<>(everyModule());
    rules.add(internalOnlyThroughEntryPoints(entryPoints));
    rules.add(NO_CORE_INTERNALS);
    return check(mainClassesOf(anyMainClass), rules);
  }

  /** One dynamic test per rule, named by the rule's description. */
  public static Stream<DynamicTest> check(JavaClasses classes, List<ArchRule> rules) {
    return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
  }

  private static boolean inNullMarkedModule(JavaClass item) {
    Module module = item.reflect().getModule();
    return module.isNamed() && Arrays.stream(module.getAnnotations())
        .anyMatch(a -> a.annotationType().getName().equals(NULL_MARKED));
  }

  private static boolean writesToConsole(JavaAccess<?> access) {
    return targets(access, "java.lang.System", "out") || targets(access, "java.lang.System", "err")
        || isPrintStackTrace(access.getTarget());
  }

  private static boolean isPrintStackTrace(AccessTarget target) {
    return target.getName().equals("printStackTrace")
        && target instanceof AccessTarget.CodeUnitAccessTarget unit
        && unit.getRawParameterTypes().isEmpty()
        && target.getOwner().isAssignableTo(Throwable.class);
  }

  private static boolean targets(JavaAccess<?> access, String owner, String name) {
    AccessTarget target = access.getTarget();
    return target.getOwner().getName().equals(owner) && target.getName().equals(name);
  }

  private static boolean isMainMethod(JavaCodeUnit unit) {
    return unit.getName().equals("main")
        && unit.getModifiers().containsAll(List.of(JavaModifier.PUBLIC, JavaModifier.STATIC))
        && unit.getRawParameterTypes().size() == 1
        && unit.getRawParameterTypes().get(0).getName().equals(String[].class.getName())
        && unit.getRawReturnType().getName().equals("void");
  }
}
