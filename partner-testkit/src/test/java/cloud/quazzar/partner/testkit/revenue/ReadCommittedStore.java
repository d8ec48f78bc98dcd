package cloud.quazzar.partner.testkit.revenue;

import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.spi.RevenueRepository;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreTransaction;
import cloud.quazzar.partner.spi.StoreWork;
import cloud.quazzar.partner.testkit.RepositoryCalls;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store over another one whose write transactions read revenue as a read-committed database
 * shows it while another transaction commits in between: armed with {@link #commitsAfter}, the
 * next {@code findByKey} and {@code history} calls of write transactions do not see the entry
 * stored under a key, as if the transaction that stored it committed just after them; the reads
 * after those, and {@code appendAbsent}, see it. (The memory store has one writer at a time, so
 * only a store like this one lets a test reach what the ledger does when an entry turns up between
 * two of its reads.) Records the keys of every {@code appendAbsent} call, in the order given. Uses
 * only the public SPI.
 */
final class ReadCommittedStore implements Store {
  private final Store inner;
  private final AtomicInteger hiddenReads = new AtomicInteger();
  private final List<List<String>> appended = new ArrayList<>();
  private volatile String hiddenKey = "";

  ReadCommittedStore(Store inner) {
    this.inner = inner;
  }

  /**
   * The next {@code reads} calls of {@code findByKey} or {@code history} in write transactions do
   * not see the entry stored under {@code key}: it commits after them.
   */
  void commitsAfter(String key, int reads) {
    hiddenKey = key;
    hiddenReads.set(reads);
  }

  /** Hidden reads armed but not yet made. */
  int hiddenReadsLeft() {
    return hiddenReads.get();
  }

  /** The idempotency keys of each {@code appendAbsent} call so far, in the order the call gave them. */
  synchronized List<List<String>> appendedKeys() {
    return List.copyOf(appended);
  }

  @Override
  public String description() {
    return "read-committed " + inner.description();
  }

  @Override
  public boolean durable() {
    return inner.durable();
  }

  @Override
  public <T> T read(StoreWork<T> work) {
    return inner.read(work);
  }

  @Override
  public <T> T write(StoreWork<T> work) {
    return inner.write(tx -> work.run(watched(tx)));
  }

  @Override
  public void close() {
    inner.close();
  }

  private StoreTransaction watched(StoreTransaction tx) {
    return RepositoryCalls.intercepted(tx, (repository, m, args) -> repository instanceof RevenueRepository revenue
        ? revenueCall(revenue, m, args) : RepositoryCalls.invoke(repository, m, args));
  }

  @SuppressWarnings("unchecked")
  private Object revenueCall(RevenueRepository revenue, Method m, Object[] args) throws Throwable {
    Object result = RepositoryCalls.invoke(revenue, m, args);
    switch (m.getName()) {
      case "appendAbsent" -> {
        List<String> keys = ((List<RevenueEntry>) args[0]).stream().map(RevenueEntry::idempotencyKey).toList();
        synchronized (this) {
          appended.add(keys);
        }
        return result;
      }
      case "findByKey" -> {
        Optional<RevenueEntry> found = (Optional<RevenueEntry>) result;
        return hidden() ? found.filter(e -> !e.idempotencyKey().equals(hiddenKey)) : found;
      }
      case "history" -> {
        List<RevenueEntry> history = (List<RevenueEntry>) result;
        return hidden() ? history.stream().filter(e -> !e.idempotencyKey().equals(hiddenKey)).toList() : history;
      }
      default -> {
        return result;
      }
    }
  }

  /** Whether this read is one of those armed not to see the key: it uses one up. */
  private boolean hidden() {
    return hiddenReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }
}
