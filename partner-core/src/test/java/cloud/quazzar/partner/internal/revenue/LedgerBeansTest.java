package cloud.quazzar.partner.internal.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.internal.Checks;
import cloud.quazzar.partner.revenue.RevenueCorrection;
import cloud.quazzar.partner.revenue.RevenueRecording;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The beans the ledger checks with Bean Validation ({@link LedgerChecks#bean}, {@link
 * LedgerChecks#checkRecording}) constrain their
 * components only: a constraint on the whole record would give a violation with an empty path,
 * which the ledger would name {@code recordings[3].} instead of a component ("Bad input" in
 * docs/rules.md: every violation names its field).
 */
class LedgerBeansTest {
  @Test
  @DisplayName("RevenueRecording and RevenueCorrection have no constraint on the whole record, only on components")
  void componentConstraintsOnly() {
    for (Class<?> bean : List.of(RevenueRecording.class, RevenueCorrection.class)) {
      var descriptor = Checks.validator().getConstraintsForClass(bean);
      assertEquals(List.of(), List.copyOf(descriptor.getConstraintDescriptors()), bean.getSimpleName() + "'s record-level constraints");
      assertTrue(descriptor.isBeanConstrained(), bean.getSimpleName() + " has component constraints, which the ledger reports by name");
    }
  }
}
