package cloud.quazzar.partner;

import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.spi.StorageProvider;
import cloud.quazzar.partner.spi.StorageSettings;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreWork;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A memory store that claims the durability it is given and counts its closes, so that tests can
 * watch discovery keep or refuse a store. Public with public providers: discovery loads them
 * through a class loader that lists them in {@code META-INF/services}.
 */
public final class FlaggedStore implements Store {
  /** How many flagged stores were closed, over the whole run. */
  public static final AtomicInteger CLOSED = new AtomicInteger();

  private final Store delegate = MemoryStorage.create();
  private final boolean durable;
  private final String description;

  FlaggedStore(boolean durable, String description) {
    this.durable = durable;
    this.description = description;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public boolean durable() {
    return durable;
  }

  @Override
  public <T> T read(StoreWork<T> work) {
    return delegate.read(work);
  }

  @Override
  public <T> T write(StoreWork<T> work) {
    return delegate.write(work);
  }

  @Override
  public void close() {
    CLOSED.incrementAndGet();
    delegate.close();
  }

  /** Provider {@code volatile-test}: opens a store that says it is not durable. */
  public static final class VolatileProvider implements StorageProvider {
    /** For ServiceLoader. */
    public VolatileProvider() {}

    @Override
    public String name() {
      return "volatile-test";
    }

    @Override
    public int priority() {
      return 50;
    }

    @Override
    public Store open(StorageSettings settings) {
      return new FlaggedStore(false, "volatile test store");
    }
  }

  /** Provider {@code durable-test}: opens a store that says it is durable (it is not, really). */
  public static final class DurableProvider implements StorageProvider {
    /** For ServiceLoader. */
    public DurableProvider() {}

    @Override
    public String name() {
      return "durable-test";
    }

    @Override
    public int priority() {
      return 10;
    }

    @Override
    public Store open(StorageSettings settings) {
      return new FlaggedStore(true, "durable test store");
    }
  }
}
