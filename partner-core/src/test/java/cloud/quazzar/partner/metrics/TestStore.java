package cloud.quazzar.partner.metrics;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreWork;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A memory store that fails on demand: the next writes lose to a concurrent one (a conflict core
 * retries), the next reads fail as a database down would; and that reports a retry count of its
 * own as a database store does, and counts its reads.
 */
final class TestStore implements Store {
  private final Store inner = MemoryStorage.create();
  final AtomicInteger conflictsLeft = new AtomicInteger();
  final AtomicInteger readFailuresLeft = new AtomicInteger();
  final AtomicLong retries = new AtomicLong();
  final AtomicLong reads = new AtomicLong();

  @Override
  public String description() {
    return "test store over " + inner.description();
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public long retries() {
    return retries.get();
  }

  @Override
  public <T> T read(StoreWork<T> work) {
    reads.incrementAndGet();
    if (readFailuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new StorageException("the test store is down");
    }
    return inner.read(work);
  }

  @Override
  public <T> T write(StoreWork<T> work) {
    if (conflictsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new ConflictException(ConflictException.Reason.DUPLICATE, "lost to a concurrent write (test)");
    }
    return inner.write(work);
  }

  @Override
  public void close() {
    inner.close();
  }
}
