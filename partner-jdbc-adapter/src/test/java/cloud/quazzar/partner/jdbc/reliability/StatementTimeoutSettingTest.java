package cloud.quazzar.partner.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConfigurationException;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.registry.ContactUpdate;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcStorage#STATEMENT_TIMEOUT} and timeouts on H2 (the PostgreSQL case is in {@link
 * FaultInjectionTest}): the setting is validated when the store opens, and stores with it work;
 * H2 ends a row-lock wait at its own LOCK_TIMEOUT, which the store reports as "timed out" too.
 */
@DisplayName("The statement timeout setting")
class StatementTimeoutSettingTest {

  @Test
  @DisplayName("must be 0 (none) to 86,400,000 ms")
  void validated() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> Reliability.open(JdbcStorage.h2InMemory("timeout-" + UUID.randomUUID())
            .with(JdbcStorage.STATEMENT_TIMEOUT, -1)));
    assertTrue(e.getMessage().contains(JdbcStorage.STATEMENT_TIMEOUT), e.getMessage());
  }

  @Test
  @DisplayName("on H2, a row-lock wait past H2's LOCK_TIMEOUT (which H2 uses for lock waits) is a typed 'timed out'; nothing stored; the retry is stored once")
  void h2LockWaitTimesOut() throws Exception {
    String name = "timeout-" + UUID.randomUUID();
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=300";
    try (Store store = Reliability.open(JdbcStorage.url(url, "sa", "").with(JdbcStorage.STATEMENT_TIMEOUT, 1000));
        Connection locker = DriverManager.getConnection("jdbc:h2:mem:" + name, "sa", "")) {
      PartnerProgram program = Reliability.program(store);
      Partner p = program.registry().add(new NewPartner("Timeout", "t@example.com", Tier.SILVER));
      locker.setAutoCommit(false);
      try (PreparedStatement ps = locker.prepareStatement("UPDATE partners SET contact_email = ? WHERE id = ?")) {
        ps.setString(1, "locker@example.com");
        ps.setObject(2, p.id().value());
        assertEquals(1, ps.executeUpdate());
      }
      ContactUpdate update = new ContactUpdate("Timeout", "new@example.com");
      long started = System.nanoTime();
      StorageException e = assertThrows(StorageException.class,
          () -> program.registry().updateContact(p.id(), 1, update));
      long waited = (System.nanoTime() - started) / 1_000_000;
      assertTrue(e.getMessage().startsWith("timed out"), e.getMessage());
      assertTrue(waited < 5_000, "H2's lock timeout ended the wait: " + waited + " ms");
      locker.rollback();
      assertEquals(1, program.registry().get(p.id()).version(), "nothing stored");
      assertEquals(2, program.registry().updateContact(p.id(), 1, update).version(), "the retry is stored once");
    }
  }
}
