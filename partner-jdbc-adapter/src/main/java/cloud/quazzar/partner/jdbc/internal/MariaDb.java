package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.ConfigurationException;
import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * What the store's own pool needs on MariaDB before it connects: the database named by the
 * schema setting (MariaDB's schemas are databases, and the pool connects to it), and on a Galera
 * cluster the session setting that makes each transaction see every write the cluster committed
 * before it began.
 */
final class MariaDb {
  /**
   * {@code wsrep_sync_wait} for the store's sessions on a Galera cluster: 1 makes a read (and the
   * first statement of a transaction) wait until the node has applied every write set the cluster
   * committed before it, so that what one node committed is seen by the next transaction on any
   * other node (read-your-writes across nodes). Writes need no wait: a write on stale rows fails
   * Galera's certification at commit and the store runs the transaction again.
   */
  static final int SYNC_WAIT = 1;

  /** The character set and binary collation of everything the store creates. */
  static final String CHARSET = "CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin";

  private MariaDb() {}

  /**
   * Creates the database {@code schema} if it is missing (with {@code migrate}) and, on a Galera
   * cluster, sets {@link #SYNC_WAIT} on every connection of the pool.
   *
   * @return whether the server is a node of a Galera cluster
   * @throws ConfigurationException if the server cannot be reached
   */
  static boolean prepare(HikariConfig pool, String url, @Nullable String user, @Nullable String password,
      @Nullable String schema, boolean migrate, String shownUrl) {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement()) {
      if (schema != null && migrate) {
        s.execute("CREATE DATABASE IF NOT EXISTS " + Dialect.MARIADB.quoteIdentifier(schema) + " " + CHARSET);
      }
      boolean galera = galera(s);
      if (galera) {
        pool.setConnectionInitSql("SET SESSION wsrep_sync_wait = " + SYNC_WAIT);
        // The pool runs its init SQL only on the connections it opens. A connection of a
        // multi-host URL whose server fails is connected to another host by the driver itself,
        // behind the pool, and that new session would run with the server's default (0). The
        // driver applies its own sessionVariables to every session it opens, failovers included.
        if (!url.contains("sessionVariables=")) {
          pool.addDataSourceProperty("sessionVariables", "wsrep_sync_wait=" + SYNC_WAIT);
        }
      }
      return galera;
    } catch (SQLException e) {
      throw new ConfigurationException("cannot connect to " + shownUrl
          + (user == null ? "" : " as user '" + user + "'") + ": " + Secrets.scrub(Jdbc.firstLine(e), password), e);
    }
  }

  /** Whether the server is a node of a Galera cluster ({@code wsrep_on} is ON). */
  static boolean galera(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SHOW VARIABLES LIKE 'wsrep_on'")) {
      return rs.next() && "ON".equalsIgnoreCase(rs.getString(2));
    }
  }
}
