package cloud.quazzar.partner.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.StorageException;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How database errors become the SPI's exceptions, by SQLSTATE and, where MariaDB shares one
 * SQLSTATE between different errors, by its error code (decision MD1).
 */
@DisplayName("Database errors, translated")
class ErrorTranslationTest {
  private static RuntimeException translate(String state, int code) {
    return Jdbc.translate(new SQLException("boom", state, code), "SELECT 1", () -> "taken");
  }

  @Test
  @DisplayName("a duplicate key is a DUPLICATE conflict: 23505, or MariaDB's 1062 (23000); other 23000 errors are not")
  void duplicates() {
    assertEquals(ConflictException.Reason.DUPLICATE,
        assertInstanceOf(ConflictException.class, translate("23505", 0)).reason());
    assertEquals(ConflictException.Reason.DUPLICATE,
        assertInstanceOf(ConflictException.class, translate("23000", 1062)).reason());
    // a foreign key (1452) or check (4025) violation shares MariaDB's SQLSTATE 23000
    assertInstanceOf(StorageException.class, translate("23000", 1452));
    assertInstanceOf(StorageException.class, translate("23000", 4025));
  }

  @Test
  @DisplayName("serialization failures, deadlocks (MariaDB 1213, Galera's certification) and a failover before commit run the transaction again")
  void retried() {
    for (String state : new String[] {"40001", "40P01", "25S03"}) {
      assertInstanceOf(Jdbc.TransientSqlFailure.class, translate(state, 0), state);
    }
    assertInstanceOf(Jdbc.TransientSqlFailure.class, translate("40001", 1213));
  }

  @Test
  @DisplayName("timeouts say 'timed out': statement timeouts (57014, MariaDB 70100), lock timeouts (55P03, HYT00, MariaDB 1205 in HY000)")
  void timedOut() {
    for (String[] c : new String[][] {{"57014", "0"}, {"70100", "1969"}, {"55P03", "0"}, {"HYT00", "50200"},
        {"HY000", "1205"}}) {
      RuntimeException e = translate(c[0], Integer.parseInt(c[1]));
      assertInstanceOf(StorageException.class, e, c[0]);
      assertTrue(e.getMessage().startsWith("timed out"), e.getMessage());
    }
    assertFalse(translate("HY000", 1054).getMessage().startsWith("timed out"), "another HY000 error is not");
  }

  @Test
  @DisplayName("during COMMIT, a broken link (class 08, 57P0x) or MariaDB's failover (25S03) leaves the outcome unknown")
  void commitOutcomeUnknown() {
    for (String state : new String[] {"08006", "08S01", "57P01", "25S03"}) {
      assertTrue(JdbcStore.connectionLost(state), state);
    }
    assertFalse(JdbcStore.connectionLost("40001"), "a failed certification at COMMIT rolled back: retried");
    assertFalse(JdbcStore.connectionLost(null));
  }
}
