package cloud.quazzar.partner.jdbc.reliability;

import cloud.quazzar.partner.jdbc.PostgresTestDatabase;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Several Control Panel nodes on one PostgreSQL database: two JVM processes with 8
 * threads each run a bounded, seeded mix of writes on the same partners, clients, ledger keys,
 * certifications and policy; afterwards everything stored is checked against what each process
 * was told (acknowledged). The run and its checks are {@link ConcurrencyScenario}'s. Fails, never
 * skips, when PostgreSQL is required and down.
 */
@DisplayName("Two processes on one PostgreSQL database")
class MultiProcessConcurrencyTest {
  static final int OPS_PER_THREAD = Integer.getInteger("partner.reliability.opsPerThread", 120);

  @Test
  @DisplayName("lose no acknowledged update, record each idempotency key once, and let only typed conflicts escape")
  void twoProcessesLoseNothing() throws Exception {
    PostgresTestDatabase db = PostgresTestDatabase.require();
    ConcurrencyScenario run = new ConcurrencyScenario(db, List.of(db.url(), db.url()), OPS_PER_THREAD);
    run.run(ConcurrencyScenario.NONE);
    Reliability.writeFigures("multi-process", run.figures("### Concurrency across processes"));
  }
}
