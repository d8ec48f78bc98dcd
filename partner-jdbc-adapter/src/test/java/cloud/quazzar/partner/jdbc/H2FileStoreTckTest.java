package cloud.quazzar.partner.jdbc;

import cloud.quazzar.partner.jdbc.internal.JdbcStorageProvider;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.tck.StoreTck;
import cloud.quazzar.partner.testkit.tck.StoredText;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC store on an embedded H2 file database passes the TCK. */
@DisplayName("H2 file store TCK")
class H2FileStoreTckTest extends StoreTck {
  @TempDir
  static Path root;

  private static final AtomicInteger STORES = new AtomicInteger();

  @Override
  protected Store newStore() {
    // a fresh directory per store, so every test starts from an empty database
    Path db = root.resolve("store-" + STORES.incrementAndGet()).resolve("partners");
    file = db;
    return new JdbcStorageProvider().open(JdbcStorage.h2File(db));
  }

  private Path file = Path.of("");

  @Override
  protected StoredText storedText() {
    // a second connection in this JVM shares the store's open database
    return H2Memory.storedText("jdbc:h2:file:" + file.toAbsolutePath() + ";LOCK_TIMEOUT=10000;TRACE_LEVEL_FILE=0");
  }
}
