package cloud.quazzar.partner;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.internal.discount.PolicyRules;
import cloud.quazzar.partner.internal.discount.QuoteAccess;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** STYLE.md 11: the build guards the architecture. */
class ArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("cloud.quazzar.partner");

  @Test
  @DisplayName("API and SPI packages never depend on internal packages")
  void apiFreeOfInternal() {
    noClasses().that().resideOutsideOfPackage("..internal..")
        .and().doNotHaveFullyQualifiedName(PartnerProgram.class.getName())
        .and().doNotHaveFullyQualifiedName(PartnerProgram.Builder.class.getName())
        .and().doNotHaveFullyQualifiedName(cloud.quazzar.partner.memory.MemoryStorage.class.getName())
        .should().dependOnClassesThat(resideInAPackage("..internal..").and(not(DISCOUNT_BRIDGES)))
        .because("internal packages are not API; only the entry points (the program and the memory store factory) wire implementations")
        .check(CORE);
  }

  /**
   * The one documented exception: two discount value types reach internal code through a bridge
   * each (the JDK's SharedSecrets pattern), so that the quote's constructor is not API and the
   * policy's validation is not in the API record. Nothing else outside internal may use them.
   */
  private static final DescribedPredicate<JavaClass> DISCOUNT_BRIDGES =
      belongToAnyOf(QuoteAccess.class, PolicyRules.class);

  @Test
  @DisplayName("of the API, only DiscountQuote uses the quote bridge and only DiscountPolicy the policy rules")
  void discountBridgesNarrow() {
    classes().that().belongToAnyOf(QuoteAccess.class)
        .should().onlyHaveDependentClassesThat(resideInAPackage("..internal..").or(belongToAnyOf(DiscountQuote.class)))
        .because("QuoteAccess makes DiscountQuote's constructor reachable to the engine only")
        .check(CORE);
    classes().that().belongToAnyOf(PolicyRules.class)
        .should().onlyHaveDependentClassesThat(resideInAPackage("..internal..").or(belongToAnyOf(DiscountPolicy.class)))
        .because("PolicyRules holds the policy's validation for its constructor and builder only")
        .check(CORE);
  }

  @Test
  @DisplayName("core never depends on an adapter, a database driver or a migration tool")
  void coreFreeOfAdapters() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("cloud.quazzar.partner.jdbc..", "java.sql..", "javax.sql..", "org.h2..",
            "org.postgresql..", "org.flywaydb..", "com.zaxxer..")
        .check(CORE);
  }

  @Test
  @DisplayName("no float or double fields anywhere in core: money and rates are exact")
  void noFloatingPoint() {
    fields().should().notHaveRawType(float.class).andShould().notHaveRawType(double.class)
        .andShould().notHaveRawType(Float.class).andShould().notHaveRawType(Double.class)
        .check(CORE);
  }

  @Test
  @DisplayName("time only comes from the injected clock: no now() without a clock, no currentTimeMillis")
  void timeFromClock() {
    noClasses().should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDate.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .orShould().callMethod(java.time.ZonedDateTime.class, "now")
        .orShould().callMethod(java.time.YearMonth.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .check(CORE);
  }

  @Test
  @DisplayName("logging goes through SLF4J only")
  void slf4jOnly() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("java.util.logging..", "org.apache.logging..", "ch.qos.logback..", "org.apache.commons.logging..")
        .check(CORE);
  }
}
