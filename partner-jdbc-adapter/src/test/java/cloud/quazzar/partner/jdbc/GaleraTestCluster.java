package cloud.quazzar.partner.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * The 3-node MariaDB Galera cluster the {@code *Galera*} tests run against, on 127.0.0.1: node 1 at
 * {@code -Dpartner.galera.port} (default {@value #DEFAULT_PORT}), nodes 2 and 3 at the next two
 * ports, user root, no password, as {@code scripts/galera-cluster start DIR} starts it ({@code
 * GALERA_PORT_BASE} there is the port here). The stores use databases {@code tck_<random hex>} of
 * their own, created through node 1 (migrations go through one node: Flyway's lock does not reach
 * the others), and reach the data through any node.
 *
 * <p>{@link #require()} decides what a missing cluster means, as for the other servers: a failure
 * under {@code CI=true}, {@code PARTNER_GALERA_REQUIRED=true} or {@code
 * -Dpartner.galera.required=true}, else a skipped test saying how to start it. A server that answers
 * but is not a node of a Galera cluster of three is a failure either way.
 */
public final class GaleraTestCluster extends ServerTestDatabase {
  public static final int DEFAULT_PORT = 4306;
  public static final int NODES = 3;

  static final Kind KIND = new Kind("the Galera cluster", "partner.galera", url(port(), 1), "root",
      "PARTNER_GALERA_REQUIRED", "start it with scripts/galera-cluster start target/galera");

  private static final Object LOCK = new Object();
  private static GaleraTestCluster reachable;
  private static String unreachable;

  private GaleraTestCluster() {
    super(KIND);
  }

  /**
   * Whether the cluster is required here (then a test that lacks what it needs of it fails
   * instead of skipping), by the rule of {@link #require()}.
   */
  public static boolean isRequired() {
    return required(KIND);
  }

  private static int port() {
    return Integer.getInteger("partner.galera.port", DEFAULT_PORT);
  }

  /** The JDBC URL of node {@code n} (1 to 3) with no database: the stores name theirs. */
  static String url(int base, int n) {
    return "jdbc:mariadb://127.0.0.1:" + (base + n - 1) + "/";
  }

  /** The cluster, if it answers with three nodes; otherwise fails or skips the calling test. */
  public static GaleraTestCluster require() {
    synchronized (LOCK) {
      if (reachable == null && unreachable == null) {
        String[] reason = new String[1];
        GaleraTestCluster found = probe(new GaleraTestCluster(), reason);
        if (found != null) {
          found.checkIsCluster();
        }
        reachable = found;
        unreachable = reason[0];
      }
      if (reachable != null) {
        return reachable;
      }
    }
    throw unreachable(KIND, unreachable);
  }

  /** The cluster if an earlier {@link #require()} found it, for clean-up in an {@code @AfterAll}. */
  public static Optional<GaleraTestCluster> ifReachable() {
    synchronized (LOCK) {
      return Optional.ofNullable(reachable);
    }
  }

  /** The URL of node {@code n}, 1 to {@value #NODES}. */
  public String nodeUrl(int n) {
    if (n < 1 || n > NODES) {
      throw new IllegalArgumentException("node " + n);
    }
    return url(port(), n);
  }

  /** The SQL port of node {@code n}, 1 to {@value #NODES}. */
  public int nodePort(int n) {
    if (n < 1 || n > NODES) {
      throw new IllegalArgumentException("node " + n);
    }
    return port() + n - 1;
  }

  /**
   * A Connector/J multi-host URL with no database that connects to the nodes in {@code order} and
   * then to the other nodes in ascending order ({@code jdbc:mariadb:sequential://127.0.0.1:P2,
   * 127.0.0.1:P1,127.0.0.1:P3/} for {@code failoverUrl(2)}, {@code ...P2,...P3,...P1/} for {@code
   * failoverUrl(2, 3)}): the driver skips a host that failed for its {@code deniedListTimeout}, and
   * a connection whose server fails is connected to the next host.
   */
  public String failoverUrl(int... order) {
    java.util.LinkedHashSet<Integer> nodes = new java.util.LinkedHashSet<>();
    for (int n : order) {
      nodes.add(n);
    }
    for (int n = 1; n <= NODES; n++) {
      nodes.add(n);
    }
    StringBuilder hosts = new StringBuilder();
    for (int n : nodes) {
      hosts.append(hosts.length() == 0 ? "" : ",").append("127.0.0.1:").append(nodePort(n));
    }
    return "jdbc:mariadb:sequential://" + hosts + "/";
  }

  /** Every node's URL, node 1 first. */
  public List<String> nodeUrls() {
    return IntStream.rangeClosed(1, NODES).mapToObj(this::nodeUrl).toList();
  }

  /**
   * A store on node {@code n} in the database of {@code store} (one opened by this class),
   * migrated already: closing it leaves the database alone.
   */
  public cloud.quazzar.partner.spi.Store onNode(int n, cloud.quazzar.partner.spi.Store store) {
    return new cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider().open(
        JdbcStorage.url(nodeUrl(n), user(), null).with(JdbcStorage.SCHEMA, schemaOf(store)));
  }

  private void checkIsCluster() {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'wsrep_cluster_size'")) {
      String size = rs.next() ? rs.getString(2) : "none (not a Galera node)";
      if (!String.valueOf(NODES).equals(size)) {
        throw new AssertionError("the server at " + url() + " answers, but its wsrep_cluster_size is " + size
            + ", not " + NODES + ": start the cluster with scripts/galera-cluster start target/galera (and check"
            + " scripts/galera-cluster status target/galera)");
      }
    } catch (SQLException e) {
      throw new AssertionError("cannot read the cluster's size at " + url() + ": " + e.getMessage(), e);
    }
  }

  @Override
  void connectionProperties(Properties props) {
    props.setProperty("connectTimeout", "5000");
    // a statement of the tests' own set-up or clean-up ends within 2 minutes even on a cluster that
    // stopped applying (see GaleraConcurrencyTest), instead of hanging the build
    props.setProperty("socketTimeout", "120000");
    // the tests' own reads (stored text, emptying) see what any node committed before them
    props.setProperty("sessionVariables", "wsrep_sync_wait=1");
  }

  @Override
  void emptyTables(Statement s, String schema, List<String> tables) throws SQLException {
    MariaDbTestDatabase.deleteAll(s, schema, tables);
  }

  @Override
  String quoted(String identifier) {
    return MariaDbTestDatabase.backQuoted(identifier);
  }

  @Override
  String dropStatement(String schema) {
    return "DROP DATABASE IF EXISTS " + quoted(schema);
  }
}
