package cloud.quazzar.partner;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cloud.quazzar.partner.architecture.ArchitectureRules;
import cloud.quazzar.partner.discount.DiscountCalculator;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.internal.ProgramTime;
import cloud.quazzar.partner.internal.discount.PolicyRules;
import cloud.quazzar.partner.internal.discount.QuoteAccess;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.metrics.PartnerProgramMetrics;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The build's architecture rules (docs/architecture.md, "Build guards") on core's main classes. */
class ArchitectureTest {
  /**
   * The one documented exception to "API never depends on internal" (decision DS2): two discount
   * value types reach internal code through a bridge each (the JDK's SharedSecrets pattern), so
   * that the quote's constructor is not API and the policy's validation is not in the API record.
   */
  private static final List<Class<?>> DISCOUNT_BRIDGES = List.of(QuoteAccess.class, PolicyRules.class);

  /**
   * A reading of the clock: {@code instant()} or {@code millis()} of a {@code Clock} (any {@link
   * InstantSource}), or any {@code now(...)} of {@code java.time} ({@code LocalDate.now(clock)},
   * {@code Instant.now(clock)}, ...; those without a clock are refused for every module already).
   */
  private static final DescribedPredicate<JavaMethodCall> READS_THE_CLOCK = DescribedPredicate.describe(
      "read the clock (Clock.instant(), Clock.millis(), a java.time now(...))",
      call -> {
        String name = call.getTarget().getName();
        return (call.getTargetOwner().isAssignableTo(InstantSource.class) && (name.equals("instant") || name.equals("millis")))
            || (call.getTargetOwner().getPackageName().equals("java.time") && name.equals("now"));
      });

  @TestFactory
  @DisplayName("core follows the architecture rules; only the program, its builder, the memory store factory, the standalone calculator and the metrics wire internals")
  Stream<DynamicTest> rules() {
    return ArchitectureRules.checkCore(PartnerProgram.class, DISCOUNT_BRIDGES,
        PartnerProgram.class, PartnerProgram.Builder.class, MemoryStorage.class, DiscountCalculator.class,
        PartnerProgramMetrics.class);
  }

  @Test
  @DisplayName("core's own rule: only ProgramTime reads the clock, so \"now\" (in microseconds), \"today\" and \"this month\" are computed in one place")
  void onlyProgramTimeReadsTheClock() {
    JavaClasses core = ArchitectureRules.mainClassesOf(PartnerProgram.class);
    noClasses().that().doNotBelongToAnyOf(ProgramTime.class)
        .should().callMethodWhere(READS_THE_CLOCK)
        .because("every service takes now, today and this month from internal.ProgramTime (decision D3: stored "
            + "instants in microseconds; today in the program's zone)")
        .check(core);
    // the rule is not empty: it finds ProgramTime's own readings
    classes().that().belongToAnyOf(ProgramTime.class).should().callMethodWhere(READS_THE_CLOCK).check(core);
  }

  @Test
  @DisplayName("of the API, only DiscountQuote uses the quote bridge and only DiscountPolicy the policy rules")
  void discountBridgesNarrow() {
    JavaClasses core = ArchitectureRules.mainClassesOf(PartnerProgram.class);
    classes().that().belongToAnyOf(QuoteAccess.class)
        .should().onlyHaveDependentClassesThat(resideInAPackage("..internal..").or(belongToAnyOf(DiscountQuote.class)))
        .because("QuoteAccess makes DiscountQuote's constructor reachable to the engine only")
        .check(core);
    classes().that().belongToAnyOf(PolicyRules.class)
        .should().onlyHaveDependentClassesThat(resideInAPackage("..internal..").or(belongToAnyOf(DiscountPolicy.class)))
        .because("PolicyRules holds the policy's validation for its constructor and builder only")
        .check(core);
  }
}
