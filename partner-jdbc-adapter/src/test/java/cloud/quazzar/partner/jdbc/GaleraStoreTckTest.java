package cloud.quazzar.partner.jdbc;

import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.tck.StoreTck;
import cloud.quazzar.partner.testkit.tck.StoredText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The JDBC store on a 3-node MariaDB Galera cluster passes the TCK: each test's store on node 1,
 * in a database of its own ({@link ServerTestDatabase#emptySchema}), and where a contract runs a
 * second program (two nodes sharing a listener name, concurrent sweeps, discount freshness, tier
 * reviews), that program on node 2 ({@link StoreTck#otherNode()}). Skipped when the cluster is not
 * running, unless it is required (see {@link GaleraTestCluster}).
 */
@DisplayName("Galera cluster store TCK")
class GaleraStoreTckTest extends StoreTck {
  @AfterAll
  static void dropLeftovers() {
    GaleraTestCluster.ifReachable().ifPresent(GaleraTestCluster::dropLeftoverSchemas);
  }

  @Override
  protected Store newStore() {
    return GaleraTestCluster.require().openEmptied();
  }

  @Override
  protected Store otherNode() {
    return GaleraTestCluster.require().onNode(2, store);
  }

  @Override
  protected StoredText storedText() {
    return GaleraTestCluster.require().storedText(store);
  }
}
