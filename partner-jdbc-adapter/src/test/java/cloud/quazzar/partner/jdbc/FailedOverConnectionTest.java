package cloud.quazzar.partner.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.Store;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What MariaDB Connector/J reports when the server of a multi-host URL ({@code sequential},
 * {@code loadbalance}) fails and it connects the same {@link Connection} to another host: a
 * {@link SQLTransientConnectionException} with SQLSTATE 25S03 ("Driver has reconnect connection
 * after a communications link failure with ... In progress transaction was lost", or "... during
 * a COMMIT statement"). Produced here on H2 by a host data source whose connections throw it once
 * when armed, as seen on a Galera cluster when a node was killed (GaleraConcurrencyTest).
 * Before COMMIT nothing of the transaction survives and the connection works again: the store
 * runs a write transaction again and counts the retry. A read is not run again: only write work
 * is promised to be re-runnable ({@code Store}), and a CSV export writes its rows to the caller
 * as it reads them (run again, it wrote a partner's month twice in GaleraConcurrencyTest). During
 * COMMIT the outcome is unknown, as for any connection failure then.
 */
@DisplayName("A connection the driver failed over to another host (SQLSTATE 25S03)")
class FailedOverConnectionTest {
  private final AtomicBoolean failStatement = new AtomicBoolean();
  private final AtomicBoolean failCommit = new AtomicBoolean();

  @Test
  @DisplayName("in the middle of a transaction: the store runs the transaction again and counts a retry")
  void failedOverBeforeCommitIsRetried() {
    try (HikariDataSource h2 = h2(); Store store = new JdbcStorageProvider().open(JdbcStorage.dataSource(failingOver(h2)));
        PartnerProgram program = PartnerProgram.builder().store(store).build()) {
      failStatement.set(true);
      program.registry().add(new NewPartner("Failover Ltd", "f@example.com", Tier.GOLD));
      assertEquals(1, JdbcStorage.retries(store), "one re-run");
      // Store.retries(), which the metrics read (partner.store.retries, layer=store; OPS-12), through the program's store
      assertEquals(1, program.store().retries(), "the SPI's count, through the program's outbox");
      assertEquals(1L, program.registry().count(PartnerQuery.all()),
          "stored once");
    }
  }

  @Test
  @DisplayName("in the middle of a read: a StorageException naming 25S03, not run again (a CSV export may have written rows)")
  void failedOverReadIsNotRetried() {
    try (HikariDataSource h2 = h2(); Store store = new JdbcStorageProvider().open(JdbcStorage.dataSource(failingOver(h2)));
        PartnerProgram program = PartnerProgram.builder().store(store).build()) {
      program.registry().add(new NewPartner("Failover Ltd", "f@example.com", Tier.GOLD));
      failStatement.set(true);
      StorageException e = assertThrows(StorageException.class, () -> program.registry().count(PartnerQuery.all()));
      assertTrue(e.getMessage().contains("failed over to another host in the middle of a read"), e.getMessage());
      assertTrue(e.getMessage().contains("25S03"), e.getMessage());
      assertEquals(0, JdbcStorage.retries(store), "not re-run");
      assertEquals(1L, program.registry().count(PartnerQuery.all()), "the next read works");
    }
  }

  @Test
  @DisplayName("during COMMIT: 'commit outcome unknown', and the same request sent again is stored once")
  void failedOverDuringCommitIsOutcomeUnknown() {
    try (HikariDataSource h2 = h2(); Store store = new JdbcStorageProvider().open(JdbcStorage.dataSource(failingOver(h2)));
        PartnerProgram program = PartnerProgram.builder().store(store).build()) {
      failCommit.set(true);
      StorageException e = assertThrows(StorageException.class,
          () -> program.registry().add(new NewPartner("Failover Ltd", "f@example.com", Tier.GOLD)));
      assertTrue(e.getMessage().startsWith("commit outcome unknown"), e.getMessage());
      assertTrue(e.getMessage().contains("25S03"), e.getMessage());
      assertEquals(0, JdbcStorage.retries(store), "not re-run: the outcome is for the caller to find out");
      assertEquals(0L, program.registry().count(PartnerQuery.all()),
          "this data source's COMMIT never reached the database");
    }
  }

  private static HikariDataSource h2() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:failover-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }

  /** Connections whose next statement (or COMMIT), once armed, fails as a Connector/J failover. */
  private DataSource failingOver(DataSource target) {
    ClassLoader loader = getClass().getClassLoader();
    return (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] {DataSource.class}, (self, m, args) -> {
      Object result = invoke(m, target, args);
      if (!m.getName().equals("getConnection")) {
        return result;
      }
      Connection c = (Connection) result;
      return Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class}, (cself, cm, cargs) -> {
        if (cm.getName().startsWith("prepare") && failStatement.getAndSet(false)) {
          c.rollback(); // the failed server took the transaction with it
          throw new SQLTransientConnectionException("Driver has reconnect connection after a communications link"
              + " failure with address=(host=127.0.0.1)(port=4327)(type=primary). In progress transaction was lost",
              "25S03");
        }
        if (cm.getName().equals("commit") && failCommit.getAndSet(false)) {
          c.rollback();
          throw new SQLTransientConnectionException("Driver has reconnect connection after a communications link"
              + " failure with address=(host=127.0.0.1)(port=4327)(type=primary) during a COMMIT statement", "25S03");
        }
        return invoke(cm, c, cargs);
      });
    });
  }

  private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
