package cloud.quazzar.partner.testkit.tck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Starts the contracts' concurrent workers at once, for the cases that race writers on one store. */
final class Concurrently {
  private Concurrently() {}

  /** One worker's body; {@code i} is its number, 0 to threads - 1. */
  @FunctionalInterface
  interface Worker {
    void accept(int i) throws Exception;
  }

  /**
   * Runs {@code body(i)} for i in 0..threads-1 at once (released together by one latch) and waits up
   * to 120 s for each. Fails with an {@link AssertionError} that counts the workers that failed, shows
   * the first failure and carries each failure as suppressed.
   */
  static void run(int threads, Worker body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Void>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        Callable<Void> task = () -> {
          start.await();
          body.accept(n);
          return null;
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      Set<Throwable> failures = new LinkedHashSet<>();
      for (Future<Void> f : futures) {
        try {
          f.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      if (!failures.isEmpty()) {
        AssertionError error = new AssertionError("concurrent workers failed: " + failures.size() + " of " + threads
            + "; the first with " + failures.iterator().next() + " (every failure is attached as suppressed)");
        failures.forEach(error::addSuppressed);
        throw error;
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
